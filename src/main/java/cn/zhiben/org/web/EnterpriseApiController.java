package cn.zhiben.org.web;

import cn.zhiben.org.internal.EnterpriseDraft;
import cn.zhiben.org.internal.EnterpriseExportService;
import cn.zhiben.org.internal.EnterpriseFilter;
import cn.zhiben.org.internal.EnterpriseImportJob;
import cn.zhiben.org.internal.EnterpriseImportService;
import cn.zhiben.org.internal.EnterpriseService;
import cn.zhiben.org.internal.EnterpriseView;
import cn.zhiben.org.internal.EnterpriseWorkbooks;
import cn.zhiben.org.internal.PageResult;
import cn.zhiben.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Tag(name = "企业", description = "生产经营单位：查询、登记、修改、导入、导出")
@RestController
@RequestMapping("/api/v1/enterprises")
class EnterpriseApiController {

    private final EnterpriseService enterprises;
    private final EnterpriseImportService imports;
    private final EnterpriseExportService exports;

    EnterpriseApiController(EnterpriseService enterprises, EnterpriseImportService imports, EnterpriseExportService exports) {
        this.enterprises = enterprises;
        this.imports = imports;
        this.exports = exports;
    }

    /** The body of create and update; enum fields take codes or Chinese labels. */
    record EnterpriseRequest(String name, String uscc, String regionCode, String zoneCode, String industryCode,
                             String scale, String status, String standardizationGrade, String address,
                             BigDecimal longitude, BigDecimal latitude, String principalName, String principalMobile,
                             String controllerName, String controllerMobile, List<String> specialOperations,
                             Integer version) {
        EnterpriseDraft draft() {
            return new EnterpriseDraft(name, uscc, regionCode, zoneCode, industryCode, scale, status, standardizationGrade,
                    address, longitude == null ? null : longitude.toPlainString(),
                    latitude == null ? null : latitude.toPlainString(), principalName, principalMobile, controllerName,
                    controllerMobile, specialOperations);
        }
    }

    @Operation(summary = "查询企业（数据范围内）", description = "page 从 0 开始，size 最大 200；sort 如 name、-updatedAt、status,desc")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    PageResult<EnterpriseView> search(@RequestParam(required = false) String keyword,
                                      @RequestParam(required = false) String regionCode,
                                      @RequestParam(required = false) String industryCode,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(required = false) String scale,
                                      @RequestParam(required = false) String grade,
                                      @RequestParam(required = false) Boolean demo,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size,
                                      @RequestParam(required = false) String sort) {
        EnterpriseFilter filter = new EnterpriseFilter(keyword, regionCode, industryCode, status, scale, grade, demo);
        return enterprises.search(CurrentUser.require(), filter.toCriteria(), page, size, sort);
    }

    @Operation(summary = "企业详情（手机号脱敏）")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    EnterpriseView get(@PathVariable UUID id) {
        return enterprises.get(CurrentUser.require(), id);
    }

    @Operation(summary = "完整联系方式（需个人信息查看权限，每次查看均记入审计日志）")
    @GetMapping("/{id}/contacts")
    @PreAuthorize("hasAuthority('PERM_PII_READ')")
    EnterpriseService.Contacts contacts(@PathVariable UUID id) {
        return enterprises.contacts(CurrentUser.require(), id);
    }

