package cn.zhiben.hazards.web;

import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.internal.HazardDetails;
import cn.zhiben.hazards.internal.HazardService;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import static cn.zhiben.hazards.web.HazardRequests.*;

/**
 * The hazard verbs as requests: one place that turns a validated request record into the service call, for the API
 * (JSON) and the pages (forms bound by {@link FormBinder}) alike. {@link #VERBS} maps each verb's path to its record,
 * so a page posts to {@code /hazards/{id}/{verb}} exactly what the API takes at {@code /api/v1/hazards/{id}/{verb}}.
 */
@Component
class HazardCommands {

    private final HazardService service;
    private final FormBinder binder;

    HazardCommands(HazardService service, FormBinder binder) {
        this.service = service;
        this.binder = binder;
    }

    /** A verb: its request record and what it does, answering what to tell the user. */
    record Verb<R extends Record>(Class<R> type, BiFunction<HazardCommands, Map.Entry<UUID, R>, String> run) {
        @SuppressWarnings("unchecked")
        String apply(HazardCommands commands, UUID id, Record request) {
            return run.apply(commands, Map.entry(id, (R) request));
        }
    }

    private static <R extends Record> Verb<R> verb(Class<R> type, BiFunction<HazardCommands, Map.Entry<UUID, R>, String> run) {
        return new Verb<>(type, run);
    }

    static final Map<String, Verb<?>> VERBS = new LinkedHashMap<>();

    static {
        VERBS.put("confirm-department", verb(Versioned.class, (c, e) -> c.confirmDepartment(e.getKey(), e.getValue())));
        VERBS.put("confirm-principal", verb(Versioned.class, (c, e) -> c.confirmPrincipal(e.getKey(), e.getValue())));
        VERBS.put("return", verb(WithReason.class, (c, e) -> c.returnForCorrection(e.getKey(), e.getValue())));
        VERBS.put("withdrawal", verb(WithReason.class, (c, e) -> c.withdraw(e.getKey(), e.getValue())));
        VERBS.put("acknowledge", verb(Versioned.class, (c, e) -> c.acknowledge(e.getKey(), e.getValue())));
        VERBS.put("plan", verb(PlanRequest.class, (c, e) -> c.plan(e.getKey(), e.getValue())));
        VERBS.put("progress", verb(ProgressRequest.class, (c, e) -> c.progress(e.getKey(), e.getValue())));
        VERBS.put("extension-request", verb(ExtensionRequest.class, (c, e) -> c.requestExtension(e.getKey(), e.getValue())));
        VERBS.put("extension-decision", verb(ExtensionDecision.class, (c, e) -> c.decideExtension(e.getKey(), e.getValue())));
        VERBS.put("complete", verb(ProgressRequest.class, (c, e) -> c.complete(e.getKey(), e.getValue())));
        VERBS.put("evaluation", verb(EvaluationRequest.class, (c, e) -> c.evaluate(e.getKey(), e.getValue())));
        VERBS.put("sign-off-request", verb(Versioned.class, (c, e) -> c.requestSignOff(e.getKey(), e.getValue())));
        VERBS.put("sign-off", verb(SignOffRequest.class, (c, e) -> c.signOff(e.getKey(), e.getValue())));
        VERBS.put("sign-off-rejection", verb(RejectSignOff.class, (c, e) -> c.rejectSignOff(e.getKey(), e.getValue())));
        VERBS.put("delisting-confirmation", verb(DelistingConfirmation.class, (c, e) -> c.confirmDelisting(e.getKey(), e.getValue())));
        VERBS.put("delisting-refusal", verb(RejectSignOff.class, (c, e) -> c.refuseDelisting(e.getKey(), e.getValue())));
        VERBS.put("listing", verb(ListingRequest.class, (c, e) -> c.list(e.getKey(), e.getValue())));
        VERBS.put("listing-raise", verb(ListingRequest.class, (c, e) -> c.raiseListing(e.getKey(), e.getValue())));
        VERBS.put("reminder", verb(ReminderRequest.class, (c, e) -> c.remind(e.getKey(), e.getValue())));
        VERBS.put("delisting", verb(WithReason.class, (c, e) -> c.delist(e.getKey(), e.getValue())));
        VERBS.put("regrade", verb(RegradeRequest.class, (c, e) -> c.regrade(e.getKey(), e.getValue())));
        VERBS.put("reopen", verb(ReopenRequest.class, (c, e) -> c.reopen(e.getKey(), e.getValue())));
        VERBS.put("merge", verb(MergeRequest.class, (c, e) -> c.merge(e.getKey(), e.getValue())));
        VERBS.put("not-duplicate", verb(WithReason.class, (c, e) -> c.dismissDuplicate(e.getKey(), e.getValue())));
        VERBS.put("accountability-closure", verb(AccountabilityClosure.class, (c, e) -> c.closeAccountability(e.getKey(), e.getValue())));
    }

