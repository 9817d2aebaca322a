package cn.zhiben.people.internal;

/** A certificate's standing on a date, always derived from its dates ({@link CertificatePolicy}), never stored. */
public enum CertificateStatus implements Labels {
    VALID("有效", true),
    REVIEW_DUE("待复审", true),
    EXPIRING("即将到期", true),
    NOT_YET_VALID("未生效", false),
    REVIEW_OVERDUE("逾期未复审", false),
    EXPIRED("已过期", false),
    REVOKED("已注销", false);

    private final String label;
    private final boolean valid;

    CertificateStatus(String label, boolean valid) {
        this.label = label;
        this.valid = valid;
    }

    @Override
    public String label() {
        return label;
    }

    /** The holder may work with it on that date. */
    public boolean valid() {
        return valid;
    }
}
