package cn.zhiben.hazards.web;

import cn.zhiben.hazards.internal.reports.EnterpriseReports;
import cn.zhiben.hazards.internal.reports.ReportFigures;
import cn.zhiben.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Tag(name = "隐患统计分析报告", description = "企业季度、年度事故隐患排查治理统计分析报告：安全管理部门编制，主要负责人签署报送；监管部门查看报送和逾期情况")
@RestController
@RequestMapping("/api/v1/hazard-reports")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class EnterpriseReportApiController {

    private final EnterpriseReports reports;

    EnterpriseReportApiController(EnterpriseReports reports) {
        this.reports = reports;
    }

    @Operation(summary = "企业账号：本企业各报告期（报送期限、状态、可执行的操作）")
    @GetMapping
    List<EnterpriseReports.OwnPeriod> own() {
        return reports.own(CurrentUser.require());
    }

    @Operation(summary = "监管部门、安委办、乡镇：某报告期数据范围内企业的报送情况和逾期名单（period 如 2026Q3、2026；"
            + "region 可限定到范围内的县、乡镇或园区；每类名单最多列 500 家，计数完整）")
    @GetMapping("/overview")
    EnterpriseReports.Overview overview(@RequestParam(value = "period", required = false) String period,
                                        @RequestParam(value = "region", required = false) String region) {
        return reports.overview(CurrentUser.require(), period, region);
    }

    @Operation(summary = "企业账号：按本企业隐患数据生成的某报告期统计（编制前预览）")
    @GetMapping("/preview")
    ReportFigures preview(@RequestParam(value = "period", required = false) String period) {
        return reports.preview(CurrentUser.require(), period);
    }

    /** Checked by the service after the caller's right, so a caller without it hears 403 whatever it sends. */
    record PrepareRequest(String period, String analysis) {
    }

    @Operation(summary = "企业安全管理人员：编制（或退回后重新编制）某报告期的报告，统计数据按本企业隐患数据生成")
    @PostMapping
    ResponseEntity<EnterpriseReports.View> prepare(@RequestBody PrepareRequest body) {
        CurrentUser user = CurrentUser.require();
        UUID id = reports.prepare(user, body.period(), body.analysis());
        return ResponseEntity.created(URI.create("/api/v1/hazard-reports/" + id)).body(reports.view(user, id));
    }

    @Operation(summary = "报告详情（企业看本企业各状态的报告；监管部门看数据范围内已报送的报告）")
    @GetMapping("/{id}")
    EnterpriseReports.View view(@PathVariable UUID id) {
        return reports.view(CurrentUser.require(), id);
    }

    record VersionRequest(Integer version) {
    }

    record ReturnRequest(Integer version, String reason) {
    }

    @Operation(summary = "企业主要负责人：签署并报送")
    @PostMapping("/{id}/sign")
    EnterpriseReports.View sign(@PathVariable UUID id, @RequestBody VersionRequest body) {
        CurrentUser user = CurrentUser.require();
        reports.sign(user, id, body.version());
        return reports.view(user, id);
    }

    @Operation(summary = "企业主要负责人：退回安全管理部门修改")
    @PostMapping("/{id}/return")
    EnterpriseReports.View returnForCorrection(@PathVariable UUID id, @RequestBody ReturnRequest body) {
        CurrentUser user = CurrentUser.require();
        reports.returnForCorrection(user, id, body.version(), body.reason());
        return reports.view(user, id);
    }

    @Operation(summary = "已签署报告的 PDF")
    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return EnterpriseReportPageController.pdfResponse(reports.pdf(CurrentUser.require(), id));
    }
}
