package cn.zhiben.support;

import cn.zhiben.platform.PlatformConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(PlatformConfiguration.ZONE);
    }
}
