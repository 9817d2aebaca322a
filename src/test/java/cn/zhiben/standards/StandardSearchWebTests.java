package cn.zhiben.standards;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Chinese substring search over clause summaries, and the comparison of two versions. */
class StandardSearchWebTests extends StandardsTestSupport {

    private List<JsonNode> hits(String q, String industry, String date) throws Exception {
        var request = get("/api/v1/standards/clauses/search").param("q", q);
        if (industry != null) {
            request.param("industry", industry);
        }
        if (date != null) {
            request.param("date", date);
        }
        String body = mvc.perform(auth(request, token("zezhou"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<JsonNode> out = new ArrayList<>();
        json(body).get("hits").forEach(out::add);
        return out;
    }

    @Test
    void findsClausesByChineseSubstringsAcrossStandards() throws Exception {
        List<JsonNode> dust = hits("粉尘", null, null);
        assertThat(dust).isNotEmpty().allMatch(h -> h.get("summary").asString().contains("粉尘"));
        assertThat(dust).extracting(h -> h.get("version").get("standardCode").asString() + " " + h.get("clauseNo").asString())
                .contains("indtrade 11.2", "indtrade 11.10");
        List<JsonNode> gas = hits("瓦斯 抽采", null, null);
        assertThat(gas).isNotEmpty().allMatch(h -> h.get("summary").asString().contains("瓦斯") && h.get("summary").asString().contains("抽采"));
        assertThat(gas).extracting(h -> h.get("clauseNo").asString()).contains("4.5", "6.2", "7.1");
    }

    @Test
    void filtersByIndustryAndDate() throws Exception {
        assertThat(hits("积水", "indtrade.metallurgy", null)).extracting(h -> h.get("clauseNo").asString())
                .contains("4.2").doesNotContain("7.3");
        assertThat(hits("彩钢", null, null)).extracting(h -> h.get("version").get("docNo").asString()).containsExactly("GB 35181-2017");
        assertThat(hits("彩钢", null, "2025-11-01")).isEmpty();
        assertThat(hits("彩钢", "catering", "2025-10-31")).hasSize(1);
    }

    @Test
    void likeWildcardsInTheQueryAreLiteral() throws Exception {
        assertThat(hits("_", null, null)).isEmpty();
        assertThat(hits("10%", null, null)).allMatch(h -> h.get("summary").asString().contains("10%")).isNotEmpty();
    }

    @Test
    void emptyOrOverlongQueryOrUnknownIndustryIsA400() throws Exception {
        String t = token("zezhou");
        mvc.perform(auth(get("/api/v1/standards/clauses/search").param("q", "  "), t))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("QUERY_REQUIRED"));
        mvc.perform(auth(get("/api/v1/standards/clauses/search").param("q", "长".repeat(101)), t))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("QUERY_TOO_LONG"));
        mvc.perform(auth(get("/api/v1/standards/clauses/search").param("q", "粉尘").param("industry", "nope"), t))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_INDUSTRY"));
    }

    @Test
    void comparingTheTwoFireEditionsShowsEveryHeld2017ItemAsNotInThe2025List() throws Exception {
        mvc.perform(auth(get("/api/v1/standards/compare").param("from", version("fire-2017").toString())
                        .param("to", version("fire-2025").toString()), token("zezhou")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.removed.length()").value(10))
                .andExpect(jsonPath("$.added.length()").value(0))
                .andExpect(jsonPath("$.to.partial").value(true));
        mvc.perform(auth(get("/api/v1/standards/compare").param("from", version("indtrade-2017").toString())
                        .param("to", version("indtrade-2023").toString()), token("zezhou")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added.length()").value(64));
        mvc.perform(auth(get("/api/v1/standards/compare").param("from", version("fire-2017").toString())
                        .param("to", "x"), token("zezhou")))
                .andExpect(status().isBadRequest());
    }
}
