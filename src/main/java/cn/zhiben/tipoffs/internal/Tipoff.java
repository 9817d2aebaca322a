package cn.zhiben.tipoffs.internal;

import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.tipoffs.TipoffEvents;
import cn.zhiben.tipoffs.internal.TipoffCodes.AccidentLevel;
import cn.zhiben.tipoffs.internal.TipoffCodes.Category;
import cn.zhiben.tipoffs.internal.TipoffCodes.Channel;
import cn.zhiben.tipoffs.internal.TipoffCodes.Finding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static cn.zhiben.tipoffs.internal.TipoffStatus.*;

/**
 * The tip-off aggregate. Its status changes only through the verbs below, which check the state, throw
 * {@link IllegalTransitionException} on an illegal move and append a {@link Transition}. Who may call which verb is
 * {@link TipoffRules}' business; deadlines are {@link TipoffDeadlines}'. Nothing here knows who the reporter is.
 */
public class Tipoff {

    final UUID id;
    final String number;
    final String trackingCode;
    final Channel channel;
    final Category category;
    final boolean anonymous;
    final String enterpriseName;
    final String enterpriseAddress;
    final String place;
    final LocalDate occurredOn;
    final String description;
    final Instant receivedAt;
    final LocalDate receivedOn;
    final LocalDate acceptDue;
    final UUID registeredBy;
    final boolean demo;

    String regionCode;
    String industryCode;
    UUID enterpriseId;
    UUID unitId;
    String unitRegionCode;
    TipoffStatus status;
    Finding finding;
    String conclusion;
    Map<AccidentLevel, Integer> concealedDeaths = new EnumMap<>(AccidentLevel.class);
    UUID hazardId;
    String hazardNumber;
    UUID duplicateOf;
    LocalDate acceptedOn;
    LocalDate verifyDue;
    LocalDate concludedOn;
    LocalDate replyDue;
    String reply;
    LocalDate repliedOn;
    boolean overdue;
    LocalDate escalatedOn;
    Long fineFen;
    int version;

    private final List<Transition> transitions = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();

    Tipoff(UUID id, String number, String trackingCode, Channel channel, Category category, boolean anonymous,
           String enterpriseName, String enterpriseAddress, String place, LocalDate occurredOn, String description,
           String regionCode, String industryCode, Instant receivedAt, LocalDate receivedOn, LocalDate acceptDue,
           UUID registeredBy, boolean demo, TipoffStatus status, int version) {
        this.id = Objects.requireNonNull(id);
        this.number = number;
        this.trackingCode = trackingCode;
        this.channel = channel;
        this.category = category;
        this.anonymous = anonymous;
        this.enterpriseName = enterpriseName;
        this.enterpriseAddress = enterpriseAddress;
        this.place = place;
        this.occurredOn = occurredOn;
        this.description = description;
        this.regionCode = regionCode;
        this.industryCode = industryCode;
        this.receivedAt = receivedAt;
        this.receivedOn = receivedOn;
        this.acceptDue = acceptDue;
        this.registeredBy = registeredBy;
        this.demo = demo;
        this.status = status;
        this.version = version;
    }

    /** What the reporter (or the staff taking a call) states. */
    public record Facts(Channel channel, Category category, boolean anonymous, String enterpriseName,
                        String enterpriseAddress, String place, LocalDate occurredOn, String description,
                        String regionCode, String industryCode) {
    }

    static Tipoff receive(UUID id, String number, String trackingCode, Facts f, Actor actor, Instant at, LocalDate today,
                          LocalDate acceptDue, UUID registeredBy, boolean demo) {
        Tipoff t = new Tipoff(id, number, trackingCode, f.channel(), f.category(), f.anonymous(), f.enterpriseName(),
                f.enterpriseAddress(), f.place(), f.occurredOn(), f.description(), f.regionCode(), f.industryCode(), at,
                today, acceptDue, registeredBy, demo, RECEIVED, 0);
        t.record(null, RECEIVED, TipoffAction.RECEIVE, actor, at, f.channel().label());
        t.events.add(new TipoffEvents.TipoffReceived(id, number, f.channel().name(), f.category().name(), f.regionCode(),
                today, at));
        return t;
    }

    // ---- triage (安全生产法 Art. 73) ----

    /** 受理: the matter is ours; route it to the responsible unit at a level. */
    void accept(Actor actor, Instant at, LocalDate today, Routing routing, LocalDate verifyDue, String note) {
        requireStatus(RECEIVED, TipoffAction.ACCEPT);
        applyRouting(routing);
        acceptedOn = today;
        this.verifyDue = verifyDue;
        overdue = false;
        move(VERIFYING, TipoffAction.ACCEPT, actor, at, routing.describe() + (blank(note) ? "" : "；" + note.trim()));
        events.add(new TipoffEvents.TipoffTriaged(id, "ACCEPTED", unitId, unitRegionCode, at));
    }

