package cn.zhiben.audit.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditVocabulary;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Map;

/** The audit log's own entries (its exports) as an auditor reads them. */
@Component
class AuditLogVocabulary implements AuditVocabulary {

    private static final String AUDIT_LOG = "audit_log";
    private static final Map<String, String> FIELDS = Map.of("actor", "账号", "action", "操作", "entityType", "对象类型",
            "entityId", "对象编号", "result", "结果", "from", "开始时间", "to", "结束时间", "clientAddress", "客户端地址",
            "rows", "行数");

    @Override
    public Map<String, String> entityTypes() {
        return Map.of(AUDIT_LOG, "审计日志");
    }

    @Override
    public String field(String entityType, String field) {
        return AUDIT_LOG.equals(entityType) ? FIELDS.get(field) : null;
    }

    @Override
    public String value(String entityType, String field, String raw) {
        if (!AUDIT_LOG.equals(entityType)) {
            return null;
        }
        return switch (field) {
            case "action" -> Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(raw)).map(AuditAction::label)
                    .findFirst().orElse(null);
            case "result" -> "SUCCESS".equals(raw) ? "成功" : "FAILURE".equals(raw) ? "失败" : null;
            default -> null;
        };
    }
}
