package cn.zhiben.hazards.internal;

import cn.zhiben.audit.AuditVocabulary;
import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** How the hazards module's audit entries read to an auditor: labels of states and verbs, numbers for ids (issue 10 item 7). */
@Component
class HazardAuditVocabulary implements AuditVocabulary {

    private static final String HAZARD = "hazard";
    private static final String ATTACHMENT = "hazard-attachment";

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("number", "隐患编号"), Map.entry("grade", "隐患等级"), Map.entry("channel", "发现渠道"),
            Map.entry("status", "状态"), Map.entry("source", "来源记录"), Map.entry("action", "操作"),
            Map.entry("into", "并入隐患"), Map.entry("job", "定时任务"), Map.entry("marked", "标记数量"),
            Map.entry("rows", "行数"), Map.entry("hazard", "隐患编号"), Map.entry("file", "文件名"),
            Map.entry("sha256", "SHA-256"), Map.entry("bytes", "字节数"), Map.entry("basis", "判定依据"));

    // the verbs' names in the audit entries, where they differ from HazardAction's constants
    private static final Map<String, HazardAction> VERBS = Map.of(
            "return", HazardAction.RETURN_FOR_CORRECTION, "progress", HazardAction.REPORT_PROGRESS,
            "overdue", HazardAction.MARK_OVERDUE);

    private final JdbcClient jdbc;

    HazardAuditVocabulary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> entityTypes() {
        return Map.of(HAZARD, "隐患", ATTACHMENT, "隐患附件");
    }

    @Override
    public String field(String entityType, String field) {
        return HAZARD.equals(entityType) || ATTACHMENT.equals(entityType) ? FIELDS.get(field) : null;
    }

    @Override
    public String value(String entityType, String field, String raw) {
        if (!HAZARD.equals(entityType)) {
            return null;
        }
        return switch (field) {
            case "status" -> constant(HazardStatus.class, raw).map(HazardStatus::label).orElse(null);
            case "grade" -> constant(Grade.class, raw).map(Grade::label).orElse(null);
            case "channel" -> constant(Channel.class, raw).map(Channel::label).orElse(null);
            case "action", "job" -> action(raw).map(HazardAction::label).orElse(null);
            default -> null;
        };
    }

    @Override
    public Optional<String> name(String entityType, String entityId) {
        Optional<UUID> id = uuid(entityId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (HAZARD.equals(entityType)) {
            return jdbc.sql("select number from hz_hazard where id = :id").param("id", id.get()).query(String.class).optional();
        }
        if (ATTACHMENT.equals(entityType)) {
            return jdbc.sql("select h.number || ' ' || a.file_name from hz_attachment a join hz_hazard h on h.id = a.hazard_id where a.id = :id")
                    .param("id", id.get()).query(String.class).optional();
        }
        return Optional.empty();
    }

    static Optional<HazardAction> action(String raw) {
        HazardAction known = VERBS.get(raw);
        if (known != null) {
            return Optional.of(known);
        }
        return constant(HazardAction.class, raw.replace('-', '_').toUpperCase(Locale.ROOT));
    }

    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String raw) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(raw)).findFirst();
    }

    private static Optional<UUID> uuid(String raw) {
        try {
            return raw == null ? Optional.empty() : Optional.of(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
