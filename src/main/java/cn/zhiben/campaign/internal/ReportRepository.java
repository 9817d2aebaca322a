package cn.zhiben.campaign.internal;

import cn.zhiben.platform.security.CurrentUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reports: loading and saving the aggregate, scoped lists, the calendar's candidates for reminders. */
@Repository
public class ReportRepository {

    static final String ENTITY = "report";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;
    private final TransitionLog log;

    ReportRepository(JdbcClient jdbc, TransitionLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    public record Row(UUID id, UUID programmeId, ReportKind kind, String period, Addressee addressee, LocalDate dueOn,
                      ReportStatus status, String channel, Instant firstSubmittedAt, Instant submittedAt, String submittedBy,
                      Boolean onTime, int attachments, int version) {

        public boolean late(LocalDate today) {
            return status.open() && today.isAfter(dueOn);
        }
    }

    public record Filter(UUID programmeId, ReportKind kind, String period, ReportStatus status, Boolean late,
                         Boolean open, UUID unitId, String regionCode, LocalDate today) {
    }

    public Optional<Report> find(UUID id, CurrentUser user) {
        CampaignScope.Sql s = CampaignScope.of(user, "r.unit_id", "r.region_code");
        return jdbc.sql("select r.* from cmp_report r where r.id = :id and " + s.where()).param("id", id).params(s.params())
                .query(ReportRepository::aggregate).optional();
    }

    public Optional<Report> findForUpdate(UUID id, CurrentUser user) {
        CampaignScope.Sql s = CampaignScope.of(user, "r.unit_id", "r.region_code");
        return jdbc.sql("select r.* from cmp_report r where r.id = :id and " + s.where() + " for update")
                .param("id", id).params(s.params()).query(ReportRepository::aggregate).optional();
    }

    public Optional<Report> findUnscopedForUpdate(UUID id) {
        return jdbc.sql("select r.* from cmp_report r where r.id = :id for update").param("id", id)
                .query(ReportRepository::aggregate).optional();
    }

    public List<Row> search(CurrentUser user, Filter f, int limit) {
        CampaignScope.Sql s = CampaignScope.of(user, "r.unit_id", "r.region_code");
        StringBuilder where = new StringBuilder(s.where());
        Map<String, Object> p = new LinkedHashMap<>(s.params());
        if (f.programmeId() != null) {
            where.append(" and r.programme_id = :programme");
            p.put("programme", f.programmeId());
        }
        if (f.kind() != null) {
            where.append(" and r.kind = :kind");
            p.put("kind", f.kind().name());
        }
        if (f.period() != null) {
            where.append(" and r.period = :period");
            p.put("period", f.period());
        }
        if (f.status() != null) {
            where.append(" and r.status = :status");
            p.put("status", f.status().name());
        }
        if (Boolean.TRUE.equals(f.open())) {
            where.append(" and r.status in (:openStatuses)");
            p.put("openStatuses", ReportStatus.openNames());
        }
        if (f.late() != null) {
            where.append(f.late() ? " and r.status in (:openStatuses) and r.due_on < :today"
                    : " and not (r.status in (:openStatuses) and r.due_on < :today)");
            p.put("openStatuses", ReportStatus.openNames());
            p.put("today", f.today());
        }
        if (f.unitId() != null) {
            where.append(" and r.unit_id = :unit");
            p.put("unit", f.unitId());
        }
        if (f.regionCode() != null) {
            where.append(f.regionCode().equals("CITY") ? " and r.region_code is null" : " and r.region_code = :region");
            p.put("region", f.regionCode());
        }
        return jdbc.sql("""
                select r.*, (select count(*) from cmp_attachment x where x.owner_type = 'report' and x.owner_id = r.id) as attachments
                from cmp_report r where %s order by r.due_on desc, r.kind, r.region_code nulls first, r.unit_id limit :limit"""
                        .formatted(where)).params(p).param("limit", limit).query(ReportRepository::row).list();
    }

    /** Every report of a programme (calendar matrix, documents; the caller decides what it may show). */
    public List<Row> ofProgramme(UUID programmeId) {
        return jdbc.sql("select r.*, 0 as attachments from cmp_report r where r.programme_id = :p order by r.due_on")
                .param("p", programmeId).query(ReportRepository::row).list();
    }

    public Optional<Report> findUnscoped(UUID id) {
        return jdbc.sql("select r.* from cmp_report r where r.id = :id").param("id", id).query(ReportRepository::aggregate).optional();
    }

    /** The filed contents of one kind and period, for summaries assembled from them. */
    public List<Report> filed(UUID programmeId, ReportKind kind, String period) {
        return jdbc.sql("""
                select r.* from cmp_report r where r.programme_id = :p and r.kind = :k and r.period = :period
                  and r.status in ('SUBMITTED', 'ACCEPTED') order by r.region_code nulls first, r.unit_id""")
                .param("p", programmeId).param("k", kind.name()).param("period", period)
                .query(ReportAggregateMapper.INSTANCE).list();
    }

    /** Reports still owed whose due date is within the reminder window or past, not yet told (no scope: the daily job). */
    public List<UUID> noticeCandidates(LocalDate today, int daysBefore) {
        return jdbc.sql("""
                select r.id from cmp_report r join cmp_programme p on p.id = r.programme_id
                where p.status = 'ACTIVE' and r.status in ('DUE', 'RETURNED') and r.due_on <= :horizon
                  and ((r.due_on > :today and r.reminded_before_at is null)
                    or (r.due_on = :today and r.reminded_due_at is null)
                    or (r.due_on < :today and r.late_notified_at is null))
                order by r.due_on""")
                .param("today", today).param("horizon", today.plusDays(daysBefore)).query(UUID.class).list();
    }

    public void markNotified(UUID id, ReportCalendar.Notice notice, Instant at) {
        String column = switch (notice) {
            case BEFORE -> "reminded_before_at";
            case ON_DUE -> "reminded_due_at";
            case LATE -> "late_notified_at";
        };
        jdbc.sql("update cmp_report set " + column + " = :at where id = :id").param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** The reports a programme already has, as {@link #key}s: one read instead of one insert attempt each. */
    public Set<String> keys(UUID programmeId) {
        return new HashSet<>(jdbc.sql("select kind, period, unit_id, region_code from cmp_report where programme_id = :p")
                .param("p", programmeId)
                .query((rs, n) -> key(ReportKind.valueOf(rs.getString(1)), rs.getString(2),
                        new Addressee(rs.getObject(3, UUID.class), rs.getString(4)))).list());
    }

    /** A report's identity within its programme (the table's unique key). */
    public static String key(ReportKind kind, String period, Addressee a) {
        return kind.name() + "/" + period + "/" + a.unitId() + "/" + a.regionCode();
    }

    /** Opens a report; false if it was already open (the calendar job may run again). */
    public boolean insert(Report r, Instant now) {
        int n = jdbc.sql("""
                insert into cmp_report (id, programme_id, kind, period, unit_id, region_code, due_on, status, created_at,
                    updated_at, version)
                values (:id, :p, :k, :period, :u, :r, :due, 'DUE', :now, :now, 0)
                on conflict (programme_id, kind, period, unit_id, region_code) do nothing""")
                .param("id", r.id).param("p", r.programmeId).param("k", r.kind.name()).param("period", r.period)
                .param("u", r.addressee.unitId()).param("r", r.addressee.regionCode()).param("due", r.dueOn)
                .param("now", Timestamp.from(now)).update();
        return n == 1;
    }

    public void save(Report r, Instant now) {
        int n = jdbc.sql("""
                update cmp_report set due_on = :due, status = :status, content = :content,
                    platform_figures = cast(:pf as jsonb), reported_figures = cast(:rf as jsonb), channel = :channel,
                    first_submitted_at = :first, submitted_at = :submitted, submitted_by = :by, on_time = :onTime,
                    review_note = :note, reviewed_at = :reviewedAt, reviewed_by = :reviewedBy, updated_at = :now,
                    version = version + 1
                where id = :id and version = :version""")
                .param("due", r.dueOn).param("status", r.status.name()).param("content", r.content)
                .param("pf", json(r.platformFigures)).param("rf", json(r.reportedFigures)).param("channel", r.channel)
                .param("first", TransitionLog.ts(r.firstSubmittedAt)).param("submitted", TransitionLog.ts(r.submittedAt))
                .param("by", r.submittedBy).param("onTime", r.onTime).param("note", r.reviewNote)
                .param("reviewedAt", TransitionLog.ts(r.reviewedAt)).param("reviewedBy", r.reviewedBy)
                .param("now", Timestamp.from(now)).param("id", r.id).param("version", r.version).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("report " + r.id + " changed");
        }
        r.version++;
        log.append(ENTITY, r.id, r.transitions);
        r.transitions.clear();
    }

    /** After a due date moved, reports still owed are reminded again against the new date. */
    public void resetNotices(UUID programmeId, ReportKind kind, String period) {
        jdbc.sql("""
                update cmp_report set reminded_before_at = null, reminded_due_at = null, late_notified_at = null
                where programme_id = :p and kind = :k and period = :period and status in ('DUE', 'RETURNED')""")
                .param("p", programmeId).param("k", kind.name()).param("period", period).update();
    }

    /** Reports of a kind and period, for a due-date exception. */
    public List<UUID> ofPeriod(UUID programmeId, ReportKind kind, String period) {
        return jdbc.sql("select id from cmp_report where programme_id = :p and kind = :k and period = :period")
                .param("p", programmeId).param("k", kind.name()).param("period", period).query(UUID.class).list();
    }

    private static String json(Figures f) {
        return f == null ? null : JSON.writeValueAsString(f);
    }

    private static Figures figures(String json) {
        return json == null ? null : JSON.readValue(json, Figures.class);
    }

    enum ReportAggregateMapper implements org.springframework.jdbc.core.RowMapper<Report> {
        INSTANCE;

        @Override
        public Report mapRow(ResultSet rs, int n) throws SQLException {
            return aggregate(rs, n);
        }
    }

    static Report aggregate(ResultSet rs, int n) throws SQLException {
        Report r = new Report(rs.getObject("id", UUID.class), rs.getObject("programme_id", UUID.class),
                ReportKind.valueOf(rs.getString("kind")), rs.getString("period"),
                new Addressee(rs.getObject("unit_id", UUID.class), rs.getString("region_code")),
                rs.getDate("due_on").toLocalDate(), ReportStatus.valueOf(rs.getString("status")), rs.getInt("version"));
        r.content = rs.getString("content");
        r.platformFigures = figures(rs.getString("platform_figures"));
        r.reportedFigures = figures(rs.getString("reported_figures"));
        r.channel = rs.getString("channel");
        r.firstSubmittedAt = instant(rs.getTimestamp("first_submitted_at"));
        r.submittedAt = instant(rs.getTimestamp("submitted_at"));
        r.submittedBy = rs.getString("submitted_by");
        r.onTime = (Boolean) rs.getObject("on_time");
        r.reviewNote = rs.getString("review_note");
        r.reviewedAt = instant(rs.getTimestamp("reviewed_at"));
        r.reviewedBy = rs.getString("reviewed_by");
        return r;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("programme_id", UUID.class),
                ReportKind.valueOf(rs.getString("kind")), rs.getString("period"),
                new Addressee(rs.getObject("unit_id", UUID.class), rs.getString("region_code")),
                rs.getDate("due_on").toLocalDate(), ReportStatus.valueOf(rs.getString("status")), rs.getString("channel"),
                instant(rs.getTimestamp("first_submitted_at")), instant(rs.getTimestamp("submitted_at")),
                rs.getString("submitted_by"), (Boolean) rs.getObject("on_time"), rs.getInt("attachments"),
                rs.getInt("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
