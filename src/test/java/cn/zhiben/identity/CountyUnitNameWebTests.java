package cn.zhiben.identity;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/** A county department's account shows its own unit, not the city unit it shares industries with (issue 10 item 5). */
class CountyUnitNameWebTests extends IntegrationTest {

    @Test
    void theCountyEmergencyBureauIsShownAsItself() throws Exception {
        String home = mvc.perform(get("/").session(login("zezhou-yingji"))).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("县级部门 · 泽州县应急管理局").doesNotContain("市应急管理局");
        mvc.perform(auth(get("/api/v1/auth/me"), token("zezhou-yingji"))).andExpect(jsonPath("$.unitName").value("泽州县应急管理局"));
        // the city's member unit is still the city's
        String city = mvc.perform(get("/").session(login("yingji"))).andReturn().getResponse().getContentAsString();
        assertThat(city).contains("市级成员单位 · 市应急管理局");
    }
}