    /** Binds a page form to the verb's request record (400 with every problem) and runs it. */
    String runForm(UUID id, String verbPath, Map<String, String> form) {
        Verb<?> verb = VERBS.get(verbPath);
        if (verb == null) {
            throw ProblemException.notFound("NOT_FOUND", "请求的地址不存在");
        }
        return verb.apply(this, id, binder.bind(verb.type(), form));
    }

    // ---- reporting ----

    /**
     * A new hazard with the evidence found at discovery: every problem of the request — its constraints, the grade's
     * requirements, the clause or determination — reported at once (issue 10 item 10).
     */
    UUID report(NewHazardRequest r, List<ProblemException.FieldProblem> earlier, List<MultipartFile> evidence) {
        List<ProblemException.FieldProblem> problems = new ArrayList<>(earlier);
        problems.addAll(binder.problems(r));
        HazardService.NewHazard cmd = toCommand(r);
        if (cmd.channel() != null && cmd.grade() != null) {
            problems.addAll(service.problems(cmd));
        }
        FormBinder.check(problems);
        return service.report(cmd, null, evidence);
    }

    static HazardService.NewHazard toCommand(NewHazardRequest r) {
        return new HazardService.NewHazard(r.enterpriseId(), r.channel(), r.grade(),
                r.grade() == Grade.MAJOR ? r.clauseId() : null, r.description(), r.location(), r.foundOn(), r.foundBy(),
                r.shutdown(), Boolean.TRUE.equals(r.needsCoordination()),
                r.grade() == Grade.GENERAL && Boolean.TRUE.equals(r.fixedOnSpot()),
                r.grade() == Grade.GENERAL && !Boolean.TRUE.equals(r.fixedOnSpot()) ? r.deadline() : null,
                r.grade() == Grade.MAJOR ? determination(r.determination()) : null);
    }

    static HazardService.DeterminationInput determination(DeterminationRequest d) {
        return d == null ? null : new HazardService.DeterminationInput(d.versionId(), d.experts(), d.opinion());
    }

    // ---- the verbs ----

    String confirmDepartment(UUID id, Versioned r) {
        service.confirmByDepartment(id, r.version());
        return "已确认（安全管理部门），待主要负责人确认";
    }

    String confirmPrincipal(UUID id, Versioned r) {
        service.confirmByPrincipal(id, r.version());
        return "已确认上报（主要负责人），请制定整改方案";
    }

    String returnForCorrection(UUID id, WithReason r) {
        service.returnForCorrection(id, r.version(), r.reason());
        return "已退回安全管理部门修改";
    }

    String withdraw(UUID id, WithReason r) {
        service.withdraw(id, r.version(), r.reason());
        return "报告已撤回";
    }

    String acknowledge(UUID id, Versioned r) {
        service.acknowledge(id, r.version());
        return "已签收，请制定整改方案";
    }

