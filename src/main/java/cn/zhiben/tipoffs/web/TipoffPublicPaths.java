package cn.zhiben.tipoffs.web;

import cn.zhiben.platform.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The public tip-off form and status check, open without login (安全生产法 Art. 73: a public reporting channel). */
@Configuration(proxyBeanMethods = false)
class TipoffPublicPaths {

    @Bean
    PublicEndpoints tipoffPublicEndpoints() {
        return new PublicEndpoints(List.of("/api/v1/public/tipoffs", "/api/v1/public/tipoffs/**"),
                List.of("/tipoffs/public", "/tipoffs/public/**"));
    }
}
