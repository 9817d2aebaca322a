package cn.zhiben.inspections;

import cn.zhiben.inspections.internal.DecisionRepository;
import cn.zhiben.inspections.internal.InspectionRepository;
import cn.zhiben.inspections.internal.OfficerRegister;
import cn.zhiben.inspections.internal.PlanRepository;
import cn.zhiben.inspections.internal.UnitRef;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.Role;
import cn.zhiben.support.AccessFixture;
import cn.zhiben.support.FixtureCalls;
import cn.zhiben.support.SampleFiles;
import cn.zhiben.support.UnscopedAccessFixture;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The inspections module's fixtures of the access table (docs/access-table.md), over one small world made once through
 * the API as the demo accounts: per unit a cancelled plan (with its draw where the unit has officers), five completed
 * and acknowledged inspections (each officer on one team) with a photo, an expert assigned and a closed decision whose
 * re-inspection passed, a conflict per officer and for an expert, two self-inspections. Everything is in a final
 * state, so a verb passes the rights check and is then refused (409), and no row changes what another row sees.
 */
final class InspectionAccessFixtures {

    private InspectionAccessFixtures() {
    }

    /** 陵川示范液化气站 is suspended, so no draw ever picks it: conflicts recorded with it change no draw. */
    private static final String CONFLICT_ENTERPRISE = "陵川示范液化气站";
    private static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    /** The objects, made once per test JVM by whichever fixture is prepared first. */
    static final class World {
        private static World world;

        final Map<UnitRef, Map<String, String>> plans = new LinkedHashMap<>();
        final Map<UnitRef, Map<String, String>> draws = new LinkedHashMap<>();
        final List<Map<String, String>> inspections = new ArrayList<>();
        final Map<String, List<String>> teams = new HashMap<>();
        final List<Map<String, String>> decisions = new ArrayList<>();
        final Map<String, String> officerConflicts = new HashMap<>();
        final List<Map<String, String>> selfInspections = new ArrayList<>();
        String expertId;
        String expertConflict;

        static synchronized World of(JdbcClient jdbc, MockMvc mvc, Clock clock) {
            if (world == null) {
                World w = new World();
                w.make(jdbc, new FixtureCalls(mvc), LocalDate.now(clock.withZone(PlatformConfiguration.ZONE)));
                world = w;
            }
            return world;
        }

