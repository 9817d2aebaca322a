package cn.zhiben.hazards;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 10 item 15: the city office's home page shows each county's open, overdue, listed, extension-pending and
 * review-pending hazards, each figure a link to the list it counts (and the same number there); a county office sees
 * its townships; townships and enterprises see no such table.
 */
class HazardRegionTableWebTests extends HazardTestSupport {

    private static final Pattern CELL = Pattern.compile("<a href=\"(/hazards\\?[^\"]*)\"[^>]*>(\\d+)</a>");

    record Cell(String href, long count) {
    }

    List<Cell> cells(String username) throws Exception {
        String home = mvc.perform(get("/").session(login(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        if (!home.contains("id=\"region-table\"")) {
            return List.of();
        }
        String table = home.substring(home.indexOf("id=\"region-table\""), home.indexOf("</table>", home.indexOf("id=\"region-table\"")));
        List<Cell> out = new ArrayList<>();
        Matcher m = CELL.matcher(table);
        while (m.find()) {
            out.add(new Cell(m.group(1).replace("&amp;", "&"), Long.parseLong(m.group(2))));
        }
        return out;
    }

    long listTotal(String username, String href) throws Exception {
        String query = href.substring(href.indexOf('?') + 1);
        JsonNode page = json(mvc.perform(auth(get("/api/v1/hazards?size=1&" + query), token(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        return page.get("total").asLong();
    }

    @Test
    void theCityOfficeSeesEachCountyAndEveryFigureMatchesTheListItOpens() throws Exception {
        // something in every column: a reported major hazard awaiting review in 泽州
        awaitingSignOff(coalClause(21));
        List<Cell> cells = cells("city");
        // six counties and the total, five columns each
        assertThat(cells).hasSize(7 * 5);
        assertThat(cells.get(0).href()).startsWith("/hazards?region=1405");
        assertThat(cells).anyMatch(c -> c.href().equals("/hazards?region=140525&status=SIGN_OFF_REQUESTED") && c.count() > 0);
        for (Cell c : cells) {
            assertThat(listTotal("city", c.href())).as(c.href()).isEqualTo(c.count());
        }
        String home = mvc.perform(get("/").session(login("city"))).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("各县（市、区）隐患治理情况", "泽州县", "高平市", "未销号", "逾期", "挂牌", "待批延期", "待审核销号", "合计");
    }

    @Test
    void aCountyOfficeSeesItsTownshipsAndOthersSeeNoTable() throws Exception {
        List<Cell> cells = cells("zezhou");
        assertThat(cells).isNotEmpty();
        assertThat(cells).allMatch(c -> c.href().startsWith("/hazards?region=140525") || !c.href().contains("region="));
        assertThat(cells.stream().filter(c -> c.href().contains("region=")))
                .allMatch(c -> c.href().matches("/hazards\\?region=140525\\d{3}&.*"));
        for (Cell c : cells) {
            assertThat(listTotal("zezhou", c.href())).as(c.href()).isEqualTo(c.count());
        }
        // a member unit sees the counties within its industries
        for (Cell c : cells("yingji")) {
            assertThat(listTotal("yingji", c.href())).as(c.href()).isEqualTo(c.count());
        }
        assertThat(cells("nancun")).isEmpty();
        assertThat(cells("qiye")).isEmpty();
    }
}
