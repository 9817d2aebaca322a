package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardEvents;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.Shutdown;
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
 * The hazard aggregate. Its status changes only through the verb methods below, each of which checks the current
 * state, throws {@link IllegalTransitionException} on an illegal move, and appends a {@link Transition} (the timeline).
 * Who may call which verb is {@link HazardRules}' business; this class guards the order of things.
 */
public class Hazard {

    /** 2024 plan target: hazards found on or before this day are the "stock" to clear by end of 2024. */
    public static final LocalDate STOCK_CUTOFF = LocalDate.of(2023, 12, 31);

    final UUID id;
    final String number;
    final UUID enterpriseId;
    final String regionCode;
    final String zoneCode;
    final String industryCode;
    final Channel channel;
    final Grade grade;
    final UUID clauseId;
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
    LocalDate reviewDueOn;
    boolean reviewOverdue;
    boolean extensionPending;
    boolean selfCheckMissed;
    UUID possibleDuplicateOf;
    UUID mergedInto;
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

    /** What the creator states; the factories decide the first status. */
    public record Facts(UUID enterpriseId, String regionCode, String zoneCode, String industryCode, Channel channel,
                        Grade grade, UUID clauseId, String description, String location, LocalDate foundOn,
                        String foundBy, Shutdown shutdown, boolean needsCoordination) {
    }

    /**
     * A hazard the enterprise found itself. A major one waits for two-level confirmation; a general one is either
     * fixed on the spot (立查立改, closed at once) or given a deadline.
     */
    static Hazard selfReported(UUID id, String number, Facts f, HazardActor actor, Instant at, boolean fixedOnSpot,
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
        Hazard h = create(id, number, f, actor, at, first);
        if (f.grade() == Grade.GENERAL) {
            h.reportedAt = at;
            h.deadline = fixedOnSpot ? null : requireDeadline(deadline, f.foundOn());
        }
        h.record(null, first, action, actor, at, null);
        if (h.status.reported()) {
            h.events.add(h.reportedEvent());
        }
        return h;
    }

    /**
     * A hazard found by supervision, a verified tip-off, an expert, monitoring or a higher authority. A major one waits
     * for the enterprise to acknowledge it; a general one goes to rectification with the deadline the inspector sets.
     */
    static Hazard registered(UUID id, String number, Facts f, HazardActor actor, Instant at, LocalDate deadline) {
        if (!f.channel().external()) {
            throw new IllegalArgumentException("registered hazards come from outside the enterprise");
        }
        HazardStatus first = f.grade() == Grade.MAJOR ? PENDING_ACKNOWLEDGEMENT : RECTIFYING;
        Hazard h = create(id, number, f, actor, at, first);
        if (f.grade() == Grade.GENERAL) {
            h.reportedAt = at;
            h.deadline = requireDeadline(deadline, f.foundOn());
        }
        h.record(null, first, HazardAction.REGISTER, actor, at, null);
        if (h.status.reported()) {
            h.events.add(h.reportedEvent());
        }
        return h;
    }

