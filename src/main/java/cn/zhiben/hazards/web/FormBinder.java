package cn.zhiben.hazards.web;

import cn.zhiben.platform.web.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Binds a page form (all strings) to the same validated request record the API takes as JSON (issue 10: one input
 * path), collecting every problem at once — unreadable values and the record's Bean Validation constraints with their
 * Chinese messages — so a refused form shows all its mistakes and keeps what was typed. A nested record component is
 * read from fields named {@code component.field}; a {@code List<String>} from a textarea, one entry per line.
 */
@Component
class FormBinder {

    private final Validator validator;

    FormBinder(Validator validator) {
        this.validator = validator;
    }

    /** The record, or a 400 VALIDATION_FAILED listing every problem (plus those {@code extra} adds). */
    <T extends Record> T bind(Class<T> type, Map<String, String> form) {
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        T value = read(type, form, "", problems);
        problems.addAll(problems(value));
        check(problems);
        return value;
    }

    /** The record as read, with every problem added to {@code problems} instead of thrown. */
    <T extends Record> T read(Class<T> type, Map<String, String> form, List<ProblemException.FieldProblem> problems) {
        T value = read(type, form, "", problems);
        problems.addAll(problems(value));
        return value;
    }

    /** The record's Bean Validation problems, sorted by field. */
    List<ProblemException.FieldProblem> problems(Object value) {
        return validator.validate(value).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .map(v -> new ProblemException.FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
    }

    static void check(List<ProblemException.FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    String.join("；", problems.stream().map(ProblemException.FieldProblem::message).distinct().toList()),
                    problems);
        }
    }

    private <T extends Record> T read(Class<T> type, Map<String, String> form, String prefix,
                                      List<ProblemException.FieldProblem> problems) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String name = prefix + c.getName();
            Class<?> t = c.getType();
            if (t.isRecord()) {
                boolean any = form.keySet().stream().anyMatch(k -> k.startsWith(name + ".") && !blank(form.get(k)));
                @SuppressWarnings("unchecked")
                Class<? extends Record> nested = (Class<? extends Record>) t;
                args[i] = any ? read(nested, form, name + ".", problems) : null;
                continue;
            }
            String raw = form.get(name);
            if (t == List.class) {
                args[i] = raw == null ? null : raw.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                checkElements(c, name, problems);
                continue;
            }
            if (t == boolean.class) {
                args[i] = "true".equals(raw) || "on".equals(raw);
                continue;
            }
            if (blank(raw)) {
                args[i] = null;
                continue;
            }
            String v = raw.strip();
            try {
                args[i] = convert(t, v);
            } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                problems.add(new ProblemException.FieldProblem(name, "格式不正确"));
                args[i] = null;
            }
        }
        try {
            Constructor<T> ctor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot bind " + type, e);
        }
    }

    private static void checkElements(RecordComponent c, String name, List<ProblemException.FieldProblem> problems) {
        if (!(c.getGenericType() instanceof ParameterizedType p) || p.getActualTypeArguments()[0] != String.class) {
            throw new IllegalStateException("only List<String> is bound from a form: " + name);
        }
    }

    private static Object convert(Class<?> t, String v) {
        if (t == String.class) {
            return v;
        }
        if (t == Integer.class || t == int.class) {
            return Integer.valueOf(v);
        }
        if (t == Long.class || t == long.class) {
            return Long.valueOf(v);
        }
        if (t == Boolean.class) {
            return "true".equals(v) || "on".equals(v);
        }
        if (t == LocalDate.class) {
            return LocalDate.parse(v);
        }
        if (t == UUID.class) {
            return UUID.fromString(v);
        }
        if (t.isEnum()) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object e = Enum.valueOf((Class) t, v);
            return e;
        }
        throw new IllegalStateException("unsupported form type " + t);
    }

    /** An amount typed in yuan (up to two decimals, thousands separators allowed) as fen; money is never a double. */
    static Long yuanToFen(String v) {
        if (blank(v)) {
            return null;
        }
        BigDecimal yuan = new BigDecimal(v.strip().replace(",", "").replace("，", ""));
        if (yuan.signum() < 0 || yuan.scale() > 2 || yuan.compareTo(new BigDecimal("100000000000")) > 0) {
            throw new NumberFormatException();
        }
        return yuan.movePointRight(2).longValueExact();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
