package cn.zhiben.hazards.web;

import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the fields of a submitted page form (all strings), collecting every problem with a Chinese message, so a form
 * is answered with all its mistakes at once and keeps what the user typed. Limits mirror the API's validation.
 */
final class FormInput {

    private final Map<String, String> values;
    private final List<ProblemException.FieldProblem> errors = new ArrayList<>();

    FormInput(Map<String, String> values) {
        this.values = values;
    }

    private String raw(String field) {
        String v = values.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    String text(String field, String label, int max, boolean required) {
        String v = read(field, label, required, "请填写", x -> x, null);
        if (v != null && v.length() > max) {
            errors.add(new ProblemException.FieldProblem(field, label + "不能超过 " + max + " 个字"));
        }
        return v;
    }

    LocalDate date(String field, String label, boolean required) {
        return read(field, label, required, "请填写", LocalDate::parse, "格式应为 yyyy-MM-dd");
    }

    UUID uuid(String field, String label, boolean required) {
        return read(field, label, required, "请选择", UUID::fromString, "无效");
    }

    <E extends Enum<E>> E choice(Class<E> type, String field, String label, boolean required) {
        return read(field, label, required, "请选择", v -> Enum.valueOf(type, v), "无效");
    }

    /** An amount typed in yuan (up to two decimals), as fen; money is never a double. */
    Long fen(String field, String label, boolean required) {
        return read(field, label, required, "请填写", FormInput::yuanToFen, "须为不小于 0 的金额（元，最多两位小数）");
    }

    private static long yuanToFen(String v) {
        BigDecimal yuan = new BigDecimal(v.replace(",", "").replace("，", ""));
        if (yuan.signum() < 0 || yuan.scale() > 2 || yuan.compareTo(new BigDecimal("100000000000")) > 0) {
            throw new NumberFormatException();
        }
        return yuan.movePointRight(2).longValueExact();
    }

    /**
     * A field's value: missing ("请填写/请选择" + label, if required) or unreadable (label + {@code invalid}) puts a problem
     * on the list and gives null.
     */
    private <T> T read(String field, String label, boolean required, String ask, Function<String, T> parse, String invalid) {
        String v = raw(field);
        if (v == null) {
            if (required) {
                errors.add(new ProblemException.FieldProblem(field, ask + label));
            }
            return null;
        }
        try {
            return parse.apply(v);
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            errors.add(new ProblemException.FieldProblem(field, label + invalid));
            return null;
        }
    }

    boolean flag(String field) {
        String v = raw(field);
        return v != null && (v.equals("true") || v.equals("on"));
    }

    /** The hazard version the form was rendered with; without it a stale form could not be told from a fresh one. */
    int version() {
        String v = raw("version");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException | NullPointerException e) {
            errors.add(new ProblemException.FieldProblem("version", "表单缺少版本信息，请刷新页面后重试"));
            return -1;
        }
    }

    void problem(String field, String message) {
        errors.add(new ProblemException.FieldProblem(field, message));
    }

    /** Stops with a 400 listing every problem if there is any. */
    void check() {
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    String.join("；", errors.stream().map(ProblemException.FieldProblem::message).distinct().toList()), errors);
        }
    }
}
