package cn.zhiben.inspections.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.inspections.InspectionsProperties;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseStatus;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Makes, stores, re-makes and verifies random draws (双随机一公开). A draw freezes its inputs — candidate enterprises per
 * target, officers and experts with what keeps them apart — as canonical JSON with a SHA-256, takes a fresh 256-bit
 * seed, runs {@link Draw} and stores seed, algorithm and result; {@code verify} re-runs it from what was stored.
 * Inspections are created for the result. A re-draw needs a reason, keeps the first draw (superseded, still public) and
 * cancels the first draw's inspections, which must not have started.
 */
@Service
public class DrawService {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PlanRepository plans;
    private final InspectionRepository inspections;
    private final OfficerRegister officers;
    private final ExpertPool experts;
    private final InspectionService inspectionService;
    private final EnterpriseDirectory enterprises;
    private final IndustryCatalog industries;
    private final RiskRules risks;
    private final UnitNames units;
    private final Actors actors;
    private final AuditLog audit;
    private final InspectionsProperties properties;
    private final InspectionNotifications notifications;
    private final Clock clock;

    DrawService(JdbcClient jdbc, PlanRepository plans, InspectionRepository inspections, OfficerRegister officers,
                ExpertPool experts, InspectionService inspectionService, EnterpriseDirectory enterprises,
                IndustryCatalog industries, RiskRules risks, UnitNames units, Actors actors, AuditLog audit,
                InspectionsProperties properties, InspectionNotifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.inspections = inspections;
        this.officers = officers;
        this.experts = experts;
        this.inspectionService = inspectionService;
        this.enterprises = enterprises;
        this.industries = industries;
        this.risks = risks;
        this.units = units;
        this.actors = actors;
        this.audit = audit;
        this.properties = properties;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** A stored draw. */
    public record Stored(UUID id, UUID planId, UnitRef unit, String algorithm, String seed, String inputs, String inputsSha256,
                         String result, String resultSha256, String status, UUID redrawOf, String redrawReason,
                         boolean unannounced, Instant drawnAt, String drawnByName, String witness, boolean demo) {

        public Draw.Inputs parsedInputs() {
            return JSON.readValue(inputs, Draw.Inputs.class);
        }

        public Draw.Result parsedResult() {
            return JSON.readValue(result, Draw.Result.class);
        }
    }

    /**
     * @param matches          re-running the algorithm on the stored inputs and seed gives the stored result
     * @param inputsIntact     the stored inputs still hash to the published SHA-256
     */
    public record Verification(UUID drawId, String algorithm, boolean matches, boolean inputsIntact, boolean resultIntact,
                               String inputsSha256, String resultSha256, String recomputedResultSha256, int picks) {
    }

    // ---- making ----

    @Transactional
    public UUID draw(UUID planId, String witness) {
        Actor actor = actors.current();
        OfficerRegister.requireUnit(actor.user());
        if (planId == null) {
            throw ProblemException.badRequest("PLAN_REQUIRED", "请指定检查计划");
        }
        Plan plan = plans.findVisible(planId, actor.user()).flatMap(p -> plans.findForUpdate(p.id()))
                .orElseThrow(PlanService::notFound);
        plan.require(Plan.Action.DRAW, actor, today());
        if (jdbc.sql("select exists (select 1 from insp_draw where plan_id = :p and status = 'CURRENT')").param("p", plan.id())
                .query(Boolean.class).single()) {
            throw ProblemException.conflict("DRAW_EXISTS", "该计划已经抽取；如需重新抽取，请说明理由后重新抽取");
        }
        return make(plan, actor, null, null, witness);
    }

    @Transactional
    public UUID redraw(UUID drawId, String reason, String witness) {
        Actor actor = actors.current();
        Stored first = visible(drawId, actor.user()).orElseThrow(DrawService::notFound);
        Plan plan = plans.findForUpdate(first.planId()).orElseThrow(PlanService::notFound);
        plan.require(Plan.Action.REDRAW, actor, today());
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.badRequest("DRAW_REASON_REQUIRED", "重新抽取须说明理由（不超过 500 字）");
        }
        if (!first.status().equals("CURRENT")) {
            throw new IllegalMove("DRAW_SUPERSEDED", "该抽取结果已被重新抽取取代");
        }
        Instant now = clock.instant();
        for (Inspection x : inspections.ofDraw(first.id())) {
            if (x.status() == Inspection.Status.CANCELLED) {
                continue;
            }
            x.cancelForRedraw(actor, now, "重新抽取：" + reason.strip());
            inspectionService.revokeExperts(x, "重新抽取");
            inspections.save(x, now);
        }
        jdbc.sql("update insp_draw set status = 'SUPERSEDED' where id = :id").param("id", first.id()).update();
        return make(plan, actor, first.id(), reason.strip(), witness);
    }

