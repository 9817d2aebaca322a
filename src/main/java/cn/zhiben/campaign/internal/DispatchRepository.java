package cn.zhiben.campaign.internal;

import cn.zhiben.platform.security.CurrentUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Dispatches and their addressees' copies: saving, loading in scope, lists, the overdue job's candidates. */
@Repository
public class DispatchRepository {

    static final String ENTITY = "dispatch";
    private final JdbcClient jdbc;
    private final TransitionLog log;

    DispatchRepository(JdbcClient jdbc, TransitionLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    public record Filter(UUID programmeId, DispatchKind kind, RecipientStatus status, Boolean overdue, Box box,
                         UUID dispatchId, LocalDate today) {
    }

    /** Received: addressed to the caller; sent: sent by the caller's office; all: everything in scope. */
    public enum Box {
        RECEIVED, SENT, ALL
    }

    private static final String SELECT = """
            select d.id as d_id, d.programme_id, d.number, d.kind, d.sender_region, d.subject, d.body, d.due_on as d_due_on,
              d.ref_type, d.ref_id, d.sent_at, d.sent_by, r.*,
              (select count(*) from cmp_attachment x where x.owner_type = 'dispatch' and x.owner_id = r.id) as attachments
            from cmp_dispatch_recipient r join cmp_dispatch d on d.id = r.dispatch_id""";

    public record Row(DispatchItem item, int attachments) {
    }

    public void insert(DispatchItem.Header h, UUID sentById) {
        jdbc.sql("""
                insert into cmp_dispatch (id, programme_id, number, kind, sender_region, subject, body, due_on, ref_type,
                    ref_id, sent_at, sent_by_id, sent_by)
                values (:id, :p, :number, :kind, :sender, :subject, :body, :due, :refType, :refId, :at, :byId, :by)""")
                .param("id", h.id()).param("p", h.programmeId()).param("number", h.number()).param("kind", h.kind().name())
                .param("sender", h.senderRegion()).param("subject", h.subject()).param("body", h.body())
                .param("due", h.dueOn()).param("refType", h.refType()).param("refId", h.refId())
                .param("at", Timestamp.from(h.sentAt())).param("byId", sentById).param("by", h.sentBy()).update();
    }

    public void insert(DispatchItem d, Instant now) {
        jdbc.sql("""
                insert into cmp_dispatch_recipient (id, dispatch_id, unit_id, region_code, due_on, status, updated_at, version)
                values (:id, :d, :u, :r, :due, :status, :now, 0)""")
                .param("id", d.id).param("d", d.header.id()).param("u", d.addressee.unitId())
                .param("r", d.addressee.regionCode()).param("due", d.dueOn).param("status", d.status.name())
                .param("now", Timestamp.from(now)).update();
        log.append(ENTITY, d.id, d.transitions);
        d.transitions.clear();
    }

    public void save(DispatchItem d, Instant now) {
        int n = jdbc.sql("""
                update cmp_dispatch_recipient set due_on = :due, status = :status, answer = :answer, answered_at = :answeredAt,
                    answered_by = :answeredBy, on_time = :onTime, escalated_for = :escalated, closing_note = :closing,
                    updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("due", d.dueOn).param("status", d.status.name()).param("answer", d.answer)
                .param("answeredAt", TransitionLog.ts(d.answeredAt)).param("answeredBy", d.answeredBy)
                .param("onTime", d.onTime).param("escalated", d.escalatedFor).param("closing", d.closingNote)
                .param("now", Timestamp.from(now)).param("id", d.id).param("version", d.version).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("dispatch recipient " + d.id + " changed");
        }
        d.version++;
        log.append(ENTITY, d.id, d.transitions);
        d.transitions.clear();
    }

    public Optional<DispatchItem> findForUpdate(UUID recipientId, CurrentUser user) {
        CampaignScope.Sql s = CampaignScope.of(user, "r.unit_id", "r.region_code");
        return jdbc.sql(SELECT + " where r.id = :id and " + s.where() + " for update of r")
                .param("id", recipientId).params(s.params()).query(DispatchRepository::item).optional();
    }

    public Optional<DispatchItem> findUnscopedForUpdate(UUID recipientId) {
        return jdbc.sql(SELECT + " where r.id = :id for update of r").param("id", recipientId)
                .query(DispatchRepository::item).optional();
    }

    public Optional<Row> find(UUID recipientId, CurrentUser user) {
        CampaignScope.Sql s = CampaignScope.of(user, "r.unit_id", "r.region_code");
        return jdbc.sql(SELECT + " where r.id = :id and " + s.where()).param("id", recipientId).params(s.params())
                .query((rs, n) -> new Row(item(rs, n), rs.getInt("attachments"))).optional();
    }

    public List<Row> search(CurrentUser user, Filter f, int limit) {
        CampaignScope.Sql s = CampaignScope.of(user, "r.unit_id", "r.region_code");
        StringBuilder where = new StringBuilder(s.where());
        Map<String, Object> p = new LinkedHashMap<>(s.params());
        Addressee me = Addressee.of(user).orElse(null);
        if (f.box() == Box.RECEIVED) {
            if (me == null) {
                return List.of();
            }
            where.append(" and r.unit_id is not distinct from :meUnit and r.region_code is not distinct from :meRegion");
            p.put("meUnit", me.unitId());
            p.put("meRegion", me.regionCode());
        } else if (f.box() == Box.SENT) {
            if (me == null || !me.office()) {
                return List.of();
            }
            where.append(" and d.sender_region is not distinct from :meRegion");
            p.put("meRegion", me.regionCode());
        }
        if (f.programmeId() != null) {
            where.append(" and d.programme_id = :programme");
            p.put("programme", f.programmeId());
        }
        if (f.dispatchId() != null) {
            where.append(" and d.id = :dispatch");
            p.put("dispatch", f.dispatchId());
        }
        if (f.kind() != null) {
            where.append(" and d.kind = :kind");
            p.put("kind", f.kind().name());
        }
        if (f.status() != null) {
            where.append(" and r.status = :status");
            p.put("status", f.status().name());
        }
        if (f.overdue() != null) {
            // unanswered past the date, or answered after it: what the late list shows
            where.append(f.overdue() ? " and (r.status = 'OVERDUE' or (r.status in (:waiting) and r.due_on < :today) or r.on_time = false)"
                    : " and not (r.status = 'OVERDUE' or (r.status in (:waiting) and r.due_on < :today) or r.on_time = false)");
            p.put("waiting", RecipientStatus.awaitingNames());
            p.put("today", f.today());
        }
        return jdbc.sql(SELECT + " where " + where + " order by d.sent_at desc, d.number, r.region_code nulls first, r.unit_id limit :limit")
                .params(p).param("limit", limit).query((rs, n) -> new Row(item(rs, n), rs.getInt("attachments"))).list();
    }

    /** Copies not answered by their date and not yet escalated for it (no scope: the daily job). */
    public List<UUID> overdueCandidates(LocalDate today) {
        return jdbc.sql("""
                select id from cmp_dispatch_recipient where status in ('PENDING', 'RETURNED') and due_on < :today
                  and escalated_for is distinct from due_on order by due_on""")
                .param("today", today).query(UUID.class).list();
    }

    /** Everything of a programme (documents count it). */
    public List<DispatchItem> ofProgramme(UUID programmeId, LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " where (cast(:p as uuid) is null or d.programme_id = :p)"
                        + " and d.sent_at >= :from and d.sent_at < :to order by d.sent_at")
                .param("p", programmeId)
                .param("from", Timestamp.from(from.atStartOfDay(cn.zhiben.platform.PlatformConfiguration.ZONE).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(cn.zhiben.platform.PlatformConfiguration.ZONE).toInstant()))
                .query(DispatchRepository::item).list();
    }

    /** Next number for a sender and kind in a year: 市安委办调〔2026〕12号. */
    public String nextNumber(String prefix, int year) {
        int n = jdbc.sql("""
                insert into cmp_number_sequence (prefix, last_value) values (:k, 1)
                on conflict (prefix) do update set last_value = cmp_number_sequence.last_value + 1 returning last_value""")
                .param("k", prefix + "/" + year).query(Integer.class).single();
        return prefix + "〔" + year + "〕" + n + "号";
    }

    static DispatchItem item(ResultSet rs, int n) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        Date escalated = rs.getDate("escalated_for");
        DispatchItem.Header h = new DispatchItem.Header(rs.getObject("d_id", UUID.class),
                rs.getObject("programme_id", UUID.class), rs.getString("number"), DispatchKind.valueOf(rs.getString("kind")),
                rs.getString("sender_region"), rs.getString("subject"), rs.getString("body"),
                rs.getDate("d_due_on").toLocalDate(), rs.getString("ref_type"), rs.getObject("ref_id", UUID.class),
                rs.getTimestamp("sent_at").toInstant(), rs.getString("sent_by"));
        return new DispatchItem(h, rs.getObject("id", UUID.class),
                new Addressee(rs.getObject("unit_id", UUID.class), rs.getString("region_code")),
                rs.getDate("due_on").toLocalDate(), RecipientStatus.valueOf(rs.getString("status")), rs.getString("answer"),
                answered == null ? null : answered.toInstant(), rs.getString("answered_by"), (Boolean) rs.getObject("on_time"),
                escalated == null ? null : escalated.toLocalDate(), rs.getString("closing_note"), rs.getInt("version"));
    }
}
