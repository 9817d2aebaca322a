package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.platform.security.DataScope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Loads and saves the hazard aggregate; every save checks the version it loaded (optimistic locking). */
@Repository
public class HazardRepository {

    static final String COLUMNS = """
            h.id, h.number, h.enterprise_id, h.enterprise_name, h.region_code, h.zone_code, h.industry_code, h.channel,
            h.grade, h.clause_id, h.clause_label, h.description, h.location, h.found_on, h.found_by, h.finder_user_id,
            h.stock, h.shutdown, h.needs_coordination, h.status, h.deadline, h.reported_at, h.report_lag_hours, h.overdue,
            h.overdue_since, h.escalated_to, h.listing_level, h.listing_document_number, h.listing_unit_id, h.listing_deadline,
            h.review_due_on, h.review_overdue, h.extension_pending, h.self_check_missed, h.possible_duplicate_of, h.merged_into,
            h.created_at, h.updated_at, h.version, h.field_code, h.determination, h.listing_ended_level, h.listing_ended_on,
            h.self_evaluation_allowed, h.step_due_on, h.step_overdue, h.extension_count, h.accountability_status,
            h.accountability_basis, h.accountability_opened_at, h.accountability_conclusion, h.accountability_closed_at,
            h.accountability_closed_by""";

    private final JdbcClient jdbc;
    private final HazardSnapshots snapshots;

