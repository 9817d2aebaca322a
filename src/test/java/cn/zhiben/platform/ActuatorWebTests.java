package cn.zhiben.platform;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Health is public for load balancers; metrics belong to the system administrator. */
class ActuatorWebTests extends IntegrationTest {

    @Test
    void healthIsPublicAndUp() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void prometheusMetricsAreForTheSystemAdministratorOnly() throws Exception {
        mvc.perform(auth(get("/actuator/prometheus"), token("sysadmin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("hikaricp_connections")));
        mvc.perform(auth(get("/actuator/prometheus"), token("city"))).andExpect(status().isForbidden());
        mvc.perform(auth(get("/actuator/prometheus"), token("auditadmin"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }
}
