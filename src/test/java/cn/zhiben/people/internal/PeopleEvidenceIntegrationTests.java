package cn.zhiben.people.internal;

import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.support.IntegrationTest;
import cn.zhiben.support.SampleFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Evidence of training, drills and institution checks takes the platform's upload checks: the type from the leading
 * bytes (JPEG, PNG, WebP, PDF), the name cleaned as every upload's and given the extension of its real type.
 */
class PeopleEvidenceIntegrationTests extends IntegrationTest {

    @Autowired
    EvidenceStore evidence;

    @Test
    void aNameIsCleanedAndTakesTheExtensionOfWhatTheFileReallyIs() {
        UUID session = UUID.randomUUID();
        EvidenceStore.Evidence e = evidence.store("SESSION", session, "C:\\签到\\签到表\u202egnp.exe", SampleFiles.png(),
                "test", Instant.parse("2026-12-03T02:00:00Z"));
        assertThat(e.fileName()).isEqualTo("签到表gnp.png");
        assertThat(e.contentType()).isEqualTo("image/png");
        assertThat(evidence.find(e.id())).get().extracting(EvidenceStore.Evidence::fileName).isEqualTo("签到表gnp.png");
        assertThat(evidence.bytes(e.id())).isEqualTo(SampleFiles.png());
    }

    @Test
    void anythingButAPhotoOrPdfIsA415AndNothingIsStored() {
        UUID drill = UUID.randomUUID();
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
        assertThatThrownBy(() -> evidence.store("DRILL", drill, "演练照片.jpg", exe, "test", Instant.now()))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.code()).isEqualTo("EVIDENCE_TYPE_UNSUPPORTED");
                    assertThat(p.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
                });
        assertThat(evidence.list("DRILL", drill)).isEmpty();
    }
}
