package cn.zhiben.campaign.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.campaign.CampaignProperties;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.Region;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Programmes: loading the city's plan as reference data, the city office's check of each measure's owners, activation
 * (which derives the tasks and opens the reporting calendar), copying into the next year's programme, the parties that
 * report and the office's due-date exceptions. Every write is audited in its transaction.
 */
@Service
public class ProgrammeService {

    private final ProgrammeRepository programmes;
    private final ReferencePlan reference;
    private final TaskDerivation derivation;
    private final CalendarService calendar;
    private final ReportRepository reports;
    private final UnitCatalog units;
    private final CampaignNames names;
    private final AuditLog audit;
    private final CampaignProperties properties;
    private final CampaignTime time;
    private final TransitionLog log;

    ProgrammeService(ProgrammeRepository programmes, ReferencePlan reference, TaskDerivation derivation,
                     CalendarService calendar, ReportRepository reports, UnitCatalog units, CampaignNames names,
                     AuditLog audit, CampaignProperties properties, CampaignTime time, TransitionLog log) {
        this.log = log;
        this.programmes = programmes;
        this.reference = reference;
        this.derivation = derivation;
        this.calendar = calendar;
        this.reports = reports;
        this.units = units;
        this.names = names;
        this.audit = audit;
        this.properties = properties;
        this.time = time;
    }

    /** The city's plan as a DRAFT programme, once (a database that has it keeps it as the office left it). */
    @Transactional
    public UUID loadReference() {
        return programmes.findByCode(ReferencePlan.CODE).map(Programme::id).orElseGet(() -> {
            ReferencePlan.PlanDraft d = reference.load(properties.yearSummaryDue(), properties.listsDue());
            UUID id = programmes.insert(d, null, null, defaultParties(), Actor.system(), time.now());
            audit.record(AuditEntry.success(AuditAction.IMPORT, "campaign-programme", id,
                    Map.of("code", d.code(), "measures", d.actions().stream().mapToInt(a -> a.measures().size()).sum()))
                    .by(new AuditEntry.Actor(null, "system", null, null)));
            return id;
        });
    }

    /** 各县（市、区）、市安委会各成员单位 (plan 六(六)): every active member unit and every county-level division. */
    List<ProgrammeRepository.Party> defaultParties() {
        List<ProgrammeRepository.Party> out = new ArrayList<>();
        for (CommitteeUnit u : units.all()) {
            if (u.active()) {
                out.add(new ProgrammeRepository.Party(Addressee.cityUnit(u.id()), true));
            }
        }
        for (Region c : names.counties()) {
            out.add(new ProgrammeRepository.Party(Addressee.countyOffice(c.code()), true));
        }
        return out;
    }

    public List<Programme> list() {
        return programmes.all();
    }

    public Programme get(UUID id) {
        return programmes.find(id).orElseThrow(CampaignErrors::programmeNotFound);
    }

    /** The programme to show when none is named: the earliest active one, else the newest. */
    public java.util.Optional<Programme> current() {
        List<Programme> active = programmes.active();
        if (!active.isEmpty()) {
            return java.util.Optional.of(active.get(0));
        }
        return programmes.all().stream().findFirst();
    }

    public List<Transition> history(UUID id) {
        return log.list(ProgrammeRepository.ENTITY, id, ProgrammeAction.class);
    }

    // ---- verbs ----

    public record CopyInput(String code, String title, LocalDate startsOn, LocalDate endsOn, LocalDate reportingFrom,
                            String reason) {
    }

