package cn.zhiben.org;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Industries and their supervisors: the plan's fields as a tree, edited by the city office with revisions and audit. */
class IndustryApiWebTests extends IntegrationTest {

    private JsonNode getJson(String url, String token) throws Exception {
        return json(mvc.perform(auth(get(url), token)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private UUID unit(String name) {
        return jdbc.sql("select id from org_unit where name = :n").param("n", name).query(UUID.class).single();
    }

    private static List<String> names(JsonNode nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.get("name").asString()));
        return out;
    }

    private static JsonNode byName(JsonNode nodes, String name) {
        for (JsonNode n : nodes) {
            if (n.get("name").asString().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + names(nodes));
    }

    /** The state an edit can change, to compare before and after. */
    private record State(String name, String lead, Set<String> cooperating, boolean active, boolean assignable, int revision) {
        static State of(JsonNode n) {
            Set<String> co = new LinkedHashSet<>();
            n.get("cooperating").forEach(u -> co.add(u.get("unitId").asString()));
            return new State(n.get("name").asString(), n.get("lead").get("unitId").asString(), co,
                    n.get("active").asBoolean(), n.get("assignable").asBoolean(), n.get("revision").asInt());
        }

        String editBody(int revision, String reason) {
            return body(revision, name, lead, cooperating, active, assignable, reason);
        }
    }

    private static String body(int revision, String name, Object lead, Set<?> cooperating, boolean active,
                               boolean assignable, String reason) {
        String co = cooperating.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(","));
        return "{\"revision\":" + revision + ",\"name\":\"" + name + "\",\"leadUnitId\":\"" + lead
                + "\",\"cooperatingUnitIds\":[" + co + "],\"active\":" + active + ",\"assignable\":" + assignable
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
    }

    private int revisionRows(String code) {
        return jdbc.sql("select count(*) from org_industry_revision where industry_code = :c").param("c", code)
                .query(Integer.class).single();
    }

    @Test
    void treeHasTheTopLevelFieldsThePlanNames() throws Exception {
        JsonNode tree = getJson("/api/v1/industries", token("zhuanjia"));
        assertThat(names(tree)).contains("矿山", "消防", "城镇燃气", "危险化学品", "道路交通", "建设工程施工", "高风险作业",
                "冶金工贸", "特种设备", "自建房", "油气长输管线", "水利设施", "民用爆炸物品", "餐饮住宿", "校园安全", "铁路",
                "邮政快递", "危险废物");
        tree.forEach(n -> assertThat(n.has("parentCode")).isFalse());

        JsonNode mine = byName(tree, "矿山");
        assertThat(mine.get("code").asString()).isEqualTo("mine");
        assertThat(mine.get("planRef").asString()).isEqualTo("四(三)7");
        assertThat(names(mine.get("children"))).contains("煤矿");
        assertThat(byName(mine.get("children"), "煤矿").get("lead").get("name").asString()).isEqualTo("市能源局");
        assertThat(byName(mine.get("children"), "煤矿").get("depth").asInt()).isEqualTo(1);

        // 工贸 = the eight sub-industries 冶金、有色、建材、机械、轻工、纺织、烟草、商贸 under which enterprises register
        List<String> tradeAssignable = new ArrayList<>();
        byName(tree, "冶金工贸").get("children").forEach(c -> {
            if (c.get("assignable").asBoolean()) {
                tradeAssignable.add(c.get("name").asString());
            }
        });
        assertThat(tradeAssignable).containsExactly("冶金（含钢铁）", "有色", "建材", "机械", "轻工", "纺织", "烟草", "商贸（仓储物流等）");

        JsonNode highRisk = byName(tree, "高风险作业");
        assertThat(highRisk.get("assignable").asBoolean()).isFalse();
        assertThat(names(highRisk.get("children"))).contains("动火作业", "有限空间作业", "高处作业");
        assertThat(names(byName(tree, "特种设备").get("children"))).contains("电梯", "起重机械");
    }

    @Test
    void everyIndustryHasExactlyOneLeadThatDoesNotAlsoCooperate() throws Exception {
        JsonNode flat = getJson("/api/v1/industries?view=flat", token("yingji"));
        assertThat(flat.size()).isGreaterThanOrEqualTo(92);
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode n : flat) {
            assertThat(n.get("lead")).as(n.get("code").asString()).isNotNull();
            String lead = n.get("lead").get("unitId").asString();
            n.get("cooperating").forEach(c -> assertThat(c.get("unitId").asString()).isNotEqualTo(lead));
            assertThat(n.get("children")).isEmpty();
            if (n.has("parentCode")) {
                assertThat(seen).as("parent listed before " + n.get("code").asString()).contains(n.get("parentCode").asString());
            }
            seen.add(n.get("code").asString());
        }
    }

