package cn.zhiben.standards;

import cn.zhiben.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** Helpers for the standards tests: ids of migrated content, fixture enterprises, and clean-up of test versions. */
abstract class StandardsTestSupport extends IntegrationTest {

    @Autowired
    PlatformTransactionManager transactions;

    /** The id a migration gives to content, std_uuid(key) = md5(key)::uuid. */
    static UUID migrated(String key) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8)));
            return UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static UUID version(String key) {
        return migrated("ver:" + key);
    }

    static UUID clause(String versionKey, String no) {
        return migrated("clause:" + versionKey + ":" + no);
    }

    /** Runs SQL with the published-content guard lifted, as a maintenance session would (test clean-up only). */
    void unlocked(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.sql("select set_config('zhiben.std_unlock', 'on', true)").query().singleValue();
            work.run();
        });
    }

    /** Removes a test version with everything hanging off it, and its standard if nothing else uses it. */
    void deleteVersion(UUID id) {
        unlocked(() -> {
            UUID standard = jdbc.sql("select standard_id from std_version where id = :id").param("id", id)
                    .query(UUID.class).optional().orElse(null);
            if (standard == null) {
                return;
            }
            jdbc.sql("update std_local_change set clause_id = null, status = 'WITHDRAWN' where version_id = :id").param("id", id).update();
            jdbc.sql("delete from std_local_change_transition where change_id in (select id from std_local_change where version_id = :id)").param("id", id).update();
            jdbc.sql("delete from std_clause where version_id = :id and corrects_clause_id is not null").param("id", id).update();
            jdbc.sql("delete from std_clause where version_id = :id and origin = 'LOCAL'").param("id", id).update();
            jdbc.sql("delete from std_local_change where version_id = :id").param("id", id).update();
            jdbc.sql("delete from std_clause where version_id = :id").param("id", id).update();
            jdbc.sql("delete from std_category where version_id = :id").param("id", id).update();
            jdbc.sql("update std_version set supersedes_id = null where supersedes_id = :id").param("id", id).update();
            jdbc.sql("delete from std_version where id = :id").param("id", id).update();
            jdbc.sql("delete from std_standard s where id = :s and not exists (select 1 from std_version v where v.standard_id = s.id)")
                    .param("s", standard).update();
        });
    }

    void deleteStandard(String code) {
        List<UUID> ids = jdbc.sql("select v.id from std_version v join std_standard s on s.id = v.standard_id where s.code = :c order by v.created_at desc")
                .param("c", code).query(UUID.class).list();
        ids.forEach(this::deleteVersion);
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** A fixture enterprise (demo = false) with a unique 18-character credit code. */
    UUID enterprise(String name, String region, String industry, String... specialOperations) {
        UUID id = UUID.randomUUID();
        String uscc = ("T" + id.toString().replace("-", "").toUpperCase()).substring(0, 18);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into org_enterprise (id, name, uscc, region_code, industry_code, scale, status, standardization_grade,
                    principal_name, principal_mobile_enc, principal_mobile_mask, special_operations, demo,
                    created_at, created_by, updated_at, updated_by)
                values (:id, :name, :uscc, :region, :industry, 'ABOVE', 'OPERATING', 'NONE', '测试', 'v1:x', '138****0000',
                    cast(:ops as text[]), false, :now, 'test', :now, 'test')""")
                .param("id", id).param("name", name + " " + id.toString().substring(0, 6)).param("uscc", uscc)
                .param("region", region).param("industry", industry)
                .param("ops", "{" + String.join(",", specialOperations) + "}").param("now", now).update();
        return id;
    }

    void deleteEnterprise(UUID id) {
        jdbc.sql("delete from org_enterprise where id = :id").param("id", id).update();
    }

    /**
     * An enterprise account's principal, for requests: the demo enterprise accounts need demo enterprises, which this
     * branch does not have, so the test signs in a principal of role ENTERPRISE scoped to a fixture enterprise.
     */
    static org.springframework.test.web.servlet.request.RequestPostProcessor enterpriseUser(UUID enterpriseId) {
        cn.zhiben.platform.security.CurrentUser u = new cn.zhiben.platform.security.CurrentUser(UUID.randomUUID(),
                "test-enterprise", "测试企业 安全管理部", cn.zhiben.platform.security.Role.ENTERPRISE,
                cn.zhiben.platform.security.DataScope.enterprise(enterpriseId), null, null, java.util.Set.of());
        List<org.springframework.security.core.GrantedAuthority> authorities = new java.util.ArrayList<>();
        authorities.add(new org.springframework.security.core.authority.SimpleGrantedAuthority(u.role().authority()));
        u.role().permissions().forEach(p -> authorities.add(
                new org.springframework.security.core.authority.SimpleGrantedAuthority(p.authority())));
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(u, null, authorities));
    }

    ResultActions importFile(String token, String filename, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/standards/import")
                .file(new MockMultipartFile("file", filename, "application/octet-stream", content))
                .header("Authorization", "Bearer " + token));
    }

    /** A minimal valid import document; callers replace parts of it. */
    static String json(String code, String industries, String effectiveFrom, String supersedes, String clauses) {
        return """
                {"format": "zhiben-standard/1",
                 "standard": {"code": "%s", "name": "测试标准 %s"},
                 "version": {"edition": "测试版", "name": "测试判定标准", "issuer": "测试机关", "docNo": "测试〔2026〕1号",
                   "legalNature": "规范性文件", "effectiveFrom": "%s", "supersedes": %s, "industries": [%s],
                   "metadataConfidence": "已核实", "source": "单元测试"},
                 "categories": [{"code": "1", "name": "通用"}, {"code": "2", "name": "专项"}],
                 "clauses": [%s]}
                """.formatted(code, code, effectiveFrom, supersedes == null ? "null" : "\"" + supersedes + "\"", industries, clauses);
    }

    static String clauseJson(String no, String category, String summary) {
        return """
                {"clauseNo": "%s", "category": "%s", "summary": "%s", "confidence": "已核实"}""".formatted(no, category, summary);
    }

    static String uniqueCode() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }
}
