package cn.zhiben.org;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Create, read, update and search enterprises through the API; every bad input is a 4xx and stores nothing. */
class EnterpriseApiIntegrationTests extends EnterpriseTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    EnterpriseDirectory directory;

    @Test
    void createsReadsAndFindsAnEnterprise() throws Exception {
        ObjectNode body = body(uniqueName("晋城创建"), ZEZHOU_NANCUN, "indtrade.machinery");
        body.put("zoneCode", "140500-ETDZ");
        body.put("longitude", 112.9);
        body.put("latitude", 35.6);
        JsonNode created = create("city", body);
        String id = created.get("id").asString();

        assertThat(created.get("version").asInt()).isZero();
        assertThat(created.get("regionName").asString()).isEqualTo("泽州县南村镇");
        assertThat(created.get("countyName").asString()).isEqualTo("泽州县");
        assertThat(created.get("zoneName").asString()).isEqualTo("晋城经济技术开发区");
        assertThat(created.get("industryName").asString()).isEqualTo("机械");
        assertThat(created.get("statusLabel").asString()).isEqualTo("正常生产");
        assertThat(created.get("principalMobile").asString()).isEqualTo("139****5678");
        assertThat(created.get("specialOperations").get(0).get("label").asString()).isEqualTo("有限空间作业");
        // supervising units come from the industry mapping: 机械 is led by 市应急管理局 with 市工信局 co-operating
        assertThat(created.get("supervisors").findValuesAsString("unitName")).containsExactly("市应急管理局", "市工业和信息化局");
        assertThat(created.get("supervisors").get(0).get("role").asString()).isEqualTo("LEAD");

        mvc.perform(auth(get("/api/v1/enterprises/" + id), tokenOf("city")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(body.get("name").asString()))
                .andExpect(jsonPath("$.uscc").value(body.get("uscc").asString()))
                .andExpect(jsonPath("$.longitude").value(112.9))
                .andExpect(jsonPath("$.controllerMobile").value("136****5432"));

        String byName = mvc.perform(auth(get("/api/v1/enterprises").param("keyword", body.get("name").asString().substring(0, 12)), tokenOf("city")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json(byName).get("total").asLong()).isEqualTo(1);
        assertThat(json(byName).get("items").get(0).get("id").asString()).isEqualTo(id);

        String byUscc = mvc.perform(auth(get("/api/v1/enterprises").param("keyword", body.get("uscc").asString().substring(4, 16)), tokenOf("city")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json(byUscc).get("items").findValuesAsString("id")).contains(id);

        String inZone = mvc.perform(auth(get("/api/v1/enterprises").param("regionCode", "140500-ETDZ").param("size", "200"), tokenOf("city")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json(inZone).get("items").findValuesAsString("id")).contains(id);
        assertThat(json(inZone).get("items").findValuesAsString("zoneCode")).containsOnly("140500-ETDZ");

        long audits = countWhere("select count(*) from audit_log where action = 'CREATE' and entity_type = 'enterprise' and entity_id = ?", id);
        assertThat(audits).isEqualTo(1);
        String changes = jdbc.sql("select changes from audit_log where action = 'CREATE' and entity_id = :id").param("id", id)
                .query(String.class).single();
        assertThat(changes).contains("139****5678").doesNotContain("13912345678").doesNotContain("13698765432");
    }

    @Test
    void searchFiltersBySubtreesStatusScaleGradeAndDemo() throws Exception {
        String tag = "筛选" + UUID.randomUUID().toString().substring(0, 6);
        ObjectNode a = body(tag + "A有限公司", GAOPING_MISHAN, "mine.coal");
        a.put("status", "SUSPENDED_FOR_RECTIFICATION");
        create("city", a);
        ObjectNode b = body(tag + "B有限公司", GAOPING_SIZHUANG, "indtrade.building");
        b.put("scale", "BELOW");
        b.put("standardizationGrade", "NONE");
        create("city", b);
        ObjectNode c = body(tag + "C有限公司", ZEZHOU_NANCUN, "mine.noncoal");
        create("city", c);

        assertThat(names(search("keyword", tag, "regionCode", "140581"))).containsExactlyInAnyOrder(tag + "A有限公司", tag + "B有限公司");
        assertThat(names(search("keyword", tag, "regionCode", GAOPING_MISHAN))).containsExactly(tag + "A有限公司");
        assertThat(names(search("keyword", tag, "industryCode", "mine"))).containsExactlyInAnyOrder(tag + "A有限公司", tag + "C有限公司");
        assertThat(names(search("keyword", tag, "status", "SUSPENDED_FOR_RECTIFICATION"))).containsExactly(tag + "A有限公司");
        assertThat(names(search("keyword", tag, "status", "停产整顿"))).containsExactly(tag + "A有限公司");
        assertThat(names(search("keyword", tag, "scale", "BELOW"))).containsExactly(tag + "B有限公司");
        assertThat(names(search("keyword", tag, "grade", "NONE"))).containsExactly(tag + "B有限公司");
        assertThat(names(search("keyword", tag, "demo", "true"))).isEmpty();
        assertThat(names(search("keyword", tag, "sort", "-name"))).containsExactly(tag + "C有限公司", tag + "B有限公司", tag + "A有限公司");

        JsonNode page = search("keyword", tag, "size", "2", "page", "1", "sort", "name");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items").size()).isEqualTo(1);

        JsonNode demo = search("demo", "true", "size", "200");
        assertThat(demo.get("total").asLong()).isBetween(30L, 40L);
        assertThat(demo.get("items").findValuesAsString("name")).allMatch(n -> n.endsWith("（演示）"));
    }

    @Test
    void badPagingSortAndFilterAreA400() throws Exception {
        mvc.perform(auth(get("/api/v1/enterprises").param("size", "201"), tokenOf("city")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(auth(get("/api/v1/enterprises").param("page", "-1"), tokenOf("city")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(auth(get("/api/v1/enterprises").param("sort", "principal_mobile_enc"), tokenOf("city")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"));
        mvc.perform(auth(get("/api/v1/enterprises").param("status", "RUNNING"), tokenOf("city")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(auth(get("/api/v1/enterprises/not-a-uuid"), tokenOf("city")))
                .andExpect(status().isBadRequest());
        mvc.perform(auth(get("/api/v1/enterprises/" + UUID.randomUUID()), tokenOf("city")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("ENTERPRISE_NOT_FOUND"));
    }

    @Test
    void updatesWithTheCurrentVersionAndAuditsTheDiff() throws Exception {
        JsonNode created = createAsCity("晋城修改", ZEZHOU_NANCUN, "indtrade.machinery");
        String id = created.get("id").asString();
        ObjectNode update = (ObjectNode) JSON.readTree(created.toString());
        stripReadOnly(update);
        update.put("name", created.get("name").asString() + "二厂");
        update.put("status", "SUSPENDED_FOR_RECTIFICATION");
        update.put("regionCode", ZEZHOU_BAGONG);
        update.putNull("principalMobile");
        update.put("controllerMobile", "13698765433");
        update.put("version", 0);

        mvc.perform(auth(put("/api/v1/enterprises/" + id), tokenOf("city")).contentType(MediaType.APPLICATION_JSON).content(update.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.status").value("SUSPENDED_FOR_RECTIFICATION"))
                .andExpect(jsonPath("$.regionName").value("泽州县巴公镇"))
                .andExpect(jsonPath("$.principalMobile").value("139****5678"))
                .andExpect(jsonPath("$.controllerMobile").value("136****5433"));

        String changes = jdbc.sql("select changes from audit_log where action = 'UPDATE' and entity_id = :id").param("id", id)
                .query(String.class).single();
        JsonNode diff = json(changes);
        assertThat(diff.get("status").get(0).asString()).isEqualTo("OPERATING");
        assertThat(diff.get("status").get(1).asString()).isEqualTo("SUSPENDED_FOR_RECTIFICATION");
        assertThat(diff.get("regionCode").get(1).asString()).isEqualTo(ZEZHOU_BAGONG);
        assertThat(diff.has("principalMobile")).isFalse();
        // same mask before and after, still recorded as a change, and never in plain text
        assertThat(diff.get("controllerMobile").get(1).asString()).isEqualTo("136****5433");
        assertThat(changes).doesNotContain("13698765433").doesNotContain("13912345678");
    }

    @Test
    void staleVersionIsA409AndChangesNothing() throws Exception {
        JsonNode created = createAsCity("晋城并发", ZEZHOU_NANCUN, "indtrade.machinery");
        String id = created.get("id").asString();
        ObjectNode first = (ObjectNode) JSON.readTree(created.toString());
        stripReadOnly(first);
        first.put("version", 0);
        first.put("address", "第一次修改");
        mvc.perform(auth(put("/api/v1/enterprises/" + id), tokenOf("city")).contentType(MediaType.APPLICATION_JSON).content(first.toString()))
                .andExpect(status().isOk());

        first.put("address", "基于旧版本的修改");
        mvc.perform(auth(put("/api/v1/enterprises/" + id), tokenOf("city")).contentType(MediaType.APPLICATION_JSON).content(first.toString()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONCURRENT_MODIFICATION"));
        assertThat(jdbc.sql("select address from org_enterprise where id = :id").param("id", UUID.fromString(id)).query(String.class).single())
                .isEqualTo("第一次修改");

        first.remove("version");
        mvc.perform(auth(put("/api/v1/enterprises/" + id), tokenOf("city")).contentType(MediaType.APPLICATION_JSON).content(first.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void duplicateCreditCodeIsA409AndStoresNothing() throws Exception {
        JsonNode created = createAsCity("晋城重复", ZEZHOU_NANCUN, "indtrade.machinery");
        ObjectNode again = body(uniqueName("晋城重复二"), ZEZHOU_NANCUN, "indtrade.machinery");
        again.put("uscc", created.get("uscc").asString());
        mvc.perform(auth(post("/api/v1/enterprises"), tokenOf("city")).contentType(MediaType.APPLICATION_JSON).content(again.toString()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ENTERPRISE_USCC_TAKEN"));
        assertThat(countWhere("select count(*) from org_enterprise where name = ?", again.get("name").asString())).isZero();

        // an update onto another enterprise's code is refused the same way
        JsonNode other = createAsCity("晋城重复三", ZEZHOU_NANCUN, "indtrade.machinery");
        ObjectNode update = (ObjectNode) JSON.readTree(other.toString());
        stripReadOnly(update);
        update.put("version", 0);
        update.put("uscc", created.get("uscc").asString());
        mvc.perform(auth(put("/api/v1/enterprises/" + other.get("id").asString()), tokenOf("city"))
                        .contentType(MediaType.APPLICATION_JSON).content(update.toString()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ENTERPRISE_USCC_TAKEN"));
    }

    @Test
    void invalidCreditCodeIsA400NamingTheExpectedCheckCharacter() throws Exception {
        ObjectNode b = body(uniqueName("晋城校验"), ZEZHOU_NANCUN, "indtrade.machinery");
        String good = b.get("uscc").asString();
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        b.put("uscc", good.substring(0, 17) + wrong);
        mvc.perform(auth(post("/api/v1/enterprises"), tokenOf("city")).contentType(MediaType.APPLICATION_JSON).content(b.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ENTERPRISE_USCC_INVALID"))
                .andExpect(jsonPath("$.errors[0].field").value("uscc"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("应为“" + good.charAt(17) + "”")));
        assertThat(countWhere("select count(*) from org_enterprise where name = ?", b.get("name").asString())).isZero();
    }

    @Test
    void listsEveryMissingOrInvalidFieldAtOnce() throws Exception {
        ObjectNode b = JSON.createObjectNode();
        b.put("address", "只有地址");
        String body = mvc.perform(auth(post("/api/v1/enterprises"), tokenOf("city")).contentType(MediaType.APPLICATION_JSON).content(b.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andReturn().getResponse().getContentAsString();
        assertThat(json(body).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "name", "uscc", "regionCode", "industryCode", "scale", "status", "standardizationGrade", "principalName", "principalMobile");
        assertThat(json(body).get("errors").get(0).get("message").asString()).isEqualTo("企业名称不能为空");

        ObjectNode bad = body(uniqueName("晋城多错"), ZEZHOU_NANCUN, "highrisk.confined");
        bad.put("regionCode", "140525");
        bad.put("principalMobile", "12345");
        bad.put("scale", "HUGE");
        bad.put("longitude", 116.4);
        bad.put("latitude", 39.9);
        bad.putArray("specialOperations").add("FLYING");
        String many = mvc.perform(auth(post("/api/v1/enterprises"), tokenOf("city")).contentType(MediaType.APPLICATION_JSON).content(bad.toString()))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(json(many).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "regionCode", "industryCode", "scale", "longitude", "principalMobile", "specialOperations");
        assertThat(json(many).get("detail").asString()).contains("乡镇（街道）一级").contains("跨行业").contains("不在本市范围内");
        assertThat(countWhere("select count(*) from org_enterprise where name = ?", bad.get("name").asString())).isZero();
    }

    @Test
    void singleReferenceErrorsCarryTheirOwnCode() throws Exception {
        ObjectNode county = body(uniqueName("晋城区划"), "140525", "indtrade.machinery");
        expectCode(county, "ENTERPRISE_REGION_NOT_TOWNSHIP");
        ObjectNode unknown = body(uniqueName("晋城区划"), "140525999", "indtrade.machinery");
        unknown.put("regionCode", "140525999");
        expectCode(unknown, "REGION_NOT_FOUND");
        ObjectNode crossCutting = body(uniqueName("晋城行业"), ZEZHOU_NANCUN, "indtrade.dust");
        expectCode(crossCutting, "INDUSTRY_NOT_ASSIGNABLE");
        ObjectNode zone = body(uniqueName("晋城园区"), ZEZHOU_NANCUN, "indtrade.machinery");
        zone.put("zoneCode", "140525");
        expectCode(zone, "ENTERPRISE_ZONE_INVALID");
    }

    @Test
    void markupInANameIsRefused() throws Exception {
        ObjectNode b = body("<script>alert(1)</script>有限公司", ZEZHOU_NANCUN, "indtrade.machinery");
        mvc.perform(auth(post("/api/v1/enterprises"), tokenOf("city")).contentType(MediaType.APPLICATION_JSON).content(b.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void acceptsLabelsAndFixedLines() throws Exception {
        ObjectNode b = body(uniqueName("晋城标签"), ZEZHOU_NANCUN, "indtrade.machinery");
        b.put("scale", "规下");
        b.put("status", "建设中");
        b.put("standardizationGrade", "一级");
        b.put("principalMobile", "0356-2345678");
        b.putArray("specialOperations").add("粉尘涉爆").add("DUST_EXPLOSION");
        JsonNode created = create("city", b);
        assertThat(created.get("scale").asString()).isEqualTo("BELOW");
        assertThat(created.get("status").asString()).isEqualTo("UNDER_CONSTRUCTION");
        assertThat(created.get("standardizationGrade").asString()).isEqualTo("GRADE_1");
        assertThat(created.get("principalMobile").asString()).isEqualTo("035****5678");
        assertThat(created.get("specialOperations").size()).isEqualTo(1);
    }

    @Test
    void unauthenticatedAndUnauthorisedCallsAreRefused() throws Exception {
        mvc.perform(get("/api/v1/enterprises")).andExpect(status().isUnauthorized());
        // 专家 reads but does not write
        mvc.perform(auth(post("/api/v1/enterprises"), tokenOf("zhuanjia")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(uniqueName("晋城专家"), ZEZHOU_NANCUN, "indtrade.machinery").toString()))
                .andExpect(status().isForbidden());
        mvc.perform(auth(get("/api/v1/enterprises"), tokenOf("zhuanjia"))).andExpect(status().isOk());
    }

    @Test
    void createAnswersWithItsLocation() throws Exception {
        ObjectNode b = body(uniqueName("晋城位置"), ZEZHOU_NANCUN, "indtrade.machinery");
        mvc.perform(auth(post("/api/v1/enterprises"), tokenOf("city")).contentType(MediaType.APPLICATION_JSON).content(b.toString()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/enterprises/")));
    }

    @Test
    void otherModulesReadSpecialOperationsAndTheApiIsDocumented() throws Exception {
        JsonNode created = createAsCity("晋城目录", ZEZHOU_NANCUN, "indtrade.machinery");
        assertThat(directory.specialOperations(UUID.fromString(created.get("id").asString())))
                .containsExactly(SpecialOperation.CONFINED_SPACE);
        assertThat(directory.specialOperations(UUID.randomUUID())).isEmpty();
        String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(docs).contains("/api/v1/enterprises/{id}/contacts").contains("/api/v1/enterprises/imports");
    }

    private void expectCode(ObjectNode body, String code) throws Exception {
        mvc.perform(auth(post("/api/v1/enterprises"), tokenOf("city")).contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value(code));
    }

    private JsonNode search(String... params) throws Exception {
        var request = get("/api/v1/enterprises");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return json(mvc.perform(auth(request, tokenOf("city"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static List<String> names(JsonNode page) {
        return page.get("items").findValuesAsString("name");
    }

    /** A view read back is not a request body: drop what the API derives. */
    static void stripReadOnly(ObjectNode node) {
        for (String f : List.of("id", "regionName", "countyCode", "countyName", "zoneName", "industryName", "scaleLabel",
                "statusLabel", "standardizationGradeLabel", "supervisors", "demo", "createdAt", "createdBy", "updatedAt",
                "updatedBy", "principalMobile", "controllerMobile")) {
            node.remove(f);
        }
        JsonNode ops = node.get("specialOperations");
        if (ops != null && ops.isArray()) {
            var codes = JSON.createArrayNode();
            ops.forEach(o -> codes.add(o.isObject() ? o.get("code").asString() : o.asString()));
            node.set("specialOperations", codes);
        }
    }
}
