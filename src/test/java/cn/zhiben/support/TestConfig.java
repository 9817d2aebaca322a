package cn.zhiben.support;

import cn.zhiben.platform.PlatformConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(PlatformConfiguration.ZONE);
    }

    /** Before Spring Session's filter (its order is Integer.MIN_VALUE + 50). */
    @Bean
    FilterRegistrationBean<MockSessionBridge> mockSessionBridge(SessionRepository<? extends Session> sessions) {
        FilterRegistrationBean<MockSessionBridge> bean = new FilterRegistrationBean<>(new MockSessionBridge(sessions));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }
}
