package cn.zhiben.inspections.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The append-only transition table of one aggregate (plan, inspection, decision): writes the steps its verbs added to
 * the {@link Timeline} and reads the history back. The action column holds "ACTION|label" — the label as shown when the
 * step was taken (an inspection's creation says how it came about); rows without a label get {@code labelOf(action)}.
 */
final class TransitionLog {

    private final JdbcClient jdbc;
    private final String table;
    private final String key;
    private final UnaryOperator<String> labelOf;

    TransitionLog(JdbcClient jdbc, String table, String key, UnaryOperator<String> labelOf) {
        this.jdbc = jdbc;
        this.table = table;
        this.key = key;
        this.labelOf = labelOf;
    }

    void append(UUID id, Timeline timeline) {
        for (Step s : timeline.pending()) {
            jdbc.sql("insert into " + table + " (" + key + ", from_status, to_status, action, actor_id, actor_name, at, reason)"
                            + " values (:id, :f, :t, :a, :actor, :name, :at, :r)")
                    .param("id", id).param("f", s.from()).param("t", s.to()).param("a", s.action() + "|" + s.actionLabel())
                    .param("actor", s.actorId()).param("name", s.actorName()).param("at", Timestamp.from(s.at()))
                    .param("r", s.reason()).update();
        }
        timeline.clear();
    }

    List<Step> read(UUID id) {
        return jdbc.sql("select from_status, to_status, action, actor_id, actor_name, at, reason from " + table
                        + " where " + key + " = :id order by id")
                .param("id", id).query((rs, n) -> {
                    String[] a = rs.getString(3).split("\\|", 2);
                    return new Step(rs.getString(1), rs.getString(2), a[0], a.length > 1 ? a[1] : labelOf.apply(a[0]),
                            rs.getObject(4, UUID.class), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7));
                }).list();
    }
}
