package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardEvents;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.web.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static cn.zhiben.hazards.HazardStatus.*;

/**
 * The hazard aggregate. Its status changes only through the verb methods below. Each verb asks {@link HazardPolicy}
 * whether the caller may take it now (403 if not theirs to take, {@link IllegalTransitionException} 409 if the state does
 * not allow it) and appends a {@link Transition} (the timeline). {@link #may} answers the same question without acting,
 * for the forms a page offers.
 */
public class Hazard implements HazardFacts {

    /** 2024 plan target: hazards found on or before this day are the "stock" to clear by end of 2024. */
    public static final LocalDate STOCK_CUTOFF = LocalDate.of(2023, 12, 31);

    final UUID id;
    final String number;
    final UUID enterpriseId;
    final String regionCode;
    final String zoneCode;
    final String industryCode;
    final Channel channel;
    Grade grade;
    UUID clauseId;
    String fieldCode;
    boolean determination;
    final String description;
    final String location;
    final LocalDate foundOn;
    final String foundBy;
    final UUID finderUserId;
    final Shutdown shutdown;
    final boolean needsCoordination;
    final Instant createdAt;

    HazardStatus status;
    LocalDate deadline;
    Instant reportedAt;
    boolean overdue;
    LocalDate overdueSince;
    String escalatedTo;
    ListingLevel listingLevel;
    String listingDocumentNumber;
    UUID listingUnitId;
    LocalDate listingDeadline;
    ListingLevel listingEndedLevel;
    LocalDate listingEndedOn;
    boolean selfEvaluationAllowed;
    LocalDate reviewDueOn;
    boolean reviewOverdue;
    LocalDate stepDueOn;
    boolean stepOverdue;
    boolean extensionPending;
    int extensionCount;
    boolean selfCheckMissed;
    UUID possibleDuplicateOf;
    UUID mergedInto;
    String accountabilityStatus;
    String accountabilityBasis;
    Instant accountabilityOpenedAt;
    String accountabilityConclusion;
    Instant accountabilityClosedAt;
    String accountabilityClosedBy;
    /** Set when a regrade cites a new clause or determination: the label the list shows (the repository writes it). */
    String newClauseLabel;
    int version;

    private final List<Transition> transitions = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();

    Hazard(UUID id, String number, UUID enterpriseId, String regionCode, String zoneCode, String industryCode,
           Channel channel, Grade grade, UUID clauseId, String description, String location, LocalDate foundOn,
           String foundBy, UUID finderUserId, Shutdown shutdown, boolean needsCoordination, Instant createdAt,
           HazardStatus status, int version) {
        this.id = Objects.requireNonNull(id);
        this.number = number;
        this.enterpriseId = enterpriseId;
        this.regionCode = regionCode;
        this.zoneCode = zoneCode;
        this.industryCode = industryCode;
        this.channel = channel;
        this.grade = grade;
        this.clauseId = clauseId;
        this.description = description;
        this.location = location;
        this.foundOn = foundOn;
        this.foundBy = foundBy;
        this.finderUserId = finderUserId;
        this.shutdown = shutdown;
        this.needsCoordination = needsCoordination;
        this.createdAt = createdAt;
        this.status = status;
        this.version = version;
    }

    /**
     * What the creator states; the factories decide the first status.
     *
     * @param fieldCode     the field of the standard judged against, when it differs from the enterprise's industry
     * @param determination a major hazard determined without a listed clause (综合判定 / 专家论证)
     */
    public record Facts(UUID enterpriseId, String regionCode, String zoneCode, String industryCode, Channel channel,
                        Grade grade, UUID clauseId, String description, String location, LocalDate foundOn,
                        String foundBy, Shutdown shutdown, boolean needsCoordination, String fieldCode,
                        boolean determination) {

        public Facts(UUID enterpriseId, String regionCode, String zoneCode, String industryCode, Channel channel,
                     Grade grade, UUID clauseId, String description, String location, LocalDate foundOn,
                     String foundBy, Shutdown shutdown, boolean needsCoordination) {
            this(enterpriseId, regionCode, zoneCode, industryCode, channel, grade, clauseId, description, location,
                    foundOn, foundBy, shutdown, needsCoordination, null, false);
        }
    }

    /**
     * A hazard the enterprise found itself. A major one waits for two-level confirmation; a general one is either
     * fixed on the spot (立查立改, closed at once) or given a deadline.
     */
    static Hazard selfReported(UUID id, String number, Facts f, Caller caller, Instant at, boolean fixedOnSpot,
                               LocalDate deadline) {
        if (f.channel() != Channel.SELF_INSPECTION) {
            throw new IllegalArgumentException("self-reported hazards come from self-inspection");
        }
        HazardStatus first;
        HazardAction action;
        if (f.grade() == Grade.MAJOR) {
            first = PENDING_DEPARTMENT_CONFIRMATION;
            action = HazardAction.REPORT;
        } else if (fixedOnSpot) {
            first = CLOSED;
            action = HazardAction.FIX_ON_SPOT;
        } else {
            first = RECTIFYING;
            action = HazardAction.REPORT;
        }
        Hazard h = create(id, number, f, caller, at, first);
        if (f.grade() == Grade.GENERAL) {
            h.reportedAt = at;
            h.deadline = fixedOnSpot ? null : requireDeadline(deadline, f.foundOn());
        }
        h.stepDueOn = caller.policy().stepDue(first, day(at));
        h.record(null, first, action, caller.actor(), at, null);
        if (h.status.reported()) {
            h.events.add(h.reportedEvent());
        }
        return h;
    }

    /**
     * A hazard found by supervision, a verified tip-off, an expert, monitoring or a higher authority. A major one waits
     * for the enterprise to acknowledge it (with a deadline); a general one goes to rectification with the deadline the
     * inspector sets.
     */
    static Hazard registered(UUID id, String number, Facts f, Caller caller, Instant at, LocalDate deadline) {
        if (!f.channel().external()) {
            throw new IllegalArgumentException("registered hazards come from outside the enterprise");
        }
        HazardStatus first = f.grade() == Grade.MAJOR ? PENDING_ACKNOWLEDGEMENT : RECTIFYING;
        Hazard h = create(id, number, f, caller, at, first);
        if (f.grade() == Grade.GENERAL) {
            h.reportedAt = at;
            h.deadline = requireDeadline(deadline, f.foundOn());
        }
        h.stepDueOn = caller.policy().stepDue(first, day(at));
        h.record(null, first, HazardAction.REGISTER, caller.actor(), at, null);
        if (h.status.reported()) {
            h.events.add(h.reportedEvent());
        }
        return h;
    }

