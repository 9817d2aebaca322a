package cn.zhiben.identity.internal;

import cn.zhiben.audit.AuditVocabulary;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** How the identity module's audit entries (accounts, logins, 三员 requests) read to an auditor (issue 10 item 7). */
@Component
class IdentityAuditVocabulary implements AuditVocabulary {

    static final String USER = "user";
    static final String ADMIN_REQUEST = "admin_request";

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("username", "用户名"), Map.entry("displayName", "姓名"), Map.entry("role", "角色"),
            Map.entry("regionCode", "所属区域"), Map.entry("unitId", "所属单位"), Map.entry("enterpriseId", "所属企业"),
            Map.entry("enterprisePosition", "企业职务"), Map.entry("mustChangePassword", "须修改密码"),
            Map.entry("failedAttempts", "连续失败次数"), Map.entry("locked", "锁定"), Map.entry("enabled", "启用"),
            Map.entry("totpEnabled", "动态口令"), Map.entry("sessionsEnded", "结束已有会话"), Map.entry("change", "变更"),
            Map.entry("channel", "登录方式"), Map.entry("reason", "原因"), Map.entry("kind", "申请类型"),
            Map.entry("userId", "账号"), Map.entry("status", "状态"), Map.entry("adminRequest", "三员授权申请"),
            Map.entry("requestedBy", "申请人"));

    private static final Map<String, String> CHANGES = Map.of(
            "password", "修改密码", "password-reset", "重置密码", "unlock", "解除锁定", "disable", "停用账号",
            "enable", "启用账号", "totp-reset", "重置动态口令", "totp-enabled", "启用动态口令", "totp-disabled", "停用动态口令");

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("WEB", "网页"), Map.entry("API", "接口"),
            Map.entry("BAD_CREDENTIALS", "用户名或密码错误"), Map.entry("ACCOUNT_LOCKED", "账号已锁定"),
            Map.entry("ACCOUNT_DISABLED", "账号已停用"), Map.entry("TOTP_REQUIRED", "缺少动态口令"),
            Map.entry("TOTP_INVALID", "动态口令错误"), Map.entry("LOGIN_RATE_LIMITED", "请求过于频繁"),
            Map.entry("CREATE", "新建管理员账号"), Map.entry("GRANT", "授予管理员角色"), Map.entry("RESET_PASSWORD", "重置管理员密码"),
            Map.entry("PENDING", "待审批"), Map.entry("APPROVED", "已批准"), Map.entry("REJECTED", "已驳回"),
            Map.entry("CANCELLED", "已撤回"), Map.entry("EXPIRED", "已过期"));

    private final JdbcClient jdbc;
    private final RegionCatalog regions;
    private final UnitCatalog units;
    private final EnterpriseDirectory enterprises;

    IdentityAuditVocabulary(JdbcClient jdbc, RegionCatalog regions, UnitCatalog units, EnterpriseDirectory enterprises) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.units = units;
        this.enterprises = enterprises;
    }

    @Override
    public Map<String, String> entityTypes() {
        return Map.of(USER, "账号", ADMIN_REQUEST, "三员授权申请");
    }

    @Override
    public String field(String entityType, String field) {
        return USER.equals(entityType) || ADMIN_REQUEST.equals(entityType) ? FIELDS.get(field) : null;
    }

    @Override
    public String value(String entityType, String field, String raw) {
        if (!USER.equals(entityType) && !ADMIN_REQUEST.equals(entityType)) {
            return null;
        }
        return switch (field) {
            case "role" -> role(raw);
            case "regionCode" -> regions.find(raw).map(Region::name).orElse(null);
            case "unitId" -> uuid(raw).flatMap(units::find).map(CommitteeUnit::name).orElse(null);
            case "enterpriseId" -> uuid(raw).flatMap(enterprises::find).map(EnterpriseRef::name).orElse(null);
            case "userId" -> uuid(raw).flatMap(this::username).orElse(null);
            case "enterprisePosition" -> position(raw);
            case "change" -> CHANGES.get(raw);
            case "channel", "reason", "kind", "status" -> CODES.get(raw);
            default -> null;
        };
    }

    @Override
    public Optional<String> name(String entityType, String entityId) {
        if (USER.equals(entityType)) {
            return uuid(entityId).flatMap(this::username);
        }
        if (ADMIN_REQUEST.equals(entityType)) {
            return uuid(entityId).flatMap(id -> jdbc.sql("select role, username from idn_admin_request where id = :id")
                    .param("id", id).query((rs, n) -> role(rs.getString("role")) + " " + rs.getString("username")).optional());
        }
        return Optional.empty();
    }

    private Optional<String> username(UUID id) {
        return jdbc.sql("select username from idn_user where id = :id").param("id", id).query(String.class).optional();
    }

    private static String role(String raw) {
        try {
            return Role.valueOf(raw).label();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String position(String raw) {
        try {
            return CurrentUser.EnterprisePosition.valueOf(raw).label();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Optional<UUID> uuid(String raw) {
        try {
            return raw == null ? Optional.empty() : Optional.of(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
