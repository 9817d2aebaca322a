package cn.zhiben.org;

import java.util.Optional;

/** An enum with a Chinese label, read from either its code or its label (spreadsheets use labels). */
public interface Labelled {

    String name();

    String label();

    static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v) || e.label().equals(v)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
