package cn.zhiben.monitoring.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardIntake;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.monitoring.Verdict;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.standards.Checklist;
import cn.zhiben.standards.StandardsLibrary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * People's verbs on alarms: find the alarm inside the caller's scope (404 otherwise), ask {@link AlarmPolicy} whether
 * the caller may (403), check the version the caller saw (409), move the aggregate, save, publish, audit — in one
 * transaction. Also the escalation job's verb and the one-click conversion into a hazard.
 */
@Service
public class AlarmService {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformConfiguration.ZONE);
    /** Alarms are raised to the county (the enterprise's supervisors); one level up is the city. */
    static final String ESCALATE_TO = "市级（市安委办及行业主管部门）";
    private final AlarmRepository alarms;
    private final AlarmQueries queries;
    private final HazardIntake hazards;
    private final StandardsLibrary standards;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    AlarmService(AlarmRepository alarms, AlarmQueries queries, HazardIntake hazards, StandardsLibrary standards,
                 ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.alarms = alarms;
        this.queries = queries;
        this.hazards = hazards;
        this.standards = standards;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** An alarm as the caller sees it: the alarm, its handling timeline and what {@link AlarmPolicy} lets the caller do now. */
    public record Detail(AlarmQueries.AlarmView alarm, java.util.List<AlarmQueries.Step> timeline, java.util.List<AlarmAction> actions) {
    }

    /** The alarm inside the caller's scope (404 otherwise) — one answer for the page and the API. */
    public Detail detail(UUID id) {
        CurrentUser user = CurrentUser.require();
        AlarmQueries.AlarmView v = queries.find(id, user.scope()).orElseThrow(AlarmService::notFound);
        Alarm a = alarms.find(id, user.scope()).orElseThrow(AlarmService::notFound);
        return new Detail(v, queries.timeline(id), AlarmPolicy.available(user, a));
    }

    @Transactional
    public void respond(UUID id, int version, String note) {
        act(id, version, AlarmAction.RESPOND, (a, actor, now) -> a.respond(actor, now, note));
    }

    @Transactional
    public void analyse(UUID id, int version, String analysis) {
        act(id, version, AlarmAction.ANALYSE, (a, actor, now) -> a.analyse(actor, now, analysis));
    }

    @Transactional
    public void verify(UUID id, int version, Verdict verdict, String finding) {
        act(id, version, AlarmAction.VERIFY, (a, actor, now) -> a.verify(actor, now, verdict, finding));
    }

    @Transactional
    public void close(UUID id, int version, String feedback) {
        act(id, version, AlarmAction.CLOSE, (a, actor, now) -> a.close(actor, now, feedback));
    }

    /** What the official states when a real alarm becomes a hazard. */
    public record Conversion(Grade grade, UUID clauseId, String description, LocalDate deadline, Shutdown shutdown) {
    }

    public record Converted(UUID hazardId, String hazardNumber, boolean created) {
    }

    /**
     * Turns a verified, real alarm into a hazard of channel 监测预警转办 through the hazards module, linked both ways.
     * Idempotent on the alarm: a second call returns the hazard of the first.
     */
    @Transactional
    public Converted convert(UUID id, Conversion c) {
        CurrentUser user = CurrentUser.require();
        Alarm a = alarms.find(id, user.scope()).orElseThrow(AlarmService::notFound);
        AlarmPolicy.require(user, a, AlarmAction.CONVERT);
        if (a.hazardId() != null) {
            return new Converted(a.hazardId(), a.hazardNumber(), false);
        }
        if (!a.allows(AlarmAction.CONVERT)) {
            throw new ProblemException(HttpStatus.CONFLICT, "ALARM_NOT_CONVERTIBLE",
                    "只有核查属实或部分属实的报警可以转为隐患（当前：" + a.status().label()
                            + (a.verdict() == null ? "" : "，" + a.verdict().label()) + "）");
        }
        if (c.grade() == null) {
            throw ProblemException.badRequest("HAZARD_GRADE_REQUIRED", "请选择隐患等级");
        }
        AlarmQueries.AlarmView v = queries.find(id, user.scope()).orElseThrow(AlarmService::notFound);
        String description = c.description() != null && !c.description().isBlank() ? c.description().strip() : defaultDescription(v);
        String location = v.pointName() != null ? v.pointName() + (v.location() == null ? "" : "（" + v.location() + "）") : v.enterpriseName();
        HazardIntake.Registered r = hazards.register(new HazardIntake.ExternalFinding("monitoring", id.toString(),
                "监测预警 " + v.number(), "/monitoring/alarms/" + id, v.enterpriseId(), Channel.MONITORING, c.grade(),
                c.clauseId(), description, location, LocalDate.ofInstant(v.raisedAt(), PlatformConfiguration.ZONE),
                user.displayName(), c.shutdown() == null ? Shutdown.NONE : c.shutdown(), c.deadline()));
        Instant now = clock.instant();
        a.converted(actor(user), now, r.hazardId(), r.number());
        alarms.save(a);
        publish(a);
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "monitoring-alarm", id,
                Map.of("action", "convert", "number", a.number(), "hazard", r.number())));
        return new Converted(r.hazardId(), r.number(), r.created());
    }

    /** The clauses a major hazard of the alarm's enterprise may cite, as the conversion form offers them. */
    public Checklist checklist(UUID alarmId) {
        CurrentUser user = CurrentUser.require();
        AlarmQueries.AlarmView v = queries.find(alarmId, user.scope()).orElseThrow(AlarmService::notFound);
        return standards.checklist(v.enterpriseId(), LocalDate.ofInstant(v.raisedAt(), PlatformConfiguration.ZONE));
    }

    static String defaultDescription(AlarmQueries.AlarmView v) {
        StringBuilder b = new StringBuilder("监测预警转办：");
        if (v.pointName() != null) {
            b.append(v.pointName()).append("（").append(v.pointCode()).append("）");
        }
        b.append(v.ruleLabel());
        if (v.peakValue() != null) {
            b.append("，最高 ").append(Rule.fmt(v.peakValue())).append(v.unit() == null ? "" : v.unit());
        }
        if (v.threshold() != null) {
            b.append("（规则：").append(v.threshold()).append("）");
        }
        b.append("，").append(WHEN.format(v.raisedAt())).append(" 预警");
        if (v.verdict() != null) {
            b.append("，现场核查").append(v.verdict().label());
        }
        return b.toString();
    }

    /** Escalates every alarm not responded to within its level's response time. Idempotent; returns how many. */
    @Transactional
    public int escalateOverdue() {
        Instant now = clock.instant();
        int n = 0;
        for (UUID id : alarms.escalationCandidates(now)) {
            Alarm a = alarms.findUnscoped(id).orElseThrow();
            if (a.escalate(now, ESCALATE_TO)) {
                alarms.save(a);
                publish(a);
                n++;
            }
        }
        return n;
    }

    @FunctionalInterface
    private interface Verb {
        void apply(Alarm a, Alarm.Actor actor, Instant now);
    }

    private void act(UUID id, int version, AlarmAction action, Verb verb) {
        CurrentUser user = CurrentUser.require();
        Alarm a = alarms.find(id, user.scope()).orElseThrow(AlarmService::notFound);
        AlarmPolicy.require(user, a, action);
        if (a.version() != version) {
            throw new ProblemException(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION", "报警已被他人处理，请刷新后重试");
        }
        String before = a.status().name();
        verb.apply(a, actor(user), clock.instant());
        alarms.save(a);
        publish(a);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("action", action.name());
        summary.put("number", a.number());
        summary.put("status", java.util.Arrays.asList(before, a.status().name()));
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "monitoring-alarm", id, summary));
    }

    private void publish(Alarm a) {
        a.pendingEvents().forEach(events::publishEvent);
        a.clearPending();
    }

    private static Alarm.Actor actor(CurrentUser u) {
        return new Alarm.Actor(u.id(), u.displayName(), u.role().name());
    }

    public static ProblemException notFound() {
        return ProblemException.notFound("ALARM_NOT_FOUND", "报警不存在或不在您的数据范围内");
    }
}
