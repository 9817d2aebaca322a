package cn.zhiben.people.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.people.PeopleEvents;
import cn.zhiben.people.PeopleProperties;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 三违 records and their off-the-job retraining ({@link RetrainingCase}: the rules live there). The enterprise records
 * them; a person with an open case is off the post (DutyCheck), and a 特种作业 certificate's review counts the 三违 of
 * its period (30号令 Art. 25, CertificateService).
 */
@Service
public class RetrainingService {

    static final String ENTITY = "retraining";

    private final JdbcClient jdbc;
    private final RegisterRepository register;
    private final RegisterService registerService;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final PeopleProperties properties;

    RetrainingService(JdbcClient jdbc, RegisterRepository register, RegisterService registerService, AuditLog audit,
                      ApplicationEventPublisher events, PeopleProperties properties) {
        this.jdbc = jdbc;
        this.register = register;
        this.registerService = registerService;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
    }

    public record ViolationInput(UUID employmentId, String violationKind, LocalDate occurredOn, String description) {
    }

    /** One verb: START_RETRAINING, LOG_TRAINING (hours, note), EXAM (score), RETURN_TO_POST (returnedOn), CLOSE (note). */
    public record ActionInput(String action, BigDecimal hours, Integer score, LocalDate returnedOn, String note,
                              Integer version) {
    }

    public record CaseView(UUID id, UUID personId, String personName, String idNumber, UUID enterpriseId,
                           String enterpriseName, RegisterService.Option cause, RegisterService.Option violationKind,
                           LocalDate occurredOn, String description, RegisterService.Option status,
                           BigDecimal trainedHours, int examAttempts, Integer lastScore, LocalDate returnedOn,
                           int minHours, int passScore, boolean demo, int version, List<RetrainingTransition> timeline) {
    }

    @Transactional
    public UUID recordViolation(CurrentUser user, ViolationInput in) {
        PeopleRules.requireKeepsRecords(user);
        Check c = new Check();
        c.notNull("employmentId", "人员", in.employmentId());
        ViolationKind kind = Labels.parse(ViolationKind.class, in.violationKind()).orElse(null);
        if (kind == null) {
            c.add("violationKind", in.violationKind() == null || in.violationKind().isBlank() ? "请选择“三违”类别"
                    : "“三违”类别“" + in.violationKind() + "”无效");
        }
        c.notNull("occurredOn", "发生日期", in.occurredOn());
        c.sane("occurredOn", "发生日期", in.occurredOn());
        c.notAfter("occurredOn", "发生日期", in.occurredOn(), registerService.today());
        String description = c.required("description", "违章情况", in.description(), 1000);
        c.orThrow();
        RegisterRepository.EmploymentRow e = register.employmentInScope(in.employmentId(), user.scope())
                .orElseThrow(() -> ProblemException.notFound("EMPLOYMENT_NOT_FOUND", "在岗记录不存在或不在您的数据范围内"));
        if (!e.activeOn(in.occurredOn())) {
            throw ProblemException.badRequest("EMPLOYMENT_NOT_ACTIVE", "发生日期该人员不在本企业在岗");
        }
        boolean open = jdbc.sql("select exists (select 1 from ppl_retraining where employment_id = :e and status in ('OFF_POST','RETRAINING','EXAM_PASSED'))")
                .param("e", e.id()).query(Boolean.class).single();
        if (open) {
            throw ProblemException.conflict("RETRAINING_OPEN", "该人员已有未完成的脱产再培训，请在原记录中处理");
        }
        Instant now = registerService.now();
        RetrainingCase rc = RetrainingCase.open(UUID.randomUUID(), e.personId(), e.id(), RetrainingCause.VIOLATION, kind,
                in.occurredOn(), description, Actor.of(user), now);
        jdbc.sql("""
                        insert into ppl_retraining (id, person_id, employment_id, enterprise_id, enterprise_name, region_code,
                            zone_code, industry_code, cause, violation_kind, occurred_on, description, status, trained_hours,
                            exam_attempts, demo, version, created_at, updated_at)
                        values (:id, :p, :e, :ent, :name, :region, :zone, :industry, 'VIOLATION', :kind, :on, :d, :status, 0, 0,
                            :demo, 0, :at, :at)""")
                .param("id", rc.id()).param("p", e.personId()).param("e", e.id()).param("ent", e.enterpriseId())
                .param("name", e.enterpriseName()).param("region", e.regionCode()).param("zone", e.zoneCode(), Types.VARCHAR)
                .param("industry", e.industryCode()).param("kind", kind.name()).param("on", in.occurredOn())
                .param("d", description).param("status", rc.status().name()).param("demo", e.demo())
                .param("at", Timestamp.from(now)).update();
        appendTransitions(rc);
        audit.record(AuditEntry.success(AuditAction.CREATE, ENTITY, rc.id(), Map.of("enterprise", e.enterpriseName(),
                "kind", kind.name(), "occurredOn", in.occurredOn().toString())));
        events.publishEvent(new PeopleEvents.ViolationRecorded(rc.id(), e.personId(), e.enterpriseId(), e.regionCode(),
                e.industryCode(), RetrainingCause.VIOLATION.name(), kind.name(), in.occurredOn(), now));
        return rc.id();
    }

