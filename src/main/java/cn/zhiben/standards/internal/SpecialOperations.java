package cn.zhiben.standards.internal;

import cn.zhiben.org.SpecialOperation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The special operations an enterprise profile records (org's {@link SpecialOperation}) as the codes clauses carry, e.g.
 * 工贸 Arts. 11-13 (应急管理部令第10号) apply only with DUST_EXPLOSION, AMMONIA_REFRIGERATION, CONFINED_SPACE.
 */
public final class SpecialOperations {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        Arrays.stream(SpecialOperation.values()).forEach(s -> LABELS.put(s.name(), s.label()));
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
        return SpecialOperation.parse(value).map(Enum::name).orElse(null);
    }
}
