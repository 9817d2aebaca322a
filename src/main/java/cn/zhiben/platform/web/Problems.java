package cn.zhiben.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds and writes the platform's problem details, so every error has the same shape. */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String message) {
        return of(status, code, message, List.of());
    }

    public static ProblemDetail of(HttpStatus status, String code, String message, List<ProblemException.FieldProblem> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, message);
        pd.setType(URI.create("https://zhiben.cn/problems/" + code.toLowerCase().replace('_', '-')));
        pd.setTitle(titleFor(status));
        pd.setProperty("code", code);
        if (!errors.isEmpty()) {
            pd.setProperty("errors", errors);
        }
        return pd;
    }

    /** For filters and security handlers that answer before Spring MVC is involved. */
    public static void write(HttpServletResponse response, HttpStatus status, String code, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(status, code, message));
    }

    /** The problem detail as JSON text, for writers outside Spring MVC (filters, the container's error report). */
    static String json(HttpStatus status, String code, String message) {
        ProblemDetail pd = of(status, code, message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", pd.getType().toString());
        body.put("title", pd.getTitle());
        body.put("status", pd.getStatus());
        body.put("detail", pd.getDetail());
        if (pd.getProperties() != null) {
            body.putAll(pd.getProperties());
        }
        return JSON.writeValueAsString(body);
    }

    static String titleFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求有误";
            case UNAUTHORIZED -> "未登录或登录已失效";
            case FORBIDDEN -> "无权操作";
            case NOT_FOUND -> "不存在";
            case METHOD_NOT_ALLOWED -> "不支持的请求方法";
            case CONFLICT -> "状态冲突";
            case CONTENT_TOO_LARGE, URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> "请求内容过大";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持的内容类型";
            case UNPROCESSABLE_CONTENT -> "无法处理";
            case TOO_MANY_REQUESTS -> "请求过于频繁";
            default -> status.is5xxServerError() ? "系统错误" : "请求失败";
        };
    }
}