        private void make(JdbcClient jdbc, FixtureCalls calls, LocalDate today) {
            String conflictWith = enterprise(jdbc, CONFLICT_ENTERPRISE);
            List<String> roots = jdbc.sql("select code from org_industry where parent_code is null order by code").query(String.class).list();
            expertId = calls.postJson("city", "/api/v1/experts", json(Map.of("name", "访问表检查专家", "organisation", "访问表检查",
                    "specialities", roots, "termFrom", today.minusYears(1), "termTo", today.plusYears(2))), 201).get("id").asString();
            expertConflict = calls.postJson("city", "/api/v1/experts/" + expertId + "/conflicts",
                    json(Map.of("enterpriseId", conflictWith, "reason", "访问表检查")), 201).get("id").asString();
            for (String[] o : new String[][]{{"zezhou-zf1", "zezhou-yingji"}, {"zezhou-zf2", "zezhou-yingji"}, {"zezhou-zf3", "zezhou-yingji"},
                    {"zezhou-zf4", "zezhou-yingji"}, {"yingji-zf1", "yingji"}, {"yingji-zf2", "yingji"}, {"nengyuan-zf1", "nengyuan"},
                    {"nengyuan-zf2", "nengyuan"}}) {
                String id = officer(jdbc, o[0]);
                officerConflicts.put(id, calls.postJson(o[1], "/api/v1/enforcement-officers/" + id + "/conflicts",
                        json(Map.of("enterpriseId", conflictWith, "reason", "访问表检查")), 201).get("id").asString());
            }
            // a cancelled plan per unit; a draw first where the unit has officers (targets nobody else inspects)
            plan(jdbc, calls, "zezhou-yingji", Map.of("regionCode", "140525", "industryCode", "indtrade.building", "quota", 1), true, today);
            plan(jdbc, calls, "yingji", Map.of("regionCode", "140522", "industryCode", "indtrade.building", "quota", 1), true, today);
            plan(jdbc, calls, "nengyuan", Map.of("regionCode", "140522", "industryCode", "mine.coal", "quota", 1), true, today);
            plan(jdbc, calls, "zhujian", Map.of("quota", 1), false, today);
            // completed inspections, each officer on one team: 巴公 and 钢铁 (泽州), 煤化工 (市应急), 嘉峰 and 寺庄 (市能源)
            inspection(jdbc, calls, "zezhou-yingji", "泽州示范巴公煤业", "zezhou-zf1", "zezhou-zf2", "qiye", today);
            inspection(jdbc, calls, "zezhou-yingji", "泽州示范钢铁", "zezhou-zf3", "zezhou-zf4", null, today);
            inspection(jdbc, calls, "yingji", "晋城示范煤化工", "yingji-zf1", "yingji-zf2", "qiye-huagong", today);
            inspection(jdbc, calls, "nengyuan", "沁水示范嘉峰煤业", "nengyuan-zf1", "nengyuan-zf2", null, today);
            inspection(jdbc, calls, "nengyuan", "高平示范寺庄煤业", "nengyuan-zf1", "nengyuan-zf2", null, today);
            for (String account : List.of("qiye", "qiye-huagong")) {
                String id = calls.postJson(account, "/api/v1/self-inspections", json(Map.of("level", "TEAM", "ledBy", "访问表检查",
                        "items", List.of(Map.of("title", "访问表检查", "result", "PASSED")))), 201).get("id").asString();
                selfInspections.add(Map.of("id", id, "enterpriseId", enterpriseOfAccount(jdbc, account)));
            }
        }

        private void plan(JdbcClient jdbc, FixtureCalls calls, String unitAccount, Map<String, Object> target, boolean draw,
                          LocalDate today) {
            String id = calls.postJson(unitAccount, "/api/v1/inspection-plans", json(Map.of("name", "访问表检查计划",
                    "kind", "RANDOM", "periodFrom", today, "periodTo", today.plusDays(30), "targets", List.of(target))), 201)
                    .get("id").asString();
            calls.postJson(unitAccount, "/api/v1/inspection-plans/" + id + "/activate", "{\"version\":0}", 200);
            String drawId = draw ? calls.postJson(unitAccount, "/api/v1/draws", json(Map.of("planId", id)), 201).get("id").asString() : null;
            int version = calls.call(unitAccount, get("/api/v1/inspection-plans/" + id), 200).at("/plan/version").asInt();
            calls.postJson(unitAccount, "/api/v1/inspection-plans/" + id + "/cancel",
                    json(Map.of("version", version, "reason", "访问表检查")), 200);
            version = calls.call(unitAccount, get("/api/v1/inspection-plans/" + id), 200).at("/plan/version").asInt();
            UnitRef unit = unitOf(jdbc, unitAccount);
            plans.put(unit, Map.of("id", id, "version", Integer.toString(version)));
            if (drawId != null) {
                draws.put(unit, Map.of("id", drawId));
            }
        }