    @Transactional
    public void act(CurrentUser user, UUID id, ActionInput in) {
        PeopleRules.requireKeepsRecords(user);
        Row row = load(user, id);
        if (in.version() == null) {
            throw ProblemException.badRequest("VALIDATION_FAILED", "版本号不能为空");
        }
        if (row.c.version() != in.version()) {
            throw RegisterService.stale();
        }
        RetrainingCase rc = row.c;
        Actor actor = Actor.of(user);
        Instant now = registerService.now();
        String action = in.action() == null ? "" : in.action();
        switch (action) {
            case "START_RETRAINING" -> rc.startRetraining(actor, now, Check.trim(in.note()));
            case "LOG_TRAINING" -> rc.logTraining(in.hours(), actor, now, in.note());
            case "EXAM" -> {
                if (in.score() == null) {
                    throw ProblemException.badRequest("RETRAINING_SCORE_INVALID", "请填写考试成绩");
                }
                rc.recordExam(in.score(), properties.examPassScore(), properties.retrainingMinHours(), actor, now);
            }
            case "RETURN_TO_POST" -> rc.returnToPost(in.returnedOn() != null ? in.returnedOn() : registerService.today(), actor, now);
            case "CLOSE" -> rc.close(in.note(), actor, now);
            default -> throw ProblemException.badRequest("RETRAINING_ACTION_INVALID",
                    "操作应为 START_RETRAINING、LOG_TRAINING、EXAM、RETURN_TO_POST 或 CLOSE");
        }
        int n = jdbc.sql("""
                        update ppl_retraining set status = :s, trained_hours = :h, exam_attempts = :a, last_score = :score,
                            returned_on = :r, version = version + 1, updated_at = :at where id = :id and version = :v""")
                .param("s", rc.status().name()).param("h", rc.trainedHours()).param("a", rc.examAttempts)
                .param("score", rc.lastScore, Types.INTEGER).param("r", rc.returnedOn, Types.DATE)
                .param("at", Timestamp.from(now)).param("id", id).param("v", in.version()).update();
        if (n != 1) {
            throw RegisterService.stale();
        }
        appendTransitions(rc);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("action", action);
        facts.put("status", rc.status().name());
        audit.record(AuditEntry.success(AuditAction.UPDATE, ENTITY, id, facts));
        if (rc.status() == RetrainingStatus.RETURNED && "RETURN_TO_POST".equals(action)) {
            events.publishEvent(new PeopleEvents.ReturnedToPost(id, rc.personId, row.enterpriseId, rc.returnedOn, now));
        }
    }

    private void appendTransitions(RetrainingCase rc) {
        for (RetrainingTransition t : rc.appended()) {
            jdbc.sql("""
                            insert into ppl_retraining_transition (case_id, from_status, to_status, action, actor_id, actor_name,
                                actor_role, at, reason) values (:c, :f, :t, :a, :uid, :name, :role, :at, :reason)""")
                    .param("c", rc.id()).param("f", t.from() == null ? null : t.from().name(), Types.VARCHAR)
                    .param("t", t.to().name()).param("a", t.action().name()).param("uid", t.actorId(), Types.OTHER)
                    .param("name", t.actorName()).param("role", t.actorRole(), Types.VARCHAR)
                    .param("at", Timestamp.from(t.at())).param("reason", t.reason(), Types.VARCHAR).update();
        }
    }

