package cn.zhiben.standards.web;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.platform.web.UploadNames;
import cn.zhiben.standards.StandardClause;
import cn.zhiben.standards.internal.ClauseSearch;
import cn.zhiben.standards.internal.Library;
import cn.zhiben.standards.internal.LibraryViews;
import cn.zhiben.standards.internal.SpecialOperations;
import cn.zhiben.standards.internal.StandardImport;
import cn.zhiben.standards.internal.VersionComparison;
import cn.zhiben.standards.internal.VersionPublishing;
import cn.zhiben.standards.internal.VersionRow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Tag(name = "标准库", description = "重大事故隐患判定标准（一行业一清单）：按行业和日期查询、版本、检索、对比、导入导出")
@RestController
@RequestMapping("/api/v1/standards")
class StandardsApiController {

    private final Library library;
    private final VersionPublishing publishing;
    private final StandardImport imports;
    private final VersionComparison comparison;
    private final ClauseSearch search;

    StandardsApiController(Library library, VersionPublishing publishing, StandardImport imports,
                           VersionComparison comparison, ClauseSearch search) {
        this.library = library;
        this.publishing = publishing;
        this.imports = imports;
        this.comparison = comparison;
        this.search = search;
    }

    @Operation(summary = "某日对某行业领域施行的标准及条款（不传行业则为全部；不传日期则为今天）")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    LibraryViews.LibraryAt inForce(@RequestParam(required = false) String industry,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return library.at(blankToNull(industry), date == null ? library.today() : date);
    }

    @Operation(summary = "全部标准版本（含已废止；草稿仅市安委办和导入单位可见）")
    @GetMapping("/versions")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    List<LibraryViews.VersionSummary> versions(@RequestParam(required = false) String standard) {
        CurrentUser user = CurrentUser.require();
        return library.versions().stream()
                .filter(v -> VersionPublishing.visible(v, user))
                .filter(v -> standard == null || standard.isBlank() || v.standardCode().equals(standard.strip()))
                .map(library::summary).toList();
    }

    @Operation(summary = "标准版本详情：元数据、替代关系、分类和全部条款（含本地条款；按日期标出是否施行）")
    @GetMapping("/versions/{id}")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    LibraryViews.VersionDetail version(@PathVariable UUID id,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        VersionRow v = publishing.requireVisible(id, CurrentUser.require());
        return library.detail(v, date == null ? library.today() : date);
    }

    @Operation(summary = "导出标准版本及其条款（format=xlsx 或 json）")
    @GetMapping("/versions/{id}/export")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    ResponseEntity<byte[]> export(@PathVariable UUID id, @RequestParam(defaultValue = "xlsx") String format) {
        return exportResponse(library, imports, publishing.requireVisible(id, CurrentUser.require()), format);
    }

    static ResponseEntity<byte[]> exportResponse(Library library, StandardImport imports, VersionRow v, String format) {
        StandardImport.Format f = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "xlsx" -> StandardImport.Format.XLSX;
            case "json" -> StandardImport.Format.JSON;
            default -> throw ProblemException.badRequest("UNSUPPORTED_FORMAT", "导出格式只能是 xlsx 或 json");
        };
        byte[] body = imports.write(imports.export(v, library.categories(v.id()), library.clauseRows(v.id())), f);
        String filename = v.standardCode() + "-" + v.id().toString().substring(0, 8) + (f == StandardImport.Format.XLSX ? ".xlsx" : ".json");
        MediaType type = f == StandardImport.Format.XLSX
                ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                : MediaType.APPLICATION_JSON;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(v.name() + "（" + v.edition() + "）" + filename.substring(filename.lastIndexOf('.')), StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }

    @Operation(summary = "导入标准版本（.xlsx 或 .json），导入后为草稿，须市安委办发布后才使用")
    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyAuthority('PERM_STANDARD_DRAFT', 'PERM_STANDARD_APPROVE')")
    ResponseEntity<LibraryViews.VersionSummary> importFile(@RequestParam("file") MultipartFile file) throws IOException {
        UUID id = imports.importFile(UploadNames.clean(file.getOriginalFilename(), "标准文件"), file.getBytes(), CurrentUser.require());
        VersionRow v = library.version(id).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/standards/versions/" + id)).body(library.summary(v));
    }

    @Operation(summary = "发布草稿版本（市安委办）；发布后不可修改，并结束被替代版本的有效期")
    @PostMapping("/versions/{id}/publish")
    @PreAuthorize("hasAuthority('PERM_STANDARD_APPROVE')")
    LibraryViews.VersionSummary publish(@PathVariable UUID id) {
        return library.summary(publishing.publish(id, CurrentUser.require()));
    }

    @Operation(summary = "删除草稿版本")
    @DeleteMapping("/versions/{id}")
    @PreAuthorize("hasAnyAuthority('PERM_STANDARD_DRAFT', 'PERM_STANDARD_APPROVE')")
    ResponseEntity<Void> deleteDraft(@PathVariable UUID id) {
        publishing.deleteDraft(id, CurrentUser.require());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "对比两个版本：新增、删除、变化的条款")
    @GetMapping("/compare")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    LibraryViews.Comparison compare(@RequestParam UUID from, @RequestParam UUID to) {
        CurrentUser user = CurrentUser.require();
        return comparison.compare(publishing.requireVisible(from, user), publishing.requireVisible(to, user));
    }

    @Operation(summary = "检索条款摘要（中文子串匹配，空格分隔多个词）")
    @GetMapping("/clauses/search")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    LibraryViews.SearchResult search(@RequestParam(required = false) String q,
                                     @RequestParam(required = false) String industry,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return search.search(q, blankToNull(industry), date);
    }

    record ClauseDetail(StandardClause clause, List<StandardClause> corrections) {
    }

    @Operation(summary = "条款及其所属版本和有效期（版本被替代后仍可查）")
    @GetMapping("/clauses/{id}")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    ClauseDetail clause(@PathVariable UUID id) {
        CurrentUser user = CurrentUser.require();
        StandardClause c = library.clause(id)
                .filter(x -> library.version(x.version().id()).map(v -> VersionPublishing.visible(v, user)).orElse(false))
                .orElseThrow(() -> ProblemException.notFound("CLAUSE_NOT_FOUND", "条款不存在"));
        return new ClauseDetail(c, library.corrections(id));
    }

    @Operation(summary = "企业档案可登记的专项作业（决定专项条款是否适用）")
    @GetMapping("/special-operations")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    Map<String, String> specialOperations() {
        return SpecialOperations.all();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
