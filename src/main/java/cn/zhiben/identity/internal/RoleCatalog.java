package cn.zhiben.identity.internal;

import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.security.Role;

import java.util.Arrays;
import java.util.List;

/** The roles as the account administrator sees them: Chinese labels of each role's scope kind and rights. */
public final class RoleCatalog {

    private RoleCatalog() {
    }

    public record PermissionInfo(String code, String label) {
    }

    public record RoleInfo(String code, String label, String scopeKind, String scopeLabel, boolean administrator,
                           List<PermissionInfo> permissions) {
    }

    public static List<RoleInfo> all() {
        return Arrays.stream(Role.values()).map(RoleCatalog::info).toList();
    }

    public static RoleInfo info(Role r) {
        return new RoleInfo(r.name(), r.label(), r.scopeKind().name(), scopeLabel(r.scopeKind()), r.administrator(),
                r.permissions().stream().sorted().map(p -> new PermissionInfo(p.name(), label(p))).toList());
    }

    public static String label(Permission p) {
        return switch (p) {
            case BUSINESS_READ -> "查看数据范围内的业务数据";
            case ENTERPRISE_WRITE -> "新增、修改数据范围内的企业";
            case ENTERPRISE_IMPORT -> "批量导入企业";
            case PII_READ -> "查看完整的个人信息（每次查看均记入审计）";
            case REFERENCE_EDIT -> "维护基础数据（行业领域及监管部门、成员单位、领导小组）";
            case STANDARD_DRAFT -> "起草地方重大事故隐患判定条款";
            case STANDARD_APPROVE -> "审定地方判定条款、发布标准版本";
            case USER_ADMIN -> "管理账号、角色与数据范围，解锁、重置密码";
            case AUDIT_READ -> "查询审计日志、校验完整性";
            case SYSTEM_CONFIG -> "系统参数与运行维护";
        };
    }

    public static String scopeLabel(Role.ScopeKind k) {
        return switch (k) {
            case CITY -> "全市、全部行业领域";
            case REGION -> "所属县（市、区）、开发区或乡镇（街道）";
            case UNIT_INDUSTRIES -> "本单位监管的行业领域（全市）";
            case REGION_UNIT_INDUSTRIES -> "本单位监管的行业领域（所属县）";
            case ENTERPRISE -> "本企业";
            case ASSIGNED_ENTERPRISES -> "当前被指派的企业（按指派期限）";
            case NONE -> "无业务数据";
        };
    }
}