        private void inspection(JdbcClient jdbc, FixtureCalls calls, String unitAccount, String enterpriseName, String o1, String o2,
                                String enterpriseAccount, LocalDate today) {
            String enterprise = enterprise(jdbc, enterpriseName);
            String id = calls.postJson(unitAccount, "/api/v1/inspections", json(Map.of("enterpriseId", enterprise, "kind", "ROUTINE",
                    "officerIds", List.of(officer(jdbc, o1), officer(jdbc, o2)), "plannedFrom", today, "plannedTo", today.plusDays(5))),
                    201).get("id").asString();
            String base = "/api/v1/inspections/" + id;
            String assignment = calls.postJson(unitAccount, base + "/experts", json(Map.of("expertId", expertId)), 201).get("id").asString();
            calls.postJson(o1, base + "/start", json(Map.of("version", version(calls, o1, id))), 200);
            calls.postJson(o1, base + "/items", json(Map.of("items", List.of(Map.of("title", "访问表检查", "result", "PASSED")))), 200);
            calls.postJson(o1, base + "/findings", json(Map.of("grade", "GENERAL", "description", "访问表检查用隐患",
                    "location", "访问表检查位置", "deadline", today.plusDays(30))), 201);
            String photo = calls.call(o1, multipart(base + "/photos").file(new MockMultipartFile("file", "访问表检查.png",
                    "image/png", SampleFiles.png())), 201).get("id").asString();
            for (String o : List.of(o1, o2)) {
                calls.postJson(o1, base + "/signatures", json(Map.of("party", "OFFICER", "officerId", officer(jdbc, o), "png", PNG)), 200);
            }
            calls.postJson(o1, base + "/signatures", json(Map.of("party", "ENTERPRISE", "signerName", "访问表", "png", PNG)), 200);
            calls.postJson(o1, base + "/complete", json(Map.of("version", version(calls, o1, id), "summary", "访问表检查")), 200);
            if (enterpriseAccount != null) {
                calls.postJson(enterpriseAccount, base + "/acknowledge", json(Map.of("version", version(calls, enterpriseAccount, id))), 200);
            }
            String decision = calls.postJson(unitAccount, "/api/v1/enforcement-decisions", json(Map.of("inspectionId", id,
                    "kind", "RECTIFICATION_ORDER", "measures", List.of("ORDER_RECTIFICATION"), "facts", "访问表检查",
                    "legalBasis", List.of("SAFELAW-65"), "deadline", today.plusDays(10), "decidedOn", today)), 201)
                    .get("ids").get(0).asString();
            String d = "/api/v1/enforcement-decisions/" + decision;
            String reinspection = calls.postJson(unitAccount, d + "/reinspections", json(Map.of("version", decisionVersion(calls, unitAccount, decision),
                    "on", today, "passed", true, "note", "访问表检查")), 201).get("id").asString();
            calls.postJson(unitAccount, d + "/close", json(Map.of("version", decisionVersion(calls, unitAccount, decision))), 200);
            Map<String, String> values = new HashMap<>();
            values.put("id", id);
            values.put("version", Integer.toString(version(calls, unitAccount, id)));
            values.put("photoId", photo);
            values.put("reinspectionId", reinspection);
            values.put("rid", reinspection);
            values.put("assignmentId", assignment);
            values.put("expertId", expertId);
            values.put("png", PNG);
            inspections.add(values);
            teams.put(id, List.of(o1, o2));
            decisions.add(Map.of("id", decision, "version", Integer.toString(decisionVersion(calls, unitAccount, decision))));
        }

        private static int version(FixtureCalls calls, String account, String inspection) {
            return calls.call(account, get("/api/v1/inspections/" + inspection), 200).get("version").asInt();
        }

