package cn.zhiben.org;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The enterprise list offers only the regions of the user's scope to filter by (issue 10 item 11). */
class EnterpriseRegionFilterWebTests extends IntegrationTest {

    private String regionFilter(String username) throws Exception {
        String page = mvc.perform(get("/org/enterprises").session(login(username))).andReturn().getResponse().getContentAsString();
        int start = page.indexOf("id=\"region-filter\"");
        return start < 0 ? "" : page.substring(start, page.indexOf("</select>", start));
    }

    @Test
    void eachUserFiltersByTheRegionsOfItsOwnScope() throws Exception {
        assertThat(regionFilter("city")).contains("泽州县").contains("高平市").contains("南村镇").contains("晋城经济技术开发区");
        assertThat(regionFilter("zezhou")).contains("泽州县").contains("南村镇").doesNotContain("高平市").doesNotContain("开发区");
        assertThat(regionFilter("zezhou-yingji")).contains("泽州县").doesNotContain("高平市");
        // a township and an enterprise have nothing to choose between
        assertThat(regionFilter("nancun")).isEmpty();
        assertThat(regionFilter("qiye")).isEmpty();
    }
}
