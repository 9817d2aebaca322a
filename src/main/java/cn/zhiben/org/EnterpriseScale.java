package cn.zhiben.org;

import java.util.Optional;

/** 规模以上 / 规模以下 (the statistics office's size threshold). */
public enum EnterpriseScale implements Labelled {
    ABOVE("规上", "规模以上"),
    BELOW("规下", "规模以下");

    private final String label;
    private final String longLabel;

    EnterpriseScale(String label, String longLabel) {
        this.label = label;
        this.longLabel = longLabel;
    }

    @Override
    public String label() {
        return label;
    }

    public String longLabel() {
        return longLabel;
    }

    /** By code, short or long label. */
    public static Optional<EnterpriseScale> parse(String value) {
        if (value != null) {
            for (EnterpriseScale s : values()) {
                if (s.longLabel.equals(value.trim())) {
                    return Optional.of(s);
                }
            }
        }
        return Labelled.parse(EnterpriseScale.class, value);
    }
}
