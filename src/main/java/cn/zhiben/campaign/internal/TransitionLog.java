package cn.zhiben.campaign.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

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

    /** The history, oldest first; labels come from the record type's own action and state names. */
    public List<Transition> list(String entityType, UUID entityId, Function<String, String> actionLabel) {
        return jdbc.sql("""
                select from_status, to_status, action, actor_id, actor_name, actor_role, on_behalf, at, reason
                from cmp_transition where entity_type = :type and entity_id = :id order by id""")
                .param("type", entityType).param("id", entityId)
                .query((rs, n) -> new Transition(rs.getString("from_status"), rs.getString("to_status"),
                        rs.getString("action"), actionLabel.apply(rs.getString("action")),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("actor_role"),
                        rs.getBoolean("on_behalf"), rs.getTimestamp("at").toInstant(), rs.getString("reason")))
                .list();
    }

    static Timestamp ts(java.time.Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
