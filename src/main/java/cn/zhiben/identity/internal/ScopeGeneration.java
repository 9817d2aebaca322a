package cn.zhiben.identity.internal;

import cn.zhiben.org.IndustrySupervisionChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts the committed changes that can alter a logged-in user's data scope (an industry's supervising units, an
 * expert's assignments). A UI session remembers the count its principal was built at and rebuilds it when the count
 * moves on; bearer-token principals are built per request anyway. Kept in the database (idn_scope_generation), so a
 * change made through one instance reaches the sessions every instance serves (issue 9 part 7).
 */
@Component
public class ScopeGeneration {

    private final JdbcClient jdbc;

    ScopeGeneration(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long current() {
        return jdbc.sql("select generation from idn_scope_generation where id = 1").query(Long.class).single();
    }

    // in the change's own transaction, so the new count and the new supervisors commit together
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(IndustrySupervisionChanged e) {
        jdbc.sql("update idn_scope_generation set generation = generation + 1 where id = 1").update();
    }

    // an expert's scope is its assignments: likewise in the assignment's own transaction
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(cn.zhiben.identity.ExpertAssignmentsChanged e) {
        jdbc.sql("update idn_scope_generation set generation = generation + 1 where id = 1").update();
    }
}
