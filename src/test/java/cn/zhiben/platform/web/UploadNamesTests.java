package cn.zhiben.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadNamesTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a bidi override would show "photo\u202egnp.exe" as "photoexe.png"
            "photo\u202egnp.exe|photognp.exe",
            "a\u200bb\u2066c\u2069.png|abc.png",
            "C:\\\\Users\\\\张三\\\\现场照片.jpg|现场照片.jpg",
            "../../etc/passwd|passwd",
            "\"引号\".pdf|引号.pdf",
            "tab\there.png|tabhere.png",
            ".hidden.png|hidden.png",
            "  空格  .png|空格  .png",
            "e\u0301.png|\u00e9.png"})
    void namesLoseTheirPathAndEveryInvisibleCharacter(String original, String cleaned) {
        assertThat(UploadNames.clean(original, "附件")).isEqualTo(cleaned);
    }

    @Test
    void nothingLeftIsTheFallback() {
        assertThat(UploadNames.clean(null, "附件")).isEqualTo("附件");
        assertThat(UploadNames.clean("\u202e\u200b", "附件")).isEqualTo("附件");
        assertThat(UploadNames.clean("dir/", "附件")).isEqualTo("附件");
    }

    @Test
    void aNameOverTwoHundredCharactersIsRefusedNotCut() {
        assertThat(UploadNames.clean("照".repeat(196) + ".png", "附件")).hasSize(200);
        assertThatThrownBy(() -> UploadNames.clean("照".repeat(300) + ".png", "附件"))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.code()).isEqualTo("FILE_NAME_TOO_LONG");
                    assertThat(p.status().value()).isEqualTo(400);
                });
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @CsvSource({
            "photo.exe, png, photo.png",
            "photo.PNG, png, photo.PNG",
            "scan.jpeg, jpg jpeg, scan.jpeg",
            "scan.png, jpg jpeg, scan.jpg",
            "report, pdf, report.pdf",
            "report.tar.gz, pdf, report.tar.pdf",
            "企业.xls, xlsx, 企业.xlsx"})
    void theExtensionFollowsTheContent(String name, String extensions, String expected) {
        assertThat(UploadNames.withExtension(name, extensions.split(" "))).isEqualTo(expected);
    }
}
