package cn.zhiben.standards;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every standards endpoint checks rights: an enterprise reads the library but cannot change it; administrators see nothing. */
class StandardsAccessWebTests extends StandardsTestSupport {

    private UUID enterpriseId;

    @BeforeEach
    void fixture() {
        enterpriseId = enterprise("测试权限企业", "140525100", "indtrade.light");
    }

    @AfterEach
    void cleanUp() {
        deleteEnterprise(enterpriseId);
    }

    private List<MockHttpServletRequestBuilder> reads() {
        String coal = version("coal-2021").toString();
        return List.of(
                get("/api/v1/standards").param("industry", "mine.coal").param("date", "2024-01-01"),
                get("/api/v1/standards/versions"),
                get("/api/v1/standards/versions/" + coal),
                get("/api/v1/standards/versions/" + coal + "/export").param("format", "json"),
                get("/api/v1/standards/compare").param("from", version("fire-2017").toString()).param("to", version("fire-2025").toString()),
                get("/api/v1/standards/clauses/search").param("q", "瓦斯"),
                get("/api/v1/standards/clauses/" + clause("coal-2021", "4.1")),
                get("/api/v1/standards/special-operations"));
    }

    private List<MockHttpServletRequestBuilder> writes() {
        UUID any = UUID.randomUUID();
        return List.of(
                post("/api/v1/standards/versions/" + version("coal-2021") + "/publish"),
                delete("/api/v1/standards/versions/" + version("coal-2021")),
                post("/api/v1/standards/local-changes").contentType(MediaType.APPLICATION_JSON).content("{}"),
                get("/api/v1/standards/local-changes"),
                get("/api/v1/standards/local-changes/" + any),
                post("/api/v1/standards/local-changes/" + any + "/approve"),
                post("/api/v1/standards/local-changes/" + any + "/reject"),
                post("/api/v1/standards/local-changes/" + any + "/withdraw"));
    }

    @Test
    void enterpriseUserReadsTheLibraryButCannotChangeIt() throws Exception {
        for (MockHttpServletRequestBuilder r : reads()) {
            mvc.perform(r.with(enterpriseUser(enterpriseId))).andExpect(status().isOk());
        }
        for (MockHttpServletRequestBuilder r : writes()) {
            mvc.perform(r.with(enterpriseUser(enterpriseId))).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        }
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/standards/import")
                        .file("file", "{}".getBytes()).with(enterpriseUser(enterpriseId)))
                .andExpect(status().isForbidden());
    }

    @Test
    void countyOfficeReadsButCannotWrite() throws Exception {
        String zezhou = token("zezhou");
        for (MockHttpServletRequestBuilder r : reads()) {
            mvc.perform(auth(r, zezhou)).andExpect(status().isOk());
        }
        for (MockHttpServletRequestBuilder r : writes()) {
            mvc.perform(auth(r, zezhou)).andExpect(status().isForbidden());
        }
    }

    @Test
    void administratorsAndAnonymousCallersAreRejected() throws Exception {
        String sysadmin = token("sysadmin");
        for (MockHttpServletRequestBuilder r : reads()) {
            mvc.perform(auth(r, sysadmin)).andExpect(status().isForbidden());
        }
        for (MockHttpServletRequestBuilder r : reads()) {
            mvc.perform(r).andExpect(status().isUnauthorized());
        }
        for (MockHttpServletRequestBuilder r : writes()) {
            mvc.perform(r).andExpect(status().isUnauthorized());
        }
    }

    @Test
    void unknownIndustryOrVersionIsAClearProblem() throws Exception {
        String city = token("city");
        mvc.perform(auth(get("/api/v1/standards").param("industry", "no.such"), city))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_INDUSTRY"));
        mvc.perform(auth(get("/api/v1/standards/versions/" + UUID.randomUUID()), city))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("VERSION_NOT_FOUND"));
        mvc.perform(auth(get("/api/v1/standards/clauses/" + UUID.randomUUID()), city))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("CLAUSE_NOT_FOUND"));
        mvc.perform(auth(get("/api/v1/standards/versions/" + version("coal-2021") + "/export").param("format", "pdf"), city))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNSUPPORTED_FORMAT"));
    }

    @Test
    void libraryAtADateCarriesConfidenceMarksAndSources() throws Exception {
        mvc.perform(auth(get("/api/v1/standards").param("industry", "indtrade.metallurgy").param("date", "2024-01-01"), token("zezhou")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.industryName").value("冶金（含钢铁）"))
                .andExpect(jsonPath("$.standards[0].version.docNo").value("应急管理部令第10号"))
                .andExpect(jsonPath("$.standards[0].version.source").isNotEmpty())
                .andExpect(jsonPath("$.standards[0].categories[1].name").value("冶金行业（第四条）"))
                .andExpect(jsonPath("$.standards[0].categories[1].clauses[0].confidence").value("CONFIRMED"))
                .andExpect(jsonPath("$.standards[0].categories[1].clauses[4].clauseNo").value("4.5"))
                .andExpect(jsonPath("$.standards[0].categories[1].clauses[4].confidence").value("UNCONFIRMED"));
    }
}
