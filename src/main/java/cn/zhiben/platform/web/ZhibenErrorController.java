package cn.zhiben.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers what reaches the container's error path (unknown URLs, errors raised in filters): a problem detail for
 * API clients, a Chinese page for browsers. Never a stack trace.
 */
@Controller
public class ZhibenErrorController implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model) {
        HttpStatus status = status(request);
        if (isApi(request)) {
            // a browser opened an API address: still answer in the API's language
            return "forward:/error/problem";
        }
        model.addAttribute("status", status.value());
        model.addAttribute("title", Problems.titleFor(status));
        model.addAttribute("message", messageFor(status));
        return "error";
    }

    @RequestMapping({"/error", "/error/problem"})
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail pd = Problems.of(status, codeFor(status), messageFor(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith("/api/");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // /error asked for directly, not reached through an error: there is nothing here
            return HttpStatus.NOT_FOUND;
        }
        if (code instanceof Integer i) {
            HttpStatus s = HttpStatus.resolve(i);
            if (s != null) {
                return s;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    static String codeFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "NOT_FOUND";
            case UNAUTHORIZED -> "UNAUTHENTICATED";
            case FORBIDDEN -> "FORBIDDEN";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case CONTENT_TOO_LARGE -> "BODY_TOO_LARGE";
            case URI_TOO_LONG -> "URI_TOO_LONG";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "HEADER_TOO_LARGE";
            case BAD_REQUEST -> "BAD_REQUEST";
            default -> status.is5xxServerError() ? "INTERNAL_ERROR" : "REQUEST_FAILED";
        };
    }

    static String messageFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "请求的页面或数据不存在，或不在您的数据范围内";
            case UNAUTHORIZED -> "请先登录";
            case FORBIDDEN -> "当前账号无权访问";
            case METHOD_NOT_ALLOWED -> "不支持的请求方法";
            case CONTENT_TOO_LARGE -> "请求内容超过大小上限";
            case URI_TOO_LONG -> "请求地址（含查询参数）过长，请减少筛选条件后重试";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "请求头或地址过长，请减少筛选条件后重试";
            case BAD_REQUEST -> "请求有误";
            default -> status.is5xxServerError() ? "系统内部错误，请稍后重试" : "请求失败";
        };
    }
}