    private static Hazard create(UUID id, String number, Facts f, HazardActor actor, Instant at, HazardStatus first) {
        if (f.grade() == Grade.MAJOR && f.clauseId() == null) {
            throw ProblemException.badRequest("HAZARD_CLAUSE_REQUIRED", "重大事故隐患须引用判定标准条款");
        }
        return new Hazard(id, number, f.enterpriseId(), f.regionCode(), f.zoneCode(), f.industryCode(), f.channel(),
                f.grade(), f.clauseId(), f.description(), f.location(), f.foundOn(), f.foundBy(), actor.userId(),
                f.shutdown() == null ? Shutdown.NONE : f.shutdown(), f.needsCoordination(), at, first, 0);
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

    // ---- two-level confirmation and acknowledgement ----

    void confirmByDepartment(HazardActor actor, Instant at) {
        move(PENDING_DEPARTMENT_CONFIRMATION, PENDING_PRINCIPAL_CONFIRMATION, HazardAction.CONFIRM_DEPARTMENT, actor, at, null);
        events.add(new HazardEvents.HazardConfirmed(id, "DEPARTMENT", actor.userId(), at));
    }

    void confirmByPrincipal(HazardActor actor, Instant at) {
        move(PENDING_PRINCIPAL_CONFIRMATION, REPORTED, HazardAction.CONFIRM_PRINCIPAL, actor, at, null);
        reportedAt = at;
        events.add(new HazardEvents.HazardConfirmed(id, "PRINCIPAL", actor.userId(), at));
        events.add(reportedEvent());
    }

    void returnForCorrection(HazardActor actor, Instant at, String reason) {
        requireReason(reason);
        move(PENDING_PRINCIPAL_CONFIRMATION, PENDING_DEPARTMENT_CONFIRMATION, HazardAction.RETURN_FOR_CORRECTION, actor, at, reason);
    }

    void acknowledge(HazardActor actor, Instant at) {
        move(PENDING_ACKNOWLEDGEMENT, REPORTED, HazardAction.ACKNOWLEDGE, actor, at, null);
        reportedAt = at;
        events.add(reportedEvent());
    }

    // ---- rectification ----

    void filePlan(HazardActor actor, Instant at, LocalDate planDeadline, LocalDate today) {
        if (planDeadline == null || planDeadline.isBefore(today)) {
            throw ProblemException.badRequest("HAZARD_DEADLINE_INVALID", "整改时限须不早于今天");
        }
        move(REPORTED, RECTIFYING, HazardAction.FILE_PLAN, actor, at, null);
        deadline = planDeadline;
        events.add(new HazardEvents.RectificationPlanFiled(id, planDeadline, at));
    }

    void reportProgress(HazardActor actor, Instant at, String summary) {
        requireReason(summary);
        stay(RECTIFYING, HazardAction.REPORT_PROGRESS, actor, at, summary);
    }

    void requestExtension(HazardActor actor, Instant at, LocalDate requested, String reason) {
        requireReason(reason);
        if (status != RECTIFYING) {
            throw new IllegalTransitionException(status, HazardAction.REQUEST_EXTENSION);
        }
        if (extensionPending) {
            throw new IllegalTransitionException("HAZARD_EXTENSION_PENDING", "已有待审批的延期申请");
        }
        if (requested == null || deadline == null || !requested.isAfter(deadline)) {
            throw ProblemException.badRequest("HAZARD_EXTENSION_DATE_INVALID", "延期后的期限须晚于当前整改期限");
        }
        stay(RECTIFYING, HazardAction.REQUEST_EXTENSION, actor, at, "申请延期至 " + requested + "：" + reason);
        extensionPending = true;
    }

    void decideExtension(HazardActor actor, Instant at, boolean approve, LocalDate newDeadline, String reason, LocalDate today) {
        requireReason(reason);
        if (!extensionPending) {
            throw new IllegalTransitionException("HAZARD_NO_EXTENSION_PENDING", "没有待审批的延期申请");
        }
        if (approve && (newDeadline == null || deadline == null || !newDeadline.isAfter(deadline))) {
            throw ProblemException.badRequest("HAZARD_EXTENSION_DATE_INVALID", "延期后的期限须晚于当前整改期限");
        }
        stay(RECTIFYING, approve ? HazardAction.APPROVE_EXTENSION : HazardAction.REFUSE_EXTENSION, actor, at,
                approve ? "同意延期至 " + newDeadline + "：" + reason : reason);
        extensionPending = false;
        if (approve) {
            deadline = newDeadline;
            if (overdue && !deadline.isBefore(today)) {
                overdue = false;
            }
        }
        events.add(new HazardEvents.ExtensionDecided(id, number, enterpriseId, approve, deadline, at));
    }

    /** A major hazard goes on to evaluation; a general one is closed by the enterprise. */
    void complete(HazardActor actor, Instant at, String summary) {
        if (grade == Grade.GENERAL) {
            move(RECTIFYING, CLOSED, HazardAction.CLOSE, actor, at, summary);
            overdue = false;
            events.add(new HazardEvents.HazardClosed(id, at));
            return;
        }
        move(RECTIFYING, COMPLETED, HazardAction.COMPLETE, actor, at, summary);
        // a pending extension is moot once the work is done
        extensionPending = false;
    }

    void evaluate(HazardActor actor, Instant at, String conclusion) {
        requireReason(conclusion);
        move(COMPLETED, EVALUATED, HazardAction.EVALUATE, actor, at, conclusion);
    }

    void requestSignOff(HazardActor actor, Instant at, LocalDate reviewDue) {
        move(EVALUATED, SIGN_OFF_REQUESTED, HazardAction.REQUEST_SIGN_OFF, actor, at, null);
        reviewDueOn = reviewDue;
        reviewOverdue = false;
    }

    /**
     * 销号 after an on-site review. A listed hazard can be signed off only by a review at its listing level.
     */
    void signOff(HazardActor actor, Instant at, ListingLevel reviewerLevel, String opinion) {
        requireReason(opinion);
        requireReviewLevel(reviewerLevel);
        move(SIGN_OFF_REQUESTED, SIGNED_OFF, HazardAction.SIGN_OFF, actor, at, opinion);
        overdue = false;
        reviewOverdue = false;
        events.add(new HazardEvents.HazardSignedOff(id, number, enterpriseId, listingLevel, at));
    }

    /** Sent back to rectification by the review — which, for a listed hazard, is the listing level's too. */
    void rejectSignOff(HazardActor actor, Instant at, ListingLevel reviewerLevel, String reasons, LocalDate newDeadline,
                       LocalDate today) {
        requireReason(reasons);
        requireReviewLevel(reviewerLevel);
        if (newDeadline != null && newDeadline.isBefore(today)) {
            throw ProblemException.badRequest("HAZARD_DEADLINE_INVALID", "整改时限须不早于今天");
        }
        move(SIGN_OFF_REQUESTED, RECTIFYING, HazardAction.REJECT_SIGN_OFF, actor, at, reasons);
        reviewDueOn = null;
        reviewOverdue = false;
        if (newDeadline != null) {
            deadline = newDeadline;
            overdue = false;
        }
    }

    private void requireReviewLevel(ListingLevel reviewerLevel) {
        if (listingLevel != null && listingLevel != reviewerLevel) {
            throw ProblemException.forbidden("HAZARD_LISTING_LEVEL_REQUIRED",
                    "该隐患已" + listingLevel.label() + "，须由" + (listingLevel == ListingLevel.CITY ? "市级" : "县级") + "审核");
        }
    }

    // ---- supervision ----

    void list(HazardActor actor, Instant at, ListingLevel level, String documentNumber, UUID unitId, LocalDate listDeadline) {
        if (grade != Grade.MAJOR || status.terminal() || !status.reported()) {
            throw new IllegalTransitionException(status, HazardAction.LIST);
        }
        if (listingLevel != null) {
            throw new IllegalTransitionException("HAZARD_ALREADY_LISTED", "该隐患已" + listingLevel.label());
        }
        if (documentNumber == null || documentNumber.isBlank() || listDeadline == null) {
            throw ProblemException.badRequest("HAZARD_LISTING_INCOMPLETE", "挂牌督办须填写督办文号和整改期限");
        }
        listingLevel = level;
        listingDocumentNumber = documentNumber.trim();
        listingUnitId = unitId;
        listingDeadline = listDeadline;
        if (deadline == null || listDeadline.isBefore(deadline)) {
            deadline = listDeadline;
        }
        record(status, status, HazardAction.LIST, actor, at, level.label() + " " + listingDocumentNumber);
        events.add(new HazardEvents.HazardListed(id, number, enterpriseId, regionCode, industryCode, level,
                listingDocumentNumber, listDeadline, at));
    }

    void delist(HazardActor actor, Instant at, ListingLevel actorLevel, String reason) {
        requireReason(reason);
        if (listingLevel == null) {
            throw new IllegalTransitionException("HAZARD_NOT_LISTED", "该隐患未挂牌督办");
        }
        if (listingLevel != actorLevel) {
            throw ProblemException.forbidden("HAZARD_LISTING_LEVEL_REQUIRED", "须由挂牌的同级政府摘牌");
        }
        ListingLevel was = listingLevel;
        listingLevel = null;
        listingDocumentNumber = null;
        listingUnitId = null;
        listingDeadline = null;
        record(status, status, HazardAction.DELIST, actor, at, reason);
        events.add(new HazardEvents.HazardDelisted(id, was, at));
    }

    /**
     * Called by the daily job: past the deadline (the day after it, in Asia/Shanghai) and not yet marked.
     * Returns whether it changed anything, so the job is idempotent.
     */
    boolean markOverdue(Instant at, LocalDate today, String escalateTo) {
        if (!status.deadlineRunning() || deadline == null || !today.isAfter(deadline) || overdue) {
            return false;
        }
        overdue = true;
        overdueSince = deadline.plusDays(1);
        escalatedTo = escalateTo;
        record(status, status, HazardAction.MARK_OVERDUE, HazardActor.system(), at, "超过整改期限 " + deadline + "，升级至" + escalateTo);
        events.add(new HazardEvents.HazardOverdue(id, number, enterpriseId, regionCode, industryCode, deadline, escalateTo, at));
        return true;
    }

    /**
     * Called by the daily job: a sign-off request not reviewed by its due date (the day after it, Asia/Shanghai) is
     * escalated once per request. Returns whether it changed anything, so the job is idempotent.
     */
    boolean markReviewOverdue(Instant at, LocalDate today, String escalateTo) {
        if (status != SIGN_OFF_REQUESTED || reviewDueOn == null || !today.isAfter(reviewDueOn) || reviewOverdue) {
            return false;
        }
        reviewOverdue = true;
        record(status, status, HazardAction.MARK_REVIEW_OVERDUE, HazardActor.system(), at,
                "销号审核期限 " + reviewDueOn + " 已过，未完成现场审核，升级至" + escalateTo);
        events.add(new HazardEvents.HazardReviewOverdue(id, number, enterpriseId, regionCode, industryCode, reviewDueOn,
                escalateTo, at));
        return true;
    }

    void reopen(HazardActor actor, Instant at, String reason, LocalDate newDeadline, LocalDate today) {
        requireReason(reason);
        if (grade != Grade.GENERAL) {
            throw new IllegalTransitionException(status, HazardAction.REOPEN);
        }
        if (newDeadline == null || newDeadline.isBefore(today)) {
            throw ProblemException.badRequest("HAZARD_DEADLINE_INVALID", "整改时限须不早于今天");
        }
        move(CLOSED, RECTIFYING, HazardAction.REOPEN, actor, at, reason);
        deadline = newDeadline;
        overdue = false;
        events.add(new HazardEvents.HazardReopened(id, at));
    }

    void mergeInto(Hazard target, HazardActor actor, Instant at, String reason) {
        requireReason(reason);
        if (target.id.equals(id)) {
            throw ProblemException.badRequest("HAZARD_MERGE_SELF", "不能与自身合并");
        }
        if (!target.enterpriseId.equals(enterpriseId)) {
            throw ProblemException.badRequest("HAZARD_MERGE_OTHER_ENTERPRISE", "只能合并同一企业的隐患");
        }
        if (target.status.terminal()) {
            throw new IllegalTransitionException("HAZARD_MERGE_TARGET_CLOSED", "目标隐患已" + target.status.label() + "，不能合并");
        }
        if (status.terminal()) {
            throw new IllegalTransitionException(status, HazardAction.MERGE);
        }
        HazardStatus from = status;
        status = MERGED;
        mergedInto = target.id;
        record(from, MERGED, HazardAction.MERGE, actor, at, "并入 " + target.number + "：" + reason);
        target.record(target.status, target.status, HazardAction.MERGE, actor, at, "合并 " + number + "：" + reason);
        events.add(new HazardEvents.HazardMerged(id, target.id, at));
    }

    /** An official decides a flagged report is not a duplicate after all (a different part of the site, say). */
    void dismissDuplicate(HazardActor actor, Instant at, String reason) {
        requireReason(reason);
        if (status.terminal()) {
            throw new IllegalTransitionException(status, HazardAction.DISMISS_DUPLICATE);
        }
        if (possibleDuplicateOf == null) {
            throw new IllegalTransitionException("HAZARD_NOT_FLAGGED_DUPLICATE", "该隐患没有疑似重复标记");
        }
        possibleDuplicateOf = null;
        record(status, status, HazardAction.DISMISS_DUPLICATE, actor, at, reason);
    }

    /**
     * Another module shows the enterprise's own checks covered this hazard without finding it: the 自查未发现 flag is
     * set with the evidence on the timeline. Only for hazards found by others.
     */
    void selfCheckEvidence(Instant at, String evidence) {
        requireReason(evidence);
        if (!channel.external()) {
            throw new IllegalTransitionException("HAZARD_SELF_REPORTED", "企业自查发现的隐患不存在自查未发现");
        }
        selfCheckMissed = true;
        record(status, status, HazardAction.SELF_CHECK_EVIDENCE, HazardActor.system(), at, evidence);
    }

    /** An attachment is part of the timeline too. */
    void attached(HazardActor actor, Instant at, String fileName) {
        if (status == MERGED) {
            throw new IllegalTransitionException(status, HazardAction.ATTACH);
        }
        record(status, status, HazardAction.ATTACH, actor, at, fileName);
    }

    // ---- helpers ----

    private void move(HazardStatus expected, HazardStatus to, HazardAction action, HazardActor actor, Instant at, String reason) {
        if (status != expected) {
            throw new IllegalTransitionException(status, action);
        }
        record(status, to, action, actor, at, reason);
        status = to;
    }

    private void stay(HazardStatus expected, HazardAction action, HazardActor actor, Instant at, String reason) {
        if (status != expected) {
            throw new IllegalTransitionException(status, action);
        }
        record(status, status, action, actor, at, reason);
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

    private HazardEvents.HazardReported reportedEvent() {
        return new HazardEvents.HazardReported(id, number, enterpriseId, regionCode, industryCode, grade, channel, foundOn, reportedAt);
    }

    // ---- read access ----

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public HazardStatus status() {
        return status;
    }

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

    public String industryCode() {
        return industryCode;
    }

    public UUID clauseId() {
        return clauseId;
    }

    public LocalDate foundOn() {
        return foundOn;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public boolean overdue() {
        return overdue;
    }

    public ListingLevel listingLevel() {
        return listingLevel;
    }

    public boolean stock() {
        return !foundOn.isAfter(STOCK_CUTOFF);
    }

    public int version() {
        return version;
    }

    public boolean extensionPending() {
        return extensionPending;
    }

    public LocalDate reviewDueOn() {
        return reviewDueOn;
    }

    public boolean reviewOverdue() {
        return reviewOverdue;
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