    HazardRepository(JdbcClient jdbc, HazardSnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    /** The hazard if it exists and lies inside the scope; otherwise empty (the caller answers 404 either way). */
    public Optional<Hazard> find(UUID id, DataScope scope) {
        DataScope.Sql s = scope(scope);
        return jdbc.sql("select " + COLUMNS + " from hz_hazard h where h.id = :id and " + s.where())
                .param("id", id).params(s.params()).query(HazardRepository::map).optional();
    }

    /** Locks the row, for verbs that must not interleave (the version check would catch it too, later). */
    public Optional<Hazard> findForUpdate(UUID id, DataScope scope) {
        DataScope.Sql s = scope(scope);
        return jdbc.sql("select " + COLUMNS + " from hz_hazard h where h.id = :id and " + s.where() + " for update")
                .param("id", id).params(s.params()).query(HazardRepository::map).optional();
    }

    /**
     * A hazard's data scope: its enterprise, place and either of its fields (the enterprise's industry, or the field of
     * the standard it was judged against — a fire hazard in a coal mine is the fire department's too).
     */
    public static DataScope.Sql scope(DataScope scope) {
        return scope.toSql("h.enterprise_id", "h.region_code", "h.zone_code", "h.industry_code", "h.field_code");
    }

    /** Hazards whose deadline has passed but are not yet marked, for the overdue job (no scope: a system task). */
    public List<UUID> overdueCandidates(LocalDate today) {
        return jdbc.sql("select id from hz_hazard where status in "
                        + HazardStatus.sqlList(HazardStatus.where(HazardStatus::deadlineRunning))
                        + " and not overdue and deadline < :today order by deadline")
                .param("today", today).query(UUID.class).list();
    }

    /** Sign-off requests past their review period, not yet escalated (no scope: a system task). */
    public List<UUID> reviewOverdueCandidates(LocalDate today) {
        return jdbc.sql("""
                select id from hz_hazard where status = 'SIGN_OFF_REQUESTED' and not review_overdue and review_due_on < :today
                order by review_due_on""")
                .param("today", today).query(UUID.class).list();
    }

    /** Hazards waiting in a step past its own deadline (confirmation, acknowledgement, plan, 摘牌), not yet escalated. */
    public List<UUID> stepOverdueCandidates(LocalDate today) {
        return jdbc.sql("select id from hz_hazard where step_due_on < :today and not step_overdue and "
                        + HazardStatus.openSql("status") + " order by step_due_on")
                .param("today", today).query(UUID.class).list();
    }

    public Optional<Hazard> findUnscoped(UUID id) {
        return find(id, DataScope.city());
    }

    /** An open hazard at the same enterprise citing the same clause: a possible duplicate of a new report. */
    public Optional<UUID> openWithSameClause(UUID enterpriseId, UUID clauseId, UUID except) {
        if (clauseId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id from hz_hazard where enterprise_id = :e and clause_id = :c and id <> :x and "
                        + HazardStatus.openSql("status") + " order by created_at limit 1")
                .param("e", enterpriseId).param("c", clauseId).param("x", except).query(UUID.class).optional();
    }

    /**
     * Whether the enterprise's own inspection reported this — the same clause or the same place — in the period (plan
     * item 23: a major hazard found by others and not by the enterprise is traced back). Withdrawn reports do not count.
     */
    public boolean selfReportedSameClauseOrPlace(UUID enterpriseId, UUID clauseId, String location, LocalDate from,
                                                 LocalDate to) {
        return jdbc.sql("""
                select exists (select 1 from hz_hazard where enterprise_id = :e and channel = 'SELF_INSPECTION'
                  and found_on between :f and :t and %s
                  and (clause_id = cast(:c as uuid) or lower(regexp_replace(location, '\\s', '', 'g')) = :place))""".formatted(
                        HazardStatus.countedSql("status")))
                .param("e", enterpriseId).param("f", from).param("t", to).param("c", clauseId)
                .param("place", Hazard.place(location)).query(Boolean.class).single();
    }

    /** Next business number: county code + year + 6-digit sequence, e.g. 140525-2026-000123. */
    public String nextNumber(String countyCode, int year) {
        int n = jdbc.sql("""
                insert into hz_number_sequence (county_code, year, last_value) values (:c, :y, 1)
                on conflict (county_code, year) do update set last_value = hz_number_sequence.last_value + 1
                returning last_value""")
                .param("c", countyCode).param("y", year).query(Integer.class).single();
        return "%s-%d-%06d".formatted(countyCode, year, n);
    }

    public void insert(Hazard h, String enterpriseName, String clauseLabel, Instant now) {
        insert(h, enterpriseName, clauseLabel, null, now);
    }

    /** Where a hazard registered by another module came from; null for the hazards module's own reports. */
    public record Source(String module, String ref, String label, String path) {
    }

    /** The hazard another module's record already registered, if any (the retried call finds it). */
    public Optional<Hazard> findBySource(String module, String ref) {
        return jdbc.sql("select " + COLUMNS + " from hz_hazard h where h.source_module = :m and h.source_ref = :r")
                .param("m", module).param("r", ref).query(HazardRepository::map).optional();
    }

    public void insert(Hazard h, String enterpriseName, String clauseLabel, Source source, Instant now) {
        jdbc.sql("""
                insert into hz_hazard (id, number, enterprise_id, enterprise_name, region_code, zone_code, industry_code, channel,
                    grade, clause_id, clause_label, description, location, found_on, found_by, finder_user_id, stock, shutdown,
                    needs_coordination, status, deadline, reported_at, report_lag_hours, overdue, self_check_missed,
                    possible_duplicate_of, source_module, source_ref, source_label, source_path, created_at, updated_at, version,
                    field_code, determination, step_due_on, accountability_status, accountability_basis, accountability_opened_at)
                values (:id, :number, :enterpriseId, :enterpriseName, :regionCode, :zoneCode, :industryCode, :channel,
                    :grade, :clauseId, :clauseLabel, :description, :location, :foundOn, :foundBy, :finder, :stock, :shutdown,
                    :coordination, :status, :deadline, :reportedAt, :lag, false, :selfCheckMissed,
                    :duplicateOf, :sourceModule, :sourceRef, :sourceLabel, :sourcePath, :now, :now, 0,
                    :fieldCode, :determination, :stepDue, :accStatus, :accBasis, :accOpened)""")
                .param("id", h.id).param("number", h.number).param("enterpriseId", h.enterpriseId)
                .param("enterpriseName", enterpriseName).param("regionCode", h.regionCode).param("zoneCode", h.zoneCode)
                .param("industryCode", h.industryCode).param("channel", h.channel.name()).param("grade", h.grade.name())
                .param("clauseId", h.clauseId).param("clauseLabel", clauseLabel).param("description", h.description)
                .param("location", h.location).param("foundOn", h.foundOn).param("foundBy", h.foundBy)
                .param("finder", h.finderUserId).param("stock", h.stock()).param("shutdown", h.shutdown.name())
                .param("coordination", h.needsCoordination).param("status", h.status.name()).param("deadline", h.deadline)
                .param("reportedAt", ts(h.reportedAt)).param("lag", lagHours(h))
                .param("selfCheckMissed", h.selfCheckMissed).param("duplicateOf", h.possibleDuplicateOf)
                .param("sourceModule", source == null ? null : source.module())
                .param("sourceRef", source == null ? null : source.ref())
                .param("sourceLabel", source == null ? null : source.label())
                .param("sourcePath", source == null ? null : source.path())
                .param("now", ts(now))
                .param("fieldCode", h.fieldCode).param("determination", h.determination).param("stepDue", h.stepDueOn)
                .param("accStatus", h.accountabilityStatus).param("accBasis", h.accountabilityBasis)
                .param("accOpened", ts(h.accountabilityOpenedAt))
                .update();
        appendTransitions(h);
        snapshots.publish(h.id);
    }

    /** Writes the mutable state if nobody else changed the hazard since it was loaded; appends the new timeline steps. */
    public void save(Hazard h, Instant now) {
        int updated = jdbc.sql("""
                update hz_hazard set status = :status, deadline = :deadline, reported_at = :reportedAt, report_lag_hours = :lag,
                    overdue = :overdue, overdue_since = :overdueSince, escalated_to = :escalatedTo, listing_level = :listingLevel,
                    listing_document_number = :listingDoc, listing_unit_id = :listingUnit, listing_deadline = :listingDeadline,
                    review_due_on = :reviewDue, review_overdue = :reviewOverdue, extension_pending = :extensionPending, self_check_missed = :selfCheckMissed,
                    possible_duplicate_of = :duplicateOf, merged_into = :mergedInto, updated_at = :now, version = version + 1,
                    grade = :grade, clause_id = :clauseId, clause_label = coalesce(:clauseLabel, clause_label),
                    field_code = :fieldCode, determination = :determination,
                    listing_ended_level = :endedLevel, listing_ended_on = :endedOn, self_evaluation_allowed = :selfEvaluation,
                    step_due_on = :stepDue, step_overdue = :stepOverdue, extension_count = :extensionCount,
                    accountability_status = :accStatus, accountability_basis = :accBasis, accountability_opened_at = :accOpened,
                    accountability_conclusion = :accConclusion, accountability_closed_at = :accClosed,
                    accountability_closed_by = :accClosedBy
                where id = :id and version = :version""")
                .param("status", h.status.name()).param("deadline", h.deadline).param("reportedAt", ts(h.reportedAt))
                .param("lag", lagHours(h)).param("overdue", h.overdue).param("overdueSince", h.overdueSince)
                .param("escalatedTo", h.escalatedTo)
                .param("listingLevel", h.listingLevel == null ? null : h.listingLevel.name())
                .param("listingDoc", h.listingDocumentNumber).param("listingUnit", h.listingUnitId)
                .param("listingDeadline", h.listingDeadline).param("reviewDue", h.reviewDueOn).param("reviewOverdue", h.reviewOverdue)
                .param("extensionPending", h.extensionPending).param("selfCheckMissed", h.selfCheckMissed)
                .param("duplicateOf", h.possibleDuplicateOf).param("mergedInto", h.mergedInto)
                .param("now", ts(now)).param("id", h.id).param("version", h.version)
                .param("grade", h.grade.name()).param("clauseId", h.clauseId).param("clauseLabel", h.newClauseLabel)
                .param("fieldCode", h.fieldCode).param("determination", h.determination)
                .param("endedLevel", h.listingEndedLevel == null ? null : h.listingEndedLevel.name())
                .param("endedOn", h.listingEndedOn).param("selfEvaluation", h.selfEvaluationAllowed)
                .param("stepDue", h.stepDueOn).param("stepOverdue", h.stepOverdue).param("extensionCount", h.extensionCount)
                .param("accStatus", h.accountabilityStatus).param("accBasis", h.accountabilityBasis)
                .param("accOpened", ts(h.accountabilityOpenedAt)).param("accConclusion", h.accountabilityConclusion)
                .param("accClosed", ts(h.accountabilityClosedAt)).param("accClosedBy", h.accountabilityClosedBy)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("hazard " + h.id + " changed concurrently");
        }
        h.version++;
        appendTransitions(h);
        snapshots.publish(h.id);
    }

