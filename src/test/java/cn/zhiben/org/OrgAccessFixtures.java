package cn.zhiben.org;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.support.AccessFixture;
import cn.zhiben.support.UnscopedAccessFixture;
import cn.zhiben.support.FixtureCalls;
import cn.zhiben.support.ScopeSamples;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** The org module's fixtures of the access table (docs/access-table.md). */
final class OrgAccessFixtures {

    private OrgAccessFixtures() {
    }

    /** A leading group member made for the check by the city office (the only one that may edit the group). */
    private static String newMember(FixtureCalls calls) {
        return calls.postJson("city", "/api/v1/leading-group",
                    "{\"personName\":\"访问表检查\",\"jobTitle\":\"测试成员（检查后删除）\",\"position\":\"MEMBER\"}", 201).get("id").asString();
    }

    /** "org-enterprise": an enterprise inside / outside the account's scope. Value: id. */
    static class Enterprise implements AccessFixture {
        private final JdbcClient jdbc;

        Enterprise(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String name() {
            return "org-enterprise";
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            return ScopeSamples.enterpriseInside(jdbc, caller).map(id -> Map.of("id", id.toString()));
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            return ScopeSamples.enterpriseOutside(jdbc, caller).map(id -> Map.of("id", id.toString()));
        }

        @Override
        public Map<String, String> any() {
            return Map.of("id", ScopeSamples.enterpriseOf(jdbc, "qiye").toString());
        }
    }

    /** "org-unit": a committee unit (reference data, every account reads it). Value: id. */
    static class Unit extends UnscopedAccessFixture {
        private final JdbcClient jdbc;

        Unit(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String name() {
            return "org-unit";
        }

        @Override
        public Map<String, String> any() {
            return Map.of("id", jdbc.sql("select id from org_unit order by name limit 1").query(UUID.class).single().toString());
        }
    }

    /** "org-leading-group-member": a member made for the check (read and edited with invalid input, never changed). */
    static class LeadingGroupMember extends UnscopedAccessFixture {
        private final FixtureCalls calls;
        private String id;

        LeadingGroupMember(MockMvc mvc) {
            this.calls = new FixtureCalls(mvc);
        }

        @Override
        public String name() {
            return "org-leading-group-member";
        }

        @Override
        public void prepare() {
            id = newMember(calls);
        }

        @Override
        public Map<String, String> any() {
            return Map.of("id", id);
        }

        @Override
        public void finish() {
            calls.call("city", delete("/api/v1/leading-group/" + id), 204);
        }
    }

    /**
     * "org-leading-group-member-disposable": for removal; an account that may edit the leading group gets a member made
     * for it (and removed after the run if it is still there), others one shared member they cannot remove.
     */
    static class DisposableLeadingGroupMember implements AccessFixture {
        private final FixtureCalls calls;
        private final List<String> made = new ArrayList<>();
        private String shared;

        DisposableLeadingGroupMember(MockMvc mvc) {
            this.calls = new FixtureCalls(mvc);
        }

        @Override
        public String name() {
            return "org-leading-group-member-disposable";
        }

        @Override
        public boolean reusable() {
            return false;
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            return Optional.of(Map.of("id", caller.can(Permission.REFERENCE_EDIT) ? make() : shared()));
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            return Optional.empty();
        }

        @Override
        public Map<String, String> any() {
            return Map.of("id", shared());
        }

        private String shared() {
            if (shared == null) {
                shared = make();
            }
            return shared;
        }

        private String make() {
            String id = newMember(calls);
            made.add(id);
            return id;
        }

        @Override
        public void finish() {
            for (String id : made) {
                try {
                    calls.call("city", delete("/api/v1/leading-group/" + id), 204);
                } catch (IllegalStateException alreadyRemoved) {
                    // removed by the row it was made for
                }
            }
        }
    }

    /** "org-enterprise-import": an import job of the account itself (only its submitter sees a job); outside: another's. */
    static class EnterpriseImport implements AccessFixture {
        private final FixtureCalls calls;
        private final Map<String, String> jobs = new HashMap<>();

        EnterpriseImport(MockMvc mvc) {
            this.calls = new FixtureCalls(mvc);
        }

        @Override
        public String name() {
            return "org-enterprise-import";
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            if (!caller.can(Permission.ENTERPRISE_IMPORT)) {
                return Optional.empty();
            }
            return Optional.of(Map.of("id", jobOf(caller.username())));
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            return Optional.of(Map.of("id", jobOf(caller.username().equals("city") ? "zezhou" : "city")));
        }

        @Override
        public Map<String, String> any() {
            return Map.of("id", jobOf("city"));
        }

        /** A finished job of this account: its own empty import template, submitted as a file. */
        private String jobOf(String username) {
            return jobs.computeIfAbsent(username, u -> {
                try {
                    // one row with an invalid credit code: the job finishes and imports nothing
                    byte[] xlsx = EnterpriseTestSupport.workbook(EnterpriseTestSupport.HEADER, List.of(
                            EnterpriseTestSupport.row("访问表检查（无效行）", "无效代码", "泽州县南村镇", "机械")));
                    String id = calls.call(u, multipart("/api/v1/enterprises/imports")
                            .file(new MockMultipartFile("file", "访问表检查.xlsx",
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx))
                            .param("mode", "VALID_ROWS"), 202).get("id").asString();
                    for (int i = 0; i < 100; i++) {
                        if (calls.call(u, get("/api/v1/enterprises/imports/" + id), 200).get("finished").asBoolean()) {
                            break;
                        }
                        Thread.sleep(50);
                    }
                    return id;
                } catch (Exception e) {
                    throw new IllegalStateException("import job of " + u, e);
                }
            });
        }
    }
}
