package cn.zhiben.inspections.internal;

import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardDirectory;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.inspections.InspectionEvents.Measure;
import cn.zhiben.inspections.InspectionsProperties;
import cn.zhiben.org.Industry;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What pages and the API show of plans, draws, inspections and decisions — read models assembled from the aggregates,
 * their child rows and the hazards module's current state of linked hazards. Each view carries the actions the caller
 * may take now, as the aggregate answers them.
 */
@Component
public class InspectionViews {

    private final JdbcClient jdbc;
    private final InspectionRepository inspections;
    private final DecisionRepository decisions;
    private final PlanRepository plans;
    private final DrawService draws;
    private final ExpertPool experts;
    private final LegalArticles articles;
    private final HazardDirectory hazards;
    private final UnitNames units;
    private final IndustryCatalog industries;
    private final RegionCatalog regions;
    private final Actors actors;
    private final InspectionsProperties properties;
    private final Clock clock;

    InspectionViews(JdbcClient jdbc, InspectionRepository inspections, DecisionRepository decisions, PlanRepository plans,
                    DrawService draws, ExpertPool experts, LegalArticles articles, HazardDirectory hazards, UnitNames units,
                    IndustryCatalog industries, RegionCatalog regions, Actors actors, InspectionsProperties properties,
                    Clock clock) {
        this.jdbc = jdbc;
        this.inspections = inspections;
        this.decisions = decisions;
        this.plans = plans;
        this.draws = draws;
        this.experts = experts;
        this.articles = articles;
        this.hazards = hazards;
        this.units = units;
        this.industries = industries;
        this.regions = regions;
        this.actors = actors;
        this.properties = properties;
        this.clock = clock;
    }

    /** Names of industries and regions, loaded once per view. */
    public record Names(Map<String, String> industries, Map<String, String> regions) {

        public String industry(String code) {
            return code == null ? "" : industries.getOrDefault(code, code);
        }

        public String region(String code) {
            return code == null ? "全市" : regions.getOrDefault(code, code);
        }
    }

    public Names names() {
        return new Names(industries.all().stream().collect(Collectors.toMap(Industry::code, Industry::name)),
                regions.all().stream().collect(Collectors.toMap(Region::code, Region::name)));
    }

    // ---- inspections ----

    public record InspectionRow(UUID id, String number, PlanKind kind, boolean unannounced, UUID enterpriseId,
                                String enterpriseName, String regionName, String industryName, String unitName,
                                Inspection.Status status, LocalDate plannedFrom, LocalDate plannedTo, LocalDate inspectedOn,
                                String officers, long findings, long majorFindings, long decisions, boolean acknowledged,
                                boolean demo) {
    }

    public record Filter(Inspection.Status status, UUID enterpriseId, UUID planId, boolean mine) {
    }

    public List<InspectionRow> inspections(CurrentUser user, Filter f, int limit) {
        InspectionRepository.Visibility v = InspectionRepository.visibility(user);
        Names names = names();
        return jdbc.sql("""
                select i.id, i.number, i.kind, i.unannounced, i.enterprise_id, i.enterprise_name, i.region_code,
                       i.industry_code, i.unit_id, i.unit_region_code, i.status, i.planned_from, i.planned_to, i.inspected_on,
                       i.acknowledged_at is not null as acknowledged, i.demo,
                       (select string_agg(o.name, '、' order by o.ord) from insp_inspection_officer o where o.inspection_id = i.id) as officers,
                       (select count(*) from insp_finding f where f.inspection_id = i.id) as findings,
                       (select count(*) from insp_finding f where f.inspection_id = i.id and f.grade = 'MAJOR') as major,
                       (select count(*) from insp_decision d where d.inspection_id = i.id) as decisions
                from insp_inspection i where """ + " " + v.where() + """
                 and (:status::text is null or i.status = :status) and (:e::uuid is null or i.enterprise_id = :e)
                 and (:p::uuid is null or i.plan_id = :p)
                 and (not :mine or exists (select 1 from insp_inspection_officer o where o.inspection_id = i.id and o.user_id = :me))
                order by case i.status when 'IN_PROGRESS' then 0 when 'PLANNED' then 1 else 2 end,
                         coalesce(i.inspected_on, i.planned_from) desc, i.created_at desc limit :n""")
                .params(v.params()).param("status", f.status() == null ? null : f.status().name())
                .param("e", f.enterpriseId()).param("p", f.planId()).param("mine", f.mine()).param("me", user.id())
                .param("n", limit)
                .query((rs, n) -> new InspectionRow(rs.getObject("id", UUID.class), rs.getString("number"),
                        PlanKind.valueOf(rs.getString("kind")), rs.getBoolean("unannounced"),
                        rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"),
                        names.region(rs.getString("region_code")), names.industry(rs.getString("industry_code")),
                        units.name(new UnitRef(rs.getObject("unit_id", UUID.class), rs.getString("unit_region_code"))),
                        Inspection.Status.valueOf(rs.getString("status")), rs.getObject("planned_from", LocalDate.class),
                        rs.getObject("planned_to", LocalDate.class), rs.getObject("inspected_on", LocalDate.class),
                        rs.getString("officers"), rs.getLong("findings"), rs.getLong("major"), rs.getLong("decisions"),
                        rs.getBoolean("acknowledged"), rs.getBoolean("demo")))
                .list();
    }

