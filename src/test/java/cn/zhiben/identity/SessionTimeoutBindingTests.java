package cn.zhiben.identity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI session timeout follows zhiben.identity.idle-timeout, so one setting governs sessions and tokens. */
class SessionTimeoutBindingTests {

    private static StandardEnvironment environment(Map<String, Object> overrides) throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", overrides));
        for (var source : new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
            env.getPropertySources().addLast(source);
        }
        return env;
    }

    @Test
    void defaultsToFifteenMinutes() throws Exception {
        assertThat(environment(Map.of()).getProperty("server.servlet.session.timeout")).isEqualTo("15m");
    }

    @Test
    void followsTheIdentityIdleTimeout() throws Exception {
        assertThat(environment(Map.of("zhiben.identity.idle-timeout", "7m")).getProperty("server.servlet.session.timeout"))
                .isEqualTo("7m");
    }
}
