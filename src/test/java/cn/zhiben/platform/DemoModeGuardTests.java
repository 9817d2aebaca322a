package cn.zhiben.platform;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoModeGuardTests {

    @Test
    void demoModeOnTheEmbeddedDatabaseStarts() {
        assertThatCode(() -> DemoModeGuard.check(new MockEnvironment().withProperty("zhiben.demo", "true"))).doesNotThrowAnyException();
    }

    @Test
    void demoModeRefusesAnExternalDatabase() {
        MockEnvironment env = new MockEnvironment().withProperty("zhiben.demo", "true")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example/zhiben");
        assertThatThrownBy(() -> DemoModeGuard.check(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("演示模式").hasMessageContaining("zhiben.demo-on-external-database=true");
    }

    @Test
    void demoModeOnAnExternalDatabaseStartsWhenExplicitlyAllowed() {
        MockEnvironment env = new MockEnvironment().withProperty("zhiben.demo", "true")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example/zhiben")
                .withProperty("zhiben.demo-on-external-database", "true");
        assertThatCode(() -> DemoModeGuard.check(env)).doesNotThrowAnyException();
    }

    @Test
    void productionModeOnAnExternalDatabaseStarts() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db.example/zhiben");
        assertThatCode(() -> DemoModeGuard.check(env)).doesNotThrowAnyException();
    }
}
