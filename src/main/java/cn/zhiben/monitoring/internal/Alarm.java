package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.AlarmLevel;
import cn.zhiben.monitoring.AlarmStatus;
import cn.zhiben.monitoring.MonitoringEvents;
import cn.zhiben.monitoring.Verdict;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.zhiben.monitoring.AlarmStatus.*;

/**
 * The alarm aggregate for its handling: 预警 → 响应 → 研判 → 核查 (属实/部分属实/不属实) → 反馈并关闭, plus conversion of a
 * real one into a hazard and escalation when nobody responds in time. {@link #MOVES} is the one table of which verb
 * is possible in which state; the verbs and {@link AlarmPolicy}'s offer both read it. Raising, re-triggering and
 * clearing the condition are the rule engine's ({@link AlarmWriter}) and do not change the handling state.
 */
public class Alarm {

    /** verb → (from → to); a verb missing for a state is illegal there. */
    static final Map<AlarmAction, Map<AlarmStatus, AlarmStatus>> MOVES = Map.of(
            AlarmAction.RESPOND, Map.of(RAISED, RESPONDED),
            AlarmAction.ANALYSE, Map.of(RESPONDED, ANALYSED),
            AlarmAction.VERIFY, Map.of(ANALYSED, VERIFIED),
            AlarmAction.CLOSE, Map.of(VERIFIED, CLOSED),
            AlarmAction.CONVERT, Map.of(VERIFIED, VERIFIED),
            AlarmAction.ESCALATE, Map.of(RAISED, RAISED));

    final UUID id;
    final String number;
    final UUID enterpriseId;
    final String enterpriseName;
    final String regionCode;
    final String zoneCode;
    final String industryCode;
    final AlarmLevel level;
    final Instant raisedAt;
    AlarmStatus status;
    Verdict verdict;
    Instant escalatedAt;
    String escalatedTo;
    UUID hazardId;
    String hazardNumber;
    Instant closedAt;
    final int version;

    private final List<Step> steps = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();

    /** One timeline row to append. */
    public record Step(AlarmStatus from, AlarmStatus to, AlarmAction action, UUID actorId, String actorName,
                       String actorRole, Instant at, String reason) {
    }

    /** Who acts. */
    public record Actor(UUID id, String name, String role) {
        static Actor system() {
            return new Actor(null, "系统", null);
        }
    }

    Alarm(UUID id, String number, UUID enterpriseId, String enterpriseName, String regionCode, String zoneCode,
          String industryCode, AlarmLevel level, Instant raisedAt, AlarmStatus status, Verdict verdict,
          Instant escalatedAt, String escalatedTo, UUID hazardId, String hazardNumber, Instant closedAt, int version) {
        this.id = id;
        this.number = number;
        this.enterpriseId = enterpriseId;
        this.enterpriseName = enterpriseName;
        this.regionCode = regionCode;
        this.zoneCode = zoneCode;
        this.industryCode = industryCode;
        this.level = level;
        this.raisedAt = raisedAt;
        this.status = status;
        this.verdict = verdict;
        this.escalatedAt = escalatedAt;
        this.escalatedTo = escalatedTo;
        this.hazardId = hazardId;
        this.hazardNumber = hazardNumber;
        this.closedAt = closedAt;
        this.version = version;
    }

    /** Whether the verb is possible in the alarm's current state (the state part of "may"). */
    public boolean allows(AlarmAction action) {
        Map<AlarmStatus, AlarmStatus> moves = MOVES.get(action);
        if (moves == null || !moves.containsKey(status)) {
            return false;
        }
        return switch (action) {
            case CONVERT -> verdict != null && verdict.real() && hazardId == null;
            case ESCALATE -> escalatedAt == null;
            default -> true;
        };
    }

    /** The states in which a verb is possible at all, for list queries (inboxes) that cannot load every alarm. */
    static java.util.Set<AlarmStatus> statesAllowing(AlarmAction action) {
        return MOVES.getOrDefault(action, Map.of()).keySet();
    }

    void respond(Actor a, Instant at, String note) {
        move(AlarmAction.RESPOND, a, at, blankToNull(note));
    }

    void analyse(Actor a, Instant at, String analysis) {
        move(AlarmAction.ANALYSE, a, at, require(analysis, "请填写研判意见"));
    }

    void verify(Actor a, Instant at, Verdict v, String finding) {
        if (v == null) {
            throw ProblemException.badRequest("ALARM_VERDICT_REQUIRED", "请选择核查结论：属实、部分属实或不属实");
        }
        String text = require(finding, "请填写现场核查情况");
        move(AlarmAction.VERIFY, a, at, v.label() + "：" + text);
        verdict = v;
        events.add(new MonitoringEvents.AlarmVerified(id, enterpriseId, regionCode, industryCode, v, at));
    }

    void close(Actor a, Instant at, String feedback) {
        move(AlarmAction.CLOSE, a, at, require(feedback, "请填写处置反馈"));
        closedAt = at;
        events.add(new MonitoringEvents.AlarmClosed(id, enterpriseId, regionCode, industryCode, level, verdict, raisedAt, at));
    }

    void converted(Actor a, Instant at, UUID hazard, String hazardNo) {
        move(AlarmAction.CONVERT, a, at, "已转为隐患 " + hazardNo);
        hazardId = hazard;
        hazardNumber = hazardNo;
        events.add(new MonitoringEvents.AlarmConverted(id, enterpriseId, hazard, hazardNo, at));
    }

    /** Returns whether it escalated (idempotent: once per alarm). */
    boolean escalate(Instant at, String to) {
        if (!allows(AlarmAction.ESCALATE)) {
            return false;
        }
        move(AlarmAction.ESCALATE, Actor.system(), at, "超过响应时限未响应，升级至" + to);
        escalatedAt = at;
        escalatedTo = to;
        events.add(new MonitoringEvents.AlarmEscalated(id, number, enterpriseId, regionCode, industryCode, level, to, at));
        return true;
    }

    private void move(AlarmAction action, Actor a, Instant at, String reason) {
        if (!allows(action)) {
            throw new ProblemException(HttpStatus.CONFLICT, "ALARM_ILLEGAL_TRANSITION",
                    "报警当前状态为「" + status.label() + "」，不能执行「" + action.label() + "」");
        }
        AlarmStatus to = MOVES.get(action).get(status);
        steps.add(new Step(status, to, action, a.id(), a.name(), a.role(), at, reason));
        status = to;
    }

    private static String require(String text, String message) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("ALARM_REASON_REQUIRED", message);
        }
        return text.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public AlarmStatus status() {
        return status;
    }

    public Verdict verdict() {
        return verdict;
    }

    public int version() {
        return version;
    }

    public UUID hazardId() {
        return hazardId;
    }

    public String hazardNumber() {
        return hazardNumber;
    }

    public String regionCode() {
        return regionCode;
    }

    public List<Step> newSteps() {
        return Collections.unmodifiableList(steps);
    }

    public List<Object> pendingEvents() {
        return Collections.unmodifiableList(events);
    }

    void clearPending() {
        steps.clear();
        events.clear();
    }
}
