package cn.zhiben.platform.security;

/** Fine-grained rights; each role holds a fixed set (see {@link Role}). Granted as authorities "PERM_<name>". */
public enum Permission {
    /** read business data inside one's data scope */
    BUSINESS_READ,
    /** create and edit enterprises inside one's data scope */
    ENTERPRISE_WRITE,
    /** bulk import enterprises */
    ENTERPRISE_IMPORT,
    /** see full (unmasked) mobile numbers of responsible persons; every view is audited */
    PII_READ,
    /** edit reference data: industries and their supervisors, committee units, the leading group */
    REFERENCE_EDIT,
    /** draft local hazard-standard clauses */
    STANDARD_DRAFT,
    /** approve local hazard-standard clauses and publish standard versions */
    STANDARD_APPROVE,
    /** accounts, roles, scopes, unlocking (security administrator) */
    USER_ADMIN,
    /** read and verify the audit log (audit administrator) */
    AUDIT_READ,
    /** system settings and operations (system administrator) */
    SYSTEM_CONFIG;

    public String authority() {
        return "PERM_" + name();
    }
}
