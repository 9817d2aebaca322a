package cn.zhiben.hazards;

import cn.zhiben.hazards.internal.HazardImportColumn;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.Role;
import cn.zhiben.support.AccessFixture;
import cn.zhiben.support.FixtureCalls;
import cn.zhiben.support.ScopeSamples;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** The access table's objects of the history import and the enterprise reports (docs/access-table.md). */
final class HazardRecordsAccessFixtures {

    private HazardRecordsAccessFixtures() {
    }

    /**
     * "hazard-import-job": an import checked (dry run, nothing written) by the city office. A job is its uploader's only:
     * the city office sees it, every other account asks for it as for one it cannot see. Values: id.
     */
    static class ImportJob implements AccessFixture {

        private final JdbcClient jdbc;
        private final FixtureCalls calls;
        private String id;

        ImportJob(JdbcClient jdbc, MockMvc mvc) {
            this.jdbc = jdbc;
            this.calls = new FixtureCalls(mvc);
        }

        @Override
        public String name() {
            return "hazard-import-job";
        }

        @Override
        public void prepare() throws Exception {
            String uscc = jdbc.sql("select uscc from org_enterprise where id = :e")
                    .param("e", ScopeSamples.enterpriseOf(jdbc, "qiye")).query(String.class).single();
            Map<HazardImportColumn, String> row = new EnumMap<>(HazardImportColumn.class);
            row.put(HazardImportColumn.USCC, uscc);
            row.put(HazardImportColumn.FOUND_ON, "2024-01-02");
            row.put(HazardImportColumn.GRADE, "一般");
            row.put(HazardImportColumn.CHANNEL, "企业自查");
            row.put(HazardImportColumn.DESCRIPTION, "访问表检查用历史隐患 " + UUID.randomUUID());
            row.put(HazardImportColumn.LOCATION, "访问表检查位置");
            row.put(HazardImportColumn.FOUND_BY, "访问表检查");
            row.put(HazardImportColumn.STATUS, "已整改关闭");
            row.put(HazardImportColumn.RECTIFIED_ON, "2024-01-05");
            byte[] xlsx = HazardRecordsTestSupport.workbook(List.of(row));
            JsonNode job = calls.call("city", multipart("/api/v1/hazards/imports")
                    .file(new MockMultipartFile("file", "访问表检查.xlsx", HazardRecordsTestSupport.XLSX, xlsx))
                    .param("dryRun", "true"), 200);
            id = job.get("job").get("id").asString();
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            return "city".equals(caller.username()) ? Optional.of(Map.of("id", id)) : Optional.empty();
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            return "city".equals(caller.username()) ? Optional.empty() : Optional.of(Map.of("id", id));
        }

        @Override
        public Map<String, String> any() {
            return Map.of("id", id);
        }
    }

    /**
     * "hazard-report": a submitted report (a final state: signing or returning it again is refused after the right was
     * checked) of each demo enterprise with accounts, for the latest period collected. An enterprise sees its own, the
     * governments those in their scope; experts see none. Values: id, version.
     */
    static class Report implements AccessFixture {

        private static final List<String[]> ENTERPRISES = List.of(new String[]{"qiye", "qiye-fzr"},
                new String[]{"qiye-huagong", "qiye-huagong-fzr"});
        private final JdbcClient jdbc;
        private final FixtureCalls calls;
        private final Map<UUID, Map<String, String>> byEnterprise = new HashMap<>();

        Report(JdbcClient jdbc, MockMvc mvc) {
            this.jdbc = jdbc;
            this.calls = new FixtureCalls(mvc);
        }

        @Override
        public String name() {
            return "hazard-report";
        }

        @Override
        public void prepare() {
            for (String[] accounts : ENTERPRISES) {
                JsonNode latest = calls.call(accounts[0], get("/api/v1/hazard-reports"), 200).get(0);
                String period = latest.get("period").asString();
                // a period without a report has no reportId at all (nulls are left out of the JSON)
                JsonNode reportId = latest.path("reportId");
                JsonNode report = reportId.isNull() || reportId.isMissingNode() ? null
                        : calls.call(accounts[0], get("/api/v1/hazard-reports/" + reportId.asString()), 200);
                String status = report == null ? null : report.path("status").asString();
                if (!"PREPARED".equals(status) && !"SUBMITTED".equals(status)) {
                    report = calls.postJson(accounts[0], "/api/v1/hazard-reports",
                            "{\"period\":\"" + period + "\",\"analysis\":\"访问表检查用报告\"}", 201);
                }
                if ("PREPARED".equals(report.get("status").asString())) {
                    report = calls.postJson(accounts[1], "/api/v1/hazard-reports/" + report.get("id").asString() + "/sign",
                            "{\"version\":" + report.get("version").asInt() + "}", 200);
                }
                byEnterprise.put(ScopeSamples.enterpriseOf(jdbc, accounts[0]), Map.of("id", report.get("id").asString(),
                        "version", Integer.toString(report.get("version").asInt())));
            }
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            if (caller.role() == Role.EXPERT) {
                // an expert reads no enterprise's reports
                return Optional.empty();
            }
            return pick(caller.scope(), false);
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            return pick(caller.scope(), true);
        }

        @Override
        public Map<String, String> any() {
            return byEnterprise.values().iterator().next();
        }

        private Optional<Map<String, String>> pick(DataScope scope, boolean outside) {
            DataScope.Sql s = scope.toSql("r.enterprise_id", "r.region_code", "r.zone_code", "r.industry_code");
            List<UUID> ids = byEnterprise.values().stream().map(v -> UUID.fromString(v.get("id"))).toList();
            return jdbc.sql("select r.enterprise_id from hz_report r where r.id in (:ids) and "
                            + (outside ? "not (" + s.where() + ")" : s.where()) + " order by r.enterprise_name limit 1")
                    .param("ids", ids).params(s.params()).query(UUID.class).optional().map(byEnterprise::get);
        }
    }
}
