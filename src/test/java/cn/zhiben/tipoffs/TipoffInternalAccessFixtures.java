package cn.zhiben.tipoffs;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.support.AccessFixture;
import cn.zhiben.support.UnscopedAccessFixture;
import cn.zhiben.tipoffs.internal.InternalReporting;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Access-table fixtures of the internal channel: "tipoff-internal-channel" (the demo coal mine's link) and
 * "tipoff-internal-report" (a report of the caller's enterprise, handled and rewarded — final, so the verbs are refused
 * after the rights check; the other demo enterprise's report is outside).
 */
final class TipoffInternalAccessFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> CHANNELS = new HashMap<>();
    private static final Map<String, UUID> REPORTS = new HashMap<>();

    private TipoffInternalAccessFixtures() {
    }

    /** The channel token of the enterprise of this enterprise account, and one final report in it. */
    static synchronized UUID reportOf(String username, InternalReporting internal, AccountDirectory accounts, MockMvc mvc,
                                      Clock clock) throws Exception {
        if (REPORTS.containsKey(username)) {
            return REPORTS.get(username);
        }
        String token = channelOf(username, internal, accounts);
        JsonNode c = JSON.readTree(mvc.perform(get("/api/v1/public/tipoffs/challenge").with(r -> {
            r.setRemoteAddr("10.99.0." + (REPORTS.size() + 1));
            return r;
        })).andReturn().getResponse().getContentAsString());
        String challenge = c.get("challenge").asString();
        String body = JSON.writeValueAsString(Map.of("description", "访问表检查", "challenge", challenge,
                "answer", TipoffTestSupport.solve(challenge, c.get("bits").asInt())));
        String number = JSON.readTree(mvc.perform(post("/api/v1/public/tipoffs/internal/" + token).with(r -> {
            r.setRemoteAddr("10.99.0." + (REPORTS.size() + 1));
            return r;
        }).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getContentAsString()).get("number").asString();
        UUID id = accounts.runAs(username, () -> internal.reports().stream().filter(r -> r.number().equals(number))
                .findFirst().orElseThrow().id());
        accounts.runAs(username, () -> {
            internal.handle(id, new InternalReporting.Handling(true, false, "访问表检查", null));
            internal.reward(id, new InternalReporting.Reward(10_000L, "访问表检查",
                    LocalDate.now(clock.withZone(PlatformConfiguration.ZONE))));
            return null;
        });
        REPORTS.put(username, id);
        return id;
    }

    static synchronized String channelOf(String username, InternalReporting internal, AccountDirectory accounts) {
        return CHANNELS.computeIfAbsent(username, u -> accounts.runAs(u, () -> internal.channel().token()));
    }

    static class Channel extends UnscopedAccessFixture {
        private final InternalReporting internal;
        private final AccountDirectory accounts;

        Channel(InternalReporting internal, AccountDirectory accounts) {
            this.internal = internal;
            this.accounts = accounts;
        }

        @Override
        public String name() {
            return "tipoff-internal-channel";
        }

        @Override
        public Map<String, String> any() {
            return Map.of("token", channelOf("qiye", internal, accounts));
        }
    }

    static class Report implements AccessFixture {
        private final InternalReporting internal;
        private final AccountDirectory accounts;
        private final MockMvc mvc;
        private final Clock clock;
        private final JdbcClient jdbc;

        Report(InternalReporting internal, AccountDirectory accounts, MockMvc mvc, Clock clock, JdbcClient jdbc) {
            this.internal = internal;
            this.accounts = accounts;
            this.mvc = mvc;
            this.clock = clock;
            this.jdbc = jdbc;
        }

        @Override
        public String name() {
            return "tipoff-internal-report";
        }

        @Override
        public void prepare() throws Exception {
            reportOf("qiye", internal, accounts, mvc, clock);
            reportOf("qiye-huagong", internal, accounts, mvc, clock);
        }

        private Map<String, String> of(String username) {
            return Map.of("id", REPORTS.get(username).toString());
        }

        private boolean coalMine(CurrentUser caller) {
            UUID mine = jdbc.sql("select enterprise_id from idn_user where username = 'qiye'").query(UUID.class).single();
            return mine.equals(caller.enterpriseId());
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            if (caller.enterpriseId() == null) {
                return Optional.empty();
            }
            return Optional.of(of(coalMine(caller) ? "qiye" : "qiye-huagong"));
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            return Optional.of(of(caller.enterpriseId() != null && coalMine(caller) ? "qiye-huagong" : "qiye"));
        }

        @Override
        public Map<String, String> any() {
            return of("qiye");
        }
    }
}
