package cn.zhiben.org.internal;

import cn.zhiben.platform.web.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks a command's Bean Validation constraints inside the service, so API and form submissions are refused with the
 * same VALIDATION_FAILED problem and the same Chinese messages.
 */
@Component
class InputValidator {

    private final Validator validator;

    InputValidator(Validator validator) {
        this.validator = validator;
    }

    void check(Object command) {
        if (command == null) {
            throw ProblemException.badRequest("VALIDATION_FAILED", "请求内容不能为空");
        }
        List<ProblemException.FieldProblem> errors = validator.validate(command).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .map(v -> new ProblemException.FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        if (!errors.isEmpty()) {
            throw failed(errors);
        }
    }

    static ProblemException failed(List<ProblemException.FieldProblem> errors) {
        String summary = errors.stream().map(ProblemException.FieldProblem::message).distinct()
                .collect(Collectors.joining("；"));
        return new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", summary, errors);
    }
}
