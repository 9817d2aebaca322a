package cn.zhiben.tipoffs.internal;

import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window counters in PostgreSQL, so a limit holds across every instance behind the load balancer (Bucket4j is
 * not among the project's dependencies; one upsert per request is cheap at tip-off volumes). Each hit commits on its
 * own, so a refused or failed request still counts.
 */
@Component
class RateLimiter {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate independent;
    private final byte[] addressKey;

    RateLimiter(JdbcClient jdbc, Clock clock, PlatformTransactionManager tm, IdentitySeal seal) {
        this.jdbc = jdbc;
        this.addressKey = seal.derive("rate-limit");
        this.clock = clock;
        this.independent = new TransactionTemplate(tm);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The client address never reaches the database as such: a keyed hash of it names the bucket. */
    String clientKey(String address) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(addressKey, "HmacSHA256"));
            byte[] h = mac.doFinal((address == null ? "" : address).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h).substring(0, 32);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts a hit on the bucket; 429 if it is over the limit in the current window. */
    void hit(String bucket, int limit, Duration window) {
        Instant now = clock.instant();
        long w = window.toMillis();
        Instant start = Instant.ofEpochMilli(now.toEpochMilli() / w * w);
        Integer hits = independent.execute(s -> {
            jdbc.sql("delete from tip_rate_limit where bucket = :b and window_start < :old")
                    .param("b", bucket).param("old", Timestamp.from(start.minus(window))).update();
            return jdbc.sql("""
                    insert into tip_rate_limit (bucket, window_start, hits) values (:b, :w, 1)
                    on conflict (bucket, window_start) do update set hits = tip_rate_limit.hits + 1 returning hits""")
                    .param("b", bucket).param("w", Timestamp.from(start)).query(Integer.class).single();
        });
        if (hits != null && hits > limit) {
            long retry = Math.max(1, Duration.between(now, start.plus(window)).toSeconds());
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "TIPOFF_RATE_LIMITED",
                    "操作过于频繁，请约 " + Math.max(1, retry / 60) + " 分钟后再试");
        }
    }
}
