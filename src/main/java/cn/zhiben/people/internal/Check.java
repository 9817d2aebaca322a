package cn.zhiben.people.internal;

import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every problem of a request before refusing it, so that a form shows them all at once (400, nothing stored). */
final class Check {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}A-Za-z·•.\\s]{2,30}");
    private final List<ProblemException.FieldProblem> problems = new ArrayList<>();

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    Check add(String field, String message) {
        problems.add(new ProblemException.FieldProblem(field, message));
        return this;
    }

    boolean ok() {
        return problems.isEmpty();
    }

    String required(String field, String label, String value, int max) {
        String v = trim(value);
        if (v == null) {
            add(field, label + "不能为空");
        } else if (v.length() > max) {
            add(field, label + "不能超过 " + max + " 字");
        }
        return v;
    }

    String optional(String field, String label, String value, int max) {
        String v = trim(value);
        if (v != null && v.length() > max) {
            add(field, label + "不能超过 " + max + " 字");
        }
        return v;
    }

    String personName(String field, String value) {
        String v = trim(value);
        if (v == null) {
            add(field, "姓名不能为空");
        } else if (!NAME.matcher(v).matches()) {
            add(field, "姓名应为 2～30 个汉字或字母");
        }
        return v;
    }

    String phone(String field, String value) {
        String v = trim(value);
        if (v != null) {
            v = v.replace(" ", "");
            if (!MOBILE.matcher(v).matches() && !LANDLINE.matcher(v).matches()) {
                add(field, "应为 11 位手机号或带区号的固定电话");
            }
        }
        return v;
    }

    <T> T notNull(String field, String label, T value) {
        if (value == null) {
            add(field, label + "不能为空");
        }
        return value;
    }

    LocalDate notAfter(String field, String label, LocalDate value, LocalDate limit) {
        if (value != null && value.isAfter(limit)) {
            add(field, label + "不能晚于 " + limit);
        }
        return value;
    }

    LocalDate sane(String field, String label, LocalDate value) {
        if (value != null && (value.getYear() < 1950 || value.getYear() > 2100)) {
            add(field, label + "“" + value + "”不合理");
        }
        return value;
    }

    BigDecimal range(String field, String label, BigDecimal value, BigDecimal min, BigDecimal max, boolean required) {
        if (value == null) {
            if (required) {
                add(field, label + "不能为空");
            }
            return null;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            add(field, label + "应在 " + min.toPlainString() + "～" + max.toPlainString() + " 之间");
        }
        if (value.scale() > 1 && value.stripTrailingZeros().scale() > 1) {
            add(field, label + "最多一位小数");
        }
        return value;
    }

    void orThrow() {
        if (!problems.isEmpty()) {
            String message = problems.size() == 1 ? problems.get(0).message() : "有 " + problems.size() + " 处需要修改";
            throw new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", message, problems);
        }
    }
}
