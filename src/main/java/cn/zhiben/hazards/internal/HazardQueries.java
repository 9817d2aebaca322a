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
    private final JdbcClient jdbc;

    HazardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Filter(String region, String industry, Channel channel, Grade grade, Set<HazardStatus> statuses,
                         Boolean listed, ListingLevel listingLevel, Boolean overdue, Boolean stock, Boolean selfCheckMissed,
                         Boolean open, UUID enterpriseId, String keyword, LocalDate foundFrom, LocalDate foundTo,
                         LocalDate reportedFrom, LocalDate reportedTo) {
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

    /**
     * A hazard as lists show it; also the facts the rules read ({@link HazardFacts}), so a list can ask what its user
     * may do with each row.
     */
    public record Row(UUID id, String number, UUID enterpriseId, String enterpriseName, String regionCode, String industryCode,
                      Channel channel, Grade grade, HazardStatus status, LocalDate foundOn, LocalDate deadline,
                      boolean overdue, ListingLevel listingLevel, boolean stock, boolean selfCheckMissed,
                      UUID possibleDuplicateOf, boolean extensionPending, String clauseLabel, String description,
                      LocalDate reviewDueOn, String fieldCode, boolean determination, UUID finderUserId, int extensionCount,
                      LocalDate stepDueOn, boolean stepOverdue, boolean reviewOverdue, String accountabilityStatus,
                      ListingLevel listingEndedLevel, LocalDate listingEndedOn) implements HazardFacts {
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

    /** Streams every matching row (for the Excel export), in the given order. */
    public void stream(DataScope scope, Filter f, Sort sort, java.util.function.Consumer<Row> sink) {
        Where w = where(scope, f);
        jdbc.sql("select h.* from hz_hazard h where " + w.sql + " order by " + (sort == null ? Sort.FOUND_DESC : sort).sql)
                .params(w.params)
                .query((RowCallbackHandler) rs -> sink.accept(row(rs, 0)));
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(DataScope scope, Filter f) {
        DataScope.Sql s = HazardRepository.scope(scope);
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
            sql.append(" and (h.industry_code = :fIndustry or h.industry_code like :fIndustrySub"
                    + " or h.field_code = :fIndustry or h.field_code like :fIndustrySub)");
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
            sql.append(" and ").append(f.open() ? HazardStatus.openSql("h.status") : HazardStatus.closedSql("h.status"));
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
            sql.append(" and (h.number = :fKeyword or h.enterprise_name like :fKeywordLike)");
            p.put("fKeyword", f.keyword().strip());
            p.put("fKeywordLike", "%" + f.keyword().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
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
                                 Instant recordedAt, String recordedBy, String qualification, String experts) {
    }

    /** A 综合判定 / 专家论证 a major hazard rests on instead of a listed clause. */
    public record DeterminationView(UUID versionId, String citation, List<String> experts, String opinion,
                                    LocalDate determinedOn, Instant recordedAt, String recordedBy) {
    }

    /** 责任倒查 of a hazard found by others and missed by the enterprise's own checks. */
    public record AccountabilityView(String status, String basis, Instant openedAt, String conclusion, Instant closedAt,
                                     String closedBy) {
        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    public record Detail(Row row, String zoneCode, String location, String foundBy, String shutdown, boolean needsCoordination,
                         Instant reportedAt, Integer reportLagHours, LocalDate overdueSince, String escalatedTo,
                         String listingDocumentNumber, UUID listingUnitId, LocalDate listingDeadline, LocalDate reviewDueOn,
                         boolean reviewOverdue, UUID mergedInto, int version, List<TimelineStep> timeline, List<PlanView> plans,
                         List<ExtensionView> extensions, List<EvaluationView> evaluations, UUID clauseId,
                         String sourceLabel, String sourcePath, boolean selfEvaluationAllowed,
                         DeterminationView determination, AccountabilityView accountability) {

        /** 令第16号 第十八条: only a qualified third party evaluates a listed hazard rectified under shutdown, unless allowed. */
        public boolean thirdPartyEvaluationRequired() {
            return row.listingLevel() != null && !"NONE".equals(shutdown) && !selfEvaluationAllowed;
        }
    }

    /** The list row of one hazard in the caller's scope: one query, for when the timeline and plans are not needed. */
    public java.util.Optional<Row> find(UUID id, DataScope scope) {
        DataScope.Sql s = HazardRepository.scope(scope);
        return jdbc.sql("select h.* from hz_hazard h where h.id = :id and " + s.where())
                .param("id", id).params(s.params()).query(HazardQueries::row).optional();
    }

    /**
     * Open hazards of the same enterprise inside the scope that are real duplicates of this one — the same clause or the
     * same place (issue 9 item 2a): what it may be merged into.
     */
    public List<Row> mergeCandidates(DataScope scope, UUID hazardId) {
        DataScope.Sql s = HazardRepository.scope(scope);
        return jdbc.sql("select h.* from hz_hazard h join hz_hazard x on x.id = :id and x.enterprise_id = h.enterprise_id "
                        + "where h.id <> x.id and " + HazardStatus.openSql("h.status") + " and " + s.where()
                        + " and ((h.clause_id is not null and h.clause_id = x.clause_id)"
                        + " or lower(regexp_replace(h.location, '\\s', '', 'g')) = lower(regexp_replace(x.location, '\\s', '', 'g')))"
                        + " order by h.found_on desc, h.id limit 50")
                .param("id", hazardId).params(s.params()).query(HazardQueries::row).list();
    }

    public java.util.Optional<Detail> detail(UUID id, DataScope scope) {
        DataScope.Sql s = HazardRepository.scope(scope);
        return jdbc.sql("select h.* from hz_hazard h where h.id = :id and " + s.where())
                .param("id", id).params(s.params())
                .query((rs, n) -> new Detail(row(rs, n), rs.getString("zone_code"), rs.getString("location"),
                        rs.getString("found_by"), rs.getString("shutdown"), rs.getBoolean("needs_coordination"),
                        instant(rs, "reported_at"), (Integer) rs.getObject("report_lag_hours"), date(rs, "overdue_since"),
                        rs.getString("escalated_to"), rs.getString("listing_document_number"),
                        rs.getObject("listing_unit_id", UUID.class), date(rs, "listing_deadline"), date(rs, "review_due_on"),
                        rs.getBoolean("review_overdue"), rs.getObject("merged_into", UUID.class), rs.getInt("version"),
                        timeline(id), plans(id), extensions(id), evaluations(id), rs.getObject("clause_id", UUID.class),
                        rs.getString("source_label"), rs.getString("source_path"), rs.getBoolean("self_evaluation_allowed"),
                        rs.getBoolean("determination") ? determination(id) : null,
                        rs.getString("accountability_status") == null ? null : new AccountabilityView(
                                rs.getString("accountability_status"), rs.getString("accountability_basis"),
                                instant(rs, "accountability_opened_at"), rs.getString("accountability_conclusion"),
                                instant(rs, "accountability_closed_at"), rs.getString("accountability_closed_by"))))
                .optional();
    }

    DeterminationView determination(UUID hazardId) {
        return jdbc.sql("select * from hz_determination where hazard_id = :h").param("h", hazardId)
                .query((rs, n) -> new DeterminationView(rs.getObject("version_id", UUID.class), rs.getString("citation"),
                        rs.getString("experts").lines().filter(l -> !l.isBlank()).toList(), rs.getString("opinion"),
                        date(rs, "determined_on"), instant(rs, "recorded_at"), rs.getString("recorded_by")))
                .optional().orElse(null);
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
                        date(rs, "evaluated_on"), instant(rs, "recorded_at"), rs.getString("recorded_by"),
                        rs.getString("qualification"), rs.getString("experts")))
                .list();
    }

    // ---- 三公开: the listing board every signed-in user may see ----

    /** The timeline steps the public board shows: listings, raises, 摘牌 with a reason, and the end of supervision. */
    static final List<HazardAction> BOARD_ACTIONS = List.of(HazardAction.LIST, HazardAction.RAISE_LISTING,
            HazardAction.DELIST, HazardAction.CONFIRM_DELISTING);

    /**
     * @param event    the step: LIST, RAISE_LISTING, DELIST (摘牌 by the listing body, with its reason) or
     *                 CONFIRM_DELISTING (督办结束 after sign-off)
     * @param reason   what the step said: level and document number of a listing, the reason of a 摘牌
     * @param endedOn  the day the listing ended (督办结束), if it has
     * @param viewable whether the viewer's own scope covers the hazard (the board is public; the detail is not)
     */
    public record BoardEntry(UUID hazardId, String number, String enterpriseName, String regionCode, String industryCode,
                             HazardStatus status, ListingLevel level, String documentNumber, LocalDate deadline,
                             String event, Instant at, String reason, boolean viewable, ListingLevel endedLevel,
                             LocalDate endedOn, boolean determination) {

        public String eventLabel() {
            return switch (event) {
                case "LIST" -> "挂牌";
                case "RAISE_LISTING" -> "提级督办";
                case "DELIST" -> "摘牌";
                case "CONFIRM_DELISTING" -> "督办结束（销号）";
                default -> event;
            };
        }
    }

    /** Listing events, newest first, with the hazard's current state. */
    public List<BoardEntry> listingBoard(int limit) {
        return listingBoard(limit, DataScope.none());
    }

    /** The same board, marking which hazards the viewer may open. */
    public List<BoardEntry> listingBoard(int limit, DataScope viewer) {
        DataScope.Sql s = HazardRepository.scope(viewer);
        String actions = BOARD_ACTIONS.stream().map(a -> "'" + a.name() + "'").collect(java.util.stream.Collectors.joining(", "));
        return jdbc.sql("""
                select h.id, h.number, h.enterprise_name, h.region_code, h.industry_code, h.status, h.listing_level,
                       h.listing_document_number, h.listing_deadline, h.listing_ended_level, h.listing_ended_on,
                       h.determination, t.action, t.at, t.reason, (%s) as viewable
                from hz_transition t join hz_hazard h on h.id = t.hazard_id
                where t.action in (%s)
                order by t.at desc, t.id desc limit :limit""".formatted(s.where(), actions))
                .params(s.params()).param("limit", limit)
                .query((rs, n) -> new BoardEntry(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getString("enterprise_name"), rs.getString("region_code"), rs.getString("industry_code"),
                        HazardStatus.valueOf(rs.getString("status")), level(rs.getString("listing_level")),
                        rs.getString("listing_document_number"), date(rs, "listing_deadline"),
                        rs.getString("action"), instant(rs, "at"), rs.getString("reason"), rs.getBoolean("viewable"),
                        level(rs.getString("listing_ended_level")), date(rs, "listing_ended_on"),
                        rs.getBoolean("determination")))
                .list();
    }

    // ---- 待我处理: what waits for the current user, by what is awaited ----

    /**
     * What a hazard waits for, in the order the inbox shows the groups. A group is the verbs that settle it: a hazard is
     * in it exactly when its user may take one of them now ({@link HazardPolicy}); the watch groups (overdue, listed)
     * are for the offices.
     */
    public enum Awaiting {
        CONFIRMATION("待确认", HazardAction.CONFIRM_DEPARTMENT, HazardAction.CONFIRM_PRINCIPAL),
        ACKNOWLEDGEMENT("待签收", HazardAction.ACKNOWLEDGE),
        PLAN("待制定整改方案", HazardAction.FILE_PLAN),
        RECTIFICATION_DUE("整改中（临期 7 天内、已逾期）", HazardAction.COMPLETE, HazardAction.CLOSE),
        EVALUATION("待评估", HazardAction.EVALUATE),
        SIGN_OFF_REQUEST("待申请销号", HazardAction.REQUEST_SIGN_OFF),
        SIGN_OFF_REVIEW("待审核销号", HazardAction.SIGN_OFF),
        DELISTING_CONFIRMATION("待确认摘牌（督办结束）", HazardAction.CONFIRM_DELISTING),
        EXTENSION_DECISION("待审批延期", HazardAction.APPROVE_EXTENSION),
        POSSIBLE_DUPLICATE("疑似重复", HazardAction.DISMISS_DUPLICATE),
        ACCOUNTABILITY("待办结责任倒查", HazardAction.CLOSE_ACCOUNTABILITY),
        OVERDUE("逾期（整改、确认、签收、方案、审核）"),
        LISTED("挂牌督办中");

        private final String label;
        private final List<HazardAction> verbs;

        Awaiting(String label, HazardAction... verbs) {
            this.label = label;
            this.verbs = List.of(verbs);
        }

        public String label() {
            return label;
        }

        /** The verbs that settle it; empty for the watch groups. */
        public List<HazardAction> verbs() {
            return verbs;
        }
    }

    /** A deadline this close (days) puts a hazard under rectification into the enterprise's inbox. */
    static final int DUE_SOON_DAYS = 7;

    public record InboxGroup(Awaiting kind, long count, List<Row> rows) {
    }

    private record Condition(Awaiting kind, Cond cond, String order) {
    }

    /**
     * The conditions under which a hazard waits for this caller: for each group, "may take one of its verbs now" as the
     * policy states it; for the offices, the overdue and the listed of their area.
     */
    private static List<Condition> conditions(Caller caller, LocalDate today) {
        List<Condition> out = new ArrayList<>();
        for (Awaiting kind : Awaiting.values()) {
            if (kind.verbs().isEmpty()) {
                continue;
            }
            Cond any = Cond.or(kind.verbs().stream()
                    .map(v -> Cond.and(caller.policy().state(v), caller.policy().who(v, caller))).toArray(Cond[]::new));
            if (kind == Awaiting.RECTIFICATION_DUE) {
                any = Cond.and(any, dueSoon(today));
            }
            if (any != Cond.FALSE) {
                out.add(new Condition(kind, any, order(kind)));
            }
        }
        if (caller.office()) {
            out.add(new Condition(Awaiting.OVERDUE, lateAnywhere(), "h.deadline nulls last, h.id"));
            out.add(new Condition(Awaiting.LISTED, Cond.and(Cond.open(), Cond.listed()), "h.listing_deadline nulls last, h.id"));
        }
        return out;
    }

    /** Rectification past or within a week of its deadline. */
    static Cond dueSoon(LocalDate today) {
        LocalDate soon = today.plusDays(DUE_SOON_DAYS);
        return Cond.of(h -> h.deadline() != null && (h.overdue() || !h.deadline().isAfter(soon)),
                p -> "(h.overdue or h.deadline <= " + p.bind(soon) + ")");
    }

    /** Any deadline passed and escalated: rectification, the step it waits in, or the review. */
    private static Cond lateAnywhere() {
        return Cond.and(Cond.open(), Cond.of(h -> h.overdue() || h.stepOverdue() || h.reviewOverdue(),
                p -> "(h.overdue or h.step_overdue or h.review_overdue)"));
    }

    private static String order(Awaiting kind) {
        return switch (kind) {
            case CONFIRMATION, ACKNOWLEDGEMENT -> "h.step_due_on nulls last, h.created_at, h.id";
            case PLAN -> "h.step_due_on nulls last, h.reported_at, h.id";
            case RECTIFICATION_DUE, EXTENSION_DECISION -> "h.deadline, h.id";
            case SIGN_OFF_REVIEW -> "h.review_due_on nulls last, h.id";
            case POSSIBLE_DUPLICATE -> "h.created_at desc, h.id";
            case ACCOUNTABILITY -> "h.accountability_opened_at, h.id";
            default -> "h.updated_at, h.id";
        };
    }

    /** The hazards waiting for the user, in groups (each with its full count and its first rows), inside the user's scope. */
    public List<InboxGroup> awaiting(CurrentUser user, Caller caller, LocalDate today, int rowsPerGroup) {
        DataScope.Sql s = HazardRepository.scope(user.scope());
        List<InboxGroup> out = new ArrayList<>();
        for (Condition c : conditions(caller, today)) {
            Cond.Params p = new Cond.Params();
            String where = s.where() + " and (" + c.cond().sql(p) + ")";
            long count = jdbc.sql("select count(*) from hz_hazard h where " + where)
                    .params(s.params()).params(p.values()).query(Long.class).single();
            List<Row> rows = count == 0 ? List.of() : jdbc.sql("select h.* from hz_hazard h where " + where
                            + " order by " + c.order() + " limit :limit")
                    .params(s.params()).params(p.values()).param("limit", rowsPerGroup)
                    .query(HazardQueries::row).list();
            out.add(new InboxGroup(c.kind(), count, rows));
        }
        return out;
    }

    /** How many hazards wait for the user: each counted once, whatever it waits for (the home card and the page agree). */
    public long awaitingCount(CurrentUser user, Caller caller, LocalDate today) {
        List<Condition> conditions = conditions(caller, today);
        if (conditions.isEmpty()) {
            return 0;
        }
        DataScope.Sql s = HazardRepository.scope(user.scope());
        Cond.Params p = new Cond.Params();
        String any = Cond.or(conditions.stream().map(Condition::cond).toArray(Cond[]::new)).sql(p);
        return jdbc.sql("select count(*) from hz_hazard h where " + s.where() + " and (" + any + ")")
                .params(s.params()).params(p.values()).query(Long.class).single();
    }

    /** Whether one hazard is in the user's inbox, and under which groups (for tests and the detail page). */
    public List<Awaiting> awaitingGroups(UUID hazardId, CurrentUser user, Caller caller, LocalDate today) {
        DataScope.Sql s = HazardRepository.scope(user.scope());
        List<Awaiting> out = new ArrayList<>();
        for (Condition c : conditions(caller, today)) {
            Cond.Params p = new Cond.Params();
            boolean in = jdbc.sql("select exists (select 1 from hz_hazard h where h.id = :hid and " + s.where()
                            + " and (" + c.cond().sql(p) + "))")
                    .params(s.params()).params(p.values()).param("hid", hazardId).query(Boolean.class).single();
            if (in) {
                out.add(c.kind());
            }
        }
        return out;
    }

    /** The home page's figures for a scope: open major hazards, overdue, listed. */
    public record Figures(long openMajor, long overdue, long listed) {
    }

    public Figures figures(DataScope scope) {
        DataScope.Sql s = HazardRepository.scope(scope);
        return jdbc.sql("""
                select count(*) filter (where h.grade = 'MAJOR'),
                       count(*) filter (where h.overdue and h.status in %s),
                       count(*) filter (where h.listing_level is not null)
                from hz_hazard h where %s and %s""".formatted(
                        HazardStatus.sqlList(HazardStatus.where(HazardStatus::deadlineRunning)), s.where(),
                        HazardStatus.openSql("h.status")))
                .params(s.params())
                .query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    // ---- 责任倒查 ----

    /** The hazards with an accountability record in the scope, open ones first. */
    public List<Row> accountability(DataScope scope, boolean openOnly, int limit) {
        DataScope.Sql s = HazardRepository.scope(scope);
        return jdbc.sql("select h.* from hz_hazard h where " + s.where() + " and h.accountability_status is not null"
                        + (openOnly ? " and h.accountability_status = 'OPEN'" : "")
                        + " order by h.accountability_status desc, h.accountability_opened_at desc, h.id limit :limit")
                .params(s.params()).param("limit", limit).query(HazardQueries::row).list();
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
                date(rs, "review_due_on"), rs.getString("field_code"), rs.getBoolean("determination"),
                rs.getObject("finder_user_id", UUID.class), rs.getInt("extension_count"), date(rs, "step_due_on"),
                rs.getBoolean("step_overdue"), rs.getBoolean("review_overdue"), rs.getString("accountability_status"),
                level(rs.getString("listing_ended_level")), date(rs, "listing_ended_on"));
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
