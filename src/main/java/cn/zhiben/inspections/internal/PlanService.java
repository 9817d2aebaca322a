package cn.zhiben.inspections.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.org.StandardizationGrade;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Inspection plans of a unit: created inside the unit's own area and industries (outside them a region or industry
 * answers 404, like one that does not exist), activated, closed or cancelled through the plan's verbs.
 */
@Service
public class PlanService {

    private final PlanRepository plans;
    private final Actors actors;
    private final UnitNames units;
    private final UnitCatalog unitCatalog;
    private final RegionCatalog regions;
    private final IndustryCatalog industries;
    private final AuditLog audit;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final ExpertScopes expertScopes;
    private final Clock clock;

    PlanService(PlanRepository plans, Actors actors, UnitNames units, UnitCatalog unitCatalog, RegionCatalog regions,
                IndustryCatalog industries, AuditLog audit, org.springframework.jdbc.core.simple.JdbcClient jdbc,
                ExpertScopes expertScopes, Clock clock) {
        this.plans = plans;
        this.actors = actors;
        this.units = units;
        this.unitCatalog = unitCatalog;
        this.regions = regions;
        this.industries = industries;
        this.audit = audit;
        this.jdbc = jdbc;
        this.expertScopes = expertScopes;
        this.clock = clock;
    }

    public record UnitInput(UUID unitId, String regionCode) {
    }

    public record TargetInput(String regionCode, String industryCode, RiskClass riskClass, Set<StandardizationGrade> grades,
                              Draw.Selection selection, Integer quota) {
    }

    public record NewPlan(String name, PlanKind kind, LocalDate periodFrom, LocalDate periodTo, Integer officersPerInspection,
                          Integer expertsPerInspection, Integer maxPerOfficer, String note, List<UnitInput> participants,
                          List<TargetInput> targets) {
    }

    @Transactional
    public UUID create(NewPlan in) {
        return create(in, false);
    }

