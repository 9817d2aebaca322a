package cn.zhiben.inspections.web;

import cn.zhiben.platform.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** 双随机一公开: the draw results board and each draw's verification are public, without login. */
@Configuration(proxyBeanMethods = false)
class InspectionsWebConfiguration {

    @Bean
    PublicEndpoints inspectionsPublicEndpoints() {
        return new PublicEndpoints(List.of("/api/v1/public/draws", "/api/v1/public/draws/**"),
                List.of("/public/draws", "/public/draws/**"));
    }
}
