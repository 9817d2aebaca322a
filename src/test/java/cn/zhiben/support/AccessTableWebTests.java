package cn.zhiben.support;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.support.AccessTable.Row;
import cn.zhiben.support.Endpoints.Endpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The endpoint × caller guard (issue 9 item 6): every request mapping of the running application against every demo
 * account and an anonymous caller, checked against the access table in src/test/resources/access/*.tsv
 * (docs/access-table.md). An endpoint without a row fails with the row to add.
 */
class AccessTableWebTests extends IntegrationTest {

    /** -Daccess.modules=hazards,org probes only those modules' rows (while working on them); coverage stays complete. */
    private static final Set<String> ONLY = Set.of(System.getProperty("access.modules", "").split(",")).stream()
            .filter(s -> !s.isBlank()).collect(Collectors.toSet());
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    @Autowired
    ApplicationContext context;
    @Autowired
    AccountDirectory accounts;

    @Test
    void everyEndpointHasExactlyOneRowInItsModulesTable() throws Exception {
        List<String> problems = coverage(Endpoints.all(context), AccessTable.load());
        assertThat(problems).as(() -> "The access table does not match the application's endpoints "
                + "(format: docs/access-table.md):\n" + String.join("\n", problems)).isEmpty();
    }

    @Test
    void theReadmeListsExactlyTheDemoAccounts() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|").matcher(readme);
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertThat(listed).as("demo accounts in the README table").isEqualTo(new TreeSet<>(demoAccounts()));
    }

    @Test
    void everyDemoAccountGetsWhatTheTableSaysFromEveryEndpoint() throws Exception {
        List<Endpoint> endpoints = Endpoints.all(context);
        AccessTable table = AccessTable.load();
        assertThat(coverage(endpoints, table)).as("table coverage, see the other test of this class").isEmpty();
        Map<String, Endpoint> byKey = endpoints.stream().collect(Collectors.toMap(Endpoint::key, e -> e));

        List<Caller> callers = callers();
        Map<String, AccessFixture> fixtures = fixtures();
        List<String> failures = new ArrayList<>();
        for (Row row : table.rows()) {
            for (String account : row.who().accounts()) {
                if (callers.stream().noneMatch(c -> account.equals(c.username()))) {
                    failures.add(row.where() + ": @" + account + " is not a demo account");
                }
            }
            if (row.fixture() != null && !fixtures.containsKey(row.fixture())) {
                failures.add(row.where() + ": no AccessFixture named " + row.fixture() + " (known: " + new TreeSet<>(fixtures.keySet()) + ")");
            }
        }
        assertThat(failures).as(() -> String.join("\n", failures)).isEmpty();
        for (AccessFixture f : fixtures.values()) {
            f.prepare();
        }
        Probe probe = new Probe(fixtures);
        long started = System.nanoTime();
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try {
            for (Row row : table.rows()) {
                if (!ONLY.isEmpty() && !ONLY.contains(row.module())) {
                    continue;
                }
                Endpoint endpoint = byKey.get(row.key());
                for (Caller caller : callers) {
                    probe.check(row, endpoint, caller, failures);
                }
            }
        } finally {
            for (AccessFixture f : fixtures.values()) {
                f.finish();
            }
        }
        // wall time depends on what else the machine runs; the test thread's CPU time does not (the database's is not in it)
        System.out.printf("access table: %d rows × %d callers, %d requests in %.1f s (%.1f s CPU of the test thread)%n",
                table.rows().size(), callers.size(), probe.requests, (System.nanoTime() - started) / 1e9,
                (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9);
        assertThat(failures).as(() -> failures.size() + " endpoint answers differ from the access table "
                + "(docs/access-table.md):\n" + String.join("\n", failures)).isEmpty();
    }

    // ---- coverage ----

    static List<String> coverage(List<Endpoint> endpoints, AccessTable table) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        table.rows().forEach(r -> rows.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        Set<String> mapped = new LinkedHashSet<>();
        for (Endpoint e : endpoints) {
            mapped.add(e.key());
            List<Row> found = rows.get(e.key());
            if (found == null) {
                String fixture = Endpoints.variables(e.path()).isEmpty() ? "-" : "<fixture>";
                problems.add("missing: add to " + AccessTable.LOCATION + e.module() + ".tsv the row\n    "
                        + e.method() + "\t" + e.path() + "\t<who may call>\t" + fixture
                        + "\n  (handler " + e.handler().getBeanType().getSimpleName() + "." + e.handler().getMethod().getName() + ")");
                continue;
            }
            if (found.size() > 1) {
                problems.add("duplicate rows for " + e.key() + ": " + found.stream().map(Row::where).toList());
            }
            for (Row r : found) {
                if (!r.module().equals(e.module())) {
                    problems.add(r.where() + ": " + e.key() + " belongs in " + AccessTable.LOCATION + e.module() + ".tsv (handler "
                            + e.handler().getBeanType().getName() + ")");
                }
                for (String v : Endpoints.variables(e.path())) {
                    if (!r.literals().containsKey(v) && r.fixture() == null) {
                        problems.add(r.where() + ": {" + v + "} needs a fixture or a literal " + v + "=…");
                    }
                }
            }
        }
        for (Row r : table.rows()) {
            if (!mapped.contains(r.key())) {
                problems.add(r.where() + ": no such endpoint " + r.key() + " — remove the row, or fix its method/path");
            }
        }
        return problems;
    }

    // ---- callers and fixtures ----

    /** A demo account with its principal, or the anonymous caller (user null). */
    record Caller(String username, CurrentUser user) {
        boolean anonymous() {
            return user == null;
        }

        String label() {
            return anonymous() ? "anonymous" : username;
        }
    }

    private List<String> demoAccounts() {
        return jdbc.sql("select username from idn_user where demo order by username").query(String.class).list();
    }

    private List<Caller> callers() {
        List<Caller> out = new ArrayList<>();
        out.add(new Caller(null, null));
        for (String username : demoAccounts()) {
            out.add(new Caller(username, accounts.runAs(username, CurrentUser::require)));
        }
        return out;
    }

    /** Every AccessFixture implementation under cn.zhiben, made by the application context. */
    private Map<String, AccessFixture> fixtures() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(AccessFixture.class));
        Map<String, AccessFixture> out = new LinkedHashMap<>();
        for (BeanDefinition d : scanner.findCandidateComponents("cn.zhiben")) {
            Class<?> type = Class.forName(d.getBeanClassName());
            AccessFixture f = (AccessFixture) context.getAutowireCapableBeanFactory().createBean(type);
            AccessFixture previous = out.put(f.name(), f);
            if (previous != null) {
                throw new IllegalStateException("two fixtures named " + f.name() + ": " + previous.getClass() + ", " + type);
            }
        }
        return out;
    }

    // ---- requests ----

    /** What an answer means for access. */
    enum Seen {
        ALLOWED, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, SERVER_ERROR, WRONG_REQUEST
    }

    /** Runs the requests, with one token and one session per account. */
    private final class Probe {
        private final Map<String, AccessFixture> fixtures;
        private final org.springframework.test.web.servlet.MockMvc quiet = QuietMockMvc.of(context);
        private final CachedLogins logins = new CachedLogins(AccessTableWebTests.this::token, AccessTableWebTests.this::login);
        private final Map<String, Optional<Map<String, String>>> inside = new HashMap<>();
        private final Map<String, Optional<Map<String, String>>> outside = new HashMap<>();
        int requests;

        Probe(Map<String, AccessFixture> fixtures) {
            this.fixtures = fixtures;
        }

        void check(Row row, Endpoint endpoint, Caller caller, List<String> failures) throws Exception {
            AccessFixture fixture = row.fixture() == null ? null : fixtures.get(row.fixture());
            if (caller.anonymous()) {
                Map<String, String> vars = fixture == null ? Map.of() : fixture.any();
                Seen seen = perform(row, endpoint, caller, vars, failures, "");
                boolean ok = row.who().anonymous() ? allowed(row, seen) : seen == Seen.UNAUTHENTICATED;
                expect(ok, row, caller, row.who().anonymous() ? "allowed" : "401 / login page", seen, failures, "");
                return;
            }
            boolean allowed = row.who().allows(caller.user());
            Optional<Map<String, String>> in = fixture == null ? Optional.of(Map.of()) : inside(fixture, caller);
            if (allowed) {
                // an allowed account with nothing of the kind in its scope has only the outside probe
                if (in.isPresent()) {
                    Seen seen = perform(row, endpoint, caller, in.get(), failures, "");
                    expect(allowed(row, seen), row, caller, "allowed", seen, failures, "");
                }
            } else {
                Map<String, String> vars = in.orElseGet(() -> outside(fixture, caller).orElseGet(fixture::any));
                Seen seen = perform(row, endpoint, caller, vars, failures, "");
                boolean ok = seen == Seen.FORBIDDEN || (in.isEmpty() && seen == Seen.NOT_FOUND);
                expect(ok, row, caller, "403", seen, failures, in.isEmpty() ? " (an object it cannot see)" : "");
                return;
            }
            if (fixture != null) {
                Optional<Map<String, String>> out = outside(fixture, caller);
                if (out.isPresent()) {
                    Seen seen = perform(row, endpoint, caller, out.get(), failures, " outside its scope");
                    expect(seen == Seen.NOT_FOUND, row, caller, "404", seen, failures, " outside its scope");
                }
            }
        }

        /** Allowed: the request got past every check of who may call (it may still fail validation or state checks). */
        private boolean allowed(Row row, Seen seen) {
            return seen == Seen.ALLOWED || (seen == Seen.NOT_FOUND && !row.hasObject());
        }

        private Optional<Map<String, String>> inside(AccessFixture f, Caller c) {
            return f.reusable() ? inside.computeIfAbsent(f.name() + "|" + c.username(), k -> f.inside(c.user())) : f.inside(c.user());
        }

        private Optional<Map<String, String>> outside(AccessFixture f, Caller c) {
            return f.reusable() ? outside.computeIfAbsent(f.name() + "|" + c.username(), k -> f.outside(c.user())) : f.outside(c.user());
        }

        private void expect(boolean ok, Row row, Caller caller, String expected, Seen seen, List<String> failures, String note) {
            if (!ok && seen != Seen.SERVER_ERROR && seen != Seen.WRONG_REQUEST) {
                failures.add(row.where() + " " + row.key() + " as " + caller.label() + note + ": expected " + expected + ", got "
                        + last + "   [allowed: " + row.who() + "]");
            }
        }

        private String last;

        private Seen perform(Row row, Endpoint endpoint, Caller caller, Map<String, String> fixtureValues, List<String> failures,
                             String note) throws Exception {
            Map<String, String> vars = new HashMap<>(builtIns());
            vars.putAll(fixtureValues);
            vars.putAll(row.literals());
            String uri = Endpoints.expand(row.path(), vars);
            HttpMethod method = row.method().equals("ANY") ? HttpMethod.GET : HttpMethod.valueOf(row.method());
            boolean api = endpoint.api();
            AbstractMockHttpServletRequestBuilder<?> request = endpoint.multipart()
                    ? MockMvcRequestBuilders.multipart(method, URI.create(uri))
                    : MockMvcRequestBuilders.request(method, URI.create(uri));
            boolean hasBody = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
            if (endpoint.multipart() && row.request() != null) {
                MockMultipartHttpServletRequestBuilder upload = (MockMultipartHttpServletRequestBuilder) request;
                for (String pair : fill(row.request(), vars, row).split("&")) {
                    int eq = pair.indexOf('=');
                    String name = pair.substring(0, eq);
                    String value = pair.substring(eq + 1);
                    if (value.startsWith("@")) {
                        upload.file(SampleFiles.part(name, value.substring(1)));
                    } else {
                        upload.param(name, value);
                    }
                }
            } else if (hasBody && !endpoint.multipart()) {
                String body = row.request() == null ? null : fill(row.request(), vars, row);
                if (api || (body != null && body.startsWith("{"))) {
                    request.contentType(MediaType.APPLICATION_JSON).content(body == null ? "{}" : body);
                } else {
                    request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
                    if (body != null) {
                        for (String pair : body.split("&")) {
                            int eq = pair.indexOf('=');
                            request.param(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                        }
                    }
                }
            } else if (row.request() != null && !hasBody) {
                // query parameters for GET/DELETE
                for (String pair : fill(row.request(), vars, row).split("&")) {
                    int eq = pair.indexOf('=');
                    request.param(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            if (!caller.anonymous()) {
                if (api) {
                    request.header("Authorization", "Bearer " + (row.fresh() ? logins.freshToken(caller.username())
                            : logins.token(caller.username())));
                } else {
                    request.session(row.fresh() ? logins.freshSession(caller.username()) : logins.session(caller.username()));
                }
            }
            if (!api) {
                request.with(csrf());
            }
            requests++;
            MvcResult result;
            try {
                result = quiet.perform(request).andReturn();
            } catch (Exception e) {
                last = "exception " + e;
                failures.add(row.where() + " " + row.key() + " as " + caller.label() + note + ": " + uri + " threw " + e);
                return Seen.SERVER_ERROR;
            }
            int status = result.getResponse().getStatus();
            String location = result.getResponse().getRedirectedUrl();
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            last = status + (location != null ? " → " + location : "") + " " + excerpt(body);
            Seen seen = classify(status, location, api);
            if (seen == Seen.SERVER_ERROR || seen == Seen.WRONG_REQUEST) {
                failures.add(row.where() + " " + row.key() + " as " + caller.label() + note + ": " + uri + " answered " + last);
            }
            return seen;
        }
    }

    static Seen classify(int status, String location, boolean api) {
        if (status >= 500) {
            return Seen.SERVER_ERROR;
        }
        if (status == 401 || (!api && status == 302 && location != null && location.matches("(https?://[^/]+)?/login(\\?.*)?"))) {
            return Seen.UNAUTHENTICATED;
        }
        return switch (status) {
            case 403 -> Seen.FORBIDDEN;
            case 404 -> Seen.NOT_FOUND;
            case 405, 406 -> Seen.WRONG_REQUEST;
            default -> Seen.ALLOWED;
        };
    }

    private Map<String, String> builtIns() {
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        return Map.of("today", today.toString(), "tomorrow", today.plusDays(1).toString(),
                "nextMonth", today.plusMonths(1).toString());
    }

    private static String fill(String template, Map<String, String> vars, Row row) {
        Matcher m = TEMPLATE_VARIABLE.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException(row.where() + ": no value for ${" + m.group(1) + "} in the request");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        Matcher code = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"").matcher(flat);
        if (code.find()) {
            return code.group(1);
        }
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