    private record Row(RetrainingCase c, UUID enterpriseId, String enterpriseName, String personName, String idMask,
                       boolean demo) {
    }

    private Row load(CurrentUser user, UUID id) {
        PeopleRules.require(PeopleRules.reads(user), "PEOPLE_READ_FORBIDDEN", "当前账号不能查看人员信息");
        var s = user.scope().toSql("r.enterprise_id", "r.region_code", "r.zone_code", "r.industry_code");
        return jdbc.sql("select r.*, p.name, p.id_number_mask from ppl_retraining r join ppl_person p on p.id = r.person_id where r.id = :id and "
                        + s.where())
                .params(s.params()).param("id", id)
                .query((rs, n) -> new Row(new RetrainingCase(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                        rs.getObject("employment_id", UUID.class), RetrainingCause.valueOf(rs.getString("cause")),
                        rs.getString("violation_kind") == null ? null : ViolationKind.valueOf(rs.getString("violation_kind")),
                        Rows.date(rs, "occurred_on"), rs.getString("description"), RetrainingStatus.valueOf(rs.getString("status")),
                        rs.getBigDecimal("trained_hours"), rs.getInt("exam_attempts"), (Integer) rs.getObject("last_score"),
                        Rows.date(rs, "returned_on"), rs.getInt("version")), rs.getObject("enterprise_id", UUID.class),
                        rs.getString("enterprise_name"), rs.getString("name"), rs.getString("id_number_mask"), rs.getBoolean("demo")))
                .optional()
                .orElseThrow(() -> ProblemException.notFound("RETRAINING_NOT_FOUND", "再培训记录不存在或不在您的数据范围内"));
    }

    private CaseView view(Row r, boolean withTimeline) {
        RetrainingCase c = r.c;
        List<RetrainingTransition> timeline = withTimeline ? jdbc.sql(
                        "select * from ppl_retraining_transition where case_id = :c order by id").param("c", c.id())
                .query((rs, n) -> new RetrainingTransition(rs.getString("from_status") == null ? null
                        : RetrainingStatus.valueOf(rs.getString("from_status")), RetrainingStatus.valueOf(rs.getString("to_status")),
                        RetrainingAction.valueOf(rs.getString("action")), rs.getObject("actor_id", UUID.class),
                        rs.getString("actor_name"), rs.getString("actor_role"), Rows.instant(rs, "at"), rs.getString("reason")))
                .list() : List.of();
        return new CaseView(c.id(), c.personId, r.personName, r.idMask, r.enterpriseId, r.enterpriseName,
                new RegisterService.Option(c.cause.name(), c.cause.label()),
                c.violationKind == null ? null : new RegisterService.Option(c.violationKind.name(), c.violationKind.label()),
                c.occurredOn, c.description, new RegisterService.Option(c.status().name(), c.status().label()),
                c.trainedHours(), c.examAttempts, c.lastScore, c.returnedOn, properties.retrainingMinHours(),
                properties.examPassScore(), r.demo, c.version(), timeline);
    }

    @Transactional(readOnly = true)
    public CaseView detail(CurrentUser user, UUID id) {
        return view(load(user, id), true);
    }

    @Transactional(readOnly = true)
    public List<CaseView> list(CurrentUser user) {
        PeopleRules.require(PeopleRules.reads(user), "PEOPLE_READ_FORBIDDEN", "当前账号不能查看人员信息");
        var s = user.scope().toSql("r.enterprise_id", "r.region_code", "r.zone_code", "r.industry_code");
        List<UUID> ids = jdbc.sql("select r.id from ppl_retraining r where " + s.where()
                        + " order by (r.status in ('OFF_POST','RETRAINING','EXAM_PASSED')) desc, r.occurred_on desc, r.id limit 500")
                .params(s.params()).query(UUID.class).list();
        return ids.stream().map(id -> view(load(user, id), false)).toList();
    }
}
