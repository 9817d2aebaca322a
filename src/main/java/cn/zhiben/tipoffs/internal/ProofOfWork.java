package cn.zhiben.tipoffs.internal;

import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.tipoffs.TipoffsProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A CAPTCHA-free challenge without third-party services: the server hands out a signed challenge, the browser finds a
 * counter so that SHA-256(challenge + ":" + counter) starts with {@code powBits} zero bits (a second or two on a phone),
 * and each solved challenge is spent once. It makes scripted mass submission expensive; the rate limit bounds the rest.
 * The signing key is derived from the tip-off key, so every instance accepts every instance's challenges; spent
 * challenges are kept in PostgreSQL until they expire.
 */
@Component
class ProofOfWork {

    static final Duration VALIDITY = Duration.ofMinutes(30);
    private final byte[] key;
    private final int bits;
    private final Clock clock;
    private final JdbcClient jdbc;

    ProofOfWork(TipoffsProperties properties, Clock clock, JdbcClient jdbc, IdentitySeal seal) {
        this.key = seal.derive("proof-of-work");
        this.bits = properties.powBits();
        this.clock = clock;
        this.jdbc = jdbc;
    }

    record Challenge(String challenge, int bits) {
    }

    /** challenge = issuedAtMillis.nonce.signature */
    Challenge issue() {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        String body = clock.millis() + "." + HexFormat.of().formatHex(nonce) + "." + bits;
        return new Challenge(body + "." + sign(body), bits);
    }

    /** Checks the answer and spends the challenge (in the caller's transaction). */
    void verify(String challenge, String counter) {
        if (challenge == null || counter == null || counter.length() > 20) {
            throw invalid();
        }
        String[] parts = challenge.split("\\.");
        if (parts.length != 4) {
            throw invalid();
        }
        String body = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            throw invalid();
        }
        Instant issued;
        int needed;
        try {
            issued = Instant.ofEpochMilli(Long.parseLong(parts[0]));
            needed = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            throw invalid();
        }
        if (issued.plus(VALIDITY).isBefore(clock.instant())) {
            throw ProblemException.badRequest("TIPOFF_CHALLENGE_EXPIRED", "验证已过期，请重新提交");
        }
        if (!solves(challenge, counter, needed)) {
            throw invalid();
        }
        jdbc.sql("delete from tip_pow_spent where expires_at < :now").param("now", Timestamp.from(clock.instant())).update();
        int n = jdbc.sql("insert into tip_pow_spent (nonce, expires_at) values (:n, :e) on conflict do nothing")
                .param("n", parts[1]).param("e", Timestamp.from(issued.plus(VALIDITY))).update();
        if (n == 0) {
            throw ProblemException.badRequest("TIPOFF_CHALLENGE_SPENT", "该验证已使用，请重新提交");
        }
    }

    static boolean solves(String challenge, String counter, int bits) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((challenge + ":" + counter).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < bits; i++) {
                if ((h[i / 8] & (0x80 >>> (i % 8))) != 0) {
                    return false;
                }
            }
            return true;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Finds an answer (tests, demo data; the browser does the same in static/js/tipoff-report.js). */
    static String solve(String challenge, int bits) {
        for (long c = 0; ; c++) {
            if (solves(challenge, Long.toString(c), bits)) {
                return Long.toString(c);
            }
        }
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("TIPOFF_CHALLENGE_INVALID", "提交验证未通过，请刷新页面后重新提交");
    }
}
