package cn.zhiben.identity;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Enterprise accounts carry their position in the two-level confirmation: safety department or principal. */
class EnterprisePositionWebTests extends IntegrationTest {

    private UUID demoCoalMine() {
        return jdbc.sql("select enterprise_id from idn_user where username = 'qiye'").query(UUID.class).single();
    }

    @Test
    void securityAdministratorCreatesAPrincipalAccountAndItsTokenSaysSo() throws Exception {
        String sec = token("secadmin");
        String username = "fzr" + System.nanoTime() % 1_000_000;
        String body = mvc.perform(auth(post("/api/v1/users"), sec).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"%s","displayName":"主要负责人","role":"ENTERPRISE","enterpriseId":"%s","enterprisePosition":"PRINCIPAL"}"""
                        .formatted(username, demoCoalMine())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.user.enterprisePosition").value("PRINCIPAL"))
                .andExpect(jsonPath("$.user.enterprisePositionLabel").value("主要负责人"))
                .andReturn().getResponse().getContentAsString();
        assertThat(json(body).get("oneTimePassword").asString()).isNotBlank();
    }

    @Test
    void anEnterpriseAccountWithoutAPositionIsItsSafetyDepartment() throws Exception {
        String sec = token("secadmin");
        String username = "aqk" + System.nanoTime() % 1_000_000;
        mvc.perform(auth(post("/api/v1/users"), sec).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"%s","displayName":"安全科","role":"ENTERPRISE","enterpriseId":"%s"}""".formatted(username, demoCoalMine())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.user.enterprisePosition").value("SAFETY_MANAGER"));
    }

    @Test
    void aPositionOnAGovernmentAccountIsRefusedAndNothingIsStored() throws Exception {
        String sec = token("secadmin");
        String username = "bad" + System.nanoTime() % 1_000_000;
        mvc.perform(auth(post("/api/v1/users"), sec).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"%s","displayName":"x","role":"CITY_OFFICE","enterprisePosition":"PRINCIPAL"}""".formatted(username)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("USER_SCOPE_INVALID"))
                .andExpect(jsonPath("$.errors[0].field").value("enterprisePosition"));
        assertThat(jdbc.sql("select count(*) from idn_user where username = :u").param("u", username).query(Long.class).single()).isZero();
    }

    @Test
    void theDemoPrincipalSeesItsPositionInItsOwnProfile() throws Exception {
        mvc.perform(auth(get("/api/v1/auth/me"), token("qiye-fzr")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("ENTERPRISE"));
        assertThat(jdbc.sql("select enterprise_position from idn_user where username = 'qiye-fzr'").query(String.class).single())
                .isEqualTo("PRINCIPAL");
    }

    @Test
    void changingThePositionEndsTheAccountsTokens() throws Exception {
        String sec = token("secadmin");
        String username = "pos" + System.nanoTime() % 1_000_000;
        String created = mvc.perform(auth(post("/api/v1/users"), sec).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"%s","displayName":"安全科","role":"ENTERPRISE","enterpriseId":"%s"}""".formatted(username, demoCoalMine())))
                .andReturn().getResponse().getContentAsString();
        String id = json(created).get("user").get("id").asString();
        int version = json(created).get("user").get("version").asInt();
        String stampBefore = jdbc.sql("select security_stamp::text from idn_user where id = :id::uuid").param("id", id).query(String.class).single();
        mvc.perform(auth(put("/api/v1/users/" + id), sec).contentType(MediaType.APPLICATION_JSON).content("""
                        {"displayName":"安全科","role":"ENTERPRISE","enterpriseId":"%s","enterprisePosition":"PRINCIPAL","version":%d}"""
                        .formatted(demoCoalMine(), version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enterprisePosition").value("PRINCIPAL"));
        assertThat(jdbc.sql("select security_stamp::text from idn_user where id = :id::uuid").param("id", id).query(String.class).single())
                .isNotEqualTo(stampBefore);
    }
}
