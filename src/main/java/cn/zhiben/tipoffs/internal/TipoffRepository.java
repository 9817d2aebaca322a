package cn.zhiben.tipoffs.internal;

import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.tipoffs.internal.TipoffCodes.AccidentLevel;
import cn.zhiben.tipoffs.internal.TipoffCodes.Category;
import cn.zhiben.tipoffs.internal.TipoffCodes.Channel;
import cn.zhiben.tipoffs.internal.TipoffCodes.Finding;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Loads and saves the tip-off aggregate; saves check the version loaded (optimistic locking) and publish its events. */
@Repository
public class TipoffRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    TipoffRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Inside the user's view, or empty — a tip-off outside it is answered exactly like a missing one. */
    Optional<Tipoff> find(UUID id, TipoffRules.Sql scope) {
        return jdbc.sql("select t.* from tip_tipoff t where t.id = :id and " + scope.where())
                .param("id", id).params(scope.params()).query(TipoffRepository::map).optional();
    }

    Optional<Tipoff> findUnscoped(UUID id) {
        return jdbc.sql("select t.* from tip_tipoff t where t.id = :id").param("id", id).query(TipoffRepository::map).optional();
    }

    Optional<Tipoff> findByTrackingCode(String code) {
        return jdbc.sql("select t.* from tip_tipoff t where t.tracking_code = :c").param("c", code)
                .query(TipoffRepository::map).optional();
    }

    List<Tipoff> findByHazards(List<UUID> hazardIds) {
        if (hazardIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select t.* from tip_tipoff t where t.hazard_id in (:h) order by t.received_at")
                .param("h", hazardIds).query(TipoffRepository::map).list();
    }

    /** Lock the row for a verb (the version check would catch a race too, later). */
    void lock(UUID id) {
        jdbc.sql("select 1 from tip_tipoff where id = :id for update").param("id", id).query(Integer.class).optional();
    }

    static ProblemException notFound() {
        return ProblemException.notFound("TIPOFF_NOT_FOUND", "举报不存在或不在您的办理范围内");
    }

    void insert(Tipoff t, String secretHash, Instant now) {
        jdbc.sql("""
                insert into tip_tipoff (id, number, tracking_code, secret_hash, channel, category, anonymous, enterprise_name,
                    enterprise_address, place, occurred_on, description, region_code, industry_code, status, received_at,
                    received_on, accept_due, registered_by, demo, version, created_at)
                values (:id, :number, :code, :secret, :channel, :category, :anonymous, :ename, :eaddr, :place, :occurred,
                    :description, :region, :industry, :status, :receivedAt, :receivedOn, :acceptDue, :registeredBy, :demo, 0, :now)""")
                .param("id", t.id).param("number", t.number).param("code", t.trackingCode).param("secret", secretHash)
                .param("channel", t.channel.name()).param("category", t.category.name()).param("anonymous", t.anonymous)
                .param("ename", t.enterpriseName).param("eaddr", t.enterpriseAddress).param("place", t.place)
                .param("occurred", t.occurredOn).param("description", t.description).param("region", t.regionCode)
                .param("industry", t.industryCode).param("status", t.status.name()).param("receivedAt", ts(t.receivedAt))
                .param("receivedOn", t.receivedOn).param("acceptDue", t.acceptDue).param("registeredBy", t.registeredBy)
                .param("demo", t.demo).param("now", ts(now)).update();
        flush(t);
    }

    void save(Tipoff t) {
        int n = jdbc.sql("""
                update tip_tipoff set region_code = :region, industry_code = :industry, enterprise_id = :enterprise,
                    unit_id = :unit, unit_region_code = :unitRegion, status = :status, finding = :finding,
                    conclusion = :conclusion, concealed_deaths_json = :deaths, hazard_id = :hazard, hazard_number = :hazardNumber,
                    duplicate_of = :duplicateOf, accepted_on = :acceptedOn, verify_due = :verifyDue, concluded_on = :concludedOn,
                    reply_due = :replyDue, reply = :reply, replied_on = :repliedOn, overdue = :overdue,
                    escalated_on = :escalatedOn, fine_fen = :fine, version = version + 1
                where id = :id and version = :version""")
                .param("region", t.regionCode).param("industry", t.industryCode).param("enterprise", t.enterpriseId)
                .param("unit", t.unitId).param("unitRegion", t.unitRegionCode).param("status", t.status.name())
                .param("finding", t.finding == null ? null : t.finding.name()).param("conclusion", t.conclusion)
                .param("deaths", t.concealedDeaths.isEmpty() ? null : JSON.writeValueAsString(t.concealedDeaths))
                .param("hazard", t.hazardId).param("hazardNumber", t.hazardNumber).param("duplicateOf", t.duplicateOf)
                .param("acceptedOn", t.acceptedOn).param("verifyDue", t.verifyDue).param("concludedOn", t.concludedOn)
                .param("replyDue", t.replyDue).param("reply", t.reply).param("repliedOn", t.repliedOn)
                .param("overdue", t.overdue).param("escalatedOn", t.escalatedOn).param("fine", t.fineFen)
                .param("id", t.id).param("version", t.version).update();
        if (n != 1) {
            throw ProblemException.conflict("TIPOFF_VERSION_CONFLICT", "举报已被他人办理，请刷新后重试");
        }
        t.version++;
        flush(t);
    }

    private void flush(Tipoff t) {
        for (Transition tr : t.newTransitions()) {
            jdbc.sql("""
                    insert into tip_transition (tipoff_id, from_status, to_status, action, actor_id, actor_name, actor_role, at, reason)
                    values (:t, :from, :to, :action, :actorId, :actorName, :actorRole, :at, :reason)""")
                    .param("t", t.id).param("from", tr.from() == null ? null : tr.from().name()).param("to", tr.to().name())
                    .param("action", tr.action().name()).param("actorId", tr.actorId()).param("actorName", tr.actorName())
                    .param("actorRole", tr.actorRole()).param("at", ts(tr.at())).param("reason", tr.reason()).update();
        }
        t.events().forEach(events::publishEvent);
        t.clearPending();
    }

    List<Transition> timeline(UUID id) {
        return jdbc.sql("select * from tip_transition where tipoff_id = :id order by id").param("id", id)
                .query((rs, n) -> new Transition(rs.getString("from_status") == null ? null : TipoffStatus.valueOf(rs.getString("from_status")),
                        TipoffStatus.valueOf(rs.getString("to_status")), TipoffAction.valueOf(rs.getString("action")),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("actor_role"),
                        rs.getTimestamp("at").toInstant(), rs.getString("reason"))).list();
    }

    /** Tip-offs whose current step has a due date before today and that are not yet marked. */
    List<UUID> dueBefore(java.time.LocalDate today) {
        return jdbc.sql("""
                select id from tip_tipoff where not overdue and (
                    (status = 'RECEIVED' and accept_due < :d) or (status = 'VERIFYING' and verify_due < :d)
                    or (status = 'CONCLUDED' and reply_due < :d)) order by received_at""")
                .param("d", today).query(UUID.class).list();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Tipoff map(ResultSet rs, int n) throws SQLException {
        Tipoff t = new Tipoff(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("tracking_code"),
                Channel.valueOf(rs.getString("channel")), Category.valueOf(rs.getString("category")), rs.getBoolean("anonymous"),
                rs.getString("enterprise_name"), rs.getString("enterprise_address"), rs.getString("place"),
                rs.getObject("occurred_on", java.time.LocalDate.class), rs.getString("description"), rs.getString("region_code"),
                rs.getString("industry_code"), rs.getTimestamp("received_at").toInstant(),
                rs.getObject("received_on", java.time.LocalDate.class), rs.getObject("accept_due", java.time.LocalDate.class),
                rs.getObject("registered_by", UUID.class), rs.getBoolean("demo"), TipoffStatus.valueOf(rs.getString("status")),
                rs.getInt("version"));
        t.enterpriseId = rs.getObject("enterprise_id", UUID.class);
        t.unitId = rs.getObject("unit_id", UUID.class);
        t.unitRegionCode = rs.getString("unit_region_code");
        t.finding = rs.getString("finding") == null ? null : Finding.valueOf(rs.getString("finding"));
        t.conclusion = rs.getString("conclusion");
        String deaths = rs.getString("concealed_deaths_json");
        t.concealedDeaths = new EnumMap<>(AccidentLevel.class);
        if (deaths != null) {
            Map<AccidentLevel, Integer> m = JSON.readValue(deaths, new TypeReference<Map<AccidentLevel, Integer>>() {
            });
            t.concealedDeaths.putAll(m);
        }
        t.hazardId = rs.getObject("hazard_id", UUID.class);
        t.hazardNumber = rs.getString("hazard_number");
        t.duplicateOf = rs.getObject("duplicate_of", UUID.class);
        t.acceptedOn = rs.getObject("accepted_on", java.time.LocalDate.class);
        t.verifyDue = rs.getObject("verify_due", java.time.LocalDate.class);
        t.concludedOn = rs.getObject("concluded_on", java.time.LocalDate.class);
        t.replyDue = rs.getObject("reply_due", java.time.LocalDate.class);
        t.reply = rs.getString("reply");
        t.repliedOn = rs.getObject("replied_on", java.time.LocalDate.class);
        t.overdue = rs.getBoolean("overdue");
        t.escalatedOn = rs.getObject("escalated_on", java.time.LocalDate.class);
        long fine = rs.getLong("fine_fen");
        t.fineFen = rs.wasNull() ? null : fine;
        return t;
    }
}
