package cn.zhiben.identity.internal;

import cn.zhiben.org.IndustrySupervisionChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the committed changes that can alter a logged-in user's data scope (an industry's supervising units, an expert's assignments). A UI
 * session remembers the count its principal was built at and rebuilds it when the count moves on; bearer-token
 * principals are built per request anyway. In memory, like the sessions it serves.
 */
@Component
public class ScopeGeneration {

    private final AtomicLong generation = new AtomicLong();

    public long current() {
        return generation.get();
    }

    // after the commit, so a principal rebuilt because of it reads the new supervisors
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(IndustrySupervisionChanged e) {
        generation.incrementAndGet();
    }

    // an expert's scope is its assignments
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(cn.zhiben.identity.ExpertAssignmentsChanged e) {
        generation.incrementAndGet();
    }
}
