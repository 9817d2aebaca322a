package cn.zhiben.inspections.web;

import cn.zhiben.inspections.internal.ExpertPool;
import cn.zhiben.inspections.internal.OfficerRegister;
import cn.zhiben.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import java.util.UUID;

@Tag(name = "专家库", description = "专业领域、资格、聘期、不可用时段、回避、指派与评价（第34项）")
@RestController
@RequestMapping("/api/v1/experts")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class ExpertApiController {

    private final ExpertPool pool;
    private final OfficerRegister register;

    ExpertApiController(ExpertPool pool, OfficerRegister register) {
        this.pool = pool;
        this.register = register;
    }

    record StatusRequest(ExpertPool.Status status, String reason) {
    }

    record UnavailableRequest(LocalDate from, LocalDate to, String reason) {
    }

    record ConflictRequest(UUID enterpriseId, String reason) {
    }

    record ReasonRequest(String reason) {
    }

    record Created(UUID id) {
    }

    record Detail(ExpertPool.Expert expert, List<ExpertPool.Unavailable> unavailable, List<OfficerRegister.Conflict> conflicts,
                  List<ExpertPool.Assignment> assignments, Double averageScore) {
    }

    @Operation(summary = "专家列表（可按行业筛选专业对口的专家）")
    @GetMapping
    List<ExpertPool.Expert> list(@RequestParam(required = false) String industry) {
        return pool.visible(CurrentUser.require(), industry);
    }

    @Operation(summary = "入库专家")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created add(@RequestBody ExpertPool.NewExpert r) {
        return new Created(pool.add(r));
    }

    @Operation(summary = "专家详情（不可用时段、回避、指派和评价）")
    @GetMapping("/{id}")
    Detail detail(@PathVariable UUID id) {
        ExpertPool.Expert e = pool.visible(CurrentUser.require(), id);
        var assignments = pool.assignments(e.id(), null);
        Double avg = assignments.stream().filter(a -> a.score() != null).mapToInt(ExpertPool.Assignment::score).average()
                .stream().boxed().findFirst().orElse(null);
        return new Detail(e, pool.unavailability(e.id()), register.conflictsOf(null, e.id()), assignments, avg);
    }

    @Operation(summary = "暂停、解聘或恢复（须说明原因）")
    @PostMapping("/{id}/status")
    void status(@PathVariable UUID id, @RequestBody StatusRequest r) {
        pool.setStatus(id, r.status(), r.reason());
    }

    @Operation(summary = "登记不可用时段（专家本人或监管部门）")
    @PostMapping("/{id}/unavailability")
    @ResponseStatus(HttpStatus.CREATED)
    Created unavailable(@PathVariable UUID id, @RequestBody UnavailableRequest r) {
        return new Created(pool.addUnavailability(id, r.from(), r.to(), r.reason()));
    }

    @Operation(summary = "登记回避事由")
    @PostMapping("/{id}/conflicts")
    @ResponseStatus(HttpStatus.CREATED)
    Created conflict(@PathVariable UUID id, @RequestBody ConflictRequest r) {
        ExpertPool.Expert e = pool.visible(CurrentUser.require(), id);
        return new Created(register.recordConflict(null, e.id(), r.enterpriseId(), r.reason()));
    }

    @Operation(summary = "解除回避")
    @PostMapping("/{id}/conflicts/{conflictId}/end")
    void endConflict(@PathVariable UUID id, @PathVariable UUID conflictId, @RequestBody ReasonRequest r) {
        pool.visible(CurrentUser.require(), id);
        register.endConflict(conflictId, null, id, r.reason());
    }
}