        private static int decisionVersion(FixtureCalls calls, String account, String decision) {
            return calls.call(account, get("/api/v1/enforcement-decisions/" + decision), 200).get("version").asInt();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String json(Object o) {
        return JSON.writeValueAsString(o);
    }

    private static String enterprise(JdbcClient jdbc, String name) {
        return jdbc.sql("select id from org_enterprise where demo and name like :n").param("n", name + "%").query(UUID.class)
                .single().toString();
    }

    private static String enterpriseOfAccount(JdbcClient jdbc, String username) {
        return jdbc.sql("select enterprise_id from idn_user where username = :u").param("u", username).query(UUID.class).single().toString();
    }

    private static String officer(JdbcClient jdbc, String username) {
        return jdbc.sql("select o.id from insp_officer o join idn_user u on u.id = o.user_id where u.username = :u")
                .param("u", username).query(UUID.class).single().toString();
    }

    private static UnitRef unitOf(JdbcClient jdbc, String username) {
        return jdbc.sql("select role, unit_id, region_code from idn_user where username = :u").param("u", username)
                .query((rs, n) -> UnitRef.of(Role.valueOf(rs.getString(1)), rs.getObject(2, UUID.class), rs.getString(3)).orElseThrow())
                .single();
    }

    /** The first of the candidates (ids) that the visibility condition lets the user see, or not see. */
    private static Optional<Map<String, String>> first(JdbcClient jdbc, List<Map<String, String>> candidates, String from,
                                                       String alias, String where, Map<String, Object> params, boolean visible) {
        for (Map<String, String> c : candidates) {
            boolean sees = jdbc.sql("select exists (select 1 from " + from + " where " + alias + ".id = :fixtureId and "
                    + where + ")").param("fixtureId", UUID.fromString(c.get("id"))).params(params).query(Boolean.class).single();
            if (sees == visible) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The first candidate of {@code table} held by the caller's unit (unit + county); empty for a caller without a unit. */
    private static Optional<Map<String, String>> ownOf(JdbcClient jdbc, CurrentUser caller, List<Map<String, String>> candidates,
                                                       String table) {
        return UnitRef.of(caller).flatMap(u -> candidates.stream().filter(c -> jdbc.sql("select exists (select 1 from " + table
                        + " where id = :id and unit_id = :u and coalesce(unit_region_code, '') = :c)")
                .param("id", UUID.fromString(c.get("id"))).param("u", u.unitId()).param("c", u.county())
                .query(Boolean.class).single()).findFirst());
    }

    abstract static class Base implements AccessFixture {
        final JdbcClient jdbc;
        final MockMvc mvc;
        final Clock clock;

        Base(JdbcClient jdbc, MockMvc mvc, Clock clock) {
            this.jdbc = jdbc;
            this.mvc = mvc;
            this.clock = clock;
        }

        World world() {
            return World.of(jdbc, mvc, clock);
        }

        @Override
        public void prepare() {
            world();
        }
    }

    /** "inspections-plan": a cancelled plan; a unit's own first. Values: id, version. */
    static class PlanFixture extends Base {
        PlanFixture(JdbcClient jdbc, MockMvc mvc, Clock clock) {
            super(jdbc, mvc, clock);
        }

        @Override
        public String name() {
            return "inspections-plan";
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            Optional<Map<String, String>> own = UnitRef.of(caller).map(u -> world().plans.get(u));
            if (own.isPresent()) {
                return own;
            }
            var v = PlanRepository.visibility(caller);
            return first(jdbc, new ArrayList<>(world().plans.values()), "insp_plan p", "p", v.where(), v.params(), true);
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            var v = PlanRepository.visibility(caller);
            return first(jdbc, new ArrayList<>(world().plans.values()), "insp_plan p", "p", v.where(), v.params(), false);
        }

        @Override
        public Map<String, String> any() {
            return world().plans.values().iterator().next();
        }
    }

    /** "inspections-draw": the draw of a cancelled plan (public: the plan was not 四不两直); a unit's own first. Value: id. */
    static class DrawFixture extends Base {
        DrawFixture(JdbcClient jdbc, MockMvc mvc, Clock clock) {
            super(jdbc, mvc, clock);
        }

        @Override
        public String name() {
            return "inspections-draw";
        }

        private List<Map<String, String>> candidates() {
            return new ArrayList<>(world().draws.values());
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            Optional<Map<String, String>> own = UnitRef.of(caller).map(u -> world().draws.get(u));
            if (own.isPresent()) {
                return own;
            }
            var v = PlanRepository.visibility(caller);
            return first(jdbc, candidates(), "insp_draw d join insp_plan p on p.id = d.plan_id", "d", v.where(), v.params(), true);
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            var v = PlanRepository.visibility(caller);
            return first(jdbc, candidates(), "insp_draw d join insp_plan p on p.id = d.plan_id", "d", v.where(), v.params(), false);
        }

        @Override
        public Map<String, String> any() {
            return candidates().get(0);
        }
    }

    /** "inspections-public-draw": a published draw, the same for everyone (双随机一公开). Value: id. */
    static class PublicDrawFixture extends UnscopedAccessFixture {
        private final Base base;

        PublicDrawFixture(JdbcClient jdbc, MockMvc mvc, Clock clock) {
            this.base = new PlanFixture(jdbc, mvc, clock);
        }

        @Override
        public String name() {
            return "inspections-public-draw";
        }

        @Override
        public void prepare() {
            base.world();
        }

        @Override
        public Map<String, String> any() {
            return base.world().draws.values().iterator().next();
        }
    }

    /**
     * "inspections-inspection": a completed, acknowledged inspection — for an officer one whose team they are on, for a
     * unit one of its own, else the first the account sees. Values: id, version, photoId, reinspectionId (also rid), assignmentId,
     * expertId, png.
     */
    static class InspectionFixture extends Base {
        InspectionFixture(JdbcClient jdbc, MockMvc mvc, Clock clock) {
            super(jdbc, mvc, clock);
        }

        @Override
        public String name() {
            return "inspections-inspection";
        }

        boolean ownOnly() {
            return false;
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            World w = world();
            for (Map<String, String> x : w.inspections) {
                if (w.teams.get(x.get("id")).contains(caller.username())) {
                    return Optional.of(x);
                }
            }
            Optional<Map<String, String>> own = ownOf(jdbc, caller, w.inspections, "insp_inspection");
            if (own.isPresent() || ownOnly() && UnitRef.of(caller).isPresent()) {
                return own;
            }
            var v = InspectionRepository.visibility(caller);
            return first(jdbc, w.inspections, "insp_inspection i", "i", v.where(), v.params(), true);
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            var v = InspectionRepository.visibility(caller);
            return first(jdbc, world().inspections, "insp_inspection i", "i", v.where(), v.params(), false);
        }

        @Override
        public Map<String, String> any() {
            return world().inspections.get(0);
        }
    }

    /** "inspections-decision": a closed decision; a unit's own first. Values: id, version. */
    static class DecisionFixture extends Base {
        DecisionFixture(JdbcClient jdbc, MockMvc mvc, Clock clock) {
            super(jdbc, mvc, clock);
        }

        @Override
        public String name() {
            return "inspections-decision";
        }

        boolean ownOnly() {
            return false;
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            Optional<Map<String, String>> own = ownOf(jdbc, caller, world().decisions, "insp_decision");
            if (own.isPresent() || ownOnly() && UnitRef.of(caller).isPresent()) {
                return own;
            }
            var v = DecisionRepository.visibility(caller);
            return first(jdbc, world().decisions, "insp_decision d", "d", v.where(), v.params(), true);
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            var v = DecisionRepository.visibility(caller);
            return first(jdbc, world().decisions, "insp_decision d", "d", v.where(), v.params(), false);
        }

        @Override
        public Map<String, String> any() {
            return world().decisions.get(0);
        }
    }

    /**
     * "inspections-inspection-own": for the unit's verbs (cancel, experts, re-inspection, decide). A unit acts only on its
     * own inspections; a unit that sees other units' inspections in its scope (消防, 县能源局) but has none of its own is
     * asked only outside its scope. Otherwise like "inspections-inspection".
     */
    static class OwnInspectionFixture extends InspectionFixture {
        OwnInspectionFixture(JdbcClient jdbc, MockMvc mvc, Clock clock) {
            super(jdbc, mvc, clock);
        }

        @Override
        public String name() {
            return "inspections-inspection-own";
        }

        @Override
        boolean ownOnly() {
            return true;
        }
    }

    /** "inspections-decision-own": for the deciding unit's verbs; like "inspections-inspection-own". */
    static class OwnDecisionFixture extends DecisionFixture {
        OwnDecisionFixture(JdbcClient jdbc, MockMvc mvc, Clock clock) {
            super(jdbc, mvc, clock);
        }

        @Override
        public String name() {
            return "inspections-decision-own";
        }

        @Override
        boolean ownOnly() {
            return true;
        }
    }

    /** "inspections-officer": an officer of the staff list; a unit's own first. Values: id, conflictId. */
    static class OfficerFixture extends Base {
        private final OfficerRegister register;

        OfficerFixture(JdbcClient jdbc, MockMvc mvc, Clock clock, OfficerRegister register) {
            super(jdbc, mvc, clock);
            this.register = register;
        }

        @Override
        public String name() {
            return "inspections-officer";
        }

        private Map<String, String> values(UUID officerId) {
            return Map.of("id", officerId.toString(), "conflictId", world().officerConflicts.get(officerId.toString()));
        }

        private List<OfficerRegister.Listed> visible(CurrentUser caller) {
            return register.visible(caller).stream().filter(l -> world().officerConflicts.containsKey(l.officer().id().toString())).toList();
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            List<OfficerRegister.Listed> seen = visible(caller);
            Optional<UnitRef> unit = UnitRef.of(caller);
            return seen.stream().filter(l -> unit.isEmpty() || l.officer().unit().equals(unit.get())).findFirst()
                    .or(() -> seen.stream().findFirst()).map(l -> values(l.officer().id()));
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            List<String> seen = visible(caller).stream().map(l -> l.officer().id().toString()).toList();
            return world().officerConflicts.keySet().stream().filter(id -> !seen.contains(id)).sorted().findFirst()
                    .map(id -> values(UUID.fromString(id)));
        }

        @Override
        public Map<String, String> any() {
            return values(UUID.fromString(world().officerConflicts.keySet().stream().sorted().findFirst().orElseThrow()));
        }
    }

    /** "inspections-expert": the check's expert; for an expert account, its own entry. Values: id, conflictId. */
    static class ExpertFixture extends Base {
        ExpertFixture(JdbcClient jdbc, MockMvc mvc, Clock clock) {
            super(jdbc, mvc, clock);
        }

        @Override
        public String name() {
            return "inspections-expert";
        }

        private Optional<String> own(CurrentUser caller) {
            return jdbc.sql("select id from insp_expert where user_id = :u").param("u", caller.id()).query(UUID.class).optional()
                    .map(UUID::toString);
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            World w = world();
            if (caller.role() == Role.EXPERT) {
                return own(caller).map(id -> Map.of("id", id, "conflictId", w.expertConflict));
            }
            boolean government = switch (caller.role()) {
                case CITY_OFFICE, MEMBER_UNIT, COUNTY_OFFICE, COUNTY_UNIT -> true;
                default -> false;
            };
            return government ? Optional.of(any()) : Optional.empty();
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            return caller.role() == Role.EXPERT ? Optional.of(any()) : Optional.empty();
        }

        @Override
        public Map<String, String> any() {
            World w = world();
            return Map.of("id", w.expertId, "conflictId", w.expertConflict);
        }
    }

    /** "inspections-self": an enterprise's self-inspection inside / outside the account's scope. Values: id, enterpriseId. */
    static class SelfFixture extends Base {
        SelfFixture(JdbcClient jdbc, MockMvc mvc, Clock clock) {
            super(jdbc, mvc, clock);
        }

        @Override
        public String name() {
            return "inspections-self";
        }

        private Optional<Map<String, String>> pick(CurrentUser caller, boolean visible) {
            DataScope.Sql s = caller.scope().toSql("s.enterprise_id", "s.region_code", "s.zone_code", "s.industry_code");
            return first(jdbc, world().selfInspections, "insp_self_inspection s", "s", s.where(), s.params(), visible);
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            return pick(caller, true);
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            return pick(caller, false);
        }

        @Override
        public Map<String, String> any() {
            return world().selfInspections.get(0);
        }
    }
}
