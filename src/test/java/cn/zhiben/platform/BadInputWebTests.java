package cn.zhiben.platform;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The cases of issue 9 item 5, each of which answered 500, 409 or a Tomcat page before: blank items in a multi-valued
 * filter, NUL in a query or a JSON body, an over-long query string. (Uploads: HazardAttachmentNamesWebTests; every other
 * list parameter: QueryParameterFuzzWebTests.)
 */
class BadInputWebTests extends IntegrationTest {

    @Test
    void blankItemsOfAStatusFilterAreIgnoredLikeAnEmptyFilter() throws Exception {
        String token = token("zezhou");
        long all = json(mvc.perform(auth(get("/api/v1/hazards"), token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).get("total").asLong();
        for (String blank : new String[]{",", " ", ",,", " , "}) {
            assertThat(json(mvc.perform(auth(get("/api/v1/hazards").param("status", blank), token)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString()).get("total").asLong()).as("status=%s", blank).isEqualTo(all);
            mvc.perform(auth(get("/api/v1/hazards/export.xlsx").param("status", blank), token)).andExpect(status().isOk());
        }
        String reported = mvc.perform(auth(get("/api/v1/hazards").param("status", "REPORTED,").param("size", "200"), token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        json(reported).get("rows").forEach(r -> assertThat(r.get("status").asString()).isEqualTo("REPORTED"));
        // a wrong item is still named
        mvc.perform(auth(get("/api/v1/hazards").param("status", "REPORTED,HUGE"), token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void aNulInTheQueryIsA400EverywhereNotAServerError() throws Exception {
        String token = token("zezhou");
        for (String path : new String[]{"/api/v1/hazards", "/api/v1/hazards/export.xlsx", "/api/v1/enterprises"}) {
            mvc.perform(auth(get(path).param("keyword", "泽\u0000州"), token))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("INVALID_CHARACTER"));
        }
        mvc.perform(auth(get("/api/v1/hazards").param("status", "\u0000"), token)).andExpect(status().isBadRequest());
        MockHttpSession session = login("zezhou");
        mvc.perform(get("/hazards").param("keyword", "\u0000").session(session)).andExpect(status().isBadRequest());
        mvc.perform(get("/org/enterprises").param("keyword", "\u0000").session(session)).andExpect(status().isBadRequest());
    }

    @Test
    void aNulInAJsonBodyIsA400NamingTheFieldNotADataConflict() throws Exception {
        String token = token("zezhou");
        String marker = "NUL测试" + UUID.randomUUID();
        UUID enterprise = jdbc.sql("select enterprise_id from idn_user where username = 'qiye'").query(UUID.class).single();
        mvc.perform(auth(post("/api/v1/hazards"), token).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","channel":"SUPERVISION","grade":"GENERAL","description":"%s\\u0000",
                         "location":"井口","foundOn":"2026-12-01","foundBy":"检查组","deadline":"2026-12-31"}""".formatted(enterprise, marker)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_CHARACTER"))
                .andExpect(jsonPath("$.errors[0].field").value("description"));
        assertThat(jdbc.sql("select count(*) from hz_hazard where description like :m").param("m", marker + "%")
                .query(Long.class).single()).isZero();
        mvc.perform(auth(put("/api/v1/enterprises/" + enterprise), token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"a\\u0000b\",\"version\":0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_CHARACTER"));
    }

    @Test
    void datesBeyondFourDigitYearsAreA400InQueriesAndBodies() throws Exception {
        String token = token("zezhou");
        for (String param : new String[]{"reportedFrom", "reportedTo", "foundFrom", "foundTo"}) {
            mvc.perform(auth(get("/api/v1/hazards").param(param, "+999999999-12-31"), token))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(param));
        }
        mvc.perform(get("/hazards").param("reportedTo", "+999999999-12-31").session(login("zezhou")))
                .andExpect(status().isBadRequest());
        UUID enterprise = jdbc.sql("select enterprise_id from idn_user where username = 'qiye'").query(UUID.class).single();
        mvc.perform(auth(post("/api/v1/hazards"), token).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","channel":"SUPERVISION","grade":"GENERAL","description":"远期日期",
                         "location":"井口","foundOn":"2026-12-01","foundBy":"检查组","deadline":"+999999999-12-31"}""".formatted(enterprise)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD_VALUE"))
                .andExpect(jsonPath("$.errors[0].field").value("deadline"));
    }

    @Test
    void anOverLongQueryStringGetsAProblemDetailOrAChinesePageNotTomcatsReport() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String longQuery = "?keyword=" + "x".repeat(20_000);
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/hazards" + longQuery))
                .header("Authorization", "Bearer " + token("zezhou")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isBetween(400, 499);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.body()).contains("\"code\"").doesNotContain("Apache Tomcat").doesNotContain("HTTP Status");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hazards" + longQuery))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isBetween(400, 499);
        assertThat(page.body()).contains("请求").doesNotContain("Apache Tomcat").doesNotContain("HTTP Status");
    }

    @Test
    void errorAskedForDirectlyIsNotFoundNotAServerError() throws Exception {
        mvc.perform(get("/error")).andExpect(status().isNotFound());
        mvc.perform(get("/error/problem")).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }
}
