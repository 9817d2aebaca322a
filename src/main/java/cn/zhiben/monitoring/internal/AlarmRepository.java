package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.AlarmLevel;
import cn.zhiben.monitoring.AlarmStatus;
import cn.zhiben.monitoring.Verdict;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Loads and saves the alarm aggregate (its handling part); every save checks the version it loaded. */
@Repository
public class AlarmRepository {

    private static final String COLUMNS = """
            a.id, a.number, a.enterprise_id, a.enterprise_name, a.region_code, a.zone_code, a.industry_code, a.level,
            a.raised_at, a.status, a.verdict, a.escalated_at, a.escalated_to, a.hazard_id, a.hazard_number, a.closed_at, a.version""";

    private final JdbcClient jdbc;

    AlarmRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Alarm> find(UUID id, DataScope scope) {
        DataScope.Sql s = scope.toSql("a.enterprise_id", "a.region_code", "a.zone_code", "a.industry_code");
        return jdbc.sql("select " + COLUMNS + " from mon_alarm a where a.id = :id and " + s.where())
                .param("id", id).params(s.params()).query(AlarmRepository::map).optional();
    }

    public Optional<Alarm> findUnscoped(UUID id) {
        return find(id, DataScope.city());
    }

    /** Alarms still waiting for a response past their response time, not yet escalated (a system task: no scope). */
    public List<UUID> escalationCandidates(Instant now) {
        return jdbc.sql("""
                select id from mon_alarm where status = 'RAISED' and escalated_at is null and respond_due_at <= :now
                order by respond_due_at""").param("now", Timestamp.from(now)).query(UUID.class).list();
    }

    public void save(Alarm a) {
        int n = jdbc.sql("""
                update mon_alarm set status = :status, verdict = :verdict, escalated_at = :esc, escalated_to = :escTo,
                    hazard_id = :hazard, hazard_number = :hazardNo, closed_at = :closed, version = version + 1
                where id = :id and version = :version""")
                .param("status", a.status.name()).param("verdict", a.verdict == null ? null : a.verdict.name())
                .param("esc", ts(a.escalatedAt)).param("escTo", a.escalatedTo).param("hazard", a.hazardId)
                .param("hazardNo", a.hazardNumber).param("closed", ts(a.closedAt)).param("id", a.id)
                .param("version", a.version).update();
        if (n != 1) {
            throw new ProblemException(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION", "报警已被他人处理，请刷新后重试");
        }
        for (Alarm.Step s : a.newSteps()) {
            jdbc.sql("""
                    insert into mon_alarm_transition (alarm_id, from_status, to_status, action, actor_id, actor_name, actor_role, at, reason)
                    values (:a, :f, :t, :action, :actor, :name, :role, :at, :reason)""")
                    .param("a", a.id).param("f", s.from() == null ? null : s.from().name()).param("t", s.to().name())
                    .param("action", s.action().name()).param("actor", s.actorId()).param("name", s.actorName())
                    .param("role", s.actorRole()).param("at", Timestamp.from(s.at())).param("reason", s.reason()).update();
        }
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Alarm map(ResultSet rs, int n) throws SQLException {
        return new Alarm(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("enterprise_id", UUID.class),
                rs.getString("enterprise_name"), rs.getString("region_code"), rs.getString("zone_code"),
                rs.getString("industry_code"), AlarmLevel.valueOf(rs.getString("level")), rs.getTimestamp("raised_at").toInstant(),
                AlarmStatus.valueOf(rs.getString("status")),
                rs.getString("verdict") == null ? null : Verdict.valueOf(rs.getString("verdict")),
                rs.getTimestamp("escalated_at") == null ? null : rs.getTimestamp("escalated_at").toInstant(),
                rs.getString("escalated_to"), rs.getObject("hazard_id", UUID.class), rs.getString("hazard_number"),
                rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(), rs.getInt("version"));
    }
}