    // ---- history import ----

    /** Where imported hazards say they came from (their source module): the import job and its row. */
    public static final String IMPORT_SOURCE = "hazard-import";
    /** The timeline's actor role of a step taken from a ledger: it has a date, not a time, and no account behind it. */
    public static final String LEDGER_ROLE = "IMPORTED";

    /**
     * What an office's ledger says happened to a past hazard after it was found.
     *
     * @param status       the state it reached (see {@link #IMPORTABLE})
     * @param basisText    for a major hazard judged without a clause of the library: the determination as recorded
     * @param note         what the import step says (file and row)
     */
    public record History(HazardStatus status, LocalDate deadline, LocalDate rectifiedOn, LocalDate signedOffOn,
                          ListingLevel listingLevel, String listingDocumentNumber, LocalDate listedOn,
                          LocalDate listingDeadline, String basisText, String note) {
    }

    /** One inconsistency of a ledger row: the fact (a {@link Facts}/{@link History} component name) and why. */
    public record HistoryProblem(String field, String message) {
    }

    /**
     * The states a ledger row may have reached. A general hazard is being rectified or closed; a major one is reported,
     * being rectified, rectified (the evaluation and sign-off request then happen here) or signed off. Unconfirmed
     * reports and pending requests are not history: they are finished in the platform.
     */
    public static final java.util.Map<Grade, java.util.Set<HazardStatus>> IMPORTABLE = java.util.Map.of(
            Grade.GENERAL, java.util.EnumSet.of(RECTIFYING, CLOSED),
            Grade.MAJOR, java.util.EnumSet.of(REPORTED, RECTIFYING, COMPLETED, SIGNED_OFF));

    /**
     * Every inconsistency of a past hazard's facts, all at once (empty: it may be imported). The factory
     * {@link #imported} refuses what this reports, so the rules live here once.
     */
    public static List<HistoryProblem> historyProblems(Facts f, History h, LocalDate today, LocalDate earliestFoundOn) {
        List<HistoryProblem> out = new ArrayList<>();
        LocalDate found = f.foundOn();
        if (found == null) {
            out.add(new HistoryProblem("foundOn", "请填写发现日期"));
        } else if (found.isAfter(today)) {
            out.add(new HistoryProblem("foundOn", "发现日期不能晚于今天"));
        } else if (found.isBefore(earliestFoundOn)) {
            // zhiben.hazards.history-import.earliest-found-on (issue 8: 2023 onwards; our inference, configurable)
            out.add(new HistoryProblem("foundOn", "只能导入 " + earliestFoundOn + " 及以后发现的隐患"));
        }
        if (f.grade() == null || h.status() == null) {
            return out;
        }
        boolean major = f.grade() == Grade.MAJOR;
        if (!IMPORTABLE.get(f.grade()).contains(h.status())) {
            out.add(new HistoryProblem("status", f.grade().label() + "隐患的整改状态只能是"
                    + String.join("、", IMPORTABLE.get(f.grade()).stream().map(HazardStatus::label).toList())));
            return out;
        }
        // 安全生产法 Art. 118 / 晋市安委发〔2024〕6号 item 6: a major hazard is judged against the determination standards
        if (major && f.clauseId() == null && blank(h.basisText())) {
            out.add(new HistoryProblem("clauseId", "重大事故隐患须写明判定标准和条款号，或判定依据说明"));
        }
        if (!major && f.clauseId() != null) {
            out.add(new HistoryProblem("clauseId", "一般隐患不引用重大事故隐患判定标准条款"));
        }
        // 安全生产法 Art. 41 / 令第16号 Arts. 18, 23: listing (挂牌督办) and sign-off (核销) concern major hazards only
        boolean listed = h.listingLevel() != null || !blank(h.listingDocumentNumber()) || h.listedOn() != null
                || h.listingDeadline() != null;
        if (listed && !major) {
            out.add(new HistoryProblem("listingLevel", "只有重大事故隐患才能挂牌督办"));
        } else if (listed && (h.listingLevel() == null || blank(h.listingDocumentNumber()) || h.listedOn() == null
                || h.listingDeadline() == null)) {
            out.add(new HistoryProblem("listingLevel", "挂牌督办须同时填写挂牌级别、督办文号、挂牌日期和督办期限"));
        }
        if (h.signedOffOn() != null && !major) {
            out.add(new HistoryProblem("signedOffOn", "只有重大事故隐患才有销号日期，一般隐患整改完成即关闭"));
        } else if (h.status() == SIGNED_OFF && h.signedOffOn() == null) {
            out.add(new HistoryProblem("signedOffOn", "已销号的隐患须填写销号日期"));
        } else if (h.status() != SIGNED_OFF && h.signedOffOn() != null) {
            out.add(new HistoryProblem("signedOffOn", "只有状态为“已销号”的隐患才填写销号日期"));
        }
        boolean rectified = h.status() == COMPLETED || h.status() == SIGNED_OFF || h.status() == CLOSED;
        if (rectified && h.rectifiedOn() == null) {
            out.add(new HistoryProblem("rectifiedOn", "“" + h.status().label() + "”的隐患须填写整改完成日期"));
        } else if (!rectified && h.rectifiedOn() != null) {
            out.add(new HistoryProblem("rectifiedOn", "尚未整改完成的隐患不填写整改完成日期"));
        }
        // 令第16号 Art. 15 (5): a rectification under way has its time limit
        if (h.status() == RECTIFYING && h.deadline() == null && h.listingDeadline() == null) {
            out.add(new HistoryProblem("deadline", "整改中的隐患须填写整改期限"));
        }
        if (found == null || found.isAfter(today)) {
            return out;
        }
        after(out, "deadline", h.deadline(), "整改期限", found, "发现日期");
        after(out, "listedOn", h.listedOn(), "挂牌日期", found, "发现日期");
        after(out, "listingDeadline", h.listingDeadline(), "督办期限", h.listedOn(), "挂牌日期");
        after(out, "rectifiedOn", h.rectifiedOn(), "整改完成日期", found, "发现日期");
        after(out, "signedOffOn", h.signedOffOn(), "销号日期", h.rectifiedOn(), "整改完成日期");
        after(out, "signedOffOn", h.signedOffOn(), "销号日期", h.listedOn(), "挂牌日期");
        notFuture(out, "listedOn", h.listedOn(), "挂牌日期", today);
        notFuture(out, "rectifiedOn", h.rectifiedOn(), "整改完成日期", today);
        notFuture(out, "signedOffOn", h.signedOffOn(), "销号日期", today);
        return out;
    }