    void reject(Actor actor, Instant at, LocalDate today, String reason, LocalDate replyDue) {
        requireReason(reason);
        requireStatus(RECEIVED, TipoffAction.REJECT);
        this.replyDue = replyDue;
        reply = reason.trim();
        repliedOn = today;
        overdue = false;
        move(REJECTED, TipoffAction.REJECT, actor, at, reason);
        events.add(new TipoffEvents.TipoffTriaged(id, "REJECTED", null, null, at));
    }

    /** Not a matter of any unit on the platform (e.g. a criminal matter for the police): handed over with a note. */
    void transfer(Actor actor, Instant at, LocalDate today, String toWhom) {
        requireReason(toWhom);
        if (status != RECEIVED && status != VERIFYING) {
            throw new IllegalTransitionException(status, TipoffAction.TRANSFER);
        }
        reply = "已移交：" + toWhom.trim();
        repliedOn = today;
        overdue = false;
        move(TRANSFERRED, TipoffAction.TRANSFER, actor, at, toWhom);
        events.add(new TipoffEvents.TipoffTriaged(id, "TRANSFERRED", null, null, at));
    }

    /** The same matter as an earlier tip-off: linked to it; only the first valid reporter may be rewarded. */
    void mergeInto(Tipoff first, Actor actor, Instant at, LocalDate today) {
        requireStatus(RECEIVED, TipoffAction.MERGE);
        if (first.id.equals(id) || first.duplicateOf != null || first.receivedAt.isAfter(receivedAt)) {
            throw ProblemException.badRequest("TIPOFF_MERGE_TARGET_INVALID", "只能并入同一事项中更早受理的首次举报");
        }
        if (first.status == REJECTED || first.status == MERGED) {
            throw ProblemException.badRequest("TIPOFF_MERGE_TARGET_INVALID", "并案目标须是有效的举报");
        }
        duplicateOf = first.id;
        reply = "与举报 " + first.number + " 为同一事项，已并案办理。";
        repliedOn = today;
        overdue = false;
        move(MERGED, TipoffAction.MERGE, actor, at, "并入 " + first.number);
        events.add(new TipoffEvents.TipoffTriaged(id, "MERGED", first.unitId, first.unitRegionCode, at));
    }

    /** 转交: another unit or level is responsible; the verification period runs on. */
    void handOver(Actor actor, Instant at, Routing routing, String reason) {
        requireReason(reason);
        requireStatus(VERIFYING, TipoffAction.HAND_OVER);
        if (Objects.equals(routing.unitId(), unitId) && Objects.equals(routing.unitRegionCode(), unitRegionCode)) {
            throw ProblemException.badRequest("TIPOFF_HAND_OVER_SAME_UNIT", "转交的单位与当前承办单位相同");
        }
        applyRouting(routing);
        stay(TipoffAction.HAND_OVER, actor, at, routing.describe() + "：" + reason.trim());
        events.add(new TipoffEvents.TipoffTriaged(id, "HANDED_OVER", unitId, unitRegionCode, at));
    }

    // ---- verification ----

    void conclude(Actor actor, Instant at, LocalDate today, Finding finding, String conclusion,
                  Map<AccidentLevel, Integer> deaths, LocalDate replyDue) {
        requireReason(conclusion);
        requireStatus(VERIFYING, TipoffAction.CONCLUDE);
        if (finding == null) {
            throw ProblemException.badRequest("TIPOFF_FINDING_REQUIRED", "请选择核查结论（属实、部分属实、不属实）");
        }
        Map<AccidentLevel, Integer> d = new EnumMap<>(AccidentLevel.class);
        if (deaths != null) {
            deaths.forEach((k, v) -> {
                if (k != null && v != null && v < 0) {
                    throw ProblemException.badRequest("TIPOFF_DEATHS_INVALID", "瞒报死亡人数不能为负");
                }
                if (k != null && v != null && v > 0) {
                    d.put(k, v);
                }
            });
        }
        if (!d.isEmpty() && (category != Category.CONCEALED_ACCIDENT || !finding.substantiated())) {
            throw ProblemException.badRequest("TIPOFF_DEATHS_NOT_APPLICABLE", "只有查实的瞒报谎报事故才记录瞒报死亡人数");
        }
        this.finding = finding;
        this.conclusion = conclusion.trim();
        this.concealedDeaths = d;
        concludedOn = today;
        this.replyDue = replyDue;
        overdue = false;
        move(CONCLUDED, TipoffAction.CONCLUDE, actor, at, finding.label() + "：" + conclusion.trim());
        events.add(new TipoffEvents.TipoffConcluded(id, finding.name(), unitId, unitRegionCode, regionCode, industryCode,
                enterpriseId, today, at));
    }

