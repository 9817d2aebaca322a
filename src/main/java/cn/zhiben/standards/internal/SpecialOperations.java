package cn.zhiben.standards.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The special operations an enterprise profile records (org_enterprise.special_operations) that decide whether special
 * clauses apply, e.g. 工贸 Arts. 11-13 (应急管理部令第10号).
 */
public final class SpecialOperations {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("DUST_EXPLOSION", "粉尘涉爆");
        LABELS.put("AMMONIA_REFRIGERATION", "涉氨制冷");
        LABELS.put("CONFINED_SPACE", "有限空间作业");
        LABELS.put("METAL_SMELTING", "金属冶炼");
        LABELS.put("HAZARDOUS_CHEMICALS_USE", "使用危险化学品");
    }

    private SpecialOperations() {
    }

    public static boolean known(String code) {
        return code != null && LABELS.containsKey(code);
    }

    public static String label(String code) {
        return code == null ? null : LABELS.getOrDefault(code, code);
    }

    /** code -> Chinese label, in display order. */
    public static Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(LABELS);
    }

    /** Accepts the code or the Chinese label (spreadsheets use labels); null if neither. */
    public static String parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (LABELS.containsKey(v)) {
            return v;
        }
        return LABELS.entrySet().stream().filter(e -> e.getValue().equals(v)).map(Map.Entry::getKey).findFirst().orElse(null);
    }
}
