package cn.zhiben.platform.web;

import cn.zhiben.platform.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The error controller's problem view is reached by a forward from /error (a browser that opened an API address);
 * like /error itself it must answer without login, or an anonymous caller's error turned into a login page.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPaths {

    @Bean
    PublicEndpoints errorProblemPath() {
        return new PublicEndpoints(List.of(), List.of("/error/problem"));
    }
}
