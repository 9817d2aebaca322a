package cn.zhiben.audit;

/** What an audit entry records. */
public enum AuditAction {
    LOGIN("登录"),
    LOGIN_FAILED("登录失败"),
    LOGOUT("退出"),
    CREATE("新增"),
    UPDATE("修改"),
    DELETE("删除"),
    IMPORT("导入"),
    EXPORT("导出"),
    /** a full (unmasked) view of personal data */
    VIEW_PERSONAL_DATA("查看个人信息"),
    /** a state change of a workflow (confirm, approve, sign off…) */
    TRANSITION("流转"),
    /** password, TOTP, lock and unlock, role and scope changes */
    SECURITY("安全设置"),
    /** a write the platform refused (validation, scope, conflict) */
    REJECTED_WRITE("被拒绝的写操作"),
    /** a look at information kept secret for a while, e.g. the target of an unannounced inspection before the visit */
    VIEW_RESTRICTED("查看保密信息");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
