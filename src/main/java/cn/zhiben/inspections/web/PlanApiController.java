package cn.zhiben.inspections.web;

import cn.zhiben.inspections.internal.Draw;
import cn.zhiben.inspections.internal.InspectionViews;
import cn.zhiben.inspections.internal.Plan;
import cn.zhiben.inspections.internal.PlanKind;
import cn.zhiben.inspections.internal.PlanRepository;
import cn.zhiben.inspections.internal.PlanService;
import cn.zhiben.inspections.internal.RiskClass;
import cn.zhiben.inspections.internal.RiskRules;
import cn.zhiben.org.StandardizationGrade;
import cn.zhiben.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Tag(name = "检查计划", description = "按单位、期限制定检查计划（例行、双随机、专项、四不两直、交叉检查、联合执法）")
@RestController
@RequestMapping("/api/v1/inspection-plans")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class PlanApiController {

    private final PlanService service;
    private final PlanRepository plans;
    private final InspectionViews views;
    private final RiskRules rules;

    PlanApiController(PlanService service, PlanRepository plans, InspectionViews views, RiskRules rules) {
        this.service = service;
        this.plans = plans;
        this.views = views;
        this.rules = rules;
    }

    record Target(String regionCode, String industryCode, RiskClass riskClass, Set<StandardizationGrade> grades,
                  Draw.Selection selection, Integer quota) {
    }

    record Participant(UUID unitId, String regionCode) {
    }

    record NewPlanRequest(String name, PlanKind kind, LocalDate periodFrom, LocalDate periodTo,
                          Integer officersPerInspection, Integer expertsPerInspection, Integer maxPerOfficer, String note,
                          List<Participant> participants, List<Target> targets) {
    }

    record Created(UUID id) {
    }

    record VersionRequest(@NotNull Integer version, String reason) {
    }

    @Operation(summary = "检查计划列表（本单位的；市安委办看全部，县级安委办看本县各部门的，四不两直计划除外）")
    @GetMapping
    List<PlanRepository.Row> list(@RequestParam(required = false) Plan.Status status) {
        return plans.list(CurrentUser.require(), status, 200);
    }

    @Operation(summary = "制定检查计划（对象组：区域、行业、风险等级、标准化等级、随机或到期、数量；须在本单位区域和监管行业内）")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody NewPlanRequest r) {
        return new Created(service.create(new PlanService.NewPlan(r.name(), r.kind(), r.periodFrom(), r.periodTo(),
                r.officersPerInspection(), r.expertsPerInspection(), r.maxPerOfficer(), r.note(),
                r.participants() == null ? List.of() : r.participants().stream()
                        .map(p -> new PlanService.UnitInput(p.unitId(), p.regionCode())).toList(),
                r.targets() == null ? List.of() : r.targets().stream().map(t -> new PlanService.TargetInput(t.regionCode(),
                        t.industryCode(), t.riskClass(), t.grades(), t.selection(), t.quota())).toList())));
    }

    @Operation(summary = "计划详情（对象组、抽取记录、检查、时间线、当前账号可执行的操作）")
    @GetMapping("/{id}")
    InspectionViews.PlanView detail(@PathVariable UUID id) {
        var actor = views.actor();
        return views.plan(plans.findVisible(id, actor.user()).orElseThrow(PlanApiController::notFound), actor);
    }

    @Operation(summary = "下达执行")
    @PostMapping("/{id}/activate")
    void activate(@PathVariable UUID id, @Valid @RequestBody VersionRequest r) {
        service.activate(id, r.version());
    }

    @Operation(summary = "结束计划")
    @PostMapping("/{id}/close")
    void close(@PathVariable UUID id, @Valid @RequestBody VersionRequest r) {
        service.close(id, r.version(), r.reason());
    }

    @Operation(summary = "取消计划（须说明原因；已有检查开始的计划不能取消）")
    @PostMapping("/{id}/cancel")
    void cancel(@PathVariable UUID id, @Valid @RequestBody VersionRequest r) {
        service.cancel(id, r.version(), r.reason());
    }

    record Rules(List<RiskRules.RiskRule> riskClasses, List<RiskRules.Frequency> frequencies) {
    }

    @Operation(summary = "分类分级规则：行业风险等级和按标准化等级的例行检查频次（第20项：达标企业减少检查频次；数值为本平台推定）")
    @GetMapping("/rules")
    Rules rules() {
        return new Rules(rules.riskRules(), rules.frequencies());
    }

    static cn.zhiben.platform.web.ProblemException notFound() {
        return cn.zhiben.platform.web.ProblemException.notFound("PLAN_NOT_FOUND", "检查计划不存在");
    }
}