    String plan(UUID id, PlanRequest r) {
        service.filePlan(id, r.version(), new HazardDetails.PlanInput(r.objectives(), r.measures(), r.fundingFen(),
                r.materials(), r.organisation(), r.responsiblePerson(), r.deadline(), r.safetyMeasures(),
                r.emergencyPlan(), r.interimMeasures()));
        return "整改方案已提交，隐患进入整改";
    }

    String progress(UUID id, ProgressRequest r) {
        service.reportProgress(id, r.version(), r.summary());
        return "整改进展已报告";
    }

    String requestExtension(UUID id, ExtensionRequest r) {
        service.requestExtension(id, r.version(), r.deadline(), r.reason());
        return "延期申请已提交，待审批";
    }

    String decideExtension(UUID id, ExtensionDecision r) {
        service.decideExtension(id, r.version(), r.approve(), r.reason());
        return r.approve() ? "已同意延期" : "已不予延期";
    }

    String complete(UUID id, ProgressRequest r) {
        service.complete(id, r.version(), r.summary());
        return "已报告整改完成";
    }

    String evaluate(UUID id, EvaluationRequest r) {
        service.evaluate(id, r.version(), new HazardDetails.EvaluationInput(r.kind(), r.organisation(), r.conclusion(),
                r.evaluatedOn(), r.qualification(), r.experts()));
        return "评估结果已记录";
    }

    String requestSignOff(UUID id, Versioned r) {
        service.requestSignOff(id, r.version());
        return "已申请销号，待监管部门现场审核";
    }

    String signOff(UUID id, SignOffRequest r) {
        service.signOff(id, r.version(), r.opinion());
        return "审核通过";
    }

    String rejectSignOff(UUID id, RejectSignOff r) {
        service.rejectSignOff(id, r.version(), r.reasons(), r.deadline());
        return "审核不通过，已退回整改";
    }

    String confirmDelisting(UUID id, DelistingConfirmation r) {
        service.confirmDelisting(id, r.version(), r.note());
        return "已确认摘牌，督办结束，隐患已销号";
    }

    String refuseDelisting(UUID id, RejectSignOff r) {
        service.refuseDelisting(id, r.version(), r.reasons(), r.deadline());
        return "不同意摘牌，已退回整改";
    }

    String list(UUID id, ListingRequest r) {
        service.list(id, r.version(), listing(r));
        return "已挂牌督办";
    }

    String raiseListing(UUID id, ListingRequest r) {
        service.raiseListing(id, r.version(), listing(r));
        return "已提级督办";
    }

    private static HazardService.ListingInput listing(ListingRequest r) {
        return new HazardService.ListingInput(r.documentNumber(), r.supervisingUnitId(), r.deadline(), r.level(),
                Boolean.TRUE.equals(r.selfEvaluation()));
    }

    String remind(UUID id, ReminderRequest r) {
        service.remind(id, r.version(), r.message());
        return "督办提醒已发送";
    }

    String delist(UUID id, WithReason r) {
        service.delist(id, r.version(), r.reason());
        return "已摘牌";
    }

    String regrade(UUID id, RegradeRequest r) {
        service.regrade(id, r.version(), new HazardService.RegradeInput(r.grade(), r.reason(),
                r.grade() == Grade.MAJOR ? r.clauseId() : null,
                r.grade() == Grade.MAJOR ? determination(r.determination()) : null,
                r.grade() == Grade.GENERAL ? r.deadline() : null));
        return "隐患等级已调整";
    }

    String reopen(UUID id, ReopenRequest r) {
        service.reopen(id, r.version(), r.reason(), r.deadline());
        return "已重新打开，退回整改";
    }

    String merge(UUID id, MergeRequest r) {
        service.merge(id, r.version(), r.into(), r.reason());
        return "已合并";
    }

    String dismissDuplicate(UUID id, WithReason r) {
        service.dismissDuplicate(id, r.version(), r.reason());
        return "已确认不是重复";
    }

    String closeAccountability(UUID id, AccountabilityClosure r) {
        service.closeAccountability(id, r.version(), r.conclusion());
        return "责任倒查已办结";
    }
}
