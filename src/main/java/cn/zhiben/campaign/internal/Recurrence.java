package cn.zhiben.campaign.internal;

public enum Recurrence {
    MONTHLY("每月"),
    YEARLY("每年"),
    ONCE("一次性");

    private final String label;

    Recurrence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
