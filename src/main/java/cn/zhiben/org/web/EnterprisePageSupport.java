package cn.zhiben.org.web;

import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

/** Renders a business error of a page as the platform's error page with the problem's status and message. */
final class EnterprisePageSupport {

    private EnterprisePageSupport() {
    }

    static ModelAndView errorPage(ProblemException e, HttpServletResponse response) {
        response.setStatus(e.status().value());
        ModelAndView mv = new ModelAndView("error");
        mv.setStatus(e.status());
        mv.addObject("status", e.status().value());
        mv.addObject("title", switch (e.status()) {
            case NOT_FOUND -> "不存在";
            case FORBIDDEN -> "无权操作";
            case CONFLICT -> "状态冲突";
            case BAD_REQUEST -> "请求有误";
            default -> "请求失败";
        });
        mv.addObject("message", e.getMessage());
        return mv;
    }
}
