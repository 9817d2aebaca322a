package cn.zhiben.org;

import java.util.Optional;

/**
 * Special operations an enterprise carries out; they decide which special clauses of the hazard-determination
 * standards apply to it (e.g. the dust-explosion and ammonia-refrigeration clauses of the 工贸 standard).
 */
public enum SpecialOperation implements Labelled {
    DUST_EXPLOSION("粉尘涉爆"),
    AMMONIA_REFRIGERATION("涉氨制冷"),
    CONFINED_SPACE("有限空间作业"),
    METAL_SMELTING("金属冶炼"),
    HAZARDOUS_CHEMICALS_USE("使用危险化学品");

    private final String label;

    SpecialOperation(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<SpecialOperation> parse(String value) {
        return Labelled.parse(SpecialOperation.class, value);
    }
}
