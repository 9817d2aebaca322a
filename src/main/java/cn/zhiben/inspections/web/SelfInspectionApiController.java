package cn.zhiben.inspections.web;

import cn.zhiben.inspections.internal.Cadence;
import cn.zhiben.inspections.internal.SelfInspections;
import cn.zhiben.platform.security.CurrentUser;
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

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Tag(name = "企业自查", description = "集团公司季查、厂矿月查、车间周查、班组日查（第23项）：自查记录、缺失的自查、设置")
@RestController
@RequestMapping("/api/v1/self-inspections")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class SelfInspectionApiController {

    private final SelfInspections service;

    SelfInspectionApiController(SelfInspections service) {
        this.service = service;
    }

    record Created(UUID id) {
    }

    record SettingsRequest(Boolean groupChecks, Boolean teamWorkdaysOnly, LocalDate trackingFrom) {
    }

    @Operation(summary = "自查记录（按数据范围）")
    @GetMapping
    List<SelfInspections.Row> list(@RequestParam(required = false) UUID enterpriseId,
                                   @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return service.list(CurrentUser.require(), enterpriseId, from, to, 500);
    }

    @Operation(summary = "填报自查记录（企业账号；检查时间按北京时间计入日期）")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created record(@RequestBody SelfInspections.NewSelfInspection r) {
        return new Created(service.record(r));
    }

    @GetMapping("/{id}")
    SelfInspections.Detail detail(@PathVariable UUID id) {
        return service.detail(CurrentUser.require(), id);
    }

    @Operation(summary = "一家企业在期间内应做的各级自查及其状态（已做、缺失、本期未做）")
    @GetMapping("/missing")
    SelfInspections.Missing missing(@RequestParam(required = false) UUID enterpriseId, @RequestParam LocalDate from,
                                    @RequestParam LocalDate to) {
        CurrentUser user = CurrentUser.require();
        UUID e = enterpriseId != null ? enterpriseId : user.enterpriseId();
        if (e == null) {
            throw ProblemException.badRequest("ENTERPRISE_REQUIRED", "请指定企业");
        }
        return service.missing(user, e, from, to);
    }

    @Operation(summary = "数据范围内各企业的自查完成情况（缺失最多的在前）")
    @GetMapping("/overview")
    List<SelfInspections.OverviewRow> overview(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                               @RequestParam(required = false) java.util.UUID enterpriseId) {
        return service.overview(CurrentUser.require(), from, to, 500, enterpriseId);
    }

    @Operation(summary = "本企业的自查设置")
    @GetMapping("/settings")
    Cadence.Settings settings() {
        CurrentUser user = CurrentUser.require();
        if (user.enterpriseId() == null) {
            throw ProblemException.forbidden("SELF_INSPECTION_ENTERPRISE_ONLY", "自查设置由企业账号填报");
        }
        return service.settings(user.enterpriseId());
    }

    @Operation(summary = "保存本企业的自查设置（是否有集团公司季查、班组是否只在工作日检查、起算日期）")
    @PutMapping("/settings")
    Cadence.Settings saveSettings(@RequestBody SettingsRequest r) {
        service.saveSettings(Boolean.TRUE.equals(r.groupChecks()), Boolean.TRUE.equals(r.teamWorkdaysOnly()), r.trackingFrom());
        return settings();
    }
}
