package cn.zhiben.inspections.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.hazards.HazardDirectory;
import cn.zhiben.inspections.InspectionEvents;
import cn.zhiben.inspections.InspectionEvents.Measure;
import cn.zhiben.inspections.InspectionsProperties;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Enforcement decisions: made by the unit that inspected (or, without an inspection, a unit whose scope covers the
 * enterprise), checked against the law ({@link Decision#problems}), numbered per unit and year, linked to the inspection
 * and its hazards, published as events — 一案双罚 as two linked decisions in one transaction.
 */
@Service
public class DecisionService {

    private final DecisionRepository decisions;
    private final InspectionRepository inspections;
    private final InspectionService inspectionService;
    private final LegalArticles articles;
    private final Actors actors;
    private final UnitNames units;
    private final EnterpriseDirectory enterprises;
    private final HazardDirectory hazards;
    private final DocumentNumbers numbers;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final InspectionsProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    DecisionService(DecisionRepository decisions, InspectionRepository inspections, InspectionService inspectionService,
                    LegalArticles articles, Actors actors, UnitNames units, EnterpriseDirectory enterprises,
                    HazardDirectory hazards, DocumentNumbers numbers, ApplicationEventPublisher events, AuditLog audit,
                    InspectionsProperties properties, JdbcClient jdbc, Clock clock) {
        this.decisions = decisions;
        this.inspections = inspections;
        this.inspectionService = inspectionService;
        this.articles = articles;
        this.actors = actors;
        this.units = units;
        this.enterprises = enterprises;
        this.hazards = hazards;
        this.numbers = numbers;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** 一案双罚: the penalty on the principal or another responsible person, decided with the enterprise's. */
    public record PersonPenalty(String name, String position, Long fineFen, List<String> legalBasis, String facts) {
    }

    public record NewDecision(UUID inspectionId, UUID enterpriseId, Decision.Kind kind, Set<Measure> measures, String facts,
                              List<String> legalBasis, Long fineFen, Long confiscationFen, LocalDate deadline,
                              LocalDate shutdownFrom, String transferTo, LocalDate priorNoticeOn, LocalDate hearingNoticeOn,
                              LocalDate decidedOn, List<UUID> hazardIds, PersonPenalty person) {
    }

    /** @return the decisions made: the enterprise's first, then the person's */
    @Transactional
    public List<UUID> create(NewDecision in) {
        return create(in, false);
    }

    List<UUID> create(NewDecision in, boolean demo) {
        Actor actor = actors.current();
        UnitRef unit = OfficerRegister.requireUnit(actor.user());
        LocalDate today = today();
        if (in.inspectionId() == null && in.enterpriseId() == null) {
            throw ProblemException.badRequest("DECISION_SUBJECT_REQUIRED", "请指定检查或企业");
        }
        Inspection inspection = null;
        EnterpriseDirectory.Profile enterprise;
        if (in.inspectionId() != null) {
            inspection = inspections.findVisibleForUpdate(in.inspectionId(), actor.user())
                    .orElseThrow(InspectionService::notFound);
            inspection.require(Inspection.Action.DECIDE, actor, today);
            enterprise = enterprises.profile(inspection.enterpriseId()).orElseThrow(InspectionService::notFound);
        } else {
            enterprise = enterprises.profile(in.enterpriseId())
                    .filter(e -> units.scope(unit).covers(e.id(), e.regionCode(), e.zoneCode(), e.industryCode()))
                    .orElseThrow(() -> ProblemException.notFound("ENTERPRISE_NOT_FOUND", "企业不存在"));
        }
        // hazards: those of the inspection's findings, or the enterprise's own
        Map<UUID, UUID> findingOfHazard = new HashMap<>();
        if (inspection != null) {
            jdbc.sql("select hazard_id, id from insp_finding where inspection_id = :i").param("i", inspection.id())
                    .query(rs -> {
                        findingOfHazard.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    });
        }
        List<UUID> hazardIds = in.hazardIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.hazardIds()));
        for (UUID h : hazardIds) {
            boolean ok = inspection != null ? findingOfHazard.containsKey(h)
                    : hazards.find(h).filter(s -> s.enterpriseId().equals(enterprise.id())).isPresent();
            if (!ok) {
                throw ProblemException.notFound("HAZARD_NOT_FOUND", "所选隐患不属于本次检查或该企业");
            }
        }
        if (inspection != null && in.decidedOn() != null && in.decidedOn().isBefore(inspection.inspectedOn())) {
            throw ProblemException.badRequest("DECISION_DATE_BEFORE_INSPECTION", "决定日期不能早于检查日期");
        }
        Set<Measure> measures = in.measures() == null ? Set.of() : EnumSet.copyOf(
                in.measures().isEmpty() ? EnumSet.noneOf(Measure.class) : in.measures());
        Decision.Terms unitTerms = new Decision.Terms(in.kind(), Decision.PartyType.UNIT, enterprise.name(), null, measures,
                trim(in.facts()), in.legalBasis() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.legalBasis())),
                orZero(in.fineFen()), orZero(in.confiscationFen()), in.deadline(), in.shutdownFrom(), trim(in.transferTo()),
                in.priorNoticeOn(), in.hearingNoticeOn(), in.decidedOn());
        Decision.HearingThresholds hearing = new Decision.HearingThresholds(properties.hearingUnitFineFen(),
                properties.hearingPersonFineFen());
        List<ProblemException.FieldProblem> problems = new ArrayList<>(Decision.problems(unitTerms,
                articles.byCode(unitTerms.legalBasis()), hearing, today));
        Decision.Terms personTerms = null;
        if (in.person() != null) {
            PersonPenalty p = in.person();
            if (in.kind() != Decision.Kind.PENALTY) {
                problems.add(new ProblemException.FieldProblem("person", "一案双罚须作出行政处罚决定"));
            }
            List<String> basis = p.legalBasis() == null || p.legalBasis().isEmpty() ? unitTerms.legalBasis()
                    : List.copyOf(new LinkedHashSet<>(p.legalBasis()));
            String name = trim(p.name()) != null ? trim(p.name()) : enterprise.principalName();
            personTerms = new Decision.Terms(Decision.Kind.PENALTY, Decision.PartyType.PERSON, name,
                    trim(p.position()) != null ? trim(p.position()) : "主要负责人", EnumSet.of(Measure.FINE),
                    trim(p.facts()) != null ? trim(p.facts()) : unitTerms.facts(), basis, orZero(p.fineFen()), 0, null, null,
                    null, in.priorNoticeOn(), in.hearingNoticeOn(), in.decidedOn());
            problems.addAll(Decision.problems(personTerms, articles.byCode(basis), hearing, today));
        }
        if (!problems.isEmpty()) {
            boolean basis = problems.stream().anyMatch(x -> x.field().endsWith("legalBasis"));
            throw new ProblemException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    basis ? "DECISION_LEGAL_BASIS_REQUIRED" : "DECISION_INVALID",
                    String.join("；", problems.stream().map(ProblemException.FieldProblem::message).distinct().toList()), problems);
        }
        Instant now = clock.instant();
        UUID caseId = UUID.randomUUID();
        UnitRef deciding = unit;
        List<UUID> made = new ArrayList<>();
        List<Decision> issued = new ArrayList<>();
        for (Decision.Terms t : personTerms == null ? List.of(unitTerms) : List.of(unitTerms, personTerms)) {
            DocumentNumbers.DocType type = t.kind() == Decision.Kind.PENALTY ? DocumentNumbers.DocType.PENALTY
                    : DocumentNumbers.DocType.RECTIFICATION_ORDER;
            String number = numbers.next(deciding, type, t.decidedOn().getYear());
            Decision d = Decision.issue(UUID.randomUUID(), number, caseId, deciding, enterprise.id(), enterprise.name(),
                    enterprise.regionCode(), enterprise.zoneCode(), enterprise.industryCode(),
                    inspection == null ? null : inspection.id(), t, demo || inspection != null && inspection.demo(), actor, now);
            decisions.insert(d, hazardIds, findingOfHazard, now, actor.user().username());
            issued.add(d);
            made.add(d.id());
        }
        if (inspection != null) {
            inspection.noted(Inspection.Action.DECIDE, actor, now, String.join("、", issued.stream()
                    .map(d -> d.terms().kind().label() + " " + d.number()).toList()));
            inspections.save(inspection, now);
        }
        for (Decision d : issued) {
            boolean person = d.terms().partyType() == Decision.PartyType.PERSON;
            events.publishEvent(new InspectionEvents.DecisionIssued(d.id(), d.number(), deciding.unitId(),
                    deciding.regionCode(), enterprise.id(), enterprise.regionCode(), enterprise.industryCode(),
                    d.inspectionId(), hazardIds, EnumSet.copyOf(d.terms().measures()), person ? 0 : d.terms().fineFen(),
                    person ? d.terms().fineFen() : 0, d.terms().decidedOn(), now));
            if (d.shutdown()) {
                events.publishEvent(new InspectionEvents.ShutdownOrdered(d.id(), enterprise.id(),
                        d.terms().measures().contains(Measure.SUSPEND_PARTIAL), d.terms().shutdownFrom(), now));
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("number", d.number());
            summary.put("kind", d.terms().kind().name());
            summary.put("party", d.terms().partyType().name());
            summary.put("measures", d.terms().measures().stream().map(Enum::name).sorted().toList());
            summary.put("fineFen", d.terms().fineFen());
            summary.put("legalBasis", d.terms().legalBasis());
            summary.put("case", caseId.toString());
            audit.record(AuditEntry.success(AuditAction.CREATE, "enforcement-decision", d.id(), summary));
        }
        return made;
    }

    @Transactional
    public void serve(UUID id, int version, LocalDate on) {
        act(id, version, (d, actor, now, today) -> {
            d.serve(actor, now, on == null ? today : on, today);
            return Map.of("servedOn", d.servedOn().toString());
        });
    }

    @Transactional
    public void recordPayment(UUID id, int version, LocalDate on, Long amountFen) {
        act(id, version, (d, actor, now, today) -> {
            d.recordPayment(actor, now, on, amountFen == null ? -1 : amountFen, today);
            return Map.of("paidFen", d.paidFen(), "paidOn", d.paidOn().toString());
        });
    }

    /** 复查 of the decision's order: recorded on its inspection, numbered, linked to the decision. */
    @Transactional
    public UUID reinspect(UUID id, int version, InspectionService.ReinspectionInput in) {
        Actor actor = actors.current();
        Decision d = load(id, actor, version);
        d.require(Decision.Action.REINSPECT, actor);
        UUID rid = inspectionService.reinspect(d.inspectionId(), new InspectionService.ReinspectionInput(in.on(),
                in.passed(), in.note(), d.id()));
        Instant now = clock.instant();
        d.noted(Decision.Action.REINSPECT, actor, now, Boolean.TRUE.equals(in.passed()) ? "复查合格" : "复查不合格");
        decisions.save(d, now);
        return rid;
    }

    @Transactional
    public void liftShutdown(UUID id, int version, LocalDate on) {
        act(id, version, (d, actor, now, today) -> {
            LocalDate passed = lastPassedReview(d);
            d.liftShutdown(actor, now, on == null ? today : on, passed, today);
            events.publishEvent(new InspectionEvents.ShutdownLifted(d.id(), d.enterpriseId(), d.shutdownLiftedOn(), now));
            return Map.of("shutdownLiftedOn", d.shutdownLiftedOn().toString());
        });
    }

    @Transactional
    public void close(UUID id, int version) {
        act(id, version, (d, actor, now, today) -> {
            d.close(actor, now, lastPassedReview(d) != null);
            return Map.of();
        });
    }

    /** The last passing re-inspection of this decision since the shutdown began (or since the decision). */
    LocalDate lastPassedReview(Decision d) {
        LocalDate since = d.terms().shutdownFrom() != null ? d.terms().shutdownFrom() : d.terms().decidedOn();
        return jdbc.sql("select max(done_on) from insp_reinspection where decision_id = :d and passed and done_on >= :since")
                .param("d", d.id()).param("since", since).query(LocalDate.class).optional().orElse(null);
    }

    interface Verb {
        Map<String, ?> run(Decision d, Actor actor, Instant now, LocalDate today);
    }

    private void act(UUID id, int version, Verb verb) {
        Actor actor = actors.current();
        Decision d = load(id, actor, version);
        Instant now = clock.instant();
        String before = d.status().name();
        Map<String, Object> changes = new LinkedHashMap<>(verb.run(d, actor, now, today()));
        decisions.save(d, now);
        if (!before.equals(d.status().name())) {
            changes.put("status", List.of(before, d.status().name()));
        }
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "enforcement-decision", d.id(), changes));
    }

    private Decision load(UUID id, Actor actor, int version) {
        Decision d = decisions.findVisible(id, actor.user(), true).orElseThrow(DecisionService::notFound);
        if (d.version() != version) {
            throw ProblemException.conflict("CONCURRENT_MODIFICATION", "执法决定已被他人修改，请刷新后重试");
        }
        return d;
    }

    static ProblemException notFound() {
        return ProblemException.notFound("DECISION_NOT_FOUND", "执法决定不存在");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
