package cn.zhiben.hazards;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The hazard pages as a browser session uses them: form login, CSRF, the version the page rendered. */
abstract class HazardPageTestSupport extends HazardTestSupport {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    /** A text no other test uses, to find this test's hazard in shared lists. */
    protected static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36) + SEQ.incrementAndGet();
    }

    protected MvcResult open(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andReturn();
    }

    protected String page(MockHttpSession session, String path) throws Exception {
        MvcResult r = open(session, path);
        if (r.getResponse().getStatus() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.getResponse().getStatus());
        }
        return r.getResponse().getContentAsString();
    }

    /** The version the detail page renders into its forms. */
    protected int pageVersion(MockHttpSession session, UUID id) throws Exception {
        Matcher m = VERSION.matcher(page(session, "/hazards/" + id));
        if (!m.find()) {
            throw new AssertionError("no form with a version on /hazards/" + id);
        }
        return Integer.parseInt(m.group(1));
    }

    /** Posts one of the detail page's forms with the given fields (version included by the caller). */
    protected MvcResult submit(MockHttpSession session, UUID id, String verb, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = post("/hazards/" + id + "/" + verb).session(session).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    /** A major hazard self-reported through the API by qiye (pending department confirmation), with the given description. */
    protected UUID selfReported(UUID clause, String description) throws Exception {
        var body = majorSelfReport(coalMine(), clause);
        body.put("description", description);
        return UUID.fromString(created(token("qiye"), body).get("id").asString());
    }

    protected String number(UUID id) {
        return jdbc.sql("select number from hz_hazard where id = :id").param("id", id).query(String.class).single();
    }
}