    /** Whether a hazard may be registered from it now (a substantiated finding about an enterprise on record). */
    boolean hazardRegistrable() {
        return (status == CONCLUDED || status == CLOSED) && finding != null && finding.substantiated()
                && hazardId == null && enterpriseId != null;
    }

    void hazardRegistered(Actor actor, Instant at, UUID hazardId, String hazardNumber) {
        if (!hazardRegistrable()) {
            if (this.hazardId != null && this.hazardId.equals(hazardId)) {
                return; // the intake answered a retry with the same hazard
            }
            throw new IllegalTransitionException(status, TipoffAction.REGISTER_HAZARD);
        }
        this.hazardId = hazardId;
        this.hazardNumber = hazardNumber;
        stay(TipoffAction.REGISTER_HAZARD, actor, at, hazardNumber);
        events.add(new TipoffEvents.TipoffHazardRegistered(id, hazardId, at));
    }

    /** Fines of an enforcement decision naming this tip-off's hazard (listener; idempotent per decision by its caller). */
    void fineImposed(Instant at, long fen, String documentNumber) {
        fineFen = (fineFen == null ? 0 : fineFen) + fen;
        record(status, status, TipoffAction.FINE_IMPOSED, Actor.system(), at,
                "处罚决定 " + (documentNumber == null ? "" : documentNumber) + " 罚款 " + Money.yuan(fen));
    }

    void replyToReporter(Actor actor, Instant at, LocalDate today, String text) {
        requireReason(text);
        requireStatus(CONCLUDED, TipoffAction.REPLY);
        reply = text.trim();
        repliedOn = today;
        overdue = false;
        move(CLOSED, TipoffAction.REPLY, actor, at, text);
    }

    // ---- deadlines ----

    /** The date the current step is due, if the step has one. */
    LocalDate currentDue() {
        return switch (status) {
            case RECEIVED -> acceptDue;
            case VERIFYING -> verifyDue;
            case CONCLUDED -> replyDue;
            default -> null;
        };
    }

    /** Marks it overdue once and records the escalation; false if not (yet) overdue or already marked. */
    boolean escalateIfOverdue(LocalDate today, Instant at, String escalatedTo) {
        LocalDate due = currentDue();
        if (due == null || !today.isAfter(due) || overdue) {
            return false;
        }
        overdue = true;
        escalatedOn = today;
        stay(TipoffAction.ESCALATE, Actor.system(), at, "「" + status.label() + "」已超过期限 " + due + "，升级至" + escalatedTo);
        return true;
    }

    // ---- helpers ----

    private void applyRouting(Routing r) {
        if (r.unitId() == null) {
            throw ProblemException.badRequest("TIPOFF_UNIT_REQUIRED", "请指定承办单位");
        }
        unitId = r.unitId();
        unitRegionCode = r.unitRegionCode();
        if (r.enterpriseId() != null) {
            enterpriseId = r.enterpriseId();
        }
        if (r.regionCode() != null) {
            regionCode = r.regionCode();
        }
        if (r.industryCode() != null) {
            industryCode = r.industryCode();
        }
    }

    private void requireStatus(TipoffStatus expected, TipoffAction action) {
        if (status != expected) {
            throw new IllegalTransitionException(status, action);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void requireReason(String reason) {
        if (blank(reason)) {
            throw ProblemException.badRequest("TIPOFF_REASON_REQUIRED", "请填写理由或说明");
        }
        if (reason.length() > 2000) {
            throw ProblemException.badRequest("TIPOFF_TEXT_TOO_LONG", "说明不能超过 2000 字");
        }
    }

    private void move(TipoffStatus to, TipoffAction action, Actor actor, Instant at, String reason) {
        TipoffStatus from = status;
        status = to;
        record(from, to, action, actor, at, reason);
    }

    private void stay(TipoffAction action, Actor actor, Instant at, String reason) {
        record(status, status, action, actor, at, reason);
    }

    private void record(TipoffStatus from, TipoffStatus to, TipoffAction action, Actor actor, Instant at, String reason) {
        transitions.add(new Transition(from, to, action, actor.userId(), actor.name(), actor.role(), at,
                reason == null ? null : reason.trim()));
    }

    List<Transition> newTransitions() {
        return Collections.unmodifiableList(transitions);
    }

    List<Object> events() {
        return Collections.unmodifiableList(events);
    }

    void clearPending() {
        transitions.clear();
        events.clear();
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public TipoffStatus status() {
        return status;
    }

    /**
     * Where a tip-off goes: the unit that handles it (三管三必须), at city level (unitRegionCode null) or in a county,
     * and what triage found out about the enterprise.
     */
    public record Routing(UUID unitId, String unitName, String unitRegionCode, UUID enterpriseId, String regionCode,
                          String industryCode) {

        String describe() {
            return "承办：" + (unitRegionCode == null ? "市级 " : "县级(" + unitRegionCode + ") ") + (unitName == null ? "" : unitName);
        }
    }
}
