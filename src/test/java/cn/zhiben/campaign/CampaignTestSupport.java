package cn.zhiben.campaign;

import cn.zhiben.campaign.internal.ProgrammeRepository;
import cn.zhiben.campaign.internal.ProgrammeService;
import cn.zhiben.campaign.internal.ReferencePlan;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Campaign tests make their own programme — a copy of the city's plan for a year no other test uses, checked and
 * activated by the demo city office through the real verbs — so they never depend on demo data or on each other.
 */
public abstract class CampaignTestSupport extends IntegrationTest {

    protected static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    protected ProgrammeService programmes;
    @Autowired
    protected ProgrammeRepository programmeRepository;
    @Autowired
    protected AccountDirectory accounts;
    @Autowired
    protected UnitCatalog units;

    /** A new ACTIVE programme copied from the city's plan, running through the given year, reporting from its January. */
    protected UUID activeProgramme(int year) {
        return accounts.runAs("city", () -> {
            UUID reference = programmeRepository.findByCode(ReferencePlan.CODE).orElseThrow().id();
            UUID id = programmes.copy(reference, new ProgrammeService.CopyInput("T-" + year + "-" + System.nanoTime() % 1_000_000
                    + "-" + SEQ.incrementAndGet(), "测试方案 " + year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                    LocalDate.of(year, 1, 1), "测试"));
            programmeRepository.structure(id).forEach(a -> a.measures().forEach(m -> programmes.checkMeasure(id, m.id())));
            programmes.activate(id);
            return id;
        });
    }

    protected UUID unit(String name) {
        return units.findByName(name).orElseThrow().id();
    }

    protected static Instant at(int y, int m, int d, int h, int min, int s) {
        return LocalDateTime.of(y, m, d, h, min, s).atZone(SHANGHAI).toInstant();
    }

    protected <T> T as(String username, java.util.function.Supplier<T> work) {
        return accounts.runAs(username, work);
    }

    protected void as(String username, Runnable work) {
        accounts.runAs(username, () -> {
            work.run();
            return null;
        });
    }

    protected long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }

    /** An API call as a demo account with a JSON body; tokens are kept per account for the test JVM. */
    protected org.springframework.test.web.servlet.ResultActions call(String username, String method, String path, Object body)
            throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(
                org.springframework.http.HttpMethod.valueOf(method), path).header("Authorization", "Bearer " + tokenOf(username));
        if (body != null) {
            request = request.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content(body instanceof String s ? s : JSON.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    protected tools.jackson.databind.JsonNode read(String username, String path) throws Exception {
        String body = call(username, "GET", path, null).andReturn().getResponse().getContentAsString();
        return json(body);
    }

    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A token issued at the test clock's time (a token expires, and goes idle, by that clock). */
    protected String tokenOf(String username) throws Exception {
        String key = username + "@" + clock.instant().getEpochSecond() / 300;
        String t = TOKENS.get(key);
        if (t == null) {
            t = token(username);
            TOKENS.put(key, t);
        }
        return t;
    }

    protected static java.util.Map<String, Object> map(Object... kv) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    protected List<String> inboxTitles(String username) {
        UUID id = jdbc.sql("select id from idn_user where username = :u").param("u", username).query(UUID.class).single();
        return jdbc.sql("select title from ntf_message where recipient_user_id = :u order by created_at").param("u", id)
                .query(String.class).list();
    }
}
