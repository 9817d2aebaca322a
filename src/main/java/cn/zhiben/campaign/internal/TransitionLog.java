package cn.zhiben.campaign.internal;

import cn.zhiben.org.Labelled;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/** The append-only history of every campaign record (one table for all of them, keyed by type and id). */
@Repository
public class TransitionLog {

    private final JdbcClient jdbc;

    TransitionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(String entityType, UUID entityId, List<Transition> steps) {
        for (Transition t : steps) {
            jdbc.sql("""
                    insert into cmp_transition (entity_type, entity_id, from_status, to_status, action, actor_id, actor_name,
                        actor_role, on_behalf, at, reason)
                    values (:type, :id, :from, :to, :action, :actorId, :actorName, :actorRole, :onBehalf, :at, :reason)""")
                    .param("type", entityType).param("id", entityId).param("from", t.from()).param("to", t.to())
                    .param("action", t.action()).param("actorId", t.actorId()).param("actorName", t.actorName())
                    .param("actorRole", t.actorRole()).param("onBehalf", t.onBehalf())
                    .param("at", Timestamp.from(t.at())).param("reason", t.reason()).update();
        }
    }

    /** The history, oldest first; an action is shown by its label in the record type's action enum. */
    public <A extends Enum<A> & Labelled> List<Transition> list(String entityType, UUID entityId, Class<A> actions) {
        return jdbc.sql("""
                select from_status, to_status, action, actor_id, actor_name, actor_role, on_behalf, at, reason
                from cmp_transition where entity_type = :type and entity_id = :id order by id""")
                .param("type", entityType).param("id", entityId)
                .query((rs, n) -> new Transition(rs.getString("from_status"), rs.getString("to_status"),
                        rs.getString("action"), label(actions, rs.getString("action")),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("actor_role"),
                        rs.getBoolean("on_behalf"), rs.getTimestamp("at").toInstant(), rs.getString("reason")))
                .list();
    }

    private static <A extends Enum<A> & Labelled> String label(Class<A> actions, String name) {
        return Labelled.parse(actions, name).map(Labelled::label).orElse(name);
    }

    static Timestamp ts(java.time.Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
