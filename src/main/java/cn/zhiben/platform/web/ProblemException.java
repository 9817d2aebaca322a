package cn.zhiben.platform.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A business error the API answers with an RFC 9457 problem detail: a stable {@code code} and a Chinese message.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> errors;

    public ProblemException(HttpStatus status, String code, String message) {
        this(status, code, message, List.of());
    }

    public ProblemException(HttpStatus status, String code, String message, List<FieldProblem> errors) {
        super(message);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException badRequest(String code, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ProblemException notFound(String code, String message) {
        return new ProblemException(HttpStatus.NOT_FOUND, code, message);
    }

    public static ProblemException conflict(String code, String message) {
        return new ProblemException(HttpStatus.CONFLICT, code, message);
    }

    public static ProblemException forbidden(String code, String message) {
        return new ProblemException(HttpStatus.FORBIDDEN, code, message);
    }

    public static ProblemException unprocessable(String code, String message) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** One invalid field (or spreadsheet cell) and why. */
    public record FieldProblem(String field, String message) {
    }
}
