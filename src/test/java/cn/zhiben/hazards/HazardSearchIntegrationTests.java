package cn.zhiben.hazards;

import cn.zhiben.hazards.internal.HazardImportColumn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 10 item 6: the keyword finds hazards by number, enterprise, description, place and the text of their clause
 * ("瓦斯" finds a hazard whose clause is about gas drainage though its own words are not); several words all must match.
 */
class HazardSearchIntegrationTests extends HazardRecordsTestSupport {

    List<String> numbers(String keyword, UUID enterprise) throws Exception {
        // MockMvc encodes the query itself
        JsonNode page = json(mvc.perform(auth(get("/api/v1/hazards?size=200&enterpriseId={e}&keyword={k}", enterprise, keyword),
                        token("city")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> out = new ArrayList<>();
        page.get("rows").forEach(r -> out.add(r.get("description").asString()));
        return out;
    }

    @Test
    void theKeywordFindsDescriptionPlaceClauseTextAndNumber() throws Exception {
        UUID mine = newMine();
        String uscc = uscc(mine);
        List<Map<HazardImportColumn, String>> rows = new ArrayList<>();
        rows.add(general(uscc, "2024-05-01", "回风巷甲烷传感器吊挂位置不当", "3105 回风巷"));
        rows.add(general(uscc, "2024-05-02", "泵站备用泵电机接线盒失爆", "地面抽采泵站"));
        Map<HazardImportColumn, String> byClause = general(uscc, "2024-05-03", "采掘作业前抽采达标评判未完成即组织生产", "3106 工作面");
        byClause.putAll(row(HazardImportColumn.GRADE, "重大", HazardImportColumn.STANDARD, "应急管理部令第4号",
                HazardImportColumn.CLAUSE_NO, "4.5", HazardImportColumn.STATUS, "整改中", HazardImportColumn.DEADLINE, "2024-08-01"));
        byClause.remove(HazardImportColumn.RECTIFIED_ON);
        rows.add(byClause);
        rows.add(general(uscc, "2024-05-04", "配电室绝缘垫破损", "中央变电所"));
        upload("city", workbook(rows), false).andExpect(status().isCreated());

        // 瓦斯: not in any description or place here; the clause 4.5 says 瓦斯抽采达不到标准
        assertThat(numbers("瓦斯", mine)).containsExactly("采掘作业前抽采达标评判未完成即组织生产");
        assertThat(numbers("甲烷", mine)).containsExactly("回风巷甲烷传感器吊挂位置不当");
        assertThat(numbers("抽采泵站", mine)).containsExactly("泵站备用泵电机接线盒失爆");
        assertThat(numbers("令第4号", mine)).containsExactly("采掘作业前抽采达标评判未完成即组织生产");
        assertThat(numbers("泵站 失爆", mine)).containsExactly("泵站备用泵电机接线盒失爆");
        assertThat(numbers("泵站 绝缘垫", mine)).isEmpty();
        assertThat(numbers("%", mine)).isEmpty();
        assertThat(numbers("历史导入煤矿测试", mine)).hasSize(4);
        String number = jdbc.sql("select number from hz_hazard where enterprise_id = :e and description like '配电室%'")
                .param("e", mine).query(String.class).single();
        assertThat(numbers(number, mine)).containsExactly("配电室绝缘垫破损");
    }

    Map<HazardImportColumn, String> general(String uscc, String found, String description, String location) {
        return row(HazardImportColumn.USCC, uscc, HazardImportColumn.FOUND_ON, found, HazardImportColumn.GRADE, "一般",
                HazardImportColumn.CHANNEL, "企业自查", HazardImportColumn.DESCRIPTION, description,
                HazardImportColumn.LOCATION, location, HazardImportColumn.FOUND_BY, "安全科", HazardImportColumn.STATUS, "已整改关闭",
                HazardImportColumn.RECTIFIED_ON, found);
    }

    @Test
    void thePlaceholderSaysWhatIsSearchedAndTheTrigramIndexesServeIt() throws Exception {
        String page = mvc.perform(get("/hazards").session(login("city"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("placeholder=\"编号、企业、描述、部位或判定条款，如 瓦斯\"");
        jdbc.sql("set enable_seqscan = off").update();
        try {
            for (String column : List.of("description", "location", "clause_label")) {
                String plan = String.join("\n", jdbc.sql("explain select id from hz_hazard where " + column + " ilike '%回风巷%'")
                        .query(String.class).list());
                assertThat(plan).contains("hz_hazard_" + column + "_trgm");
            }
        } finally {
            jdbc.sql("set enable_seqscan = on").update();
        }
    }
}
