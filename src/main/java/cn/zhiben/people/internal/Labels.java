package cn.zhiben.people.internal;

import cn.zhiben.platform.web.ProblemException;

import java.util.Optional;

/** Enums of this module carry a Chinese label and are read from either their code or their label (spreadsheets). */
public interface Labels {

    String name();

    String label();

    static <E extends Enum<E> & Labels> Optional<E> parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v) || e.label().equals(v)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The value, or a 400 naming the field and the allowed values. */
    static <E extends Enum<E> & Labels> E require(Class<E> type, String value, String field, String fieldLabel) {
        return parse(type, value).orElseThrow(() -> new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED", fieldLabel + (value == null || value.isBlank() ? "不能为空" : "“" + value + "”无效"),
                java.util.List.of(new ProblemException.FieldProblem(field, fieldLabel + "应为："
                        + String.join("、", java.util.Arrays.stream(type.getEnumConstants()).map(Labels::label).toList())))));
    }
}
