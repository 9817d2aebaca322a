package cn.zhiben.inspections.web;

import cn.zhiben.inspections.internal.DrawService;
import cn.zhiben.inspections.internal.InspectionViews;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@Tag(name = "随机抽取", description = "双随机一公开：按计划抽取检查对象和执法人员，可复核、可重新抽取（须说明理由，保留首次结果）")
@RestController
@RequestMapping("/api/v1/draws")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class DrawApiController {

    private final DrawService draws;
    private final InspectionViews views;
    private final cn.zhiben.inspections.internal.PlanRepository plans;

    DrawApiController(DrawService draws, InspectionViews views, cn.zhiben.inspections.internal.PlanRepository plans) {
        this.draws = draws;
        this.views = views;
        this.plans = plans;
    }

    record DrawRequest(UUID planId, String witness) {
    }

    record RedrawRequest(String reason, String witness) {
    }

    record Created(UUID id) {
    }

    @Operation(summary = "某计划的抽取记录（含被取代的首次抽取）")
    @GetMapping
    List<InspectionViews.DrawView> list(@RequestParam UUID planId) {
        CurrentUser user = CurrentUser.require();
        plans.findVisible(planId, user).orElseThrow(PlanApiController::notFound);
        return draws.visibleOfPlan(planId, user).stream().map(d -> views.draw(d, true)).toList();
    }

    @Operation(summary = "随机抽取：冻结候选名录、执法人员和专家名单，生成种子，运行算法 ZB-DRAW-1，为抽中的企业安排检查")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created draw(@RequestBody DrawRequest r) {
        return new Created(draws.draw(r.planId(), r.witness()));
    }

    @Operation(summary = "抽取结果")
    @GetMapping("/{id}")
    InspectionViews.DrawView detail(@PathVariable UUID id) {
        return views.draw(draws.visible(id, CurrentUser.require()).orElseThrow(DrawApiController::notFound), true);
    }

    @Operation(summary = "抽取的输入（规范 JSON，与公布的 SHA-256 一致），用于自行复核")
    @GetMapping(value = "/{id}/inputs", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> inputs(@PathVariable UUID id) {
        return ResponseEntity.ok(draws.visible(id, CurrentUser.require()).orElseThrow(DrawApiController::notFound).inputs());
    }

    @Operation(summary = "复核：用保存的输入、种子和算法版本重新运行，结果须与保存的一致")
    @PostMapping("/{id}/verify")
    DrawService.Verification verify(@PathVariable UUID id) {
        return draws.verify(draws.visible(id, CurrentUser.require()).orElseThrow(DrawApiController::notFound));
    }

    @Operation(summary = "重新抽取：须说明理由；首次抽取保留并公开，其未开始的检查取消")
    @PostMapping("/{id}/redraw")
    @ResponseStatus(HttpStatus.CREATED)
    Created redraw(@PathVariable UUID id, @RequestBody RedrawRequest r) {
        return new Created(draws.redraw(id, r.reason(), r.witness()));
    }

    static ProblemException notFound() {
        return ProblemException.notFound("DRAW_NOT_FOUND", "抽取记录不存在");
    }
}