    /** A new DRAFT programme with this one's actions, measures, owners and calendar; dated targets before it starts are left behind. */
    @Transactional
    public UUID copy(UUID sourceId, CopyInput in) {
        Actor actor = Actor.of(CurrentUser.require());
        Programme source = programmes.findForUpdate(sourceId).orElseThrow(CampaignErrors::programmeNotFound);
        source.require(actor, ProgrammeAction.COPY);
        Programme.validDates(in.startsOn(), in.endsOn(), in.reportingFrom());
        String code = CampaignErrors.require(in.code(), "PROGRAMME_CODE_REQUIRED", "请填写方案编号");
        if (!code.matches("[A-Za-z0-9-]{3,40}")) {
            throw ProblemException.badRequest("PROGRAMME_CODE_INVALID", "方案编号只能包含字母、数字和连字符（3–40 位）");
        }
        if (programmes.codeTaken(code)) {
            throw ProblemException.conflict("PROGRAMME_CODE_TAKEN", "方案编号已被使用");
        }
        String reason = CampaignErrors.require(in.reason(), "CAMPAIGN_NOTE_REQUIRED", "请说明复制的理由");
        List<ReferencePlan.ActionDraft> actions = new ArrayList<>();
        for (ProgrammeRepository.ActionView a : programmes.structure(sourceId)) {
            List<ReferencePlan.MeasureDraft> measures = new ArrayList<>();
            for (ProgrammeRepository.MeasureView m : a.measures()) {
                List<ReferencePlan.TargetDraft> targets = new ArrayList<>();
                for (ProgrammeRepository.TargetView t : m.targets()) {
                    if (t.yearly() || t.dueOn() == null || !t.dueOn().isBefore(in.startsOn())) {
                        targets.add(new ReferencePlan.TargetDraft(targets.size() + 1, t.dueOn(), t.yearly(), t.quantity(),
                                t.quantityUnit(), t.wording(), t.text()));
                    }
                }
                measures.add(new ReferencePlan.MeasureDraft(m.no(), m.title(), m.text(), m.levels(), m.officeRole(),
                        m.owners().stream().map(o -> new ReferencePlan.UnitRole(o.unitId(), null, o.role())).toList(),
                        m.basis(), targets));
            }
            actions.add(new ReferencePlan.ActionDraft(a.no(), a.numeral(), a.title(), measures));
        }
        List<ReferencePlan.ScheduleDraft> schedules = programmes.schedules(sourceId).stream()
                .map(s -> new ReferencePlan.ScheduleDraft(s.kind(), s.recurrence(), s.monthDay(), s.onceOn(), s.audience(),
                        s.source(), s.inferred())).toList();
        String title = CampaignErrors.require(in.title(), "PROGRAMME_TITLE_REQUIRED", "请填写方案名称");
        ReferencePlan.PlanDraft d = new ReferencePlan.PlanDraft(code, title, null, null, in.startsOn(), in.endsOn(),
                in.reportingFrom(), "复制自「" + source.title() + "」（" + source.code() + "）", actions, schedules);
        UUID id = programmes.insert(d, sourceId, reason, programmes.parties(sourceId), actor, time.now());
        audit.record(AuditEntry.success(AuditAction.CREATE, "campaign-programme", id,
                Map.of("code", code, "copiedFrom", source.code(), "reason", reason)));
        return id;
    }

    public record OwnerInput(UUID unitId, OwnerRole role) {
    }

    public record TargetInput(LocalDate dueOn, boolean yearly, BigDecimal quantity, String quantityUnit, String wording,
                              String text) {
    }

    public record MeasureInput(String title, Levels levels, OwnerRole officeRole, String basis, List<OwnerInput> owners,
                               List<TargetInput> targets) {
    }

    /** Changes a measure's owners and targets while the programme is DRAFT; the measure then needs checking again. */
    @Transactional
    public void editMeasure(UUID programmeId, UUID measureId, MeasureInput in) {
        Actor actor = Actor.of(CurrentUser.require());
        Programme p = programmes.findForUpdate(programmeId).orElseThrow(CampaignErrors::programmeNotFound);
        p.require(actor, ProgrammeAction.EDIT);
        ProgrammeRepository.MeasureView m = measureOf(p, measureId);
        Map<UUID, ReferencePlan.UnitRole> owners = new LinkedHashMap<>();
        for (OwnerInput o : in.owners()) {
            CommitteeUnit u = units.find(o.unitId()).filter(CommitteeUnit::active)
                    .orElseThrow(() -> ProblemException.badRequest("UNIT_NOT_FOUND", "成员单位不存在"));
            if (o.role() == OwnerRole.DELEGATED) {
                throw ProblemException.badRequest("OWNER_ROLE_INVALID", "措施的责任方式只能是牵头、按职责落实或配合");
            }
            if (owners.put(u.id(), new ReferencePlan.UnitRole(u.id(), u.name(), o.role())) != null) {
                throw ProblemException.badRequest("OWNER_DUPLICATE", u.name() + " 重复出现");
            }
        }
        if (owners.isEmpty() && in.officeRole() == null && in.levels() != Levels.COUNTY) {
            throw ProblemException.badRequest("MEASURE_OWNER_REQUIRED", "市级措施至少须有一个责任单位");
        }
        if (in.officeRole() == OwnerRole.DELEGATED) {
            throw ProblemException.badRequest("OWNER_ROLE_INVALID", "措施的责任方式只能是牵头、按职责落实或配合");
        }
        List<ReferencePlan.TargetDraft> targets = new ArrayList<>();
        for (TargetInput t : in.targets()) {
            String text = CampaignErrors.require(t.text(), "TARGET_TEXT_REQUIRED", "请填写目标内容");
            if (t.dueOn() != null && (t.dueOn().isBefore(p.startsOn()) || t.dueOn().isAfter(p.endsOn()))) {
                throw ProblemException.badRequest("TARGET_DATE_OUTSIDE", "目标日期须在方案实施期内");
            }
            if (t.quantity() != null && t.quantity().signum() <= 0) {
                throw ProblemException.badRequest("TARGET_QUANTITY_INVALID", "目标数量须大于 0");
            }
            targets.add(new ReferencePlan.TargetDraft(targets.size() + 1, t.dueOn(), t.yearly(), t.quantity(),
                    t.quantityUnit(), t.wording() == null || t.wording().isBlank() ? (t.yearly() ? "每年" : "") : t.wording().strip(), text));
        }
        String title = CampaignErrors.require(in.title(), "MEASURE_TITLE_REQUIRED", "请填写措施简称");
        String basis = CampaignErrors.require(in.basis(), "MEASURE_BASIS_REQUIRED", "请填写分工依据（方案原文）");
        programmes.updateMeasure(m.id(), title, in.levels(), in.officeRole(), basis);
        programmes.writeOwners(m.id(), List.copyOf(owners.values()));
        programmes.writeTargets(m.id(), targets);
        p.noted(ProgrammeAction.EDIT, actor, time.now(), "第 " + m.no() + " 项措施：" + title);
        programmes.save(p);
        audit.record(AuditEntry.success(AuditAction.UPDATE, "campaign-measure", m.id(), Map.of("measure", m.no(),
                "owners", owners.size(), "targets", targets.size(), "levels", in.levels().name())));
    }

