package cn.zhiben.standards.internal;

import cn.zhiben.audit.AuditVocabulary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** How the standards module's audit entries (versions, local changes) read to an auditor (issue 10 item 7). */
@Component
class StandardsAuditVocabulary implements AuditVocabulary {

    private static final String VERSION = "std_version";
    private static final String LOCAL_CHANGE = "std_local_change";

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("status", "状态"), Map.entry("version", "标准版本"), Map.entry("standard", "标准"),
            Map.entry("effectiveFrom", "施行日期"), Map.entry("effectiveTo", "废止日期"), Map.entry("supersedes", "取代版本"),
            Map.entry("supersededBy", "被取代于"), Map.entry("clauses", "条款数"), Map.entry("categories", "类别数"),
            Map.entry("docNo", "文号"), Map.entry("file", "文件"), Map.entry("format", "格式"), Map.entry("kind", "类型"),
            Map.entry("clauseNo", "条款号"), Map.entry("clause", "条款"), Map.entry("summary", "条款摘要"),
            Map.entry("note", "备注"), Map.entry("reason", "理由"));

    private final JdbcClient jdbc;

    StandardsAuditVocabulary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> entityTypes() {
        return Map.of(VERSION, "标准版本", LOCAL_CHANGE, "本地条款变更");
    }

    @Override
    public String field(String entityType, String field) {
        return VERSION.equals(entityType) || LOCAL_CHANGE.equals(entityType) ? FIELDS.get(field) : null;
    }

    @Override
    public String value(String entityType, String field, String raw) {
        if (VERSION.equals(entityType)) {
            return switch (field) {
                case "status" -> VersionRow.DRAFT.equals(raw) ? "草稿" : VersionRow.PUBLISHED.equals(raw) ? "已发布" : null;
                case "supersedes", "supersededBy" -> name(VERSION, raw).orElse(null);
                default -> null;
            };
        }
        if (LOCAL_CHANGE.equals(entityType)) {
            return switch (field) {
                case "status" -> Arrays.stream(LocalChange.Status.values()).filter(s -> s.name().equals(raw))
                        .map(LocalChange.Status::label).findFirst().orElse(null);
                case "kind" -> Arrays.stream(LocalChange.Kind.values()).filter(k -> k.name().equals(raw))
                        .map(LocalChange.Kind::label).findFirst().orElse(null);
                default -> null;
            };
        }
        return null;
    }

    @Override
    public Optional<String> name(String entityType, String entityId) {
        if (!VERSION.equals(entityType)) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(entityId);
            return jdbc.sql("select name || ' ' || edition from std_version where id = :id").param("id", id)
                    .query(String.class).optional();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
