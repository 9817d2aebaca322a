package cn.zhiben.campaign.web;

import cn.zhiben.campaign.internal.EvaluationRepository;
import cn.zhiben.campaign.internal.EvaluationService;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@Tag(name = "治本攻坚·总结评估", description = "评估方案（项目、分值、计分方法、佐证要求）、自查自评、评估组评分、发布、更正、排名和短板")
@RestController
@RequestMapping("/api/v1/campaign/evaluations")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class EvaluationApiController {

    private final EvaluationService evaluations;

    EvaluationApiController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    /** Evaluations concern offices, units and the enterprises evaluated; nobody else has any. */
    private static void requireInvolved() {
        CurrentUser user = CurrentUser.require();
        if (user.role() != Role.ENTERPRISE) {
            CampaignWeb.requireParticipant();
        }
    }

    @Operation(summary = "评估列表（市安委办全部；其他单位为本单位参加的评估）")
    @GetMapping
    List<EvaluationRepository.Summary> list() {
        requireInvolved();
        return evaluations.list();
    }

    record Created(UUID id) {
    }

    @Operation(summary = "制定评估方案（市安委办）")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody EvaluationService.SchemeInput r) {
        CampaignWeb.requireOffice();
        return new Created(evaluations.create(r));
    }

    @Operation(summary = "评估详情：项目、对象、结果版本；已发布的排名对全部评估对象公开")
    @GetMapping("/{id}")
    EvaluationService.Detail detail(@PathVariable UUID id, @RequestParam(required = false) Integer result) {
        requireInvolved();
        return evaluations.detail(id, result);
    }

    record EditRequest(Integer version, EvaluationService.SchemeInput scheme) {
    }

    @Operation(summary = "修改评估方案（启动前）")
    @PutMapping("/{id}")
    void edit(@PathVariable UUID id, @RequestBody EditRequest r) {
        CampaignWeb.requireOffice();
        if (r.scheme() == null) {
            throw ProblemException.badRequest("EVALUATION_SCHEME_REQUIRED", "请提交评估方案");
        }
        evaluations.edit(id, r.version(), r.scheme());
    }

    @Operation(summary = "启动评估（各项目分值合计须为 100 分），通知各评估对象自评")
    @PostMapping("/{id}/open")
    void open(@PathVariable UUID id) {
        CampaignWeb.requireOffice();
        evaluations.open(id);
    }

    record Published(int resultNo) {
    }

    @Operation(summary = "发布评估结果（全部评分完成后），计算排名；已发布的版本被更正版取代")
    @PostMapping("/{id}/publish")
    Published publish(@PathVariable UUID id) {
        CampaignWeb.requireOffice();
        return new Published(evaluations.publish(id));
    }

    record CorrectionRequest(String reason) {
    }

    @Operation(summary = "更正已发布的结果：新建更正版本（须说明理由），原结果保留")
    @PostMapping("/{id}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    Published correct(@PathVariable UUID id, @RequestBody CorrectionRequest r) {
        CampaignWeb.requireOffice();
        return new Published(evaluations.correct(id, r.reason()));
    }

    @Operation(summary = "结束评估")
    @PostMapping("/{id}/close")
    void close(@PathVariable UUID id) {
        CampaignWeb.requireOffice();
        evaluations.close(id);
    }

    @Operation(summary = "一个评估对象：自评、评分及理由、得分、名次和失分项（短板）")
    @GetMapping("/{id}/targets/{targetId}")
    EvaluationService.TargetDetail target(@PathVariable UUID id, @PathVariable UUID targetId,
                                          @RequestParam(required = false) Integer result) {
        requireInvolved();
        return evaluations.target(id, targetId, result);
    }

    record SelfRequest(List<EvaluationService.SelfInput> entries) {
    }

    @Operation(summary = "保存自评（逐项自评分和情况说明）")
    @PutMapping("/{id}/targets/{targetId}/self")
    void self(@PathVariable UUID id, @PathVariable UUID targetId, @RequestBody SelfRequest r) {
        requireInvolved();
        evaluations.saveSelf(id, targetId, r.entries());
    }

    @Operation(summary = "提交自评（提交后不能修改）")
    @PostMapping("/{id}/targets/{targetId}/self/submit")
    void submitSelf(@PathVariable UUID id, @PathVariable UUID targetId) {
        requireInvolved();
        evaluations.submitSelf(id, targetId);
    }

    record ScoreRequest(List<EvaluationService.ScoreInput> entries) {
    }

    @Operation(summary = "评估组评分（资料审查或现场评估；低于满分须说明理由；平台数据计分项可调整但须说明理由）")
    @PutMapping("/{id}/targets/{targetId}/scores")
    void score(@PathVariable UUID id, @PathVariable UUID targetId, @RequestBody ScoreRequest r) {
        CampaignWeb.requireOffice();
        evaluations.score(id, targetId, r.entries());
    }
}
