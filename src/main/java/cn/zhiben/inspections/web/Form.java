package cn.zhiben.inspections.web;

import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a submitted page form into the values the services take, collecting every unreadable field; the services do
 * the rest of the checking (one set of rules for pages and API). A refused form is shown again with its message and
 * what the user typed ({@link #refused}).
 */
final class Form {

    private final Map<String, String> values;
    private final List<ProblemException.FieldProblem> errors = new ArrayList<>();

    Form(Map<String, String> values) {
        this.values = values;
    }

    String text(String field) {
        String v = values.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    LocalDate date(String field, String label) {
        return read(field, label, LocalDate::parse);
    }

    UUID uuid(String field, String label) {
        return read(field, label, UUID::fromString);
    }

    Integer integer(String field, String label) {
        return read(field, label, Integer::valueOf);
    }

    <E extends Enum<E>> E choice(Class<E> type, String field, String label) {
        return read(field, label, v -> Enum.valueOf(type, v));
    }

    boolean flag(String field) {
        String v = text(field);
        return v != null && (v.equals("true") || v.equals("on"));
    }

    /** An amount in yuan with up to two decimals, as fen (never a double). */
    Long fen(String field, String label) {
        return read(field, label, v -> {
            BigDecimal yuan = new BigDecimal(v.replace(",", "").replace("，", ""));
            if (yuan.signum() < 0 || yuan.scale() > 2 || yuan.compareTo(new BigDecimal("100000000000")) > 0) {
                throw new NumberFormatException();
            }
            return yuan.movePointRight(2).longValueExact();
        });
    }

    int version() {
        Integer v = integer("version", "版本");
        if (v == null) {
            errors.add(new ProblemException.FieldProblem("version", "表单缺少版本信息，请刷新页面后重试"));
            return -1;
        }
        return v;
    }

    private <T> T read(String field, String label, Function<String, T> parse) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return parse.apply(v);
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            errors.add(new ProblemException.FieldProblem(field, label + "格式不正确"));
            return null;
        }
    }

    void check() {
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    String.join("；", errors.stream().map(ProblemException.FieldProblem::message).distinct().toList()), errors);
        }
    }

    /** A checklist item of a page form: result_{clauseId} with note_{clauseId}, or the free item. */
    record Item(UUID clauseId, String title, cn.zhiben.inspections.internal.InspectionService.ItemResult result, String note) {
    }

    /** The checklist items a page form submitted (the clauses answered and the free item, if any). */
    List<Item> items() {
        List<Item> out = new ArrayList<>();
        for (var e : values.entrySet()) {
            if (e.getKey().startsWith("result_") && e.getValue() != null && !e.getValue().isBlank()) {
                String key = e.getKey().substring(7);
                UUID clause;
                try {
                    clause = UUID.fromString(key);
                } catch (IllegalArgumentException x) {
                    throw ProblemException.badRequest("VALIDATION_FAILED", "检查项格式不正确");
                }
                out.add(new Item(clause, null, choice(cn.zhiben.inspections.internal.InspectionService.ItemResult.class,
                        e.getKey(), "检查结果"), text("note_" + key)));
            }
        }
        if (text("customTitle") != null) {
            out.add(new Item(null, text("customTitle"), choice(cn.zhiben.inspections.internal.InspectionService.ItemResult.class,
                    "customResult", "检查结果"), text("customNote")));
        }
        return out;
    }

    /** Answers a refused form of a page: the refusal's status, its message beside form {@code name}, the page drawn again. */
    static String refused(HttpServletResponse response, Model model, String name, ProblemException e,
                          Map<String, String> posted, Supplier<String> page) {
        response.setStatus(e.status().value());
        refused(model, name, e, posted);
        return page.get();
    }

    /** The record ({@code what}) changed since the page was loaded: 409, shown like a refusal. */
    static String changed(HttpServletResponse response, Model model, String name, String what, Map<String, String> posted,
                          Supplier<String> page) {
        return refused(response, model, name, ProblemException.conflict("CONCURRENT_MODIFICATION", what + "已被他人修改，请刷新后重试"),
                posted, page);
    }

    /** Puts the refusal of form {@code name} into the model for the page to show beside that form. */
    static void refused(Model model, String name, ProblemException e, Map<String, String> posted) {
        model.addAttribute("failedForm", name);
        model.addAttribute("problem", e.getMessage());
        model.addAttribute("problemFields", e.errors());
        model.addAttribute("posted", posted);
    }
}
