package cn.zhiben.hazards.web;

import cn.zhiben.hazards.HazardsProperties;
import cn.zhiben.hazards.internal.HazardImportJob;
import cn.zhiben.hazards.internal.HazardImportService;
import cn.zhiben.hazards.internal.HazardImportWorkbooks;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

@Tag(name = "历史隐患导入", description = "2023 年以来的历史隐患台账导入：逐行校验，全部成功才导入，不发送通知")
@RestController
@RequestMapping("/api/v1/hazards/imports")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class HazardImportApiController {

    private final HazardImportService imports;
    private final HazardsProperties properties;

    HazardImportApiController(HazardImportService imports, HazardsProperties properties) {
        this.imports = imports;
        this.properties = properties;
    }

    record JobResponse(HazardImportJob job, List<HazardImportJob.Made> hazards) {
    }

    @Operation(summary = "上传历史隐患台账（.xlsx，导入模板格式）。全部校验通过才导入（201）；有问题行时不导入任何数据，"
            + "返回 422 及逐行问题（errors 的 field 为“第 N 行·列名”）；dryRun=true 只校验（200）。此前已导入的行跳过"
            + "（job.skipped 列出），同一台账重复上传不会重复导入（全部跳过时 200）")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    // who may import is the service's (HazardImportService.mayImport, asked before the file is read)
    ResponseEntity<JobResponse> upload(@RequestPart(value = "file", required = false) MultipartFile file,
                                       @RequestParam(value = "dryRun", defaultValue = "false") boolean dryRun) {
        HazardImportJob job = imports.importWorkbook(CurrentUser.require(), file, dryRun);
        if (job.status() == HazardImportJob.Status.REJECTED) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "HAZARD_IMPORT_REJECTED",
                    job.message() + "（导入记录 " + job.id() + "）",
                    job.issues().stream().map(i -> new ProblemException.FieldProblem(
                            "第 " + i.row() + " 行·" + i.column(), i.message())).toList());
        }
        JobResponse body = new JobResponse(job, imports.made(job.id()));
        // 201 when hazards were made; a ledger uploaded again (every row imported before) makes none: 200
        return job.status() == HazardImportJob.Status.COMPLETED && job.importedRows() > 0
                ? ResponseEntity.created(URI.create("/api/v1/hazards/imports/" + job.id())).body(body)
                : ResponseEntity.ok(body);
    }

    @Operation(summary = "本人最近提交的导入（最多 10 次，不含逐行问题）")
    @GetMapping
    List<HazardImportJob> recent() {
        imports.requireImporter(CurrentUser.require());
        return imports.recent(CurrentUser.require());
    }

    @Operation(summary = "本人提交的一次导入：结果、逐行问题、导入的隐患")
    @GetMapping("/{id}")
    JobResponse job(@PathVariable UUID id) {
        HazardImportJob job = imports.job(CurrentUser.require(), id);
        return new JobResponse(job, imports.made(id));
    }

    @Operation(summary = "下载历史隐患导入模板（含填写说明和下拉选项）")
    @GetMapping("/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        imports.requireImporter(CurrentUser.require());
        HazardImportPageController.xlsx(response, "历史隐患导入模板.xlsx");
        HazardImportWorkbooks.template(properties.historyImport().earliestFoundOn(), response.getOutputStream());
    }
}
