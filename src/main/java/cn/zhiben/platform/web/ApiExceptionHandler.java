package cn.zhiben.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every error of an /api request into a problem detail with a stable code and a Chinese message.
 * Nothing internal (exception text, stack trace, SQL) reaches the client. A page request's {@link ProblemException}
 * becomes the error page with the problem's status and message; its other errors are rethrown untouched, which tells
 * Spring MVC this advice did not handle them, so they reach the container's error page.
 */
@RestControllerAdvice
@Order(0)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(Exception.class)
    Object handle(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            if (e instanceof ProblemException p) {
                // rendered here, not through the container's error dispatch, so every page (and MockMvc) sees the same
                return errorPage(p);
            }
            throw e;
        }
        ProblemDetail pd = problemFor(e, request);
        return ResponseEntity.status(pd.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    /** The error page for a refused page request: the problem's status, its title, message and field problems. */
    static ModelAndView errorPage(ProblemException p) {
        ModelAndView mv = new ModelAndView("error");
        mv.setStatus(p.status());
        mv.addObject("status", p.status().value());
        mv.addObject("title", Problems.titleFor(p.status()));
        mv.addObject("message", p.getMessage());
        mv.addObject("errors", p.errors());
        return mv;
    }

    static ProblemDetail problemFor(Exception e, HttpServletRequest request) {
        if (e instanceof ProblemException p) {
            return Problems.of(p.status(), p.code(), p.getMessage(), p.errors());
        }
        if (e instanceof BindException b) {
            List<ProblemException.FieldProblem> errors = b.getFieldErrors().stream()
                    .map(f -> new ProblemException.FieldProblem(f.getField(), message(f)))
                    .toList();
            String summary = errors.isEmpty() ? "请求内容未通过校验"
                    : errors.stream().map(f -> f.field() + "：" + f.message()).collect(Collectors.joining("；"));
            return Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", summary, errors);
        }
        if (e instanceof HandlerMethodValidationException h) {
            List<ProblemException.FieldProblem> errors = h.getParameterValidationResults().stream()
                    .flatMap(r -> r.getResolvableErrors().stream().map(err -> new ProblemException.FieldProblem(
                            r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                    .toList();
            return Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请求参数未通过校验", errors);
        }
        if (e instanceof ConstraintViolationException c) {
            List<ProblemException.FieldProblem> errors = c.getConstraintViolations().stream()
                    .map(v -> new ProblemException.FieldProblem(String.valueOf(v.getPropertyPath()), v.getMessage()))
                    .toList();
            return Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请求内容未通过校验", errors);
        }
        if (e instanceof HttpMessageNotReadableException r) {
            return unreadable(r);
        }
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return Problems.of(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "参数 " + m.getName() + " 的值格式不正确",
                    List.of(new ProblemException.FieldProblem(m.getName(), "格式不正确")));
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return Problems.of(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER", "缺少参数 " + m.getParameterName(),
                    List.of(new ProblemException.FieldProblem(m.getParameterName(), "不能为空")));
        }
        if (e instanceof MissingServletRequestPartException m) {
            return Problems.of(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER", "缺少上传内容 " + m.getRequestPartName(),
                    List.of(new ProblemException.FieldProblem(m.getRequestPartName(), "不能为空")));
        }
        if (e instanceof MissingRequestHeaderException m) {
            return Problems.of(HttpStatus.BAD_REQUEST, "MISSING_HEADER", "缺少请求头 " + m.getHeaderName());
        }
        if (e instanceof MaxUploadSizeExceededException m) {
            if (partHeaderTooLarge(m)) {
                // the part's headers (its file name) are too long, not its content: not a 413
                return Problems.of(HttpStatus.BAD_REQUEST, "UPLOAD_NAME_TOO_LONG", "上传文件的文件名过长，请改短后重试");
            }
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "UPLOAD_TOO_LARGE", "上传文件超过大小上限");
        }
        if (e instanceof MultipartException) {
            return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_UPLOAD", "上传内容无法读取");
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型");
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return Problems.of(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "无法提供所要求的内容类型");
        }
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "不支持 " + m.getMethod() + " 请求");
        }
        if (e instanceof NoResourceFoundException) {
            return Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "请求的地址不存在");
        }
        if (e instanceof OptimisticLockingFailureException) {
            return Problems.of(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION", "数据已被他人修改，请刷新后重试");
        }
        if (e instanceof DataAccessException d && invalidCharacter(d)) {
            // a NUL that slipped past the input checks: the client's input, not a conflict
            return Problems.of(HttpStatus.BAD_REQUEST, InputCharacterFilter.CODE, InputCharacterFilter.MESSAGE);
        }
        if (e instanceof DataIntegrityViolationException d) {
            log.warn("data integrity violation: {}", d.getMostSpecificCause().getMessage());
            return Problems.of(HttpStatus.CONFLICT, "DATA_CONFLICT", "数据与已有记录冲突");
        }
        if (e instanceof AccessDeniedException) {
            return Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "当前账号无权执行此操作");
        }
        if (e instanceof AuthenticationException) {
            return Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录");
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("unexpected error {} on {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        ProblemDetail pd = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "系统内部错误，请稍后重试（事件号 " + incident + "）");
        pd.setProperty("incident", incident);
        return pd;
    }

    /** PostgreSQL's "invalid byte sequence" (22021) and "untranslatable character" (22P05): text it cannot store. */
    static boolean invalidCharacter(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Tomcat refuses a part whose headers exceed server.tomcat.max-part-header-size; Spring reports it as a size limit. */
    static boolean partHeaderTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("header")) {
                return true;
            }
        }
        return false;
    }

    private static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (RequestSizeLimitFilter.causedByOversize(e)) {
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", "请求体超过大小上限");
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return Problems.of(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD", "无法识别的字段：" + u.getPropertyName());
        }
        if (cause instanceof InvalidFormatException f && f.getValue() instanceof String v && v.indexOf('\0') >= 0) {
            String field = path(f);
            return Problems.of(HttpStatus.BAD_REQUEST, InputCharacterFilter.CODE,
                    (field.isEmpty() ? "" : "字段 " + field + " ") + "含有不允许的字符（NUL，\\u0000），请删除后重试",
                    field.isEmpty() ? List.of() : List.of(new ProblemException.FieldProblem(field, "含有不允许的字符")));
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            String field = path((DatabindException) cause);
            if (!field.isEmpty() || cause instanceof InvalidFormatException) {
                return Problems.of(HttpStatus.BAD_REQUEST, "INVALID_FIELD_VALUE",
                        field.isEmpty() ? "字段值格式不正确" : "字段 " + field + " 的值格式不正确",
                        field.isEmpty() ? List.of() : List.of(new ProblemException.FieldProblem(field, "格式不正确")));
            }
        }
        if (cause instanceof JacksonException || cause == null) {
            return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "请求体不是有效的 JSON");
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_BODY", "无法读取请求体");
    }

    private static String message(FieldError f) {
        if ("typeMismatch".equals(f.getCode())) {
            return "格式不正确";
        }
        return f.getDefaultMessage() == null ? "无效" : f.getDefaultMessage();
    }

    private static String path(DatabindException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
