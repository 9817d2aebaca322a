package cn.zhiben.campaign.web;

import cn.zhiben.campaign.internal.CampaignDocuments;
import cn.zhiben.campaign.internal.CampaignNames;
import cn.zhiben.campaign.internal.Doc;
import cn.zhiben.campaign.internal.PracticalItemService;
import cn.zhiben.campaign.internal.Programme;
import cn.zhiben.campaign.internal.ProgrammeService;
import cn.zhiben.campaign.internal.Views;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
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

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Tag(name = "治本攻坚·清单与文书", description = "办实事、解难题清单（每年至少10项）；年度总结和月度进展的 .docx、PDF、.xlsx")
@RestController
@RequestMapping("/api/v1/campaign")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class ListsApiController {

    private final PracticalItemService practical;
    private final CampaignDocuments documents;
    private final ProgrammeService programmes;
    private final CampaignNames names;

    ListsApiController(PracticalItemService practical, CampaignDocuments documents, ProgrammeService programmes,
                       CampaignNames names) {
        this.practical = practical;
        this.documents = documents;
        this.programmes = programmes;
        this.names = names;
    }

    private static void requireKeeper() {
        if (!PracticalItemService.mayKeep(CurrentUser.require())) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "办实事清单由市、县两级安委办维护");
        }
    }

    @Operation(summary = "办实事、解难题事项（owner=CITY 市级，或县（市、区）代码）")
    @GetMapping("/practical-items")
    List<Views.PracticalView> items(@RequestParam(required = false) UUID programme, @RequestParam(required = false) Integer year,
                                    @RequestParam(required = false) String owner) {
        requireKeeper();
        return practical.views(programme, year, owner, names.snapshot());
    }

    @Operation(summary = "各级清单汇总：列入、解决、撤销，对照每年至少10项")
    @GetMapping("/practical-items/summary")
    List<PracticalItemService.Tally> summary(@RequestParam UUID programme, @RequestParam int year) {
        requireKeeper();
        return practical.tallies(programme, year);
    }

    record NewItemRequest(UUID programmeId, Integer year, String title, String category, UUID responsibleUnitId,
                          LocalDate dueOn) {
    }

    record Created(UUID id) {
    }

    @Operation(summary = "列入本级清单")
    @PostMapping("/practical-items")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody NewItemRequest r) {
        requireKeeper();
        return new Created(practical.create(new PracticalItemService.NewItem(r.programmeId(), r.year(), r.title(), r.category(),
                r.responsibleUnitId(), r.dueOn())));
    }

    @Operation(summary = "事项详情和办理记录")
    @GetMapping("/practical-items/{id}")
    PracticalItemService.Detail item(@PathVariable UUID id) {
        requireKeeper();
        return practical.detail(id);
    }

    record NoteRequest(Integer version, String note) {
    }

    record SolveRequest(Integer version, String result, LocalDate solvedOn) {
    }

    @Operation(summary = "报告进展")
    @PostMapping("/practical-items/{id}/progress")
    Views.PracticalView progress(@PathVariable UUID id, @RequestBody NoteRequest r) {
        requireKeeper();
        practical.progress(id, r.version(), r.note());
        return practical.detail(id).item();
    }

    @Operation(summary = "已解决（填写结果和日期）")
    @PostMapping("/practical-items/{id}/solve")
    Views.PracticalView solve(@PathVariable UUID id, @RequestBody SolveRequest r) {
        requireKeeper();
        practical.solve(id, r.version(), r.result(), r.solvedOn());
        return practical.detail(id).item();
    }

    @Operation(summary = "撤销（须说明理由）")
    @PostMapping("/practical-items/{id}/drop")
    Views.PracticalView drop(@PathVariable UUID id, @RequestBody NoteRequest r) {
        requireKeeper();
        practical.drop(id, r.version(), r.note());
        return practical.detail(id).item();
    }

    @Operation(summary = "年度工作总结（市安委办生成全市的，县级安委办生成本县的）：format=DOCX|PDF|XLSX")
    @GetMapping("/documents/year-summary")
    ResponseEntity<byte[]> yearSummary(@RequestParam UUID programme, @RequestParam int year,
                                       @RequestParam(defaultValue = "DOCX") CampaignDocuments.Format format) {
        requireGenerator();
        Programme p = programmes.get(programme);
        Doc doc = documents.yearSummary(programme, year);
        return WebFiles.document(documents, doc, format, documents.fileName("年度工作总结", p, String.valueOf(year), format));
    }

    @Operation(summary = "月度进展月报：period=yyyy-MM，format=DOCX|PDF|XLSX")
    @GetMapping("/documents/monthly-digest")
    ResponseEntity<byte[]> monthlyDigest(@RequestParam UUID programme, @RequestParam String period,
                                         @RequestParam(defaultValue = "DOCX") CampaignDocuments.Format format) {
        requireGenerator();
        Programme p = programmes.get(programme);
        Doc doc = documents.monthlyDigest(programme, period);
        return WebFiles.document(documents, doc, format, documents.fileName("月度进展", p, period, format));
    }

    private static void requireGenerator() {
        if (!CampaignDocuments.mayGenerate(CurrentUser.require())) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "总结和月报由市、县两级安委办生成");
        }
    }
}
