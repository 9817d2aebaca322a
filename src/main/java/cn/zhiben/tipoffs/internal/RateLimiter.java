package cn.zhiben.tipoffs.internal;

import cn.zhiben.platform.ratelimit.RateLimits;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The public endpoints' limits, in the platform's token buckets ({@link RateLimits}, shared by every instance). A take
 * commits on its own, so a request that fails afterwards (bad input, a rolled-back submission) still counts.
 */
@Component
class RateLimiter {

    private final RateLimits limits;
    private final byte[] addressKey;

    RateLimiter(RateLimits limits, IdentitySeal seal) {
        this.limits = limits;
        this.addressKey = seal.derive("rate-limit");
    }

    /** The client address never reaches the database as such: a keyed hash of it names the bucket. */
    String clientKey(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(addressKey, "HmacSHA256"));
            byte[] h = mac.doFinal((address == null ? "" : address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes one request from the bucket; 429 if it allows no more than {@code limit} per {@code window}. */
    void hit(String bucket, int limit, Duration window) {
        limits.tryTake("tipoffs:" + bucket, new RateLimits.Rate(limit, window)).ifPresent(retry -> {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "TIPOFF_RATE_LIMITED",
                    "操作过于频繁，请约 " + Math.max(1, (retry.toSeconds() + 59) / 60) + " 分钟后再试");
        });
    }
}