    public record ItemRow(UUID id, UUID clauseId, String title, InspectionService.ItemResult result, String note,
                          String recordedBy) {
    }

    public record FindingRow(UUID id, int seq, Grade grade, UUID clauseId, String clauseLabel, String description,
                             String location, Shutdown shutdown, LocalDate deadline, String channel, String expertName,
                             UUID hazardId, String hazardNumber, String hazardStatus, boolean hazardOverdue,
                             String selfCheckEvidence, List<UUID> photoIds) {
    }

    public record PhotoRow(UUID id, UUID findingId, String fileName, String contentType, int size, String sha256,
                           Instant uploadedAt, String uploadedBy) {
    }

    public record SignatureRow(String party, String signerName, Instant signedAt, String sha256) {
    }

    public record ReinspectionRow(UUID id, String number, UUID decisionId, LocalDate on, boolean passed, String note,
                                  String officers) {
    }

    public record DecisionLink(UUID id, String number, Decision.Kind kind, Decision.PartyType partyType, String partyName,
                               long fineFen, Decision.Status status, LocalDate decidedOn) {
    }

    public record InspectionView(UUID id, String number, PlanKind kind, boolean unannounced, boolean secret, UUID planId,
                                 String planName, UUID drawId, String unitName, List<String> jointUnitNames,
                                 UUID enterpriseId, String enterpriseName, String regionName, String industryName,
                                 Inspection.Status status, LocalDate plannedFrom, LocalDate plannedTo,
                                 Instant visitStartedAt, LocalDate inspectedOn, String place, String summary,
                                 String handling, List<Inspection.OnDuty> officers, List<ItemRow> items,
                                 List<FindingRow> findings, List<PhotoRow> photos, List<SignatureRow> signatures,
                                 String enterpriseSigner, String enterpriseSignerPosition, boolean enterpriseRefused,
                                 String refusalNote, Instant completedAt, Instant acknowledgedAt,
                                 String acknowledgedByName, String cancelReason, List<ExpertPool.Assignment> experts,
                                 List<DecisionLink> decisions, List<ReinspectionRow> reinspections, List<Step> timeline,
                                 List<Inspection.Action> availableActions, int version, boolean demo) {

        public boolean can(String action) {
            return availableActions.stream().anyMatch(a -> a.name().equals(action));
        }

        public boolean signed(String party) {
            return signatures.stream().anyMatch(s -> s.party().equals(party));
        }
    }