    /** The office confirms a measure's owners as written (the mapping is the platform's reading until then). */
    @Transactional
    public void checkMeasure(UUID programmeId, UUID measureId) {
        Actor actor = Actor.of(CurrentUser.require());
        Programme p = programmes.findForUpdate(programmeId).orElseThrow(CampaignErrors::programmeNotFound);
        p.require(actor, ProgrammeAction.CHECK_MEASURE);
        ProgrammeRepository.MeasureView m = measureOf(p, measureId);
        Instant now = time.now();
        programmes.markChecked(m.id(), actor.name(), now);
        p.noted(ProgrammeAction.CHECK_MEASURE, actor, now, "第 " + m.no() + " 项措施");
        programmes.save(p);
        audit.record(AuditEntry.success(AuditAction.UPDATE, "campaign-measure", m.id(), Map.of("measure", m.no(), "checked", true)));
    }

    public record ScheduleInput(String title, LocalDate startsOn, LocalDate endsOn, LocalDate reportingFrom) {
    }

    @Transactional
    public void reschedule(UUID programmeId, ScheduleInput in) {
        Actor actor = Actor.of(CurrentUser.require());
        Programme p = programmes.findForUpdate(programmeId).orElseThrow(CampaignErrors::programmeNotFound);
        String title = CampaignErrors.require(in.title(), "PROGRAMME_TITLE_REQUIRED", "请填写方案名称");
        Map<String, Object> before = Map.of("startsOn", p.startsOn().toString(), "endsOn", p.endsOn().toString(),
                "reportingFrom", p.reportingFrom().toString());
        p.reschedule(actor, time.now(), title, in.startsOn(), in.endsOn(), in.reportingFrom());
        programmes.save(p);
        audit.record(AuditEntry.success(AuditAction.UPDATE, "campaign-programme", p.id(), AuditLog.diff(before,
                Map.of("startsOn", in.startsOn().toString(), "endsOn", in.endsOn().toString(),
                        "reportingFrom", in.reportingFrom().toString()))));
    }