    private static void after(List<HistoryProblem> out, String field, LocalDate date, String label, LocalDate earlier,
                              String earlierLabel) {
        if (date != null && earlier != null && date.isBefore(earlier)) {
            out.add(new HistoryProblem(field, label + " " + date + " 不能早于" + earlierLabel + " " + earlier));
        }
    }

    private static void notFuture(List<HistoryProblem> out, String field, LocalDate date, String label, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            out.add(new HistoryProblem(field, label + "不能晚于今天"));
        }
    }

    /**
     * A past hazard as the ledger records it. Its timeline gets the ledger's steps with their dates (found, listed,
     * rectified, signed off — the steps the ledger dates), then the import step now. It publishes no report, listing
     * or overdue event: nothing is notified or escalated for the past. A running deadline already passed is marked
     * overdue as it is (it counts as overdue), without escalation.
     *
     * @throws ProblemException (422 HAZARD_HISTORY_INCONSISTENT) with every problem of {@link #historyProblems}
     */
    static Hazard imported(UUID id, String number, Facts f, History h, HazardActor importer, Instant now,
                           LocalDate today, LocalDate earliestFoundOn) {
        List<HistoryProblem> problems = historyProblems(f, h, today, earliestFoundOn);
        if (!problems.isEmpty()) {
            throw new ProblemException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "HAZARD_HISTORY_INCONSISTENT",
                    String.join("；", problems.stream().map(HistoryProblem::message).toList()),
                    problems.stream().map(p -> new ProblemException.FieldProblem(p.field(), p.message())).toList());
        }
        Hazard x = new Hazard(id, number, f.enterpriseId(), f.regionCode(), f.zoneCode(), f.industryCode(), f.channel(),
                f.grade(), f.clauseId(), f.description(), f.location(), f.foundOn(), f.foundBy(), null,
                f.shutdown() == null ? Shutdown.NONE : f.shutdown(), f.needsCoordination(), now, h.status(), 0);
        x.reportedAt = day(f.foundOn());
        // the field of a standard that concerns every unit, as create() keeps it; a ledger's text is no 综合判定
        x.fieldCode = f.fieldCode() == null || f.fieldCode().equals(f.industryCode()) ? null : f.fieldCode();
        x.deadline = h.deadline();
        if (h.listingLevel() != null) {
            x.listingLevel = h.listingLevel();
            x.listingDocumentNumber = h.listingDocumentNumber().trim();
            x.listingDeadline = h.listingDeadline();
            // as list(): the listing's deadline binds when it is the earlier one
            if (x.deadline == null || h.listingDeadline().isBefore(x.deadline)) {
                x.deadline = h.listingDeadline();
            }
        }
        // the ledger's steps, in date order; a step on the same day keeps this order (found, listed, rectified, signed off)
        HazardStatus running = f.grade() == Grade.MAJOR && h.status() == REPORTED ? REPORTED : RECTIFYING;
        x.ledger(null, running, f.channel() == Channel.SELF_INSPECTION ? HazardAction.REPORT : HazardAction.REGISTER,
                f.foundBy(), f.foundOn(), "发现登记" + (h.deadline() == null ? "" : "，整改期限 " + h.deadline()));
        HazardStatus at = running;
        boolean listingDone = h.listingLevel() == null;
        if (!listingDone && (h.rectifiedOn() == null || !h.listedOn().isAfter(h.rectifiedOn()))) {
            x.ledgerListing(at, h);
            listingDone = true;
        }
        if (h.rectifiedOn() != null) {
            HazardStatus done = f.grade() == Grade.MAJOR ? COMPLETED : CLOSED;
            x.ledger(at, done, done == CLOSED ? HazardAction.CLOSE : HazardAction.COMPLETE, null, h.rectifiedOn(), "整改完成");
            at = done;
        }
        if (!listingDone) {
            x.ledgerListing(at, h);
        }
        if (h.signedOffOn() != null) {
            boolean listed = x.listingLevel != null;
            x.ledger(at, SIGNED_OFF, HazardAction.SIGN_OFF, null, h.signedOffOn(), "审核销号" + (listed
                    ? "，" + x.listingLevel.label() + " " + x.listingDocumentNumber + " 督办结束" : ""));
            if (listed) {
                // the sign-off ended the listing (issue 10 item 3), as the listing body's confirmation does today
                x.endListing(day(h.signedOffOn()));
            }
        }
        String reason = "历史数据导入" + (blank(h.note()) ? "" : "：" + h.note());
        if (x.status.deadlineRunning() && x.deadline != null && today.isAfter(x.deadline)) {
            x.overdue = true;
            x.overdueSince = x.deadline.plusDays(1);
            reason += "；导入时已超过整改期限 " + x.deadline + "，计为逾期（历史逾期不再升级督办）";
        }
        x.record(x.status, x.status, HazardAction.IMPORT, importer, now, reason);
        x.events.add(new HazardEvents.HazardImported(id, number, f.enterpriseId(), f.regionCode(), f.industryCode(),
                f.grade(), f.channel(), f.foundOn(), x.status, h.listingLevel(), h.signedOffOn(), now));
        return x;
    }

    private void ledgerListing(HazardStatus at, History h) {
        ledger(at, at, HazardAction.LIST, null, h.listedOn(),
                h.listingLevel().label() + " " + h.listingDocumentNumber().trim() + "，督办期限 " + h.listingDeadline());
    }

    /** A step the ledger dates: at the start of that day (Asia/Shanghai), by the ledger, not by an account. */
    private void ledger(HazardStatus from, HazardStatus to, HazardAction action, String by, LocalDate on, String reason) {
        transitions.add(new Transition(from, to, action, null, blank(by) ? "原台账记录" : by.strip(), LEDGER_ROLE, day(on),
                "（历史台账）" + reason));
    }

    private static Instant day(LocalDate date) {
        return date.atStartOfDay(cn.zhiben.platform.PlatformConfiguration.ZONE).toInstant();
    }

    private static Hazard create(UUID id, String number, Facts f, Caller caller, Instant at, HazardStatus first) {
        if (f.grade() == Grade.MAJOR && f.clauseId() == null && !f.determination()) {
            throw ProblemException.badRequest("HAZARD_CLAUSE_REQUIRED", "重大事故隐患须引用判定标准条款，或按标准作出综合判定");
        }
        Hazard h = new Hazard(id, number, f.enterpriseId(), f.regionCode(), f.zoneCode(), f.industryCode(), f.channel(),
                f.grade(), f.clauseId(), f.description(), f.location(), f.foundOn(), f.foundBy(), caller.userId(),
                f.shutdown() == null ? Shutdown.NONE : f.shutdown(), f.needsCoordination(), at, first, 0);
        h.fieldCode = f.fieldCode() == null || f.fieldCode().equals(f.industryCode()) ? null : f.fieldCode();
        h.determination = f.grade() == Grade.MAJOR && f.determination();
        return h;
    }

    private static LocalDate requireDeadline(LocalDate deadline, LocalDate foundOn) {
        if (deadline == null) {
            throw ProblemException.badRequest("HAZARD_DEADLINE_REQUIRED", "请填写整改期限");
        }
        if (deadline.isBefore(foundOn)) {
            throw ProblemException.badRequest("HAZARD_DEADLINE_BEFORE_FOUND", "整改期限不能早于发现日期");
        }
        return deadline;
    }

    /** Whether the caller may take this verb now: the question the detail page and the inbox ask too. */
    public boolean may(HazardAction verb, Caller caller) {
        return caller.policy().may(verb, this, caller);
    }

    // ---- two-level confirmation, acknowledgement, withdrawal ----

    void confirmByDepartment(Caller c, Instant at) {
        c.policy().require(HazardAction.CONFIRM_DEPARTMENT, this, c);
        move(PENDING_PRINCIPAL_CONFIRMATION, HazardAction.CONFIRM_DEPARTMENT, c, at, null);
        events.add(new HazardEvents.HazardConfirmed(id, "DEPARTMENT", c.userId(), at));
    }

    void confirmByPrincipal(Caller c, Instant at) {
        c.policy().require(HazardAction.CONFIRM_PRINCIPAL, this, c);
        move(REPORTED, HazardAction.CONFIRM_PRINCIPAL, c, at, null);
        reportedAt = at;
        events.add(new HazardEvents.HazardConfirmed(id, "PRINCIPAL", c.userId(), at));
        events.add(reportedEvent());
    }

    void returnForCorrection(Caller c, Instant at, String reason) {
        requireReason(reason);
        c.policy().require(HazardAction.RETURN_FOR_CORRECTION, this, c);
        move(PENDING_DEPARTMENT_CONFIRMATION, HazardAction.RETURN_FOR_CORRECTION, c, at, reason);
    }

    /** A report not yet confirmed (or acknowledged) is withdrawn by its reporter, with a reason (issue 8). */
    void withdraw(Caller c, Instant at, String reason) {
        requireReason(reason);
        c.policy().require(HazardAction.WITHDRAW, this, c);
        move(WITHDRAWN, HazardAction.WITHDRAW, c, at, reason);
        possibleDuplicateOf = null;
        events.add(new HazardEvents.HazardWithdrawn(id, number, enterpriseId, reason, at));
    }

    void acknowledge(Caller c, Instant at) {
        c.policy().require(HazardAction.ACKNOWLEDGE, this, c);
        move(REPORTED, HazardAction.ACKNOWLEDGE, c, at, null);
        reportedAt = at;
        events.add(reportedEvent());
    }

    // ---- rectification ----

    void filePlan(Caller c, Instant at, LocalDate planDeadline, LocalDate today) {
        c.policy().require(HazardAction.FILE_PLAN, this, c);
        if (planDeadline == null || planDeadline.isBefore(today)) {
            throw ProblemException.badRequest("HAZARD_DEADLINE_INVALID", "整改时限须不早于今天");
        }
        move(RECTIFYING, HazardAction.FILE_PLAN, c, at, null);
        // a listing's deadline binds the plan: the stricter one runs
        deadline = listingDeadline != null && listingDeadline.isBefore(planDeadline) ? listingDeadline : planDeadline;
        if (overdue && !deadline.isBefore(today)) {
            overdue = false;
        }
        events.add(new HazardEvents.RectificationPlanFiled(id, deadline, at));
    }

    void reportProgress(Caller c, Instant at, String summary) {
        requireReason(summary);
        c.policy().require(HazardAction.REPORT_PROGRESS, this, c);
        stay(HazardAction.REPORT_PROGRESS, c, at, summary);
    }

    void requestExtension(Caller c, Instant at, LocalDate requested, String reason) {
        requireReason(reason);
        c.policy().require(HazardAction.REQUEST_EXTENSION, this, c);
        if (requested == null || !requested.isAfter(deadline)) {
            throw ProblemException.badRequest("HAZARD_EXTENSION_DATE_INVALID", "延期后的期限须晚于当前整改期限");
        }
        stay(HazardAction.REQUEST_EXTENSION, c, at, "申请延期至 " + requested + "：" + reason);
        extensionPending = true;
    }

    /**
     * Decided at the hazard's listing level (issue 8); an approved extension moves the rectification and the listing
     * deadline and counts against the limit.
     */
    void decideExtension(Caller c, Instant at, boolean approve, LocalDate newDeadline, String reason, LocalDate today) {
        requireReason(reason);
        HazardAction verb = approve ? HazardAction.APPROVE_EXTENSION : HazardAction.REFUSE_EXTENSION;
        c.policy().require(verb, this, c);
        if (approve && (newDeadline == null || deadline == null || !newDeadline.isAfter(deadline))) {
            throw ProblemException.badRequest("HAZARD_EXTENSION_DATE_INVALID", "延期后的期限须晚于当前整改期限");
        }
        stay(verb, c, at, approve ? "同意延期至 " + newDeadline + "：" + reason : reason);
        extensionPending = false;
        if (approve) {
            deadline = newDeadline;
            extensionCount++;
            if (listingLevel != null) {
                listingDeadline = newDeadline;
            }
            if (overdue && !deadline.isBefore(today)) {
                overdue = false;
            }
        }
        events.add(new HazardEvents.ExtensionDecided(id, number, enterpriseId, approve, deadline, at));
    }

    /** A major hazard goes on to evaluation; a general one is closed by the enterprise. */
    void complete(Caller c, Instant at, String summary) {
        if (grade == Grade.GENERAL) {
            c.policy().require(HazardAction.CLOSE, this, c);
            move(CLOSED, HazardAction.CLOSE, c, at, summary);
            overdue = false;
            events.add(new HazardEvents.HazardClosed(id, at));
            return;
        }
        c.policy().require(HazardAction.COMPLETE, this, c);
        move(COMPLETED, HazardAction.COMPLETE, c, at, summary);
        // a pending extension is moot once the work is done
        extensionPending = false;
    }

    /**
     * 令第16号 第十八条: a listed hazard rectified under full or partial shutdown is evaluated by the enterprise's own
     * technical staff and experts only where the listing body found it able to; otherwise by a qualified third party.
     */
    void evaluate(Caller c, Instant at, HazardDetails.EvaluationInput e) {
        requireReason(e.conclusion());
        c.policy().require(HazardAction.EVALUATE, this, c);
        boolean thirdParty = "THIRD_PARTY".equals(e.kind());
        if (thirdPartyEvaluationRequired() && !thirdParty) {
            throw ProblemException.unprocessable("HAZARD_THIRD_PARTY_EVALUATION_REQUIRED",
                    "挂牌督办并停产停业整改的重大事故隐患，企业不具备自行评估条件的，须委托具备相应资质的安全评价机构评估（令第16号第十八条）");
        }
        if (thirdParty && (blank(e.organisation()) || blank(e.qualification()))) {
            throw ProblemException.badRequest("HAZARD_EVALUATION_ORGANISATION_REQUIRED", "第三方评估须填写评估机构及其资质");
        }
        if (!thirdParty && listingLevel != null && shutdown != Shutdown.NONE && blank(e.experts())) {
            throw ProblemException.badRequest("HAZARD_EVALUATION_EXPERTS_REQUIRED", "企业自行评估须写明参加评估的技术人员和专家");
        }
        move(EVALUATED, HazardAction.EVALUATE, c, at, e.conclusion());
    }

    /** Whether only a qualified third party may evaluate this hazard's rectification (令第16号 第十八条). */
    public boolean thirdPartyEvaluationRequired() {
        return listingLevel != null && shutdown != Shutdown.NONE && !selfEvaluationAllowed;
    }

    /** The sign-off request (for a coal mine under shutdown, the resumption application), due for review in its period. */
    void requestSignOff(Caller c, Instant at) {
        c.policy().require(HazardAction.REQUEST_SIGN_OFF, this, c);
        boolean resumption = HazardPolicy.resumptionAcceptance(industryCode, shutdown);
        move(SIGN_OFF_REQUESTED, HazardAction.REQUEST_SIGN_OFF, c, at,
                resumption ? "申请复产验收（煤矿安全生产条例第四十八条，" + c.policy().coalResumptionDays() + " 日内完成验收）" : null);
        reviewDueOn = day(at).plusDays(c.policy().reviewPeriod(industryCode, shutdown));
        reviewOverdue = false;
    }

    /**
     * 销号 after an on-site review by the department leading the hazard's field at its level. An unlisted hazard is then
     * signed off; a listed one waits for the listing body to confirm 摘牌.
     */
    void signOff(Caller c, Instant at, String opinion) {
        requireReason(opinion);
        c.policy().require(HazardAction.SIGN_OFF, this, c);
        reviewOverdue = false;
        if (listingLevel == null) {
            move(SIGNED_OFF, HazardAction.SIGN_OFF, c, at, opinion);
            finishSignOff(at);
        } else {
            move(SIGNED_OFF_PENDING_DELISTING, HazardAction.SIGN_OFF, c, at, opinion);
            events.add(new HazardEvents.DelistingAwaited(id, number, enterpriseId, regionCode, listingLevel, at));
        }
    }

    /** The listing body confirms 摘牌 after the sign-off: the listing ends and the hazard is signed off. */
    void confirmDelisting(Caller c, Instant at, String note) {
        c.policy().require(HazardAction.CONFIRM_DELISTING, this, c);
        ListingLevel was = listingLevel;
        move(SIGNED_OFF, HazardAction.CONFIRM_DELISTING, c, at, was.label() + " " + listingDocumentNumber + " 督办结束"
                + (blank(note) ? "" : "：" + note.strip()));
        endListing(at);
        events.add(new HazardEvents.HazardDelisted(id, was, at));
        finishSignOff(at);
    }

    /** The listing body does not accept the sign-off: back to rectification, with reasons. */
    void refuseDelisting(Caller c, Instant at, String reasons, LocalDate newDeadline, LocalDate today) {
        requireReason(reasons);
        c.policy().require(HazardAction.REFUSE_DELISTING, this, c);
        backToRectification(c, at, HazardAction.REFUSE_DELISTING, reasons, newDeadline, today);
    }

    private void finishSignOff(Instant at) {
        overdue = false;
        reviewDueOn = null;
        events.add(new HazardEvents.HazardSignedOff(id, number, enterpriseId, listingEndedLevel, at));
    }

    /** Sent back to rectification by the review. */
    void rejectSignOff(Caller c, Instant at, String reasons, LocalDate newDeadline, LocalDate today) {
        requireReason(reasons);
        c.policy().require(HazardAction.REJECT_SIGN_OFF, this, c);
        backToRectification(c, at, HazardAction.REJECT_SIGN_OFF, reasons, newDeadline, today);
    }

    private void backToRectification(Caller c, Instant at, HazardAction verb, String reasons, LocalDate newDeadline,
                                     LocalDate today) {
        if (newDeadline != null && newDeadline.isBefore(today)) {
            throw ProblemException.badRequest("HAZARD_DEADLINE_INVALID", "整改时限须不早于今天");
        }
        move(RECTIFYING, verb, c, at, reasons);
        reviewDueOn = null;
        reviewOverdue = false;
        if (newDeadline != null) {
            deadline = newDeadline;
            overdue = false;
        }
    }

    // ---- supervision ----

    /**
     * 挂牌督办 by the office of a government: a county office at county level, the city office at city level or — on the
     * province's behalf — at province level. Never waits for the enterprise's acknowledgement.
     */
    void list(Caller c, Instant at, ListingLevel level, String documentNumber, UUID unitId, LocalDate listDeadline,
              boolean selfEvaluation) {
        c.policy().require(HazardAction.LIST, this, c);
        requireOfficeLevel(c, level);
        requireListing(documentNumber, listDeadline);
        applyListing(level, documentNumber, unitId, listDeadline, selfEvaluation);
        stay(HazardAction.LIST, c, at, level.label() + " " + listingDocumentNumber);
        events.add(new HazardEvents.HazardListed(id, number, enterpriseId, regionCode, industryCode, level,
                listingDocumentNumber, listDeadline, at, fieldCode));
    }

    /** 提级督办 (issue 10 item 14): the city office raises a county listing to the city's, or records the province's. */
    void raiseListing(Caller c, Instant at, ListingLevel level, String documentNumber, UUID unitId, LocalDate listDeadline,
                      boolean selfEvaluation) {
        c.policy().require(HazardAction.RAISE_LISTING, this, c);
        if (level == null || !level.above(listingLevel)) {
            throw ProblemException.badRequest("HAZARD_LISTING_LEVEL_INVALID", "提级督办须高于现在的" + listingLevel.label());
        }
        requireOfficeLevel(c, level);
        requireListing(documentNumber, listDeadline);
        ListingLevel was = listingLevel;
        applyListing(level, documentNumber, unitId, listDeadline, selfEvaluation);
        stay(HazardAction.RAISE_LISTING, c, at, was.label() + " → " + level.label() + " " + listingDocumentNumber);
        events.add(new HazardEvents.HazardListed(id, number, enterpriseId, regionCode, industryCode, level,
                listingDocumentNumber, listDeadline, at, fieldCode));
    }

    /** 督办提醒 (issue 10 item 14): the city office reminds the county of a county-listed hazard. */
    void remind(Caller c, Instant at, String message) {
        requireReason(message);
        c.policy().require(HazardAction.REMIND, this, c);
        stay(HazardAction.REMIND, c, at, message);
        events.add(new HazardEvents.SupervisionReminded(id, number, enterpriseId, regionCode, industryCode, fieldCode,
                listingLevel, message, at));
    }

    private static void requireOfficeLevel(Caller c, ListingLevel level) {
        if (!HazardPolicy.listingLevels(c.role()).contains(level)) {
            throw ProblemException.forbidden("HAZARD_LISTING_LEVEL_REQUIRED",
                    "县级安委办挂县级督办；市安委办挂市级督办，或代为登记省级挂牌督办");
        }
    }

    private static void requireListing(String documentNumber, LocalDate listDeadline) {
        if (documentNumber == null || documentNumber.isBlank() || listDeadline == null) {
            throw ProblemException.badRequest("HAZARD_LISTING_INCOMPLETE", "挂牌督办须填写督办文号和整改期限");
        }
    }

    private void applyListing(ListingLevel level, String documentNumber, UUID unitId, LocalDate listDeadline,
                              boolean selfEvaluation) {
        listingLevel = level;
        listingDocumentNumber = documentNumber.strip();
        listingUnitId = unitId;
        listingDeadline = listDeadline;
        listingEndedLevel = null;
        listingEndedOn = null;
        selfEvaluationAllowed = selfEvaluation;
        if (deadline == null || listDeadline.isBefore(deadline)) {
            deadline = listDeadline;
        }
    }

    /** 摘牌 by the listing body, with a reason the public board shows (not through sign-off). */
    void delist(Caller c, Instant at, String reason) {
        requireReason(reason);
        c.policy().require(HazardAction.DELIST, this, c);
        ListingLevel was = listingLevel;
        stay(HazardAction.DELIST, c, at, reason);
        endListing(at);
        events.add(new HazardEvents.HazardDelisted(id, was, at));
    }

    private void endListing(Instant at) {
        listingEndedLevel = listingLevel;
        listingEndedOn = day(at);
        listingLevel = null;
        listingDocumentNumber = null;
        listingUnitId = null;
        listingDeadline = null;
        selfEvaluationAllowed = false;
    }

    /**
     * An official regrades a hazard (major ↔ general) with a reason. To general: rectification with a deadline. To
     * major: the clause or determination it rests on, and a plan from the enterprise.
     */
    void regrade(Caller c, Instant at, Grade to, String reason, UUID newClauseId, boolean newDetermination,
                 String newFieldCode, LocalDate newDeadline, LocalDate today) {
        requireReason(reason);
        c.policy().require(HazardAction.REGRADE, this, c);
        if (to == null || to == grade) {
            throw ProblemException.badRequest("HAZARD_GRADE_UNCHANGED", "隐患已是" + grade.label() + "隐患");
        }
        String text = grade.label() + "隐患 → " + to.label() + "隐患：" + reason;
        if (to == Grade.GENERAL) {
            LocalDate d = newDeadline != null ? newDeadline : deadline;
            if (d == null || d.isBefore(today)) {
                throw ProblemException.badRequest("HAZARD_DEADLINE_REQUIRED", "改为一般隐患须给出不早于今天的整改期限");
            }
            grade = Grade.GENERAL;
            determination = false;
            deadline = d;
            if (status != RECTIFYING) {
                move(RECTIFYING, HazardAction.REGRADE, c, at, text);
            } else {
                stay(HazardAction.REGRADE, c, at, text);
            }
            if (reportedAt == null) {
                reportedAt = at;
                events.add(reportedEvent());
            }
        } else {
            if (newClauseId == null && !newDetermination) {
                throw ProblemException.badRequest("HAZARD_CLAUSE_REQUIRED", "改为重大事故隐患须引用判定标准条款，或按标准作出综合判定");
            }
            grade = Grade.MAJOR;
            clauseId = newClauseId;
            determination = newDetermination;
            fieldCode = newFieldCode == null || newFieldCode.equals(industryCode) ? null : newFieldCode;
            if (status == RECTIFYING) {
                // a major hazard needs the rectification plan of 令第16号 第十五条
                move(REPORTED, HazardAction.REGRADE, c, at, text);
            } else {
                stay(HazardAction.REGRADE, c, at, text);
            }
        }
        events.add(new HazardEvents.HazardRegraded(id, number, enterpriseId, to, reason, at));
    }

    /**
     * Called by the daily job: past the deadline (the day after it, in Asia/Shanghai) and not yet marked.
     * Returns whether it changed anything, so the job is idempotent.
     */
    boolean markOverdue(Instant at, LocalDate today) {
        if (!status.deadlineRunning() || deadline == null || !today.isAfter(deadline) || overdue) {
            return false;
        }
        overdue = true;
        overdueSince = deadline.plusDays(1);
        escalatedTo = escalationTarget();
        record(status, status, HazardAction.MARK_OVERDUE, HazardActor.system(), at, "超过整改期限 " + deadline + "，升级至" + escalatedTo);
        events.add(new HazardEvents.HazardOverdue(id, number, enterpriseId, regionCode, industryCode, deadline, escalatedTo,
                at, fieldCode));
        return true;
    }

    /**
     * Called by the daily job: a sign-off request not reviewed by its due date (the day after it, Asia/Shanghai) is
     * escalated once per request. Returns whether it changed anything, so the job is idempotent.
     */
    boolean markReviewOverdue(Instant at, LocalDate today) {
        if (status != SIGN_OFF_REQUESTED || reviewDueOn == null || !today.isAfter(reviewDueOn) || reviewOverdue) {
            return false;
        }
        reviewOverdue = true;
        String to = escalationTarget();
        String what = HazardPolicy.resumptionAcceptance(industryCode, shutdown) ? "复产验收期限 " : "销号审核期限 ";
        record(status, status, HazardAction.MARK_REVIEW_OVERDUE, HazardActor.system(), at,
                what + reviewDueOn + " 已过，未完成现场审核，升级至" + to);
        events.add(new HazardEvents.HazardReviewOverdue(id, number, enterpriseId, regionCode, industryCode, reviewDueOn,
                to, at, fieldCode));
        return true;
    }

    /**
     * Called by the daily job: the step the hazard waits in (confirmation, acknowledgement, plan, 摘牌 confirmation) is
     * past its deadline. It is escalated once; an unacknowledged major hazard then proceeds as acknowledged, so an
     * enterprise cannot keep a hazard out of the loop by not signing (issue 8).
     */
    boolean markStepOverdue(HazardPolicy policy, Instant at, LocalDate today) {
        if (status.terminal() || stepDueOn == null || !today.isAfter(stepDueOn) || stepOverdue) {
            return false;
        }
        String to = escalationTarget();
        HazardStatus step = status;
        LocalDate due = stepDueOn;
        stepOverdue = true;
        record(status, status, HazardAction.MARK_STEP_OVERDUE, HazardActor.system(), at,
                HazardPolicy.stepLabel(step) + "期限 " + due + " 已过，升级至" + to);
        events.add(new HazardEvents.HazardStepOverdue(id, number, enterpriseId, regionCode, industryCode, fieldCode,
                step, due, to, at));
        if (step == PENDING_ACKNOWLEDGEMENT) {
            record(status, REPORTED, HazardAction.ACKNOWLEDGED_BY_DEFAULT, HazardActor.system(), at,
                    "企业未在 " + due + " 前签收，视同签收，整改期限照常计算");
            status = REPORTED;
            reportedAt = at;
            stepDueOn = policy.stepDue(REPORTED, today);
            stepOverdue = false;
            events.add(reportedEvent());
        }
        return true;
    }

    /** One level up: county-level hazards to the city, city-listed ones to the city safety committee. */
    String escalationTarget() {
        if (listingLevel == ListingLevel.PROVINCE) {
            return "市安委会（报省安委办）";
        }
        return listingLevel == ListingLevel.CITY ? "市安委会" : "市级（市安委办及行业主管部门）";
    }

    void reopen(Caller c, Instant at, String reason, LocalDate newDeadline, LocalDate today) {
        requireReason(reason);
        c.policy().require(HazardAction.REOPEN, this, c);
        if (newDeadline == null || newDeadline.isBefore(today)) {
            throw ProblemException.badRequest("HAZARD_DEADLINE_INVALID", "整改时限须不早于今天");
        }
        move(RECTIFYING, HazardAction.REOPEN, c, at, reason);
        deadline = newDeadline;
        overdue = false;
        events.add(new HazardEvents.HazardReopened(id, at));
    }

    /**
     * Merges this hazard into a real duplicate (issue 9 item 2a): both open, same enterprise, same clause or same place,
     * decided at or above the listing level of both, with a reason. The remaining hazard takes over the higher listing
     * and the stricter deadline.
     */
    void mergeInto(Hazard target, Caller c, Instant at, String reason) {
        requireReason(reason);
        c.policy().require(HazardAction.MERGE, this, c);
        if (target.id.equals(id)) {
            throw ProblemException.badRequest("HAZARD_MERGE_SELF", "不能与自身合并");
        }
        if (!target.enterpriseId.equals(enterpriseId)) {
            throw ProblemException.badRequest("HAZARD_MERGE_OTHER_ENTERPRISE", "只能合并同一企业的隐患");
        }
        if (target.status.terminal()) {
            throw new IllegalTransitionException("HAZARD_MERGE_TARGET_CLOSED", "目标隐患已" + target.status.label() + "，不能合并");
        }
        c.policy().requireAuthority(HazardAction.MERGE, target, c);
        if (!duplicateOf(target)) {
            throw ProblemException.unprocessable("HAZARD_MERGE_NOT_DUPLICATE",
                    "只能合并判定条款相同或隐患部位相同的重复隐患");
        }
        if (grade == Grade.MAJOR && target.grade == Grade.GENERAL) {
            throw ProblemException.unprocessable("HAZARD_MERGE_GRADE", "重大事故隐患不能并入一般隐患");
        }
        List<String> carried = new ArrayList<>();
        if (listingLevel != null && listingLevel.above(target.listingLevel)) {
            carried.add("承接" + listingLevel.label() + " " + listingDocumentNumber);
            target.listingLevel = listingLevel;
            target.listingDocumentNumber = listingDocumentNumber;
            target.listingUnitId = listingUnitId;
            target.listingDeadline = listingDeadline;
            target.selfEvaluationAllowed = selfEvaluationAllowed;
        }
        if (deadline != null && (target.deadline == null || deadline.isBefore(target.deadline))) {
            carried.add("整改期限改为 " + deadline);
            target.deadline = deadline;
            if (overdue) {
                target.overdue = true;
                target.overdueSince = overdueSince;
                target.escalatedTo = escalatedTo;
            }
        }
        HazardStatus from = status;
        status = MERGED;
        mergedInto = target.id;
        stepDueOn = null;
        extensionPending = false;
        record(from, MERGED, HazardAction.MERGE, c.actor(), at, "并入 " + target.number + "：" + reason);
        target.record(target.status, target.status, HazardAction.MERGE, c.actor(), at, "合并 " + number + "：" + reason
                + (carried.isEmpty() ? "" : "（" + String.join("，", carried) + "）"));
        events.add(new HazardEvents.HazardMerged(id, target.id, at));
    }

    /** Same clause, or the same place written the same way (spaces and case aside). */
    boolean duplicateOf(Hazard other) {
        return (clauseId != null && clauseId.equals(other.clauseId)) || place(location).equals(place(other.location));
    }

    static String place(String location) {
        return location == null ? "" : location.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** An official decides a flagged report is not a duplicate after all (a different part of the site, say). */
    void dismissDuplicate(Caller c, Instant at, String reason) {
        requireReason(reason);
        c.policy().require(HazardAction.DISMISS_DUPLICATE, this, c);
        possibleDuplicateOf = null;
        stay(HazardAction.DISMISS_DUPLICATE, c, at, reason);
    }

    // ---- 自查未发现 and 责任倒查 ----

    /**
     * A major hazard found by others that the enterprise's own checks did not find (plan item 23): flagged, and an
     * accountability record (责任倒查) opened for the county and the supervising unit. Once.
     */
    void selfCheckMissed(Instant at, String basis) {
        selfCheckMissed = true;
        openAccountability(at, basis);
    }

    /**
     * Another module shows the enterprise's own checks covered this hazard without finding it: the 自查未发现 flag is
     * set with the evidence on the timeline, and 责任倒查 opened. Only for hazards found by others.
     */
    void selfCheckEvidence(Instant at, String evidence) {
        requireReason(evidence);
        if (!channel.external()) {
            throw new IllegalTransitionException("HAZARD_SELF_REPORTED", "企业自查发现的隐患不存在自查未发现");
        }
        selfCheckMissed = true;
        record(status, status, HazardAction.SELF_CHECK_EVIDENCE, HazardActor.system(), at, evidence);
        openAccountability(at, "企业自查记录覆盖该项而未发现：" + evidence);
    }

    private void openAccountability(Instant at, String basis) {
        if (accountabilityStatus != null) {
            return;
        }
        accountabilityStatus = "OPEN";
        accountabilityBasis = basis;
        accountabilityOpenedAt = at;
        record(status, status, HazardAction.OPEN_ACCOUNTABILITY, HazardActor.system(), at, basis);
        events.add(new HazardEvents.AccountabilityOpened(id, number, enterpriseId, regionCode, industryCode, fieldCode, at));
    }

    /** The county or the supervising unit closes the 责任倒查 with its findings (who was held to account, how). */
    void closeAccountability(Caller c, Instant at, String conclusion) {
        requireReason(conclusion);
        c.policy().require(HazardAction.CLOSE_ACCOUNTABILITY, this, c);
        accountabilityStatus = "CLOSED";
        accountabilityConclusion = conclusion.strip();
        accountabilityClosedAt = at;
        accountabilityClosedBy = c.name();
        stay(HazardAction.CLOSE_ACCOUNTABILITY, c, at, conclusion);
    }

    /** An attachment is part of the timeline too. */
    void attached(Caller c, Instant at, String fileName) {
        c.policy().require(HazardAction.ATTACH, this, c);
        stay(HazardAction.ATTACH, c, at, fileName);
    }

    // ---- helpers ----

    /** A state change; entering a step with a deadline of its own starts that deadline. */
    private void move(HazardStatus to, HazardAction action, Caller c, Instant at, String reason) {
        record(status, to, action, c.actor(), at, reason);
        status = to;
        stepDueOn = c.policy().stepDue(to, day(at));
        stepOverdue = false;
    }

    private void stay(HazardAction action, Caller c, Instant at, String reason) {
        record(status, status, action, c.actor(), at, reason);
    }

    private void record(HazardStatus from, HazardStatus to, HazardAction action, HazardActor actor, Instant at, String reason) {
        transitions.add(new Transition(from, to, action, actor.userId(), actor.name(),
                actor.role() == null ? null : actor.role().name(), at, reason));
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("HAZARD_REASON_REQUIRED", "请填写说明或理由");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, PlatformConfiguration.ZONE);
    }

    private HazardEvents.HazardReported reportedEvent() {
        return new HazardEvents.HazardReported(id, number, enterpriseId, regionCode, industryCode, grade, channel, foundOn,
                reportedAt, fieldCode);
    }

    // ---- read access ----

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    @Override
    public HazardStatus status() {
        return status;
    }

    @Override
    public Grade grade() {
        return grade;
    }

    public Channel channel() {
        return channel;
    }

    public UUID enterpriseId() {
        return enterpriseId;
    }

    public String regionCode() {
        return regionCode;
    }

    public String zoneCode() {
        return zoneCode;
    }

    @Override
    public String industryCode() {
        return industryCode;
    }

    @Override
    public String fieldCode() {
        return fieldCode;
    }

    public boolean determination() {
        return determination;
    }

    public UUID clauseId() {
        return clauseId;
    }

    public String location() {
        return location;
    }

    public LocalDate foundOn() {
        return foundOn;
    }

    @Override
    public LocalDate deadline() {
        return deadline;
    }

    @Override
    public boolean overdue() {
        return overdue;
    }

    @Override
    public ListingLevel listingLevel() {
        return listingLevel;
    }

    public LocalDate listingDeadline() {
        return listingDeadline;
    }

    public ListingLevel listingEndedLevel() {
        return listingEndedLevel;
    }

    public boolean stock() {
        return !foundOn.isAfter(STOCK_CUTOFF);
    }

    public int version() {
        return version;
    }

    @Override
    public boolean extensionPending() {
        return extensionPending;
    }

    @Override
    public int extensionCount() {
        return extensionCount;
    }

    @Override
    public UUID possibleDuplicateOf() {
        return possibleDuplicateOf;
    }

    @Override
    public UUID finderUserId() {
        return finderUserId;
    }

    @Override
    public String accountabilityStatus() {
        return accountabilityStatus;
    }

    public boolean selfCheckMissedFlag() {
        return selfCheckMissed;
    }

    public LocalDate reviewDueOn() {
        return reviewDueOn;
    }

    @Override
    public boolean reviewOverdue() {
        return reviewOverdue;
    }

    public LocalDate stepDueOn() {
        return stepDueOn;
    }

    @Override
    public boolean stepOverdue() {
        return stepOverdue;
    }

    public Shutdown shutdown() {
        return shutdown;
    }

    /** Timeline steps added since load, to be appended by the repository. */
    public List<Transition> newTransitions() {
        return Collections.unmodifiableList(transitions);
    }

    public List<Object> pendingEvents() {
        return Collections.unmodifiableList(events);
    }

    void clearPending() {
        transitions.clear();
        events.clear();
    }
}
