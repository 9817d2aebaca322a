package cn.zhiben.inspections.web;

import cn.zhiben.inspections.InspectionEvents.Measure;
import cn.zhiben.inspections.internal.Actors;
import cn.zhiben.inspections.internal.Decision;
import cn.zhiben.inspections.internal.DecisionRepository;
import cn.zhiben.inspections.internal.DecisionService;
import cn.zhiben.inspections.internal.InspectionDocuments;
import cn.zhiben.inspections.internal.InspectionService;
import cn.zhiben.inspections.internal.InspectionViews;
import cn.zhiben.inspections.internal.LegalArticles;
import cn.zhiben.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.Set;
import java.util.UUID;

@Tag(name = "执法决定", description = "责令限期整改、行政处罚（罚款以分计，一案双罚）、送达、缴款、复查、恢复生产、结案")
@RestController
@RequestMapping("/api/v1/enforcement-decisions")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class DecisionApiController {

    private final DecisionService service;
    private final DecisionRepository decisions;
    private final InspectionViews views;
    private final InspectionDocuments documents;
    private final LegalArticles articles;
    private final Actors actors;

    DecisionApiController(DecisionService service, DecisionRepository decisions, InspectionViews views,
                          InspectionDocuments documents, LegalArticles articles, Actors actors) {
        this.service = service;
        this.decisions = decisions;
        this.views = views;
        this.documents = documents;
        this.articles = articles;
        this.actors = actors;
    }

    record Person(String name, String position, Long fineFen, List<String> legalBasis, String facts) {
    }

    record NewDecisionRequest(UUID inspectionId, UUID enterpriseId, Decision.Kind kind, Set<Measure> measures, String facts,
                              List<String> legalBasis, Long fineFen, Long confiscationFen, LocalDate deadline,
                              LocalDate shutdownFrom, String transferTo, LocalDate priorNoticeOn, LocalDate hearingNoticeOn,
                              LocalDate decidedOn, List<UUID> hazardIds, Person person) {
    }

    record Created(List<UUID> ids) {
    }

    record DateRequest(@NotNull Integer version, LocalDate on) {
    }

    record PaymentRequest(@NotNull Integer version, LocalDate on, Long amountFen) {
    }

    record ReinspectionRequest(@NotNull Integer version, LocalDate on, Boolean passed, String note) {
    }

    record VersionRequest(@NotNull Integer version) {
    }

    record Row(UUID id, String number, Decision.Kind kind, Decision.PartyType partyType, String partyName,
               String enterpriseName, UUID inspectionId, List<Measure> measures, long fineFen, LocalDate decidedOn,
               Decision.Status status, boolean demo) {
    }

    @Operation(summary = "执法决定列表（按数据范围）")
    @GetMapping
    List<Row> list(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) LocalDate from,
                   @RequestParam(required = false) LocalDate to) {
        return decisions.list(CurrentUser.require(), enterpriseId, from, to, 500).stream().map(d -> new Row(d.id(), d.number(),
                d.terms().kind(), d.terms().partyType(), d.terms().partyName(), d.enterpriseName(), d.inspectionId(),
                d.terms().measures().stream().sorted().toList(), d.terms().fineFen(), d.terms().decidedOn(), d.status(),
                d.demo())).toList();
    }

    @Operation(summary = "作出执法决定（须引用法律依据；金额以分计；person 为一案双罚中对主要负责人等个人的处罚）")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody NewDecisionRequest r) {
        return new Created(service.create(new DecisionService.NewDecision(r.inspectionId(), r.enterpriseId(), r.kind(),
                r.measures(), r.facts(), r.legalBasis(), r.fineFen(), r.confiscationFen(), r.deadline(), r.shutdownFrom(),
                r.transferTo(), r.priorNoticeOn(), r.hearingNoticeOn(), r.decidedOn(), r.hazardIds(),
                r.person() == null ? null : new DecisionService.PersonPenalty(r.person().name(), r.person().position(),
                        r.person().fineFen(), r.person().legalBasis(), r.person().facts()))));
    }

    @Operation(summary = "可引用的法律条款（含罚款上限和核实程度）")
    @GetMapping("/legal-articles")
    List<LegalArticles.Article> legalArticles() {
        return articles.all();
    }

    @Operation(summary = "执法决定详情（同案决定、关联隐患、复查、时间线、可执行的操作）")
    @GetMapping("/{id}")
    InspectionViews.DecisionView detail(@PathVariable UUID id) {
        var actor = actors.current();
        return views.decision(decisions.findVisible(id, actor.user(), false).orElseThrow(DecisionApiController::notFound), actor);
    }

    @Operation(summary = "决定书 PDF（责令限期整改指令书 / 行政处罚决定书）")
    @GetMapping("/{id}/document.pdf")
    ResponseEntity<byte[]> document(@PathVariable UUID id) {
        var actor = actors.current();
        var v = views.decision(decisions.findVisible(id, actor.user(), false).orElseThrow(DecisionApiController::notFound), actor);
        return Pdfs.inline(documents.decision(v), v.kind().label() + " " + v.number());
    }

    @Operation(summary = "送达（单位登记）或签收（企业）")
    @PostMapping("/{id}/serve")
    void serve(@PathVariable UUID id, @Valid @RequestBody DateRequest r) {
        service.serve(id, r.version(), r.on());
    }

    @Operation(summary = "登记罚款缴纳（分）")
    @PostMapping("/{id}/payment")
    void payment(@PathVariable UUID id, @Valid @RequestBody PaymentRequest r) {
        service.recordPayment(id, r.version(), r.on(), r.amountFen());
    }

    @Operation(summary = "复查决定的整改要求")
    @PostMapping("/{id}/reinspections")
    @ResponseStatus(HttpStatus.CREATED)
    InspectionApiController.Created reinspect(@PathVariable UUID id, @Valid @RequestBody ReinspectionRequest r) {
        return new InspectionApiController.Created(service.reinspect(id, r.version(),
                new InspectionService.ReinspectionInput(r.on(), r.passed(), r.note(), id)));
    }

    @Operation(summary = "复查合格后同意恢复生产（安全生产法第六十五条）")
    @PostMapping("/{id}/lift-shutdown")
    void lift(@PathVariable UUID id, @Valid @RequestBody DateRequest r) {
        service.liftShutdown(id, r.version(), r.on());
    }

    @Operation(summary = "结案")
    @PostMapping("/{id}/close")
    void close(@PathVariable UUID id, @Valid @RequestBody VersionRequest r) {
        service.close(id, r.version());
    }

    static cn.zhiben.platform.web.ProblemException notFound() {
        return cn.zhiben.platform.web.ProblemException.notFound("DECISION_NOT_FOUND", "执法决定不存在");
    }
}