    /**
     * After a write made outside the verbs (demo back-dating, a backfill of a derived column): the hazard becomes a new
     * version and its snapshot is published, so read models kept by {@code HazardChanged} see what the row now says and
     * a form rendered before the write is refused as stale. Call inside the writing transaction.
     */
    void changedOutsideVerbs(UUID id) {
        jdbc.sql("update hz_hazard set version = version + 1 where id = :id").param("id", id).update();
        snapshots.publish(id);
    }

    private void appendTransitions(Hazard h) {
        for (Transition t : h.newTransitions()) {
            jdbc.sql("""
                    insert into hz_transition (hazard_id, from_status, to_status, action, actor_id, actor_name, actor_role, at, reason)
                    values (:h, :from, :to, :action, :actorId, :actorName, :actorRole, :at, :reason)""")
                    .param("h", h.id).param("from", t.from() == null ? null : t.from().name()).param("to", t.to().name())
                    .param("action", t.action().name()).param("actorId", t.actorId()).param("actorName", t.actorName())
                    .param("actorRole", t.actorRole()).param("at", ts(t.at())).param("reason", t.reason())
                    .update();
        }
    }

    private static Integer lagHours(Hazard h) {
        if (h.reportedAt == null) {
            return null;
        }
        Instant found = h.foundOn.atStartOfDay(cn.zhiben.platform.PlatformConfiguration.ZONE).toInstant();
        return (int) Math.max(0, Duration.between(found, h.reportedAt).toHours());
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String c) throws SQLException {
        Timestamp t = rs.getTimestamp(c);
        return t == null ? null : t.toInstant();
    }

