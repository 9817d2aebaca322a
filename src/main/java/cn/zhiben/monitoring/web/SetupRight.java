package cn.zhiben.monitoring.web;

import cn.zhiben.monitoring.internal.PointService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Endpoints that set up devices and points check {@link PointService#requireManager} before Spring MVC binds and
 * validates the request (like platform.web.EarlyAuthorization does for {@code @PreAuthorize}): a caller without the
 * right gets 403 whatever it sent, not a validation message. The rule stays in {@link PointService#mayManage}.
 */
@Component
class SetupRight implements WebMvcConfigurer, HandlerInterceptor {

    /** Marks a handler method that sets up devices or points. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Required {
    }

    private final PointService points;

    SetupRight(PointService points) {
        this.points = points;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/monitoring/**", "/monitoring/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod hm && hm.hasMethodAnnotation(Required.class)) {
            points.requireManager();
        }
        return true;
    }
}
