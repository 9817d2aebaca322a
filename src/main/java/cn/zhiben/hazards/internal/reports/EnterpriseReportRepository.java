package cn.zhiben.hazards.internal.reports;

import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.platform.security.DataScope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Loads and saves hazard reports (hz_report, hz_report_step); every save checks the version it loaded. */
@Repository
class EnterpriseReportRepository {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;

    EnterpriseReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A report as readers see it, with the enterprise's place and name as they were when it was prepared. */
    record Row(EnterpriseReport report, String enterpriseName, String regionCode, String zoneCode, String industryCode) {
    }

    Optional<Row> find(UUID id, DataScope scope) {
        DataScope.Sql s = scope.toSql("r.enterprise_id", "r.region_code", "r.zone_code", "r.industry_code");
        return jdbc.sql("select r.* from hz_report r where r.id = :id and " + s.where())
                .param("id", id).params(s.params()).query(EnterpriseReportRepository::map).optional();
    }

    Optional<Row> find(UUID enterpriseId, ReportPeriod period) {
        return jdbc.sql("select r.* from hz_report r where r.enterprise_id = :e and r.period = :p")
                .param("e", enterpriseId).param("p", period.code()).query(EnterpriseReportRepository::map).optional();
    }

    List<Row> ofEnterprise(UUID enterpriseId) {
        return jdbc.sql("select r.* from hz_report r where r.enterprise_id = :e order by r.due_on desc")
                .param("e", enterpriseId).query(EnterpriseReportRepository::map).list();
    }

    /** The reports of a period inside a scope, by enterprise. */
    Map<UUID, Row> ofPeriod(ReportPeriod period, DataScope scope) {
        DataScope.Sql s = scope.toSql("r.enterprise_id", "r.region_code", "r.zone_code", "r.industry_code");
        return jdbc.sql("select r.* from hz_report r where r.period = :p and " + s.where())
                .param("p", period.code()).params(s.params()).query(EnterpriseReportRepository::map).list().stream()
                .collect(Collectors.toMap(r -> r.report().enterpriseId, r -> r));
    }

    /** Enterprises among these that have submitted their report of the period. */
    java.util.Set<UUID> submitted(ReportPeriod period, Collection<UUID> enterpriseIds) {
        if (enterpriseIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                        select enterprise_id from hz_report where period = :p and status = 'SUBMITTED'
                          and enterprise_id in (:e)""")
                .param("p", period.code()).param("e", List.copyOf(enterpriseIds)).query(UUID.class).list());
    }

    List<EnterpriseReport.Step> steps(UUID reportId) {
        return jdbc.sql("select * from hz_report_step where report_id = :r order by id").param("r", reportId)
                .query((rs, n) -> new EnterpriseReport.Step(status(rs.getString("from_status")),
                        ReportStatus.valueOf(rs.getString("to_status")), ReportAction.valueOf(rs.getString("action")),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getTimestamp("at").toInstant(),
                        rs.getString("reason")))
                .list();
    }

    void insert(EnterpriseReport r, EnterpriseRef e, Instant now) {
        jdbc.sql("""
                        insert into hz_report (id, enterprise_id, enterprise_name, region_code, zone_code, industry_code, period,
                            period_from, period_to, due_on, status, figures, analysis, prepared_by_id, prepared_by, prepared_at,
                            created_at, updated_at, version)
                        values (:id, :e, :name, :region, :zone, :industry, :period, :from, :to, :due, :status,
                            cast(:figures as jsonb), :analysis, :preparedById, :preparedBy, :preparedAt, :now, :now, 0)""")
                .param("id", r.id).param("e", e.id()).param("name", e.name()).param("region", e.regionCode())
                .param("zone", e.zoneCode()).param("industry", e.industryCode()).param("period", r.period.code())
                .param("from", r.period.from()).param("to", r.period.to()).param("due", r.dueOn)
                .param("status", r.status.name()).param("figures", JSON.writeValueAsString(r.figures))
                .param("analysis", r.analysis).param("preparedById", r.preparedById).param("preparedBy", r.preparedBy)
                .param("preparedAt", Timestamp.from(r.preparedAt)).param("now", Timestamp.from(now)).update();
        appendSteps(r);
    }

    void save(EnterpriseReport r, Instant now) {
        int n = jdbc.sql("""
                        update hz_report set status = :status, figures = cast(:figures as jsonb), analysis = :analysis,
                            prepared_by_id = :preparedById, prepared_by = :preparedBy, prepared_at = :preparedAt,
                            signed_by_id = :signedById, signed_by = :signedBy, signed_at = :signedAt,
                            content_sha256 = :sha, updated_at = :now, version = version + 1
                        where id = :id and version = :version""")
                .param("status", r.status.name()).param("figures", JSON.writeValueAsString(r.figures))
                .param("analysis", r.analysis).param("preparedById", r.preparedById).param("preparedBy", r.preparedBy)
                .param("preparedAt", Timestamp.from(r.preparedAt)).param("signedById", r.signedById)
                .param("signedBy", r.signedBy).param("signedAt", r.signedAt == null ? null : Timestamp.from(r.signedAt))
                .param("sha", r.contentSha256).param("now", Timestamp.from(now)).param("id", r.id)
                .param("version", r.version).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("report " + r.id + " changed concurrently");
        }
        r.version++;
        appendSteps(r);
    }

    private void appendSteps(EnterpriseReport r) {
        for (EnterpriseReport.Step s : r.newSteps()) {
            jdbc.sql("""
                            insert into hz_report_step (report_id, from_status, to_status, action, actor_id, actor_name, at, reason)
                            values (:r, :from, :to, :action, :actorId, :actorName, :at, :reason)""")
                    .param("r", r.id).param("from", s.from() == null ? null : s.from().name()).param("to", s.to().name())
                    .param("action", s.action().name()).param("actorId", s.actorId()).param("actorName", s.actorName())
                    .param("at", Timestamp.from(s.at())).param("reason", s.reason()).update();
        }
        r.clearSteps();
    }

    private static ReportStatus status(String s) {
        return s == null ? null : ReportStatus.valueOf(s);
    }

    static Row map(ResultSet rs, int n) throws SQLException {
        EnterpriseReport r = new EnterpriseReport(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class),
                ReportPeriod.parse(rs.getString("period")), rs.getDate("due_on").toLocalDate(),
                ReportStatus.valueOf(rs.getString("status")), rs.getInt("version"));
        r.figures = JSON.readValue(rs.getString("figures"), ReportFigures.class);
        r.analysis = rs.getString("analysis");
        r.preparedById = rs.getObject("prepared_by_id", UUID.class);
        r.preparedBy = rs.getString("prepared_by");
        r.preparedAt = rs.getTimestamp("prepared_at").toInstant();
        r.signedById = rs.getObject("signed_by_id", UUID.class);
        r.signedBy = rs.getString("signed_by");
        Timestamp signed = rs.getTimestamp("signed_at");
        r.signedAt = signed == null ? null : signed.toInstant();
        r.contentSha256 = rs.getString("content_sha256");
        return new Row(r, rs.getString("enterprise_name"), rs.getString("region_code"), rs.getString("zone_code"),
                rs.getString("industry_code"));
    }
}
