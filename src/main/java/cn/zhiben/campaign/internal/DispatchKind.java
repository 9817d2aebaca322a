package cn.zhiben.campaign.internal;

/** 两级调度 asks for a status; a 督办函 (supervision letter) presses on a late item (plan 六(五) 督办交办). */
public enum DispatchKind {
    DISPATCH("调度", "调"),
    SUPERVISION_LETTER("督办函", "督");

    private final String label;
    private final String numberMark;

    DispatchKind(String label, String numberMark) {
        this.label = label;
        this.numberMark = numberMark;
    }

    public String label() {
        return label;
    }

    public String numberMark() {
        return numberMark;
    }
}
