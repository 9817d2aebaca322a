package cn.zhiben.campaign.web;

import cn.zhiben.campaign.internal.Addressee;
import cn.zhiben.campaign.internal.BoardService;
import cn.zhiben.campaign.internal.CalendarService;
import cn.zhiben.campaign.internal.Levels;
import cn.zhiben.campaign.internal.OwnerRole;
import cn.zhiben.campaign.internal.Programme;
import cn.zhiben.campaign.internal.ProgrammeAction;
import cn.zhiben.campaign.internal.ProgrammeRepository;
import cn.zhiben.campaign.internal.ProgrammeService;
import cn.zhiben.campaign.internal.ReportCalendar;
import cn.zhiben.campaign.internal.ReportKind;
import cn.zhiben.campaign.internal.Transition;
import cn.zhiben.campaign.internal.Views;
import cn.zhiben.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Tag(name = "治本攻坚·方案与挂图作战", description = "方案（措施、目标、责任分工）、核对启用、复制为新年度方案、报送日历、挂图作战")
@RestController
@RequestMapping("/api/v1/campaign")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class ProgrammeApiController {

    private final ProgrammeService programmes;
    private final BoardService board;
    private final CalendarService calendar;

    ProgrammeApiController(ProgrammeService programmes, BoardService board, CalendarService calendar) {
        this.programmes = programmes;
        this.board = board;
        this.calendar = calendar;
    }

    @Operation(summary = "方案列表（2024—2026 三年行动方案及由其复制的年度方案）")
    @GetMapping("/programmes")
    List<Views.ProgrammeView> list() {
        CampaignWeb.requireParticipant();
        return programmes.list().stream().map(Views::of).toList();
    }

    record ProgrammeDetail(Views.ProgrammeView programme, List<ProgrammeRepository.ActionView> actions,
                           List<ProgrammeRepository.ScheduleRow> schedules, List<ProgrammeRepository.DueException> exceptions,
                           List<ProgrammeRepository.Party> parties, Set<ProgrammeAction> availableActions,
                           List<Transition> history) {
    }

    @Operation(summary = "方案详情：行动、措施、目标、责任分工（含核对状态）、报送安排、报送单位、可执行的操作")
    @GetMapping("/programmes/{id}")
    ProgrammeDetail detail(@PathVariable UUID id) {
        CampaignWeb.requireParticipant();
        Programme p = programmes.get(id);
        return new ProgrammeDetail(Views.of(p), programmes.structure(id), programmes.schedules(id), programmes.exceptions(id),
                programmes.parties(id), programmes.actions(p), programmes.history(id));
    }

    @Operation(summary = "报送日历：方案要求的每一期报送事项及期限（已含市安委办调整）")
    @GetMapping("/programmes/{id}/calendar")
    List<ReportCalendar.Obligation> obligations(@PathVariable UUID id) {
        CampaignWeb.requireParticipant();
        return calendar.obligations(programmes.get(id));
    }

    record CopyRequest(String code, String title, LocalDate startsOn, LocalDate endsOn, LocalDate reportingFrom,
                       String reason) {
    }

    record Created(UUID id) {
    }

    @Operation(summary = "复制为新一年度方案（措施、责任分工、报送安排一并复制；实施期前的目标日期不复制）")
    @PostMapping("/programmes/{id}/copy")
    Created copy(@PathVariable UUID id, @RequestBody CopyRequest r) {
        CampaignWeb.requireOffice();
        CampaignWeb.requireDates(r.startsOn(), r.endsOn(), r.reportingFrom());
        return new Created(programmes.copy(id, new ProgrammeService.CopyInput(r.code(), r.title(), r.startsOn(), r.endsOn(),
                r.reportingFrom(), r.reason())));
    }

    record ScheduleRequest(String title, LocalDate startsOn, LocalDate endsOn, LocalDate reportingFrom) {
    }

    @Operation(summary = "修改方案名称、实施期和平台报送起始日（仅待启用的方案）")
    @PutMapping("/programmes/{id}")
    Views.ProgrammeView reschedule(@PathVariable UUID id, @RequestBody ScheduleRequest r) {
        CampaignWeb.requireOffice();
        CampaignWeb.requireDates(r.startsOn(), r.endsOn(), r.reportingFrom());
        programmes.reschedule(id, new ProgrammeService.ScheduleInput(r.title(), r.startsOn(), r.endsOn(), r.reportingFrom()));
        return Views.of(programmes.get(id));
    }

    record OwnerRequest(UUID unitId, OwnerRole role) {
    }

    record TargetRequest(LocalDate dueOn, Boolean yearly, BigDecimal quantity, String quantityUnit, String wording,
                         String text) {
    }

    record MeasureRequest(String title, Levels levels, OwnerRole officeRole, String basis, List<OwnerRequest> owners,
                          List<TargetRequest> targets) {
    }

    @Operation(summary = "修改一项措施的责任分工和目标（仅待启用的方案；修改后须重新核对）")
    @PutMapping("/programmes/{id}/measures/{measureId}")
    void editMeasure(@PathVariable UUID id, @PathVariable UUID measureId, @RequestBody MeasureRequest r) {
        CampaignWeb.requireOffice();
        if (r.levels() == null) {
            throw ProblemException.badRequest("MEASURE_LEVELS_REQUIRED", "请选择实施层级（CITY、COUNTY 或 BOTH）");
        }
        programmes.editMeasure(id, measureId, new ProgrammeService.MeasureInput(r.title(), r.levels(), r.officeRole(), r.basis(),
                r.owners() == null ? List.of() : r.owners().stream().map(o -> {
                    if (o == null || o.unitId() == null || o.role() == null) {
                        throw ProblemException.badRequest("OWNER_INVALID", "责任单位须给出单位和责任方式");
                    }
                    return new ProgrammeService.OwnerInput(o.unitId(), o.role());
                }).toList(),
                r.targets() == null ? List.of() : r.targets().stream().map(t -> new ProgrammeService.TargetInput(t.dueOn(),
                        Boolean.TRUE.equals(t.yearly()), t.quantity(), t.quantityUnit(), t.wording(), t.text())).toList()));
    }

    @Operation(summary = "市安委办核对一项措施的责任分工")
    @PostMapping("/programmes/{id}/measures/{measureId}/check")
    void check(@PathVariable UUID id, @PathVariable UUID measureId) {
        programmes.checkMeasure(id, measureId);
    }

    @Operation(summary = "启用方案：全部措施核对后，按责任分工分解任务并开启报送日历")
    @PostMapping("/programmes/{id}/activate")
    ProgrammeService.Activation activate(@PathVariable UUID id) {
        return programmes.activate(id);
    }

    record ReasonRequest(String reason) {
    }

    @Operation(summary = "结束方案")
    @PostMapping("/programmes/{id}/close")
    void close(@PathVariable UUID id, @RequestBody ReasonRequest r) {
        CampaignWeb.requireOffice();
        programmes.close(id, r.reason());
    }

    record PartyRequest(UUID unitId, String regionCode, Boolean active) {
    }

    @Operation(summary = "增加或移出报送单位（成员单位或县（市、区））")
    @PutMapping("/programmes/{id}/parties")
    void party(@PathVariable UUID id, @RequestBody PartyRequest r) {
        CampaignWeb.requireOffice();
        if ((r.unitId() == null) == (r.regionCode() == null)) {
            throw ProblemException.badRequest("PARTY_INVALID", "报送单位须为一个成员单位（unitId）或一个县（市、区）（regionCode）");
        }
        programmes.setParty(id, new Addressee(r.unitId(), r.regionCode()), !Boolean.FALSE.equals(r.active()));
    }

    record ExceptionRequest(ReportKind kind, String period, LocalDate dueOn, String reason) {
    }

    record Moved(int reports) {
    }

    @Operation(summary = "调整某一期的报送期限（节假日不自动顺延，由市安委办设定例外）")
    @PostMapping("/programmes/{id}/due-exceptions")
    Moved exception(@PathVariable UUID id, @RequestBody ExceptionRequest r) {
        CampaignWeb.requireOffice();
        if (r.kind() == null || r.period() == null) {
            throw ProblemException.badRequest("PERIOD_REQUIRED", "请选择报送事项和期次");
        }
        return new Moved(programmes.setDueException(id, r.kind(), r.period(), r.dueOn(), r.reason()));
    }

    @Operation(summary = "挂图作战：每项措施的牵头单位、期限、任务完成和逾期情况、各县（市、区）状态")
    @GetMapping("/board")
    BoardService.Board board(@RequestParam(required = false) UUID programme) {
        CampaignWeb.requireParticipant();
        Programme p = programme == null ? programmes.current().orElseThrow(() -> ProblemException.notFound("PROGRAMME_NOT_FOUND", "方案不存在"))
                : programmes.get(programme);
        return board.board(p);
    }

    @Operation(summary = "一项措施：目标、责任单位、任务及其佐证材料（按数据范围）、各单位最近一期月度进展")
    @GetMapping("/measures/{id}")
    BoardService.MeasureDetail measure(@PathVariable UUID id) {
        CampaignWeb.requireParticipant();
        return board.measure(id);
    }
}
