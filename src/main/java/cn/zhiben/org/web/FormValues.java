package cn.zhiben.org.web;

import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Turns the strings of a submitted form into typed values, collecting what cannot be read. */
final class FormValues {

    private final List<ProblemException.FieldProblem> errors = new ArrayList<>();

    UUID uuid(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new ProblemException.FieldProblem(field, label + "格式不正确"));
            return null;
        }
    }

    Integer integer(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.add(new ProblemException.FieldProblem(field, label + "须为整数"));
            return null;
        }
    }

    <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new ProblemException.FieldProblem(field, label + "无效"));
            return null;
        }
    }

    /** Records a problem found outside this class (a reference that does not exist); the value is then null. */
    <T> T problem(String field, String message) {
        errors.add(new ProblemException.FieldProblem(field, message));
        return null;
    }

    /** Stops with a VALIDATION_FAILED problem if any value could not be read. */
    void check() {
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    String.join("；", errors.stream().map(ProblemException.FieldProblem::message).toList()), errors);
        }
    }

    /** Puts a refused submission's messages on the page and answers with the problem's status. */
    static void reject(ProblemException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        model.addAttribute("errors", e.errors().isEmpty() ? List.of(e.getMessage())
                : e.errors().stream().map(ProblemException.FieldProblem::message).distinct().toList());
        response.setStatus(e.status().value());
    }
}