    @Operation(summary = "登记企业")
    @PostMapping
    @PreAuthorize("hasAuthority('PERM_ENTERPRISE_WRITE')")
    ResponseEntity<EnterpriseView> create(@RequestBody EnterpriseRequest request) {
        EnterpriseView created = enterprises.create(CurrentUser.require(), request.draft());
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + created.id())).body(created);
    }

    @Operation(summary = "修改企业", description = "须提交读取时的 version；手机号留空表示不修改")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_ENTERPRISE_WRITE')")
    EnterpriseView update(@PathVariable UUID id, @RequestBody EnterpriseRequest request) {
        return enterprises.update(CurrentUser.require(), id, request.draft(), request.version());
    }

    @Operation(summary = "导出企业名录 .xlsx（与查询相同的筛选条件，手机号脱敏）")
    @GetMapping("/export.xlsx")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    void export(@RequestParam(required = false) String keyword, @RequestParam(required = false) String regionCode,
                @RequestParam(required = false) String industryCode, @RequestParam(required = false) String status,
                @RequestParam(required = false) String scale, @RequestParam(required = false) String grade,
                @RequestParam(required = false) Boolean demo, HttpServletResponse response) throws IOException {
        var criteria = new EnterpriseFilter(keyword, regionCode, industryCode, status, scale, grade, demo).toCriteria();
        EnterpriseDownloads.xlsx(response, "企业名录.xlsx");
        exports.export(CurrentUser.require(), criteria, response.getOutputStream());
    }

    @Operation(summary = "下载企业导入模板 .xlsx")
    @GetMapping("/import-template")
    @PreAuthorize("hasAuthority('PERM_ENTERPRISE_IMPORT')")
    void template(HttpServletResponse response) throws IOException {
        EnterpriseDownloads.xlsx(response, "企业导入模板.xlsx");
        EnterpriseWorkbooks.template(enterprises.reference(), response.getOutputStream());
    }

    record ImportAccepted(UUID id, String status, String href) {
    }

    @Operation(summary = "上传企业导入文件", description = "multipart：file（.xlsx）、mode（ALL_OR_NOTHING 或 VALID_ROWS）；立即返回任务号，后台处理")
    @PostMapping(value = "/imports", consumes = "multipart/form-data")
    @PreAuthorize("hasAuthority('PERM_ENTERPRISE_IMPORT')")
    ResponseEntity<ImportAccepted> upload(@RequestParam(value = "file", required = false) MultipartFile file,
                                          @RequestParam(value = "mode", required = false) String mode) {
        UUID id = imports.submit(CurrentUser.require(), file, mode);
        String href = "/api/v1/enterprises/imports/" + id;
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(href))
                .body(new ImportAccepted(id, EnterpriseImportJob.Status.QUEUED.name(), href));
    }

    record ImportJobView(UUID id, String fileName, String mode, String modeLabel, String status, String statusLabel,
                         boolean finished, int percent, int totalRows, int processedRows, int validRows, int invalidRows,
                         int importedRows, String message, int issueCount, List<EnterpriseImportJob.Issue> issues,
                         Instant createdAt, Instant finishedAt, String reportHref) {
        static final int MAX_ISSUES = 200;

        static ImportJobView of(EnterpriseImportJob j) {
            return new ImportJobView(j.id(), j.fileName(), j.mode().name(), j.mode().label(), j.status().name(),
                    j.status().label(), j.finished(), j.percent(), j.totalRows(), j.processedRows(), j.validRows(),
                    j.invalidRows(), j.importedRows(), j.message(), j.issues().size(),
                    j.issues().subList(0, Math.min(MAX_ISSUES, j.issues().size())), j.createdAt(), j.finishedAt(),
                    j.finished() ? "/api/v1/enterprises/imports/" + j.id() + "/report.xlsx" : null);
        }
    }

    @Operation(summary = "导入任务进度与结果（仅提交人可见；问题最多列出 200 条，完整内容见报告）")
    @GetMapping("/imports/{id}")
    @PreAuthorize("hasAuthority('PERM_ENTERPRISE_IMPORT')")
    ImportJobView job(@PathVariable UUID id) {
        return ImportJobView.of(imports.job(CurrentUser.require(), id));
    }

    @Operation(summary = "下载导入校验报告 .xlsx")
    @GetMapping("/imports/{id}/report.xlsx")
    @PreAuthorize("hasAuthority('PERM_ENTERPRISE_IMPORT')")
    void report(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        EnterpriseImportJob job = EnterpriseDownloads.finishedJob(imports.job(CurrentUser.require(), id));
        EnterpriseDownloads.xlsx(response, "导入校验报告.xlsx");
        EnterpriseWorkbooks.report(job, response.getOutputStream());
    }
}
