package cn.zhiben.identity.internal;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6238 appendix B (SHA-1 column), truncated to 6 digits as authenticator apps show them. */
class TotpTests {

    static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void secretIsTheRfcSeed() {
        assertThat(new Base32().encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII))).isEqualTo(SECRET);
    }

    @ParameterizedTest(name = "T={0} -> {1}")
    @CsvSource({
            "59, 287082",
            "1111111109, 081804",
            "1111111111, 050471",
            "1234567890, 005924",
            "2000000000, 279037",
            "20000000000, 353130"})
    void matchesRfc6238Vectors(long epochSeconds, String expected) {
        Instant t = Instant.ofEpochSecond(epochSeconds);
        assertThat(Totp.code(SECRET, Totp.step(t))).isEqualTo(expected);
        assertThat(Totp.verify(SECRET, expected, t)).isEqualTo(Totp.step(t));
    }

    @Test
    void acceptsOneStepOfDriftEitherSideOnly() {
        Instant t = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(t);
        assertThat(Totp.verify(SECRET, Totp.code(SECRET, step - 1), t)).isEqualTo(step - 1);
        assertThat(Totp.verify(SECRET, Totp.code(SECRET, step + 1), t)).isEqualTo(step + 1);
        assertThat(Totp.verify(SECRET, Totp.code(SECRET, step - 2), t)).isEqualTo(-1);
        assertThat(Totp.verify(SECRET, Totp.code(SECRET, step + 2), t)).isEqualTo(-1);
    }

    @Test
    void refusesMalformedCodes() {
        Instant t = Instant.ofEpochSecond(59);
        assertThat(Totp.verify(SECRET, null, t)).isEqualTo(-1);
        assertThat(Totp.verify(SECRET, "", t)).isEqualTo(-1);
        assertThat(Totp.verify(SECRET, "28708", t)).isEqualTo(-1);
        assertThat(Totp.verify(SECRET, "2870821", t)).isEqualTo(-1);
        assertThat(Totp.verify(SECRET, "28708a", t)).isEqualTo(-1);
    }

    @Test
    void newSecretsAreRandom160BitBase32() {
        String a = Totp.newSecret();
        assertThat(a).matches("[A-Z2-7]{32}");
        assertThat(new Base32().decode(a)).hasSize(20);
        assertThat(Totp.newSecret()).isNotEqualTo(a);
    }
}
