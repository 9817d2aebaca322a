package cn.zhiben.platform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9 part 8: the OpenAPI description and Swagger UI need a login outside demo mode unless configured otherwise. */
class ApiDocsAccessTests {

    @ParameterizedTest(name = "demo={0}, zhiben.web.api-docs-public={1} → public={2}")
    @CsvSource({
            "true,  ,      true",
            "false, ,      false",
            "false, true,  true",
            "true,  false, false"})
    void theApiDescriptionIsPublicOnlyInDemoModeUnlessConfigured(boolean demo, Boolean configured, boolean expected) {
        PlatformProperties p = new PlatformProperties(demo, false, null,
                new PlatformProperties.Db(new PlatformProperties.Embedded("./data/pg", 15432, "zhiben", 10, false)),
                new PlatformProperties.Crypto(null, "./key"), new PlatformProperties.Web(DataSize.ofMegabytes(1), configured));
        assertThat(p.apiDocsPublic()).isEqualTo(expected);
    }
}
