package cn.zhiben.platform.security;

import java.util.EnumSet;
import java.util.Set;

import static cn.zhiben.platform.security.Permission.*;

/**
 * The platform's roles. One account holds exactly one role, which keeps the three administrators' duties apart
 * (等保 level 3 三员分立): the system administrator cannot read the audit log, the audit administrator cannot change accounts.
 */
public enum Role {
    CITY_OFFICE("市安委办", ScopeKind.CITY, EnumSet.of(BUSINESS_READ, ENTERPRISE_WRITE, ENTERPRISE_IMPORT, PII_READ, REFERENCE_EDIT, STANDARD_APPROVE)),
    MEMBER_UNIT("市级成员单位", ScopeKind.UNIT_INDUSTRIES, EnumSet.of(BUSINESS_READ, ENTERPRISE_WRITE, ENTERPRISE_IMPORT, PII_READ, STANDARD_DRAFT)),
    COUNTY_OFFICE("县级安委办", ScopeKind.REGION, EnumSet.of(BUSINESS_READ, ENTERPRISE_WRITE, ENTERPRISE_IMPORT, PII_READ)),
    COUNTY_UNIT("县级部门", ScopeKind.REGION_UNIT_INDUSTRIES, EnumSet.of(BUSINESS_READ, ENTERPRISE_WRITE, ENTERPRISE_IMPORT, PII_READ)),
    TOWNSHIP("乡镇（街道）", ScopeKind.REGION, EnumSet.of(BUSINESS_READ, ENTERPRISE_WRITE, PII_READ)),
    ENTERPRISE("企业", ScopeKind.ENTERPRISE, EnumSet.of(BUSINESS_READ, ENTERPRISE_WRITE, PII_READ)),
    EXPERT("专家", ScopeKind.ASSIGNED_ENTERPRISES, EnumSet.of(BUSINESS_READ)),
    SYS_ADMIN("系统管理员", ScopeKind.NONE, EnumSet.of(SYSTEM_CONFIG)),
    SEC_ADMIN("安全管理员", ScopeKind.NONE, EnumSet.of(USER_ADMIN)),
    AUDIT_ADMIN("审计管理员", ScopeKind.NONE, EnumSet.of(AUDIT_READ));

    private final String label;
    private final ScopeKind scopeKind;
    private final Set<Permission> permissions;

    Role(String label, ScopeKind scopeKind, Set<Permission> permissions) {
        this.label = label;
        this.scopeKind = scopeKind;
        this.permissions = permissions;
    }

    public String label() {
        return label;
    }

    /** What the account's scope is made of; the identity module builds the {@link DataScope} from it. */
    public ScopeKind scopeKind() {
        return scopeKind;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean has(Permission p) {
        return permissions.contains(p);
    }

    /** The three administrators (三员). */
    public boolean administrator() {
        return scopeKind == ScopeKind.NONE;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public enum ScopeKind {
        /** the whole city, every industry */
        CITY,
        /** a region subtree (county, township, or the development zone) */
        REGION,
        /** the industries the account's unit supervises, city-wide */
        UNIT_INDUSTRIES,
        /** the industries the account's unit supervises, inside a county */
        REGION_UNIT_INDUSTRIES,
        /** one enterprise */
        ENTERPRISE,
        /** the enterprises an expert is assigned to on the day (identity's ExpertAssignments) */
        ASSIGNED_ENTERPRISES,
        /** no business data */
        NONE
    }
}
