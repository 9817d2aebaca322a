package cn.zhiben.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * zhiben.identity.* — login controls (等保 level 3 defaults).
 *
 * @param idleTimeout        a session or token unused this long is ended
 * @param tokenLifetime      a bearer token's absolute lifetime
 * @param maxFailedAttempts  consecutive failures that lock an account
 * @param lockDuration       how long a locked account stays locked
 * @param passwordHistory    how many previous passwords may not be reused
 * @param adminPassword      the first administrator's password (env ZHIBEN_ADMIN_PASSWORD), used once on first start
 */
@ConfigurationProperties("zhiben.identity")
public record IdentityProperties(
        @DefaultValue("15m") Duration idleTimeout,
        @DefaultValue("12h") Duration tokenLifetime,
        @DefaultValue("5") int maxFailedAttempts,
        @DefaultValue("10m") Duration lockDuration,
        @DefaultValue("5") int passwordHistory,
        String adminPassword) {
}
