package cn.zhiben.standards;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.support.AccessFixture;
import cn.zhiben.support.UnscopedAccessFixture;
import cn.zhiben.support.FixtureCalls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The standards module's fixtures of the access table (docs/access-table.md). */
final class StandardsAccessFixtures {

    private StandardsAccessFixtures() {
    }

    private static String publishedVersion(JdbcClient jdbc) {
        return jdbc.sql("select id from std_version where status = 'PUBLISHED' and kind = 'STANDARD' order by created_at, id limit 1")
                .query(UUID.class).single().toString();
    }

    /** "standards-version": a published version, which every business account reads (publish/delete then answer 409). */
    static class Version extends UnscopedAccessFixture {
        private final JdbcClient jdbc;

        Version(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String name() {
            return "standards-version";
        }

        @Override
        public Map<String, String> any() {
            return Map.of("id", publishedVersion(jdbc));
        }
    }

    /** "standards-clause": a clause of a published version. */
    static class Clause extends UnscopedAccessFixture {
        private final JdbcClient jdbc;

        Clause(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String name() {
            return "standards-clause";
        }

        @Override
        public Map<String, String> any() {
            return Map.of("id", jdbc.sql("select id from std_clause where version_id = :v order by clause_no, id limit 1")
                    .param("v", UUID.fromString(publishedVersion(jdbc))).query(UUID.class).single().toString());
        }
    }

    /**
     * "standards-local-change": a local clause drafted by 市应急管理局 (yingji) and withdrawn, a final state. The city
     * office and the drafting unit see it; other member units get 404.
     */
    static class LocalChange implements AccessFixture {
        private static final String DRAFTER = "yingji";
        private final JdbcClient jdbc;
        private final FixtureCalls calls;
        private final AccountDirectory accounts;
        private final Clock clock;
        private String id;

        LocalChange(JdbcClient jdbc, MockMvc mvc, AccountDirectory accounts, Clock clock) {
            this.jdbc = jdbc;
            this.calls = new FixtureCalls(mvc);
            this.accounts = accounts;
            this.clock = clock;
        }

        @Override
        public String name() {
            return "standards-local-change";
        }

        @Override
        public void prepare() {
            Set<String> scope = accounts.runAs(DRAFTER, CurrentUser::require).scope().industryCodes();
            record Target(UUID id, Date from, String[] industries) {
            }
            Target v = jdbc.sql("""
                            select id, effective_from, industry_codes from std_version
                            where status = 'PUBLISHED' and kind = 'STANDARD' and not all_industries and effective_to is null
                              and industry_codes <@ cast(:scope as text[])
                            order by created_at, id limit 1""")
                    .param("scope", "{" + String.join(",", scope) + "}")
                    .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getDate(2), (String[]) rs.getArray(3).getArray()))
                    .single();
            String category = jdbc.sql("select code from std_category where version_id = :v order by code limit 1")
                    .param("v", v.id()).query(String.class).single();
            LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
            LocalDate from = v.from() == null || v.from().toLocalDate().isBefore(today) ? today : v.from().toLocalDate();
            String industries = String.join(",", List.of(v.industries()).stream().map(c -> "\"" + c + "\"").toList());
            id = calls.postJson(DRAFTER, "/api/v1/standards/local-changes", """
                    {"kind":"ADD","versionId":"%s","clauseNo":"访问表-%s","categoryCode":"%s","summary":"访问表检查用本地条款",
                     "industries":[%s],"docNo":"访问表检查〔2026〕1号","reason":"访问表检查","effectiveFrom":"%s"}"""
                    .formatted(v.id(), UUID.randomUUID().toString().substring(0, 8), category, industries, from), 201)
                    .get("id").asString();
            calls.call(DRAFTER, post("/api/v1/standards/local-changes/" + id + "/withdraw"), 200);
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            // the drafting unit's accounts (yingji and its officers yingji-zf1/2) see it, not only the drafting account
            UUID drafterUnit = jdbc.sql("select unit_id from idn_user where username = :u").param("u", DRAFTER).query(UUID.class).single();
            boolean sees = caller.role() == cn.zhiben.platform.security.Role.CITY_OFFICE
                    || (caller.role() == cn.zhiben.platform.security.Role.MEMBER_UNIT && drafterUnit.equals(caller.unitId()));
            return sees ? Optional.of(any()) : Optional.empty();
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            return inside(caller).isPresent() ? Optional.empty() : Optional.of(any());
        }

        @Override
        public Map<String, String> any() {
            return Map.of("id", id);
        }
    }
}
