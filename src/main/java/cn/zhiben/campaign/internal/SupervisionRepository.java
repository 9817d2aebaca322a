package cn.zhiben.campaign.internal;

import cn.zhiben.platform.security.CurrentUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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

/** Supervision records; a published one (三公开) is visible to every campaign participant, the rest by scope. */
@Repository
public class SupervisionRepository {

    static final String ENTITY = "supervision";
    private final JdbcClient jdbc;
    private final TransitionLog log;

    SupervisionRepository(JdbcClient jdbc, TransitionLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    public record Filter(UUID programmeId, SupervisionKind kind, SupervisionStatus status, Boolean publishedOnly) {
    }

    private static CampaignScope.Sql visible(CurrentUser user) {
        CampaignScope.Sql s = CampaignScope.of(user, "s.unit_id", "s.region_code");
        if (!CampaignScope.participant(user)) {
            return s;
        }
        return new CampaignScope.Sql("(" + s.where() + " or s.public)", s.params());
    }

    public Optional<Supervision> find(UUID id, CurrentUser user) {
        CampaignScope.Sql s = visible(user);
        return jdbc.sql("select s.* from cmp_supervision s where s.id = :id and " + s.where()).param("id", id)
                .params(s.params()).query(SupervisionRepository::map).optional();
    }

    public Optional<Supervision> findForUpdate(UUID id, CurrentUser user) {
        CampaignScope.Sql s = visible(user);
        return jdbc.sql("select s.* from cmp_supervision s where s.id = :id and " + s.where() + " for update").param("id", id)
                .params(s.params()).query(SupervisionRepository::map).optional();
    }

    public List<Supervision> search(CurrentUser user, Filter f, int limit) {
        CampaignScope.Sql s = visible(user);
        StringBuilder where = new StringBuilder(s.where());
        Map<String, Object> p = new LinkedHashMap<>(s.params());
        if (f.programmeId() != null) {
            where.append(" and s.programme_id = :programme");
            p.put("programme", f.programmeId());
        }
        if (f.kind() != null) {
            where.append(" and s.kind = :kind");
            p.put("kind", f.kind().name());
        }
        if (f.status() != null) {
            where.append(" and s.status = :status");
            p.put("status", f.status().name());
        }
        if (Boolean.TRUE.equals(f.publishedOnly())) {
            where.append(" and s.public");
        }
        return jdbc.sql("select s.* from cmp_supervision s where " + where + " order by s.decided_on desc, s.number desc limit :limit")
                .params(p).param("limit", limit).query(SupervisionRepository::map).list();
    }

    public List<Supervision> between(LocalDate from, LocalDate to) {
        return jdbc.sql("select s.* from cmp_supervision s where s.decided_on between :f and :t order by s.decided_on")
                .param("f", from).param("t", to).query(SupervisionRepository::map).list();
    }

    public void insert(Supervision s, Instant now, String by) {
        jdbc.sql("""
                insert into cmp_supervision (id, programme_id, number, kind, issuer_region, unit_id, region_code, subject,
                    facts, decided_on, document_number, public, ref_type, ref_id, status, created_at, created_by, updated_at, version)
                values (:id, :p, :number, :kind, :issuer, :u, :r, :subject, :facts, :decided, :doc, :public, :refType, :refId,
                    :status, :now, :by, :now, 0)""")
                .param("id", s.id).param("p", s.programmeId).param("number", s.number).param("kind", s.kind.name())
                .param("issuer", s.issuerRegion).param("u", s.target.unitId()).param("r", s.target.regionCode())
                .param("subject", s.subject).param("facts", s.facts).param("decided", s.decidedOn)
                .param("doc", s.documentNumber).param("public", s.published).param("refType", s.refType)
                .param("refId", s.refId).param("status", s.status.name()).param("now", Timestamp.from(now))
                .param("by", by).update();
        log.append(ENTITY, s.id, s.transitions);
        s.transitions.clear();
    }

    public void save(Supervision s, Instant now) {
        int n = jdbc.sql("""
                update cmp_supervision set status = :status, feedback = :feedback, feedback_at = :feedbackAt,
                    feedback_by = :feedbackBy, closing_note = :closing, closed_at = :closedAt, closed_by = :closedBy,
                    updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("status", s.status.name()).param("feedback", s.feedback)
                .param("feedbackAt", TransitionLog.ts(s.feedbackAt)).param("feedbackBy", s.feedbackBy)
                .param("closing", s.closingNote).param("closedAt", TransitionLog.ts(s.closedAt)).param("closedBy", s.closedBy)
                .param("now", Timestamp.from(now)).param("id", s.id).param("version", s.version).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("supervision " + s.id + " changed");
        }
        s.version++;
        log.append(ENTITY, s.id, s.transitions);
        s.transitions.clear();
    }

    private static Supervision map(ResultSet rs, int n) throws SQLException {
        Supervision s = new Supervision(rs.getObject("id", UUID.class), rs.getObject("programme_id", UUID.class),
                rs.getString("number"), SupervisionKind.valueOf(rs.getString("kind")), rs.getString("issuer_region"),
                new Addressee(rs.getObject("unit_id", UUID.class), rs.getString("region_code")), rs.getString("subject"),
                rs.getString("facts"), rs.getDate("decided_on").toLocalDate(), rs.getString("document_number"),
                rs.getBoolean("public"), rs.getString("ref_type"), rs.getObject("ref_id", UUID.class),
                SupervisionStatus.valueOf(rs.getString("status")), rs.getInt("version"));
        s.feedback = rs.getString("feedback");
        Timestamp fa = rs.getTimestamp("feedback_at");
        s.feedbackAt = fa == null ? null : fa.toInstant();
        s.feedbackBy = rs.getString("feedback_by");
        s.closingNote = rs.getString("closing_note");
        Timestamp ca = rs.getTimestamp("closed_at");
        s.closedAt = ca == null ? null : ca.toInstant();
        s.closedBy = rs.getString("closed_by");
        return s;
    }
}
