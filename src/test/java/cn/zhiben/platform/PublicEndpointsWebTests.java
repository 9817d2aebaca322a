package cn.zhiben.platform;

import cn.zhiben.platform.security.PublicEndpoints;
import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Only what modules declare is open without login; a module cannot open the API or everything by mistake. */
class PublicEndpointsWebTests extends IntegrationTest {

    @Test
    void pathsNotDeclaredPublicStillNeedALogin() throws Exception {
        mvc.perform(get("/api/v1/hazards")).andExpect(status().isUnauthorized());
        mvc.perform(get("/hazards")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aModuleCannotDeclareTheWholeSitePublic() {
        assertThatThrownBy(() -> new PublicEndpoints(List.of("/api/**"), List.of("/**")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicEndpoints(List.of("/public/x"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicEndpoints(List.of("/api/v1/**"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicEndpoints(List.of(), List.of("/hazards/**")))
                .isInstanceOf(IllegalArgumentException.class);
        new PublicEndpoints(List.of("/api/v1/public/draws/**"), List.of("/public/draws/**"));
    }
}
