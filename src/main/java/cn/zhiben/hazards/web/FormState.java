package cn.zhiben.hazards.web;

import cn.zhiben.platform.web.ProblemException;

import java.util.HashMap;
import java.util.Map;

/**
 * Which form of a page was refused and why, with what the user had typed, so the page shows the message next to that
 * form and puts the input back. Templates ask {@code fs.val('plan', 'objectives')}.
 */
public final class FormState {

    private static final FormState NONE = new FormState(null, null, Map.of(), Map.of());
    private final String failed;
    private final String message;
    private final Map<String, String> posted;
    private final Map<String, String> fieldErrors;

    private FormState(String failed, String message, Map<String, String> posted, Map<String, String> fieldErrors) {
        this.failed = failed;
        this.message = message;
        this.posted = posted;
        this.fieldErrors = fieldErrors;
    }

    static FormState none() {
        return NONE;
    }

    static FormState failed(String form, ProblemException e, Map<String, String> posted) {
        Map<String, String> errors = new HashMap<>();
        e.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "；" + b));
        return new FormState(form, e.getMessage(), Map.copyOf(posted), errors);
    }

    public boolean failed(String form) {
        return form.equals(failed);
    }

    public boolean any() {
        return failed != null;
    }

    public String form() {
        return failed;
    }

    public String message() {
        return message;
    }

    /** What the user typed into this form's field, if this form was the one refused. */
    public String val(String form, String field) {
        return failed(form) ? posted.get(field) : null;
    }

    public String val(String form, String field, String fallback) {
        return failed(form) ? posted.get(field) : fallback;
    }

    public boolean checked(String form, String field, String value) {
        return failed(form) && value.equals(posted.get(field));
    }

    public String error(String form, String field) {
        return failed(form) ? fieldErrors.get(field) : null;
    }
}
