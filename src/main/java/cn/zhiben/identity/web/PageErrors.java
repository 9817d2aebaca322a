package cn.zhiben.identity.web;

import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Pages answer a business error with the error page and its own status (404 for an unknown account, 400 for a bad
 * filter), not with a 500: the API's problem-detail handler leaves page errors alone.
 */
abstract class PageErrors {

    @ExceptionHandler(ProblemException.class)
    String problem(ProblemException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        model.addAttribute("title", switch (e.status()) {
            case NOT_FOUND -> "不存在";
            case FORBIDDEN -> "无权操作";
            case CONFLICT -> "状态冲突";
            default -> "请求有误";
        });
        model.addAttribute("message", e.getMessage());
        return "error";
    }
}