    private static LocalDate date(ResultSet rs, String c) throws SQLException {
        java.sql.Date d = rs.getDate(c);
        return d == null ? null : d.toLocalDate();
    }

    static Hazard map(ResultSet rs, int n) throws SQLException {
        Hazard h = new Hazard(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("enterprise_id", UUID.class),
                rs.getString("region_code"), rs.getString("zone_code"), rs.getString("industry_code"),
                Channel.valueOf(rs.getString("channel")), Grade.valueOf(rs.getString("grade")),
                rs.getObject("clause_id", UUID.class), rs.getString("description"), rs.getString("location"),
                date(rs, "found_on"), rs.getString("found_by"), rs.getObject("finder_user_id", UUID.class),
                Shutdown.valueOf(rs.getString("shutdown")), rs.getBoolean("needs_coordination"), instant(rs, "created_at"),
                HazardStatus.valueOf(rs.getString("status")), rs.getInt("version"));
        h.deadline = date(rs, "deadline");
        h.reportedAt = instant(rs, "reported_at");
        h.overdue = rs.getBoolean("overdue");
        h.overdueSince = date(rs, "overdue_since");
        h.escalatedTo = rs.getString("escalated_to");
        String level = rs.getString("listing_level");
        h.listingLevel = level == null ? null : ListingLevel.valueOf(level);
        h.listingDocumentNumber = rs.getString("listing_document_number");
        h.listingUnitId = rs.getObject("listing_unit_id", UUID.class);
        h.listingDeadline = date(rs, "listing_deadline");
        h.reviewDueOn = date(rs, "review_due_on");
        h.reviewOverdue = rs.getBoolean("review_overdue");
        h.extensionPending = rs.getBoolean("extension_pending");
        h.selfCheckMissed = rs.getBoolean("self_check_missed");
        h.possibleDuplicateOf = rs.getObject("possible_duplicate_of", UUID.class);
        h.mergedInto = rs.getObject("merged_into", UUID.class);
        h.fieldCode = rs.getString("field_code");
        h.determination = rs.getBoolean("determination");
        String ended = rs.getString("listing_ended_level");
        h.listingEndedLevel = ended == null ? null : ListingLevel.valueOf(ended);
        h.listingEndedOn = date(rs, "listing_ended_on");
        h.selfEvaluationAllowed = rs.getBoolean("self_evaluation_allowed");
        h.stepDueOn = date(rs, "step_due_on");
        h.stepOverdue = rs.getBoolean("step_overdue");
        h.extensionCount = rs.getInt("extension_count");
        h.accountabilityStatus = rs.getString("accountability_status");
        h.accountabilityBasis = rs.getString("accountability_basis");
        h.accountabilityOpenedAt = instant(rs, "accountability_opened_at");
        h.accountabilityConclusion = rs.getString("accountability_conclusion");
        h.accountabilityClosedAt = instant(rs, "accountability_closed_at");
        h.accountabilityClosedBy = rs.getString("accountability_closed_by");
        return h;
    }
}
