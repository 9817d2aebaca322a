package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.standards.StandardsLibrary;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Read side of the hazards module: filtered lists, one hazard with its timeline, the listing board. */
@Service
public class HazardQueries {

    /** Counting stops here; beyond it the list says "10000+" (a full count of a million rows costs more than the page). */
    static final int COUNT_CAP = 10_000;
    /** A keyword is split at spaces into at most this many terms, each of which must match. */
    static final int MAX_TERMS = 5;
    /** Clauses whose text mentions a term, at most: enough for any word of the library (it has about 1,000 clauses). */
    static final int MAX_CLAUSES_PER_TERM = 2_000;
    private final JdbcClient jdbc;
    private final StandardsLibrary standards;

    HazardQueries(JdbcClient jdbc, StandardsLibrary standards) {
        this.jdbc = jdbc;
        this.standards = standards;
    }

    /**
     * @param extensionPending an extension request waits for a decision (the home page's 待批延期)
     * @param imported         loaded by the history import (true) or put on record in the platform (false)
     */
    public record Filter(String region, String industry, Channel channel, Grade grade, Set<HazardStatus> statuses,
                         Boolean listed, ListingLevel listingLevel, Boolean overdue, Boolean stock, Boolean selfCheckMissed,
                         Boolean open, UUID enterpriseId, String keyword, LocalDate foundFrom, LocalDate foundTo,
                         LocalDate reportedFrom, LocalDate reportedTo, Boolean extensionPending, Boolean imported) {

        public Filter(String region, String industry, Channel channel, Grade grade, Set<HazardStatus> statuses,
                      Boolean listed, ListingLevel listingLevel, Boolean overdue, Boolean stock, Boolean selfCheckMissed,
                      Boolean open, UUID enterpriseId, String keyword, LocalDate foundFrom, LocalDate foundTo,
                      LocalDate reportedFrom, LocalDate reportedTo) {
            this(region, industry, channel, grade, statuses, listed, listingLevel, overdue, stock, selfCheckMissed, open,
                    enterpriseId, keyword, foundFrom, foundTo, reportedFrom, reportedTo, null, null);
        }

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    public enum Sort {
        FOUND_DESC("h.found_on desc, h.id desc"),
        FOUND_ASC("h.found_on asc, h.id asc"),
        DEADLINE_ASC("h.deadline asc nulls last, h.id asc"),
        NUMBER_DESC("h.number desc"),
        UPDATED_DESC("h.updated_at desc, h.id desc");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }
    }

    public record Row(UUID id, String number, UUID enterpriseId, String enterpriseName, String regionCode, String industryCode,
                      Channel channel, Grade grade, HazardStatus status, LocalDate foundOn, LocalDate deadline,
                      boolean overdue, ListingLevel listingLevel, boolean stock, boolean selfCheckMissed,
                      UUID possibleDuplicateOf, boolean extensionPending, String clauseLabel, String description,
                      LocalDate reviewDueOn, boolean imported) {
    }

    /** @param total rows matching, or {@link #COUNT_CAP}+1 meaning "more than the cap" */
    public record Page(List<Row> rows, long total, boolean totalCapped, int page, int size) {
    }