    public InspectionView inspection(Inspection x, Actor actor) {
        Names names = names();
        UUID id = x.id();
        List<ItemRow> items = jdbc.sql("""
                select id, clause_id, title, result, note, recorded_by from insp_item where inspection_id = :i
                order by recorded_at, title""").param("i", id)
                .query((rs, n) -> new ItemRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        InspectionService.ItemResult.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6))).list();
        List<PhotoRow> photos = jdbc.sql("""
                select id, finding_id, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by from insp_photo
                where inspection_id = :i order by uploaded_at""").param("i", id)
                .query((rs, n) -> new PhotoRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
        List<FindingRow> findings = jdbc.sql("""
                select f.id, f.seq, f.grade, f.clause_id, f.clause_label, f.description, f.location, f.shutdown, f.deadline,
                       f.channel, x.name, f.hazard_id, f.hazard_number, f.self_check_evidence
                from insp_finding f left join insp_expert x on x.id = f.expert_id where f.inspection_id = :i order by f.seq""")
                .param("i", id).query((rs, n) -> {
                    UUID fid = rs.getObject(1, UUID.class);
                    UUID hazardId = rs.getObject(12, UUID.class);
                    var h = hazards.find(hazardId);
                    return new FindingRow(fid, rs.getInt(2), Grade.valueOf(rs.getString(3)), rs.getObject(4, UUID.class),
                            rs.getString(5), rs.getString(6), rs.getString(7), Shutdown.valueOf(rs.getString(8)),
                            rs.getObject(9, LocalDate.class), cn.zhiben.hazards.Channel.valueOf(rs.getString(10)).label(),
                            rs.getString(11), hazardId, rs.getString(13),
                            h.map(s -> s.status().label()).orElse("—"), h.map(HazardDirectory.HazardSummary::overdue).orElse(false),
                            rs.getString(14), photos.stream().filter(p -> fid.equals(p.findingId())).map(PhotoRow::id).toList());
                }).list();
        List<SignatureRow> signatures = jdbc.sql("select party, signer_name, signed_at, sha256 from insp_signature where inspection_id = :i order by signed_at")
                .param("i", id).query((rs, n) -> new SignatureRow(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4))).list();
        List<ReinspectionRow> reinspections = reinspections(id);
        List<DecisionLink> decisionLinks = decisions.ofInspection(id).stream().map(InspectionViews::link).toList();
        String planName = x.planId() == null ? null : plans.find(x.planId()).map(Plan::name).orElse(null);
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        return new InspectionView(id, x.number(), x.kind(), x.unannounced(), x.secret(), x.planId(), planName, x.drawId(),
                units.name(x.unit()), x.jointUnits().stream().map(units::name).toList(), x.enterpriseId(),
                x.enterpriseName(), names.region(x.regionCode()), names.industry(x.industryCode()), x.status(),
                x.plannedFrom(), x.plannedTo(), x.visitStartedAt(), x.inspectedOn(), x.place(), x.summary(), x.handling(),
                x.officers(), items, findings, photos, signatures, x.enterpriseSigner(), x.enterpriseSignerPosition(),
                x.enterpriseRefused(), x.refusalNote(), x.completedAt(), x.acknowledgedAt(), x.acknowledgedByName(),
                x.cancelReason(), experts.assignments(null, id), decisionLinks, reinspections, inspections.steps(id),
                x.available(actor, today), x.version(), x.demo());
    }

    public List<ReinspectionRow> reinspections(UUID inspectionId) {
        return jdbc.sql("""
                select id, number, decision_id, done_on, passed, note, officers from insp_reinspection
                where inspection_id = :i order by done_on, recorded_at""").param("i", inspectionId)
                .query((rs, n) -> new ReinspectionRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, LocalDate.class), rs.getBoolean(5), rs.getString(6), rs.getString(7))).list();
    }

    static DecisionLink link(Decision d) {
        return new DecisionLink(d.id(), d.number(), d.terms().kind(), d.terms().partyType(), d.terms().partyName(),
                d.terms().fineFen(), d.status(), d.terms().decidedOn());
    }

    // ---- decisions ----

    public record DecisionView(UUID id, String number, Decision.Kind kind, Decision.PartyType partyType, String partyName,
                               String partyPosition, String unitName, UUID enterpriseId, String enterpriseName,
                               String regionName, String industryName, UUID inspectionId, String inspectionNumber,
                               List<Measure> measures, String facts, List<LegalArticles.Article> legalBasis, long fineFen,
                               long confiscationFen, LocalDate deadline, LocalDate shutdownFrom, String transferTo,
                               LocalDate priorNoticeOn, LocalDate hearingNoticeOn, LocalDate decidedOn,
                               Decision.Status status, LocalDate servedOn, long paidFen, LocalDate paidOn,
                               LocalDate shutdownLiftedOn, LocalDate paymentDue, LocalDate reinspectionDue,
                               List<HazardDirectory.HazardSummary> hazards, List<DecisionLink> sameCase,
                               List<ReinspectionRow> reinspections, List<Step> timeline,
                               List<Decision.Action> availableActions, int version, boolean demo) {

        public boolean can(String action) {
            return availableActions.stream().anyMatch(a -> a.name().equals(action));
        }
    }

    public DecisionView decision(Decision d, Actor actor) {
        Names names = names();
        Decision.Terms t = d.terms();
        Map<String, LegalArticles.Article> byCode = articles.byCode(t.legalBasis());
        String inspectionNumber = d.inspectionId() == null ? null
                : inspections.find(d.inspectionId()).map(Inspection::number).orElse(null);
        List<ReinspectionRow> reinspections = d.inspectionId() == null ? List.of()
                : reinspections(d.inspectionId()).stream().filter(r -> d.id().equals(r.decisionId())).toList();
        LocalDate paymentDue = t.fineFen() > 0 ? (d.servedOn() != null ? d.servedOn() : t.decidedOn())
                .plusDays(properties.paymentDays()) : null;
        LocalDate reinspectionDue = t.deadline() != null ? t.deadline().plusDays(properties.reinspectionDays()) : null;
        return new DecisionView(d.id(), d.number(), t.kind(), t.partyType(), t.partyName(), t.partyPosition(),
                units.name(d.unit()), d.enterpriseId(), d.enterpriseName(), names.region(d.regionCode()),
                names.industry(d.industryCode()), d.inspectionId(), inspectionNumber,
                t.measures().stream().sorted().toList(), t.facts(),
                t.legalBasis().stream().map(byCode::get).filter(a -> a != null).toList(), t.fineFen(), t.confiscationFen(),
                t.deadline(), t.shutdownFrom(), t.transferTo(), t.priorNoticeOn(), t.hearingNoticeOn(), t.decidedOn(),
                d.status(), d.servedOn(), d.paidFen(), d.paidOn(), d.shutdownLiftedOn(), paymentDue, reinspectionDue,
                decisions.hazards(d.id()).stream().map(hazards::find).flatMap(java.util.Optional::stream).toList(),
                decisions.ofCase(d.caseId()).stream().filter(o -> !o.id().equals(d.id())).map(InspectionViews::link).toList(),
                reinspections, decisions.steps(d.id()), d.available(actor), d.version(), d.demo());
    }

    // ---- plans and draws ----

    public record PlanView(Plan plan, String unitName, List<String> participantNames, List<TargetRow> targets,
                           List<Step> timeline, List<DrawRow> draws, List<InspectionRow> inspections,
                           List<Plan.Action> availableActions) {

        public boolean can(String action) {
            return availableActions.stream().anyMatch(a -> a.name().equals(action));
        }
    }

    public record TargetRow(int ord, String region, String industry, RiskClass riskClass, String grades,
                            Draw.Selection selection, int quota) {
    }

    public record DrawRow(UUID id, String status, Instant drawnAt, String drawnByName, UUID redrawOf, String redrawReason,
                          int picks) {
    }

    public PlanView plan(Plan p, Actor actor) {
        Names names = names();
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        List<TargetRow> targets = p.targets().stream().map(t -> new TargetRow(t.ord(), names.region(t.regionCode()),
                t.industryCode() == null ? "全部（本单位监管的行业）" : names.industry(t.industryCode()), t.riskClass(),
                t.grades() == null ? "不限" : t.grades().stream().map(g -> g.label()).sorted().collect(Collectors.joining("、")),
                t.selection(), t.quota())).toList();
        List<DrawRow> drawRows = draws.visibleOfPlan(p.id(), actor.user()).stream().map(d -> new DrawRow(d.id(), d.status(), d.drawnAt(),
                d.drawnByName(), d.redrawOf(), d.redrawReason(), d.parsedResult().picks().size())).toList();
        return new PlanView(p, units.name(p.unit()), p.participants().stream().map(units::name).toList(), targets,
                plans.steps(p.id()), drawRows, inspections(actor.user(), new Filter(null, null, p.id(), false), 500),
                p.available(actor, today));
    }

    public record PersonRow(UUID id, String name, String certificateNo) {
    }

    public record PickRow(int group, UUID enterpriseId, String enterpriseName, String regionName, String industryName,
                          String grade, String riskClass, List<PersonRow> officers, List<PersonRow> experts,
                          UUID inspectionId) {
    }

    public record GroupRow(int ord, String label, Draw.Selection selection, int quota, int candidates, int picked) {
    }

    /** A draw as the public board and the unit see it; inspection links only for signed-in readers who may see them. */
    public record DrawView(UUID id, UUID planId, String planName, PlanKind kind, String unitName, LocalDate periodFrom,
                           LocalDate periodTo, String algorithm, String seed, String inputsSha256, String resultSha256,
                           String status, UUID redrawOf, String redrawReason, UUID supersededBy, Instant drawnAt,
                           String drawnByName, String witness, int officersPerInspection, int expertsPerInspection,
                           Integer maxPerOfficer, boolean avoidRepeatOfficers, List<GroupRow> groups, List<PickRow> picks,
                           List<Draw.Shortfall> shortfalls, int officerCount, int expertCount, boolean demo) {
    }

    public DrawView draw(DrawService.Stored d, boolean withInspections) {
        Names names = names();
        Draw.Inputs in = d.parsedInputs();
        Draw.Result r = d.parsedResult();
        Plan plan = plans.find(d.planId()).orElseThrow();
        Map<UUID, Draw.Candidate> candidates = new HashMap<>();
        in.candidates().forEach(c -> candidates.put(c.id(), c));
        Map<UUID, Draw.Person> people = new HashMap<>();
        in.officers().forEach(o -> people.put(o.id(), o));
        in.experts().forEach(o -> people.put(o.id(), o));
        Map<UUID, UUID> inspectionOf = new HashMap<>();
        if (withInspections) {
            jdbc.sql("select enterprise_id, id from insp_inspection where draw_id = :d").param("d", d.id())
                    .query(rs -> {
                        inspectionOf.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    });
        }
        List<PickRow> picks = r.picks().stream().map(p -> {
            Draw.Candidate c = candidates.get(p.enterpriseId());
            return new PickRow(p.group(), c.id(), c.name(), names.region(c.regionCode()), names.industry(c.industryCode()),
                    gradeLabel(c.grade()), RiskClass.valueOf(c.riskClass()).label(),
                    p.officers().stream().map(people::get).map(o -> new PersonRow(o.id(), o.name(), o.certificateNo())).toList(),
                    p.experts().stream().map(people::get).map(o -> new PersonRow(o.id(), o.name(), null)).toList(),
                    inspectionOf.get(c.id()));
        }).toList();
        List<GroupRow> groups = in.groups().stream().map(g -> new GroupRow(g.ord(), g.label(), g.selection(), g.quota(),
                g.candidateIds().size(), (int) r.picks().stream().filter(p -> p.group() == g.ord()).count())).toList();
        UUID supersededBy = jdbc.sql("select id from insp_draw where redraw_of = :d").param("d", d.id()).query(UUID.class)
                .optional().orElse(null);
        return new DrawView(d.id(), d.planId(), plan.name(), plan.kind(), units.name(plan.unit()), plan.periodFrom(),
                plan.periodTo(), d.algorithm(), d.seed(), d.inputsSha256(), d.resultSha256(), d.status(), d.redrawOf(),
                d.redrawReason(), supersededBy, d.drawnAt(), d.drawnByName(), d.witness(), in.officersPerInspection(),
                in.expertsPerInspection(), in.maxPerOfficer(), in.avoidRepeatOfficers(), groups, picks, r.shortfalls(),
                in.officers().size(), in.experts().size(), d.demo());
    }

    static String gradeLabel(String grade) {
        try {
            return cn.zhiben.org.StandardizationGrade.valueOf(grade).label();
        } catch (IllegalArgumentException e) {
            return grade;
        }
    }

    public Actor actor() {
        return actors.current();
    }
}