    @Test
    void oneIndustryItsHistoryAndUnknownCodes() throws Exception {
        String token = token("zezhou");
        JsonNode coal = getJson("/api/v1/industries/mine.coal", token);
        assertThat(coal.get("name").asString()).isEqualTo("煤矿");
        assertThat(names(coal.get("cooperating"))).contains("国家矿山安全监察局山西局监察执法九处", "市应急管理局");
        JsonNode complex = getJson("/api/v1/industries/fire.complex", token);
        assertThat(complex.get("depth").asInt()).isEqualTo(2);

        JsonNode history = getJson("/api/v1/industries/fire/history", token);
        JsonNode first = history.get(history.size() - 1);
        assertThat(first.get("revision").asInt()).isEqualTo(1);
        assertThat(first.get("changedBy").asString()).isEqualTo("migration");
        assertThat(first.get("reason").asString()).contains("晋市安委发");
        assertThat(first.get("snapshot").get("name").asString()).isEqualTo("消防");
        assertThat(first.get("snapshot").get("supervisors").get(0).get("role").asString()).isEqualTo("LEAD");
        assertThat(first.get("snapshot").get("supervisors").get(0).get("unit").asString()).isEqualTo("市消防救援支队");

        mvc.perform(auth(get("/api/v1/industries/no.such"), token))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("INDUSTRY_NOT_FOUND"));
        mvc.perform(auth(get("/api/v1/industries/no.such/history"), token))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("INDUSTRY_NOT_FOUND"));
        mvc.perform(auth(get("/api/v1/industries?view=graph"), token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(get("/api/v1/industries")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/industries/mine/history")).andExpect(status().isUnauthorized());
    }

    @Test
    void cityOfficeEditCreatesARevisionWithHistoryAndAuditAndAStaleRevisionIsRefused() throws Exception {
        String city = token("city");
        State original = State.of(getJson("/api/v1/industries/postal", city));
        int historyBefore = revisionRows("postal");
        UUID newLead = unit("市交通运输局");
        Set<UUID> newCooperating = new LinkedHashSet<>(List.of(unit("市邮政管理局"), unit("市公安局"), unit("市市场监督管理局")));
        try {
            String response = mvc.perform(auth(put("/api/v1/industries/postal"), city).contentType(MediaType.APPLICATION_JSON)
                            .content(body(original.revision(), "邮政快递（含寄递物流）", newLead, newCooperating, true, true,
                                    "测试：职责调整")))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            JsonNode edited = json(response);
            assertThat(edited.get("revision").asInt()).isEqualTo(original.revision() + 1);
            assertThat(edited.get("name").asString()).isEqualTo("邮政快递（含寄递物流）");
            assertThat(edited.get("lead").get("name").asString()).isEqualTo("市交通运输局");
            assertThat(names(edited.get("cooperating"))).containsExactlyInAnyOrder("市邮政管理局", "市公安局", "市市场监督管理局");
            assertThat(edited.get("updatedBy").asString()).isEqualTo("city");

            JsonNode history = getJson("/api/v1/industries/postal/history", city);
            assertThat(history).hasSize(historyBefore + 1);
            JsonNode latest = history.get(0);
            assertThat(latest.get("revision").asInt()).isEqualTo(original.revision() + 1);
            assertThat(latest.get("changedBy").asString()).isEqualTo("city");
            assertThat(latest.get("reason").asString()).isEqualTo("测试：职责调整");
            assertThat(latest.get("snapshot").get("name").asString()).isEqualTo("邮政快递（含寄递物流）");
            assertThat(latest.get("snapshot").get("supervisors").get(0).get("unit").asString()).isEqualTo("市交通运输局");
            assertThat(latest.get("snapshot").get("supervisors")).hasSize(4);

            // the stored snapshot has the same fields as the migration's initial one
            List<String> snapshots = jdbc.sql("""
                    select snapshot from org_industry_revision where industry_code = 'postal' and revision in (1, :r) order by revision""")
                    .param("r", original.revision() + 1).query(String.class).list();
            assertThat(json(snapshots.get(1)).propertyNames()).containsExactlyElementsOf(json(snapshots.get(0)).propertyNames());

            String changes = jdbc.sql("""
                    select changes from audit_log where entity_type = 'org_industry' and entity_id = 'postal'
                    and action = 'UPDATE' and actor_username = 'city' order by seq desc limit 1""")
                    .query(String.class).single();
            JsonNode diff = json(changes);
            assertThat(diff.get("lead").get(0).asString()).isEqualTo("市邮政管理局");
            assertThat(diff.get("lead").get(1).asString()).isEqualTo("市交通运输局");
            assertThat(diff.get("revision").get(1).asInt()).isEqualTo(original.revision() + 1);
            assertThat(diff.has("active")).isFalse();

            // a second edit made against the revision the first one replaced
            mvc.perform(auth(put("/api/v1/industries/postal"), city).contentType(MediaType.APPLICATION_JSON)
                            .content(body(original.revision(), "邮政快递", newLead, Set.of(), true, true, "测试：过期版本")))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("CONCURRENT_MODIFICATION"));
            assertThat(revisionRows("postal")).isEqualTo(historyBefore + 1);
            assertThat(getJson("/api/v1/industries/postal", city).get("name").asString()).isEqualTo("邮政快递（含寄递物流）");
        } finally {
            restore("postal", original, city);
        }
    }

    /** Puts the industry back as it was, as an edit of its own (the history keeps both). */
    private void restore(String code, State original, String city) throws Exception {
        int current = getJson("/api/v1/industries/" + code, city).get("revision").asInt();
        if (current != original.revision()) {
            mvc.perform(auth(put("/api/v1/industries/" + code), city).contentType(MediaType.APPLICATION_JSON)
                            .content(original.editBody(current, "测试结束，恢复原状")))
                    .andExpect(status().isOk());
        }
        assertThat(State.of(getJson("/api/v1/industries/" + code, city)))
                .usingRecursiveComparison().ignoringFields("revision").isEqualTo(original);
    }

    @Test
    void aNewIndustryStartsAtRevisionOneAndItsFirstEditIsRevisionTwo() throws Exception {
        String city = token("city");
        String code = "indtrade.t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try {
            String draft = "{\"code\":\"" + code + "\",\"parentCode\":\"indtrade\",\"name\":\"测试锂电池制造\",\"planRef\":\"四(三)14\","
                    + "\"assignable\":true,\"leadUnitId\":\"" + unit("市应急管理局") + "\",\"cooperatingUnitIds\":[\""
                    + unit("市工业和信息化局") + "\",\"" + unit("市工业和信息化局") + "\"],\"reason\":\"新业态纳入监管\"}";
            mvc.perform(auth(post("/api/v1/industries"), city).contentType(MediaType.APPLICATION_JSON).content(draft))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.revision").value(1))
                    .andExpect(jsonPath("$.parentCode").value("indtrade"))
                    .andExpect(jsonPath("$.cooperating.length()").value(1));
            assertThat(names(getJson("/api/v1/industries/indtrade", city).get("children"))).contains("测试锂电池制造");
            JsonNode created = getJson("/api/v1/industries/" + code + "/history", city);
            assertThat(created).hasSize(1);
            assertThat(created.get(0).get("reason").asString()).isEqualTo("新业态纳入监管");
            assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'org_industry' and entity_id = :c and action = 'CREATE'")
                    .param("c", code).query(Integer.class).single()).isEqualTo(1);

            mvc.perform(auth(post("/api/v1/industries"), city).contentType(MediaType.APPLICATION_JSON).content(draft))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INDUSTRY_CODE_TAKEN"));

            String edit = body(1, "测试锂电池制造", unit("市应急管理局"), Set.of(), true, false, "不再单独登记企业");
            mvc.perform(auth(put("/api/v1/industries/" + code), city).contentType(MediaType.APPLICATION_JSON).content(edit))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.revision").value(2))
                    .andExpect(jsonPath("$.assignable").value(false))
                    .andExpect(jsonPath("$.cooperating.length()").value(0));
            mvc.perform(auth(put("/api/v1/industries/" + code), city).contentType(MediaType.APPLICATION_JSON).content(edit))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONCURRENT_MODIFICATION"));
            assertThat(getJson("/api/v1/industries/" + code + "/history", city)).hasSize(2);
        } finally {
            jdbc.sql("delete from org_industry_revision where industry_code = :c").param("c", code).update();
            jdbc.sql("delete from org_industry_supervisor where industry_code = :c").param("c", code).update();
            jdbc.sql("delete from org_industry where code = :c").param("c", code).update();
        }
    }

    @Test
    void newIndustryCodesMustFitTheirParent() throws Exception {
        String city = token("city");
        UUID lead = unit("市应急管理局");
        String template = "{\"code\":\"%s\",\"parentCode\":%s,\"name\":\"测试\",\"planRef\":\"四(三)14\",\"assignable\":true,"
                + "\"leadUnitId\":\"" + lead + "\",\"reason\":\"测试\"}";
        mvc.perform(auth(post("/api/v1/industries"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(template.formatted("mine.coal", "\"mine\"")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INDUSTRY_CODE_TAKEN"));
        mvc.perform(auth(post("/api/v1/industries"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(template.formatted("fire.testonly", "\"mine\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INDUSTRY_CODE_PARENT_MISMATCH"));
        mvc.perform(auth(post("/api/v1/industries"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(template.formatted("mine.a.b", "\"mine\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INDUSTRY_CODE_PARENT_MISMATCH"));
        mvc.perform(auth(post("/api/v1/industries"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(template.formatted("mine.Coal2", "\"mine\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(auth(post("/api/v1/industries"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(template.formatted("nowhere.x", "\"nowhere\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("PARENT_INDUSTRY_NOT_FOUND"));
        mvc.perform(auth(post("/api/v1/industries"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(template.formatted("mine.x", "null")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INDUSTRY_CODE_PARENT_MISMATCH"));
        assertThat(jdbc.sql("select count(*) from org_industry where code in ('fire.testonly', 'mine.a.b', 'mine.x', 'nowhere.x')")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void memberUnitCountyAndAdministratorCannotEditOrAdd() throws Exception {
        String city = token("city");
        State original = State.of(getJson("/api/v1/industries/postal", city));
        String edit = body(original.revision(), "被篡改", original.lead(), original.cooperating(), true, true, "越权");
        String draft = "{\"code\":\"postal.x\",\"parentCode\":\"postal\",\"name\":\"越权\",\"planRef\":\"x\",\"assignable\":true,"
                + "\"leadUnitId\":\"" + original.lead() + "\",\"reason\":\"越权\"}";
        for (String user : new String[]{"yingji", "zezhou", "zezhou-yingji", "nancun", "zhuanjia", "sysadmin"}) {
            String t = token(user);
            mvc.perform(auth(put("/api/v1/industries/postal"), t).contentType(MediaType.APPLICATION_JSON).content(edit))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
            mvc.perform(auth(post("/api/v1/industries"), t).contentType(MediaType.APPLICATION_JSON).content(draft))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(put("/api/v1/industries/postal").contentType(MediaType.APPLICATION_JSON).content(edit))
                .andExpect(status().isUnauthorized());
        assertThat(State.of(getJson("/api/v1/industries/postal", city))).isEqualTo(original);
        assertThat(jdbc.sql("select count(*) from org_industry where code = 'postal.x'").query(Integer.class).single()).isZero();
    }

    @Test
    void invalidSupervisorsAreRefusedAndNothingIsStored() throws Exception {
        String city = token("city");
        State original = State.of(getJson("/api/v1/industries/postal", city));
        int history = revisionRows("postal");
        long audits = jdbc.sql("select count(*) from audit_log where entity_type = 'org_industry' and entity_id = 'postal'")
                .query(Long.class).single();

        mvc.perform(auth(put("/api/v1/industries/postal"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(body(original.revision(), "邮政快递", UUID.randomUUID(), original.cooperating(), true, true, "测试")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("UNIT_NOT_FOUND"))
                .andExpect(jsonPath("$.errors[0].field").value("leadUnitId"));
        mvc.perform(auth(put("/api/v1/industries/postal"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(body(original.revision(), "邮政快递", original.lead(), Set.of(UUID.randomUUID()), true, true, "测试")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNIT_NOT_FOUND"));
        Set<String> withLead = new LinkedHashSet<>(original.cooperating());
        withLead.add(original.lead());
        mvc.perform(auth(put("/api/v1/industries/postal"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(body(original.revision(), "邮政快递", original.lead(), withLead, true, true, "测试")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("LEAD_ALSO_COOPERATING"));
        mvc.perform(auth(put("/api/v1/industries/postal"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(body(original.revision(), "邮政快递", original.lead(), original.cooperating(), true, true, null)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(auth(put("/api/v1/industries/postal"), city).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"revision\":" + original.revision() + ",\"name\":\"邮政快递\",\"active\":true,\"assignable\":true,\"reason\":\"测试\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("leadUnitId"));
        mvc.perform(auth(put("/api/v1/industries/postal"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(original.editBody(original.revision(), "没有改动")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("NOTHING_CHANGED"));
        mvc.perform(auth(put("/api/v1/industries/no.such"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(original.editBody(1, "测试")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("INDUSTRY_NOT_FOUND"));

        assertThat(State.of(getJson("/api/v1/industries/postal", city))).isEqualTo(original);
        assertThat(revisionRows("postal")).isEqualTo(history);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'org_industry' and entity_id = 'postal'")
                .query(Long.class).single()).isEqualTo(audits);
    }

    @Test
    void aFieldIsNotSwitchedOffWhileItsSubIndustriesAreActive() throws Exception {
        String city = token("city");
        State mine = State.of(getJson("/api/v1/industries/mine", city));
        mvc.perform(auth(put("/api/v1/industries/mine"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(body(mine.revision(), mine.name(), mine.lead(), mine.cooperating(), false, mine.assignable(), "测试停用")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INDUSTRY_HAS_ACTIVE_CHILDREN"));
        assertThat(State.of(getJson("/api/v1/industries/mine", city))).isEqualTo(mine);
    }
}