    /** Starts the programme: every measure must be checked; derives the tasks and opens the calendar up to today. */
    @Transactional
    public Activation activate(UUID programmeId) {
        Actor actor = Actor.of(CurrentUser.require());
        Programme p = programmes.findForUpdate(programmeId).orElseThrow(CampaignErrors::programmeNotFound);
        Instant now = time.now();
        p.activate(actor, now, programmes.uncheckedMeasures(p.id()));
        programmes.save(p);
        int tasks = derivation.derive(p, now);
        int opened = calendar.open(p, time.today());
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "campaign-programme", p.id(),
                Map.of("status", "ACTIVE", "tasks", tasks, "reports", opened)));
        return new Activation(tasks, opened);
    }

    public record Activation(int tasks, int reports) {
    }

    @Transactional
    public void close(UUID programmeId, String reason) {
        Actor actor = Actor.of(CurrentUser.require());
        Programme p = programmes.findForUpdate(programmeId).orElseThrow(CampaignErrors::programmeNotFound);
        p.close(actor, time.now(), CampaignErrors.require(reason, "CAMPAIGN_NOTE_REQUIRED", "请说明结束的理由"));
        programmes.save(p);
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "campaign-programme", p.id(), Map.of("status", "CLOSED")));
    }

    /** Adds or removes a party of the reporting calendar; a party added to an active programme gets its reports (and, a county, its tasks). */
    @Transactional
    public void setParty(UUID programmeId, Addressee a, boolean active) {
        Actor actor = Actor.of(CurrentUser.require());
        Programme p = programmes.findForUpdate(programmeId).orElseThrow(CampaignErrors::programmeNotFound);
        p.require(actor, ProgrammeAction.EDIT_PARTIES);
        switch (a.kind()) {
            case CITY_UNIT -> units.find(a.unitId()).orElseThrow(() -> ProblemException.badRequest("UNIT_NOT_FOUND", "成员单位不存在"));
            case COUNTY_OFFICE -> names.counties().stream().filter(c -> c.code().equals(a.regionCode())).findFirst()
                    .orElseThrow(() -> ProblemException.badRequest("REGION_NOT_COUNTY", "只能选择县（市、区）"));
            default -> throw ProblemException.badRequest("PARTY_INVALID", "报送单位只能是市安委会成员单位或县（市、区）");
        }
        programmes.setParty(p.id(), a, active);
        Instant now = time.now();
        p.noted(ProgrammeAction.EDIT_PARTIES, actor, now, (active ? "增加：" : "移出：") + names.snapshot().addressee(a));
        programmes.save(p);
        if (active && p.status() == ProgrammeStatus.ACTIVE) {
            derivation.derive(p, now);
            calendar.open(p, time.today());
        }
        audit.record(AuditEntry.success(AuditAction.UPDATE, "campaign-party", p.id(),
                Map.of("unitId", String.valueOf(a.unitId()), "regionCode", String.valueOf(a.regionCode()), "active", active)));
    }

    /**
     * Moves one period's due date for everyone (e.g. a long holiday). Reports still owed get the new date and their
     * reminders again; a filed report's on-time flag is recomputed against it.
     */
    @Transactional
    public int setDueException(UUID programmeId, ReportKind kind, String period, LocalDate dueOn, String reason) {
        Actor actor = Actor.of(CurrentUser.require());
        Programme p = programmes.findForUpdate(programmeId).orElseThrow(CampaignErrors::programmeNotFound);
        p.require(actor, ProgrammeAction.SET_DUE_EXCEPTION);
        String why = CampaignErrors.require(reason, "CAMPAIGN_NOTE_REQUIRED", "请说明调整的理由");
        boolean known = calendar.obligations(p).stream().anyMatch(o -> o.kind() == kind && o.period().equals(period));
        if (!known) {
            throw ProblemException.badRequest("PERIOD_NOT_SCHEDULED", "该方案没有这一期报送事项");
        }
        if (dueOn == null) {
            throw ProblemException.badRequest("DUE_DATE_REQUIRED", "请填写新的报送期限");
        }
        Instant now = time.now();
        programmes.putException(p.id(), kind, period, dueOn, why, actor.name(), now);
        int moved = 0;
        for (UUID id : reports.ofPeriod(p.id(), kind, period)) {
            Report r = reports.findUnscopedForUpdate(id).orElseThrow();
            r.moveDueDate(dueOn);
            reports.save(r, now);
            moved++;
        }
        reports.resetNotices(p.id(), kind, period);
        p.noted(ProgrammeAction.SET_DUE_EXCEPTION, actor, now, kind.label() + " " + period + " 期限调整为 " + dueOn + "：" + why);
        programmes.save(p);
        audit.record(AuditEntry.success(AuditAction.UPDATE, "campaign-due-exception", p.id(),
                Map.of("kind", kind.name(), "period", period, "dueOn", dueOn.toString(), "reports", moved)));
        return moved;
    }

    private ProgrammeRepository.MeasureView measureOf(Programme p, UUID measureId) {
        return programmes.measure(measureId).filter(m -> programmes.programmeOfMeasure(measureId).orElseThrow().equals(p.id()))
                .orElseThrow(CampaignErrors::measureNotFound);
    }

    public List<ProgrammeRepository.ActionView> structure(UUID programmeId) {
        get(programmeId);
        return programmes.structure(programmeId);
    }

    public List<ProgrammeRepository.Party> parties(UUID programmeId) {
        return programmes.parties(programmeId);
    }

    public List<ProgrammeRepository.ScheduleRow> schedules(UUID programmeId) {
        return programmes.schedules(programmeId);
    }

    public List<ProgrammeRepository.DueException> exceptions(UUID programmeId) {
        return programmes.exceptions(programmeId);
    }

    public Set<ProgrammeAction> actions(Programme p) {
        return p.actionsFor(Actor.of(CurrentUser.require()));
    }
}