    private UUID make(Plan plan, Actor actor, UUID redrawOf, String reason, String witness) {
        if (witness != null && witness.length() > 200) {
            throw ProblemException.badRequest("DRAW_WITNESS_TOO_LONG", "监督人员不超过 200 字");
        }
        Draw.Inputs in = freeze(plan);
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        Draw.Result result = Draw.run(in, seed);
        String inputs = JSON.writeValueAsString(in);
        String resultJson = JSON.writeValueAsString(result);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into insp_draw (id, plan_id, unit_id, unit_region_code, algorithm, seed, inputs, inputs_sha256, result,
                    result_sha256, status, redraw_of, redraw_reason, unannounced, drawn_at, drawn_by, drawn_by_name,
                    witness, demo)
                values (:id, :p, :u, :r, :alg, :seed, :in, :inHash, :res, :resHash, 'CURRENT', :of, :reason, :secret, :at,
                    :by, :byName, :witness, :demo)""")
                .param("id", id).param("p", plan.id()).param("u", plan.unit().unitId()).param("r", plan.unit().regionCode())
                .param("alg", Draw.ALGORITHM).param("seed", HexFormat.of().formatHex(seed)).param("in", inputs)
                .param("inHash", sha256(inputs)).param("res", resultJson).param("resHash", sha256(resultJson))
                .param("of", redrawOf).param("reason", reason).param("secret", plan.kind().unannounced())
                .param("at", Timestamp.from(now)).param("by", actor.userId()).param("byName", actor.name())
                .param("witness", witness == null || witness.isBlank() ? null : witness.strip()).param("demo", plan.demo())
                .update();
        createInspections(plan, id, in, result, actor, now);
        plan.recorded(redrawOf == null ? Plan.Action.DRAW : Plan.Action.REDRAW, actor, now,
                "抽取 " + result.picks().size() + " 家企业" + (reason == null ? "" : "；理由：" + reason));
        plans.save(plan, now);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("plan", plan.id().toString());
        summary.put("picks", result.picks().size());
        summary.put("inputsSha256", sha256(inputs));
        if (redrawOf != null) {
            summary.put("redrawOf", redrawOf.toString());
            summary.put("reason", reason);
        }
        audit.record(AuditEntry.success(AuditAction.CREATE, "inspection-draw", id, summary));
        return id;
    }

    private void createInspections(Plan plan, UUID drawId, Draw.Inputs in, Draw.Result result, Actor actor, Instant now) {
        Map<UUID, Draw.Candidate> candidates = in.candidates().stream()
                .collect(Collectors.toMap(Draw.Candidate::id, c -> c));
        Map<UUID, Officer> byId = new HashMap<>();
        officers.ofUnits(plan.officerUnits()).forEach(o -> byId.put(o.id(), o));
        LocalDate from = today().isAfter(plan.periodFrom()) ? today() : plan.periodFrom();
        for (Draw.Pick pick : result.picks()) {
            var e = enterprises.profile(pick.enterpriseId()).orElseThrow();
            List<Inspection.OnDuty> team = pick.officers().stream().map(byId::get)
                    .map(o -> new Inspection.OnDuty(o.id(), o.userId(), o.name(), o.certificateNo())).toList();
            Inspection x = Inspection.plan(UUID.randomUUID(), plan.id(), drawId, plan.unit(), plan.kind(), e.id(),
                    candidates.get(e.id()).name(), e.regionCode(), e.zoneCode(), e.industryCode(), from, plan.periodTo(),
                    team, plan.participants(), plan.demo(), actor, now, "随机抽取");
            inspections.insert(x, now, actor.user().username());
            notifications.assigned(x, units.name(plan.unit()));
            for (UUID expertId : pick.experts()) {
                inspectionService.insertAssignment(experts.find(expertId).orElseThrow(), x, actor, now);
            }
        }
    }

    /**
     * The inputs of a draw of this plan now: each target's candidates (producing enterprises in the plan unit's area and
     * industries, by the target's region, industry, risk class and grades), the officers of the units taking part and
     * the experts, each with what keeps them from an enterprise.
     */
    public Draw.Inputs freeze(Plan plan) {
        DataScope scope = units.scope(plan.unit());
        RiskRules.Snapshot rules = risks.snapshot();
        Map<UUID, Draw.Candidate> all = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        Map<UUID, Object[]> last = lastInspections(plan.unit());
        List<Draw.Group> groups = new ArrayList<>();
        for (Plan.Target t : plan.targets()) {
            Set<String> industryCodes = t.industryCode() == null ? null
                    : industries.withDescendants(List.of(t.industryCode()));
            List<UUID> ids = new ArrayList<>();
            for (EnterpriseDirectory.Profile p : enterprises.profiles(scope, t.regionCode(), industryCodes)) {
                if (p.status() != EnterpriseStatus.OPERATING && p.status() != EnterpriseStatus.UNDER_CONSTRUCTION) {
                    continue;
                }
                RiskClass risk = rules.riskClass(p.industryCode());
                if (t.riskClass() != null && t.riskClass() != risk || t.grades() != null && !t.grades().contains(p.grade())) {
                    continue;
                }
                Object[] l = last.get(p.id());
                LocalDate lastOn = l == null ? null : (LocalDate) l[0];
                @SuppressWarnings("unchecked")
                List<UUID> previous = l == null ? List.of() : (List<UUID>) l[1];
                all.putIfAbsent(p.id(), new Draw.Candidate(p.id(), p.name(), p.regionCode(), p.industryCode(), p.grade().name(),
                        risk.name(), rules.due(p.industryCode(), p.grade(), lastOn, plan.periodTo()), lastOn, previous));
                ids.add(p.id());
            }
            ids.sort((a, b) -> a.toString().compareTo(b.toString()));
            groups.add(new Draw.Group(t.ord(), label(t), t.selection(), t.quota(), List.copyOf(ids)));
        }
        Map<UUID, List<UUID>> conflicts = officers.activeConflicts();
        LocalDate from = today().isAfter(plan.periodFrom()) ? today() : plan.periodFrom();
        List<Draw.Person> team = new ArrayList<>();
        boolean leadRule = plan.kind().withParticipants();
        for (Officer o : officers.ofUnits(plan.officerUnits())) {
            List<UUID> avoid = new ArrayList<>(conflicts.getOrDefault(o.id(), List.of()));
            if (plan.kind() == PlanKind.CROSS && o.unit().regionCode() != null) {
                // 交叉检查: a county's officers do not inspect their own county's enterprises
                all.values().stream().filter(c -> RegionCodes.contains(o.unit().regionCode(), c.regionCode()))
                        .forEach(c -> avoid.add(c.id()));
            }
            avoid.sort((a, b) -> a.toString().compareTo(b.toString()));
            team.add(new Draw.Person(o.id(), o.name(), o.certificateNo(), List.copyOf(new java.util.LinkedHashSet<>(avoid)),
                    List.of(), o.validThrough(from, plan.periodTo()), leadRule && o.unit().equals(plan.unit())));
        }
        List<Draw.Person> pool = new ArrayList<>();
        if (plan.expertsPerInspection() > 0) {
            for (ExpertPool.Expert e : experts.all()) {
                pool.add(new Draw.Person(e.id(), e.name(), null, conflicts.getOrDefault(e.id(), List.of()), e.specialities(),
                        experts.available(e, from, plan.periodTo()), false));
            }
        }
        return new Draw.Inputs(Draw.ALGORITHM, plan.id(), plan.periodFrom(), plan.periodTo(), plan.officersPerInspection(),
                plan.expertsPerInspection(), plan.maxPerOfficer(), properties.avoidRepeatOfficers(), groups,
                List.copyOf(all.values()), team, pool);
    }

    /** Per enterprise: the date and officers of this unit's latest inspection that was not cancelled. */
    private Map<UUID, Object[]> lastInspections(UnitRef unit) {
        Map<UUID, Object[]> out = new HashMap<>();
        jdbc.sql("""
                select distinct on (i.enterprise_id) i.enterprise_id, coalesce(i.inspected_on, i.planned_from),
                       (select string_agg(o.officer_id::text, ',' order by o.officer_id::text) from insp_inspection_officer o
                        where o.inspection_id = i.id)
                from insp_inspection i
                where i.unit_id = :u and coalesce(i.unit_region_code, '') = :c and i.status <> 'CANCELLED'
                order by i.enterprise_id, coalesce(i.inspected_on, i.planned_from) desc, i.created_at desc""")
                .param("u", unit.unitId()).param("c", unit.county())
                .query(rs -> {
                    String ids = rs.getString(3);
                    List<UUID> officerIds = ids == null ? List.of()
                            : java.util.Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
                    out.put(rs.getObject(1, UUID.class), new Object[]{rs.getObject(2, LocalDate.class), officerIds});
                });
        return out;
    }

    private String label(Plan.Target t) {
        List<String> parts = new ArrayList<>();
        parts.add(t.regionCode() == null ? "全部区域" : units.regionName(t.regionCode()));
        parts.add(t.industryCode() == null ? "全部行业" : industries.find(t.industryCode()).map(i -> i.name()).orElse(t.industryCode()));
        if (t.riskClass() != null) {
            parts.add(t.riskClass().label());
        }
        if (t.grades() != null) {
            parts.add("标准化" + t.grades().stream().map(g -> g.label()).sorted().collect(Collectors.joining("/")));
        }
        parts.add(t.selection() == Draw.Selection.DUE ? "到期例行" : "随机");
        return String.join(" · ", parts);
    }

    // ---- verifying and reading ----

    /** Re-runs the stored draw: same inputs and seed must give the same result. */
    public Verification verify(Stored d) {
        boolean inputsIntact = sha256(d.inputs()).equals(d.inputsSha256());
        boolean resultIntact = sha256(d.result()).equals(d.resultSha256());
        Draw.Result again = Draw.run(d.parsedInputs(), HexFormat.of().parseHex(d.seed()));
        String recomputed = JSON.writeValueAsString(again);
        boolean matches = again.equals(d.parsedResult());
        return new Verification(d.id(), d.algorithm(), matches, inputsIntact, resultIntact, d.inputsSha256(),
                d.resultSha256(), sha256(recomputed), again.picks().size());
    }

    private static final String SELECT = """
            select d.id, d.plan_id, d.unit_id, d.unit_region_code, d.algorithm, d.seed, d.inputs, d.inputs_sha256, d.result,
                   d.result_sha256, d.status, d.redraw_of, d.redraw_reason, d.unannounced, d.drawn_at, d.drawn_by_name,
                   d.witness, d.demo
            from insp_draw d join insp_plan p on p.id = d.plan_id""";

    /**
     * Published: every draw except a 四不两直 one whose inspections have not all started (or been cancelled) — the target
     * stays secret until the visit.
     */
    static final String PUBLISHED = """
            (not d.unannounced or not exists (select 1 from insp_inspection i where i.draw_id = d.id
              and i.status = 'PLANNED'))""";

    public Optional<Stored> visible(UUID id, CurrentUser user) {
        return visibleWhere("d.id = :id", id, user).optional();
    }

    /** The draws of a plan the caller may see (a 四不两直 draw before its visits only by the plan's own units), oldest first. */
    public List<Stored> visibleOfPlan(UUID planId, CurrentUser user) {
        return visibleWhere("d.plan_id = :id", planId, user).list();
    }

    private JdbcClient.MappedQuerySpec<Stored> visibleWhere(String condition, UUID id, CurrentUser user) {
        PlanRepository.Visibility v = PlanRepository.visibility(user);
        UnitRef unit = UnitRef.of(user).orElse(null);
        // a 四不两直 draw before the visits: only the plan's own units
        String secret = unit == null ? PUBLISHED : "(" + PUBLISHED + " or (p.unit_id = :dUnit and coalesce(p.unit_region_code, '') = :dCounty)"
                + " or exists (select 1 from insp_plan_unit pu where pu.plan_id = p.id and pu.unit_id = :dUnit"
                + " and coalesce(pu.unit_region_code, '') = :dCounty))";
        var q = jdbc.sql(SELECT + " where " + condition + " and " + v.where() + " and " + secret + " order by d.drawn_at")
                .param("id", id).params(v.params());
        if (unit != null) {
            q = q.param("dUnit", unit.unitId()).param("dCounty", unit.county());
        }
        return q.query(DrawService::map);
    }

    public Optional<Stored> published(UUID id) {
        return jdbc.sql(SELECT + " where d.id = :id and " + PUBLISHED).param("id", id).query(DrawService::map).optional();
    }

    public record PublicRow(UUID id, String planName, PlanKind kind, String unitName, LocalDate periodFrom, LocalDate periodTo,
                            Instant drawnAt, String status, int picks, boolean redraw, boolean demo) {
    }

    /** The public board: published draws, newest first. */
    public List<PublicRow> board(int limit) {
        return jdbc.sql("""
                select d.id, p.name, p.kind, p.unit_id, p.unit_region_code, p.period_from, p.period_to, d.drawn_at, d.status,
                       (select count(*) from insp_inspection i where i.draw_id = d.id) as picks, d.redraw_of is not null, d.demo
                from insp_draw d join insp_plan p on p.id = d.plan_id where """ + " " + PUBLISHED
                        + " order by d.drawn_at desc limit :n")
                .param("n", limit).query((rs, n) -> new PublicRow(rs.getObject(1, UUID.class), rs.getString(2),
                        PlanKind.valueOf(rs.getString(3)), units.name(new UnitRef(rs.getObject(4, UUID.class), rs.getString(5))),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getTimestamp(8).toInstant(),
                        rs.getString(9), rs.getInt(10), rs.getBoolean(11), rs.getBoolean(12))).list();
    }

    static ProblemException notFound() {
        return ProblemException.notFound("DRAW_NOT_FOUND", "抽取记录不存在");
    }

    static String sha256(String s) {
        return InspectionService.sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    private static Stored map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Stored(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                new UnitRef(rs.getObject("unit_id", UUID.class), rs.getString("unit_region_code")), rs.getString("algorithm"),
                rs.getString("seed"), rs.getString("inputs"), rs.getString("inputs_sha256"), rs.getString("result"),
                rs.getString("result_sha256"), rs.getString("status"), rs.getObject("redraw_of", UUID.class),
                rs.getString("redraw_reason"), rs.getBoolean("unannounced"), rs.getTimestamp("drawn_at").toInstant(),
                rs.getString("drawn_by_name"), rs.getString("witness"), rs.getBoolean("demo"));
    }
}