    UUID create(NewPlan in, boolean demo) {
        Actor actor = actors.current();
        UnitRef unit = OfficerRegister.requireUnit(actor.user());
        LocalDate today = today();
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new ProblemException.FieldProblem("name", "请填写计划名称（不超过 100 字）"));
        }
        if (in.kind() == null) {
            problems.add(new ProblemException.FieldProblem("kind", "请选择检查方式"));
        }
        if (in.periodFrom() == null || in.periodTo() == null || in.periodTo().isBefore(in.periodFrom())) {
            problems.add(new ProblemException.FieldProblem("periodTo", "请填写计划期限，截止日期不早于起始日期"));
        } else {
            if (in.periodTo().isBefore(today)) {
                problems.add(new ProblemException.FieldProblem("periodTo", "计划期限已经结束"));
            }
            if (in.periodFrom().plusDays(366).isBefore(in.periodTo())) {
                problems.add(new ProblemException.FieldProblem("periodTo", "计划期限不超过一年"));
            }
        }
        int opi = in.officersPerInspection() == null ? 2 : in.officersPerInspection();
        if (opi < 2 || opi > 5) {
            // 行政处罚法 Art. 42: at least two
            problems.add(new ProblemException.FieldProblem("officersPerInspection", "每次检查的执法人员须为 2–5 名（行政处罚法第四十二条：不少于两人）"));
        }
        int epi = in.expertsPerInspection() == null ? 0 : in.expertsPerInspection();
        if (epi < 0 || epi > 3) {
            problems.add(new ProblemException.FieldProblem("expertsPerInspection", "每次检查的专家为 0–3 名"));
        }
        if (in.maxPerOfficer() != null && (in.maxPerOfficer() < 1 || in.maxPerOfficer() > 500)) {
            problems.add(new ProblemException.FieldProblem("maxPerOfficer", "每名执法人员最多检查数须为 1–500"));
        }
        String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
        if (note != null && note.length() > 2000) {
            problems.add(new ProblemException.FieldProblem("note", "说明不能超过 2000 字"));
        }
        if (in.targets() == null || in.targets().isEmpty() || in.targets().size() > 20) {
            problems.add(new ProblemException.FieldProblem("targets", "请设置 1–20 个检查对象组"));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        DataScope scope = units.scope(unit);
        List<Plan.Target> targets = new ArrayList<>();
        int ord = 1;
        for (TargetInput t : in.targets()) {
            String region = t.regionCode() == null || t.regionCode().isBlank() ? null : t.regionCode().strip();
            if (region != null) {
                // a region outside the unit's own area is as unknown to it as a missing one
                regions.find(region).filter(r -> unit.regionCode() == null || RegionCodes.contains(unit.regionCode(), r.code()))
                        .orElseThrow(() -> ProblemException.notFound("REGION_NOT_FOUND", "区域不存在"));
            }
            String industry = t.industryCode() == null || t.industryCode().isBlank() ? null : t.industryCode().strip();
            if (industry != null && (industries.find(industry).isEmpty()
                    || scope.industryCodes() != null && !scope.industryCodes().contains(industry))) {
                throw ProblemException.notFound("INDUSTRY_NOT_FOUND", "行业领域不存在");
            }
            if (t.quota() == null || t.quota() < 1 || t.quota() > 1000) {
                throw invalid(List.of(new ProblemException.FieldProblem("targets[" + (ord - 1) + "].quota", "每组抽查数量须为 1–1000")));
            }
            Set<StandardizationGrade> grades = t.grades() == null || t.grades().isEmpty() ? null : EnumSet.copyOf(t.grades());
            targets.add(new Plan.Target(ord++, region, industry, t.riskClass(), grades,
                    t.selection() == null ? Draw.Selection.RANDOM : t.selection(), t.quota()));
        }
        List<UnitRef> participants = new ArrayList<>();
        for (UnitInput u : in.participants() == null ? List.<UnitInput>of() : in.participants()) {
            if (u.unitId() == null || unitCatalog.find(u.unitId()).isEmpty()) {
                throw ProblemException.notFound("UNIT_NOT_FOUND", "参加单位不存在");
            }
            String r = u.regionCode() == null || u.regionCode().isBlank() ? null : u.regionCode().strip();
            if (r != null && regions.find(r).filter(x -> x.level() == Region.Level.COUNTY).isEmpty()) {
                throw ProblemException.notFound("REGION_NOT_FOUND", "参加单位所在县（市、区）不存在");
            }
            UnitRef p = new UnitRef(u.unitId(), r);
            if (!p.equals(unit) && !participants.contains(p)) {
                participants.add(p);
            }
        }
        if (in.kind() == PlanKind.CROSS) {
            if (!unit.cityLevel()) {
                throw ProblemException.unprocessable("PLAN_CROSS_CITY_LEVEL", "交叉检查由市级部门组织");
            }
            if (participants.stream().anyMatch(UnitRef::cityLevel)) {
                throw ProblemException.unprocessable("PLAN_CROSS_COUNTY_UNITS", "交叉检查的参加单位须为县级部门");
            }
        }
        if (!in.kind().withParticipants()) {
            participants.clear();
        }
        Instant now = clock.instant();
        Plan p = Plan.create(UUID.randomUUID(), name, unit, in.kind(), in.periodFrom(), in.periodTo(), opi, epi,
                in.maxPerOfficer(), note, participants, targets, demo, actor, now);
        plans.insert(p, now, actor.user().username());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", name);
        summary.put("kind", in.kind().name());
        summary.put("period", in.periodFrom() + "~" + in.periodTo());
        summary.put("targets", targets.size());
        audit.record(AuditEntry.success(AuditAction.CREATE, "inspection-plan", p.id(), summary));
        return p.id();
    }

    @Transactional
    public void activate(UUID id, int version) {
        act(id, version, (p, actor, now, today) -> p.activate(actor, now, today));
    }

    @Transactional
    public void close(UUID id, int version, String reason) {
        act(id, version, (p, actor, now, today) -> p.close(actor, now, today, reason == null || reason.isBlank() ? null : reason.strip()));
    }

    /** Cancels the plan and its inspections that have not started; refused once one has started. */
    @Transactional
    public void cancel(UUID id, int version, String reason) {
        act(id, version, (p, actor, now, today) -> {
            boolean started = jdbc.sql("select exists (select 1 from insp_inspection where plan_id = :p and status in ('IN_PROGRESS', 'COMPLETED'))")
                    .param("p", p.id()).query(Boolean.class).single();
            if (started) {
                throw new IllegalMove("PLAN_HAS_INSPECTIONS", "计划中已有检查开始或完成，不能取消，请结束计划");
            }
            p.cancel(actor, now, today, reason);
            jdbc.sql("""
                    update insp_inspection set status = 'CANCELLED', cancel_reason = :r, updated_at = :at, version = version + 1
                    where plan_id = :p and status = 'PLANNED'""")
                    .param("r", "计划取消：" + reason.strip()).param("at", java.sql.Timestamp.from(now)).param("p", p.id()).update();
            expertScopes.revokeOpen(jdbc.sql("select id from insp_inspection where plan_id = :p").param("p", p.id())
                    .query(UUID.class).list(), "计划取消");
        });
    }

    interface Verb {
        void run(Plan p, Actor actor, Instant now, LocalDate today);
    }

    private void act(UUID id, int version, Verb verb) {
        Actor actor = actors.current();
        Plan p = plans.findVisible(id, actor.user()).flatMap(x -> plans.findForUpdate(x.id()))
                .orElseThrow(PlanService::notFound);
        if (p.version() != version) {
            throw ProblemException.conflict("CONCURRENT_MODIFICATION", "计划已被他人修改，请刷新后重试");
        }
        String before = p.status().name();
        Instant now = clock.instant();
        verb.run(p, actor, now, today());
        plans.save(p, now);
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "inspection-plan", p.id(),
                Map.of("status", List.of(before, p.status().name()))));
    }

    static ProblemException notFound() {
        return ProblemException.notFound("PLAN_NOT_FOUND", "检查计划不存在");
    }

    private static ProblemException invalid(List<ProblemException.FieldProblem> problems) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                String.join("；", new LinkedHashSet<>(problems.stream().map(ProblemException.FieldProblem::message).toList())),
                problems);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }
}