    public Page search(DataScope scope, Filter f, Sort sort, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw ProblemException.badRequest("INVALID_PAGING", "分页参数无效（每页 1–200 条）");
        }
        Where w = where(scope, f);
        List<Row> rows = jdbc.sql("select h.* from hz_hazard h where " + w.sql + " order by " + (sort == null ? Sort.FOUND_DESC : sort).sql
                        + " limit :limit offset :offset")
                .params(w.params).param("limit", size).param("offset", (long) page * size)
                .query(HazardQueries::row).list();
        long total = jdbc.sql("select count(*) from (select 1 from hz_hazard h where " + w.sql + " limit " + (COUNT_CAP + 1) + ") t")
                .params(w.params).query(Long.class).single();
        return new Page(rows, total, total > COUNT_CAP, page, size);
    }

    /**
     * How many hazards match the filter in each region: by county (prefix 6) or by township (the whole code). The same
     * condition as {@link #search}, so a figure and the list it links to agree.
     */
    public Map<String, Long> countByRegion(DataScope scope, Filter f, int prefixLength) {
        Where w = where(scope, f);
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("select substr(h.region_code, 1, :len) as r, count(*) as n from hz_hazard h where " + w.sql + " group by 1")
                .params(w.params).param("len", prefixLength)
                .query((RowCallbackHandler) rs -> out.put(rs.getString("r"), rs.getLong("n")));
        return out;
    }

    /** Streams every matching row (for the Excel export), in the given order. */
    public void stream(DataScope scope, Filter f, Sort sort, java.util.function.Consumer<Row> sink) {
        Where w = where(scope, f);
        jdbc.sql("select h.* from hz_hazard h where " + w.sql + " order by " + (sort == null ? Sort.FOUND_DESC : sort).sql)
                .params(w.params)
                .query((RowCallbackHandler) rs -> sink.accept(row(rs, 0)));
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(DataScope scope, Filter f) {
        DataScope.Sql s = scope.toSql("h.enterprise_id", "h.region_code", "h.zone_code", "h.industry_code");
        StringBuilder sql = new StringBuilder(s.where());
        Map<String, Object> p = new LinkedHashMap<>(s.params());
        if (f.region() != null && !f.region().isBlank()) {
            if (RegionCodes.isAdministrative(f.region())) {
                sql.append(" and h.region_code like :fRegion");
                p.put("fRegion", RegionCodes.subtreePrefix(f.region()) + "%");
            } else {
                sql.append(" and h.zone_code = :fZone");
                p.put("fZone", f.region());
            }
        }
        if (f.industry() != null && !f.industry().isBlank()) {
            sql.append(" and (h.industry_code = :fIndustry or h.industry_code like :fIndustrySub)");
            p.put("fIndustry", f.industry());
            p.put("fIndustrySub", f.industry() + ".%");
        }
        if (f.channel() != null) {
            sql.append(" and h.channel = :fChannel");
            p.put("fChannel", f.channel().name());
        }
        if (f.grade() != null) {
            sql.append(" and h.grade = :fGrade");
            p.put("fGrade", f.grade().name());
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            sql.append(" and h.status in (:fStatuses)");
            p.put("fStatuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.open() != null) {
            sql.append(f.open() ? " and h.status not in ('SIGNED_OFF', 'CLOSED', 'MERGED')" : " and h.status in ('SIGNED_OFF', 'CLOSED', 'MERGED')");
        }
        if (f.listed() != null) {
            sql.append(f.listed() ? " and h.listing_level is not null" : " and h.listing_level is null");
        }
        if (f.listingLevel() != null) {
            sql.append(" and h.listing_level = :fLevel");
            p.put("fLevel", f.listingLevel().name());
        }
        if (f.overdue() != null) {
            sql.append(" and h.overdue = :fOverdue");
            p.put("fOverdue", f.overdue());
        }
        if (f.stock() != null) {
            sql.append(" and h.stock = :fStock");
            p.put("fStock", f.stock());
        }
        if (f.selfCheckMissed() != null) {
            sql.append(" and h.self_check_missed = :fMissed");
            p.put("fMissed", f.selfCheckMissed());
        }
        if (f.enterpriseId() != null) {
            sql.append(" and h.enterprise_id = :fEnterprise");
            p.put("fEnterprise", f.enterpriseId());
        }
        if (f.keyword() != null && !f.keyword().isBlank()) {
            // issue 10 item 6: every term is found in the number, the enterprise, the description, the place or the
            // clause (its citation here, its text in the standards library); trigram indexes serve the substrings
            List<String> terms = java.util.Arrays.stream(f.keyword().strip().split("\\s+")).distinct().limit(MAX_TERMS).toList();
            for (int i = 0; i < terms.size(); i++) {
                String t = terms.get(i);
                String like = "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                Set<UUID> clauses = standards.clausesMentioning(t, MAX_CLAUSES_PER_TERM);
                sql.append(" and (h.number = :fKw").append(i).append(" or h.enterprise_name ilike :fKwLike").append(i)
                        .append(" or h.description ilike :fKwLike").append(i).append(" or h.location ilike :fKwLike").append(i)
                        .append(" or h.clause_label ilike :fKwLike").append(i);
                if (!clauses.isEmpty()) {
                    sql.append(" or h.clause_id in (:fKwClauses").append(i).append(")");
                    p.put("fKwClauses" + i, List.copyOf(clauses));
                }
                sql.append(")");
                p.put("fKw" + i, t);
                p.put("fKwLike" + i, like);
            }
        }
        if (f.extensionPending() != null) {
            sql.append(" and h.extension_pending = :fExtension");
            p.put("fExtension", f.extensionPending());
        }
        if (f.imported() != null) {
            sql.append(f.imported() ? " and h.source_module = '" + Hazard.IMPORT_SOURCE + "'"
                    : " and h.source_module is distinct from '" + Hazard.IMPORT_SOURCE + "'");
        }
        if (f.foundFrom() != null) {
            sql.append(" and h.found_on >= :fFoundFrom");
            p.put("fFoundFrom", f.foundFrom());
        }
        if (f.foundTo() != null) {
            sql.append(" and h.found_on <= :fFoundTo");
            p.put("fFoundTo", f.foundTo());
        }
        if (f.reportedFrom() != null) {
            sql.append(" and h.reported_at >= :fReportedFrom");
            p.put("fReportedFrom", java.sql.Timestamp.from(f.reportedFrom().atStartOfDay(cn.zhiben.platform.PlatformConfiguration.ZONE).toInstant()));
        }
        if (f.reportedTo() != null) {
            sql.append(" and h.reported_at < :fReportedTo");
            p.put("fReportedTo", java.sql.Timestamp.from(f.reportedTo().plusDays(1).atStartOfDay(cn.zhiben.platform.PlatformConfiguration.ZONE).toInstant()));
        }
        return new Where(sql.toString(), p);
    }

    // ---- one hazard ----

    public record TimelineStep(long seq, HazardStatus from, HazardStatus to, HazardAction action, String actorName,
                               String actorRole, Instant at, String reason) {
    }

    public record PlanView(UUID id, String objectives, String measures, long fundingFen, String materials, String organisation,
                           String responsiblePerson, LocalDate deadline, String safetyMeasures, String emergencyPlan,
                           String interimMeasures, Instant filedAt, String filedBy) {
    }

    public record ExtensionView(UUID id, LocalDate requestedDeadline, LocalDate previousDeadline, String reason,
                                Instant requestedAt, String requestedBy, String decision, String decisionReason,
                                Instant decidedAt, String decidedBy) {
    }

    public record EvaluationView(String kind, String organisation, String conclusion, LocalDate evaluatedOn,
                                 Instant recordedAt, String recordedBy) {
    }

    public record Detail(Row row, String zoneCode, String location, String foundBy, String shutdown, boolean needsCoordination,
                         Instant reportedAt, Integer reportLagHours, LocalDate overdueSince, String escalatedTo,
                         String listingDocumentNumber, UUID listingUnitId, LocalDate listingDeadline, LocalDate reviewDueOn,
                         boolean reviewOverdue, UUID mergedInto, int version, List<TimelineStep> timeline, List<PlanView> plans,
                         List<ExtensionView> extensions, List<EvaluationView> evaluations, UUID clauseId,
                         String sourceLabel, String sourcePath) {
    }

    /** The list row of one hazard in the caller's scope: one query, for when the timeline and plans are not needed. */
    public java.util.Optional<Row> find(UUID id, DataScope scope) {
        DataScope.Sql s = scope.toSql("h.enterprise_id", "h.region_code", "h.zone_code", "h.industry_code");
        return jdbc.sql("select h.* from hz_hazard h where h.id = :id and " + s.where())
                .param("id", id).params(s.params()).query(HazardQueries::row).optional();
    }

    public java.util.Optional<Detail> detail(UUID id, DataScope scope) {
        DataScope.Sql s = scope.toSql("h.enterprise_id", "h.region_code", "h.zone_code", "h.industry_code");
        return jdbc.sql("select h.* from hz_hazard h where h.id = :id and " + s.where())
                .param("id", id).params(s.params())
                .query((rs, n) -> new Detail(row(rs, n), rs.getString("zone_code"), rs.getString("location"),
                        rs.getString("found_by"), rs.getString("shutdown"), rs.getBoolean("needs_coordination"),
                        instant(rs, "reported_at"), (Integer) rs.getObject("report_lag_hours"), date(rs, "overdue_since"),
                        rs.getString("escalated_to"), rs.getString("listing_document_number"),
                        rs.getObject("listing_unit_id", UUID.class), date(rs, "listing_deadline"), date(rs, "review_due_on"),
                        rs.getBoolean("review_overdue"), rs.getObject("merged_into", UUID.class), rs.getInt("version"),
                        timeline(id), plans(id), extensions(id), evaluations(id), rs.getObject("clause_id", UUID.class),
                        rs.getString("source_label"), rs.getString("source_path")))
                .optional();
    }

    public List<TimelineStep> timeline(UUID hazardId) {
        return jdbc.sql("select * from hz_transition where hazard_id = :h order by id")
                .param("h", hazardId)
                .query((rs, n) -> new TimelineStep(rs.getLong("id"), status(rs.getString("from_status")),
                        HazardStatus.valueOf(rs.getString("to_status")), HazardAction.valueOf(rs.getString("action")),
                        rs.getString("actor_name"), rs.getString("actor_role"), instant(rs, "at"), rs.getString("reason")))
                .list();
    }

    List<PlanView> plans(UUID hazardId) {
        return jdbc.sql("select * from hz_plan where hazard_id = :h order by filed_at desc").param("h", hazardId)
                .query((rs, n) -> new PlanView(rs.getObject("id", UUID.class), rs.getString("objectives"), rs.getString("measures"),
                        rs.getLong("funding_fen"), rs.getString("materials"), rs.getString("organisation"),
                        rs.getString("responsible_person"), date(rs, "deadline"), rs.getString("safety_measures"),
                        rs.getString("emergency_plan"), rs.getString("interim_measures"), instant(rs, "filed_at"),
                        rs.getString("filed_by")))
                .list();
    }

    List<ExtensionView> extensions(UUID hazardId) {
        return jdbc.sql("select * from hz_extension where hazard_id = :h order by requested_at desc").param("h", hazardId)
                .query((rs, n) -> new ExtensionView(rs.getObject("id", UUID.class), date(rs, "requested_deadline"),
                        date(rs, "previous_deadline"), rs.getString("reason"), instant(rs, "requested_at"),
                        rs.getString("requested_by"), rs.getString("decision"), rs.getString("decision_reason"),
                        instant(rs, "decided_at"), rs.getString("decided_by")))
                .list();
    }

    List<EvaluationView> evaluations(UUID hazardId) {
        return jdbc.sql("select * from hz_evaluation where hazard_id = :h order by recorded_at desc").param("h", hazardId)
                .query((rs, n) -> new EvaluationView(rs.getString("kind"), rs.getString("organisation"), rs.getString("conclusion"),
                        date(rs, "evaluated_on"), instant(rs, "recorded_at"), rs.getString("recorded_by")))
                .list();
    }

    // ---- 三公开: the listing board every signed-in user may see ----

    /**
     * @param reason   what the event said: level and document number of a listing, the reason of a de-listing
     * @param viewable whether the viewer's own scope covers the hazard (the board is public; the detail is not)
     */
    public record BoardEntry(UUID hazardId, String number, String enterpriseName, String regionCode, String industryCode,
                             HazardStatus status, ListingLevel level, String documentNumber, LocalDate deadline,
                             String event, Instant at, String reason, boolean viewable) {
    }

    /** Listing and de-listing events, newest first, with the hazard's current state. */
    public List<BoardEntry> listingBoard(int limit) {
        return listingBoard(limit, DataScope.none());
    }

    /** The same board, marking which hazards the viewer may open. */
    public List<BoardEntry> listingBoard(int limit, DataScope viewer) {
        DataScope.Sql s = viewer.toSql("h.enterprise_id", "h.region_code", "h.zone_code", "h.industry_code");
        return jdbc.sql("""
                select h.id, h.number, h.enterprise_name, h.region_code, h.industry_code, h.status, h.listing_level,
                       h.listing_document_number, h.listing_deadline, t.action, t.at, t.reason,
                       (%s) as viewable
                from hz_transition t join hz_hazard h on h.id = t.hazard_id
                where t.action in ('LIST', 'DELIST')
                order by t.at desc, t.id desc limit :limit""".formatted(s.where()))
                .params(s.params()).param("limit", limit)
                .query((rs, n) -> new BoardEntry(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getString("enterprise_name"), rs.getString("region_code"), rs.getString("industry_code"),
                        HazardStatus.valueOf(rs.getString("status")), level(rs.getString("listing_level")),
                        rs.getString("listing_document_number"), date(rs, "listing_deadline"),
                        rs.getString("action"), instant(rs, "at"), rs.getString("reason"), rs.getBoolean("viewable")))
                .list();
    }

    // ---- 待我处理: what waits for the current user, by what is awaited ----

    /** What a hazard waits for, in the order the inbox shows the groups. */
    public enum Awaiting {
        CONFIRMATION("待确认"),
        ACKNOWLEDGEMENT("待签收"),
        PLAN("待制定整改方案"),
        RECTIFICATION_DUE("整改中（临期 7 天内、已逾期）"),
        EVALUATION("待评估"),
        SIGN_OFF_REQUEST("待申请销号"),
        SIGN_OFF_REVIEW("待审核销号"),
        EXTENSION_DECISION("待审批延期"),
        POSSIBLE_DUPLICATE("疑似重复"),
        OVERDUE("逾期未整改"),
        LISTED("挂牌督办中");

        private final String label;

        Awaiting(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A deadline this close (days) puts a hazard under rectification into the enterprise's inbox. */
    static final int DUE_SOON_DAYS = 7;
    private static final String OPEN = "h.status not in ('SIGNED_OFF', 'CLOSED', 'MERGED')";

    public record InboxGroup(Awaiting kind, long count, List<Row> rows) {
    }

    private record Condition(Awaiting kind, String sql, String order) {
    }

    /**
     * The conditions under which a hazard waits for this user, mirroring {@link HazardActions}: the enterprise's own
     * verbs, the supervising departments' reviews and decisions, and the offices' watch over overdue and listed ones.
     */
    private static List<Condition> conditions(CurrentUser user) {
        List<Condition> out = new ArrayList<>();
        Role role = user.role();
        if (role == Role.ENTERPRISE) {
            boolean principal = user.enterprisePosition() == CurrentUser.EnterprisePosition.PRINCIPAL;
            out.add(new Condition(Awaiting.CONFIRMATION, principal ? "h.status = 'PENDING_PRINCIPAL_CONFIRMATION'"
                    : "h.status = 'PENDING_DEPARTMENT_CONFIRMATION'", "h.created_at, h.id"));
            out.add(new Condition(Awaiting.ACKNOWLEDGEMENT, "h.status = 'PENDING_ACKNOWLEDGEMENT'", "h.created_at, h.id"));
            out.add(new Condition(Awaiting.PLAN, "h.status = 'REPORTED'", "h.deadline nulls last, h.reported_at, h.id"));
            out.add(new Condition(Awaiting.RECTIFICATION_DUE, "h.status = 'RECTIFYING' and (h.overdue or h.deadline <= :dueSoon)",
                    "h.deadline, h.id"));
            out.add(new Condition(Awaiting.EVALUATION, "h.status = 'COMPLETED'", "h.updated_at, h.id"));
            out.add(new Condition(Awaiting.SIGN_OFF_REQUEST, "h.status = 'EVALUATED'", "h.updated_at, h.id"));
        }
        var level = HazardRules.governmentLevel(role);
        if (level.isPresent()) {
            // a listed hazard is reviewed at its listing level only; overdue reviews (earliest due) first
            out.add(new Condition(Awaiting.SIGN_OFF_REVIEW, "h.status = 'SIGN_OFF_REQUESTED' and (h.listing_level is null or h.listing_level = '"
                    + level.get().name() + "')", "h.review_due_on nulls last, h.id"));
            out.add(new Condition(Awaiting.EXTENSION_DECISION, "h.status = 'RECTIFYING' and h.extension_pending", "h.deadline, h.id"));
            out.add(new Condition(Awaiting.POSSIBLE_DUPLICATE, OPEN + " and h.possible_duplicate_of is not null and exists ("
                    + "select 1 from hz_hazard o where o.id = h.possible_duplicate_of and o.status not in ('SIGNED_OFF', 'CLOSED', 'MERGED'))",
                    "h.created_at desc, h.id"));
        }
        if (role == Role.CITY_OFFICE || role == Role.COUNTY_OFFICE) {
            out.add(new Condition(Awaiting.OVERDUE, "h.overdue and h.status in ('REPORTED', 'RECTIFYING')", "h.deadline, h.id"));
            out.add(new Condition(Awaiting.LISTED, OPEN + " and h.listing_level is not null", "h.listing_deadline nulls last, h.id"));
        }
        return out;
    }

    /** The hazards waiting for the user, in groups (each with its full count and its first rows), inside the user's scope. */
    public List<InboxGroup> awaiting(CurrentUser user, LocalDate today, int rowsPerGroup) {
        DataScope.Sql s = user.scope().toSql("h.enterprise_id", "h.region_code", "h.zone_code", "h.industry_code");
        List<InboxGroup> out = new ArrayList<>();
        for (Condition c : conditions(user)) {
            String where = s.where() + " and " + c.sql();
            long count = jdbc.sql("select count(*) from hz_hazard h where " + where)
                    .params(s.params()).param("dueSoon", today.plusDays(DUE_SOON_DAYS)).query(Long.class).single();
            List<Row> rows = count == 0 ? List.of() : jdbc.sql("select h.* from hz_hazard h where " + where
                            + " order by " + c.order() + " limit :limit")
                    .params(s.params()).param("dueSoon", today.plusDays(DUE_SOON_DAYS)).param("limit", rowsPerGroup)
                    .query(HazardQueries::row).list();
            out.add(new InboxGroup(c.kind(), count, rows));
        }
        return out;
    }

    /** How many hazards wait for the user (each counted once, whatever it waits for). */
    public long awaitingCount(CurrentUser user, LocalDate today) {
        List<Condition> conditions = conditions(user);
        if (conditions.isEmpty()) {
            return 0;
        }
        DataScope.Sql s = user.scope().toSql("h.enterprise_id", "h.region_code", "h.zone_code", "h.industry_code");
        String any = String.join(" or ", conditions.stream().map(c -> "(" + c.sql() + ")").toList());
        return jdbc.sql("select count(*) from hz_hazard h where " + s.where() + " and (" + any + ")")
                .params(s.params()).param("dueSoon", today.plusDays(DUE_SOON_DAYS)).query(Long.class).single();
    }

    /** The home page's figures for a scope: open major hazards, overdue, listed. */
    public record Figures(long openMajor, long overdue, long listed) {
    }

    public Figures figures(DataScope scope) {
        DataScope.Sql s = scope.toSql("h.enterprise_id", "h.region_code", "h.zone_code", "h.industry_code");
        return jdbc.sql("""
                select count(*) filter (where h.grade = 'MAJOR'),
                       count(*) filter (where h.overdue and h.status in ('REPORTED', 'RECTIFYING')),
                       count(*) filter (where h.listing_level is not null)
                from hz_hazard h where %s and %s""".formatted(s.where(), OPEN))
                .params(s.params())
                .query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    // ---- mapping ----

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("enterprise_id", UUID.class),
                rs.getString("enterprise_name"), rs.getString("region_code"), rs.getString("industry_code"),
                Channel.valueOf(rs.getString("channel")), Grade.valueOf(rs.getString("grade")),
                HazardStatus.valueOf(rs.getString("status")), date(rs, "found_on"), date(rs, "deadline"),
                rs.getBoolean("overdue"), level(rs.getString("listing_level")), rs.getBoolean("stock"),
                rs.getBoolean("self_check_missed"), rs.getObject("possible_duplicate_of", UUID.class),
                rs.getBoolean("extension_pending"), rs.getString("clause_label"), rs.getString("description"),
                date(rs, "review_due_on"), Hazard.IMPORT_SOURCE.equals(rs.getString("source_module")));
    }

    private static ListingLevel level(String s) {
        return s == null ? null : ListingLevel.valueOf(s);
    }

    private static HazardStatus status(String s) {
        return s == null ? null : HazardStatus.valueOf(s);
    }

    private static Instant instant(ResultSet rs, String c) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(c);
        return t == null ? null : t.toInstant();
    }

    private static LocalDate date(ResultSet rs, String c) throws SQLException {
        java.sql.Date d = rs.getDate(c);
        return d == null ? null : d.toLocalDate();
    }
}
