package cn.zhiben.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * zhiben.identity.* — login controls (等保 level 3 defaults).
 *
 * @param idleTimeout          a session or token unused this long is ended
 * @param tokenLifetime        a bearer token's absolute lifetime
 * @param maxFailedAttempts    consecutive failures that lock an account (or an unknown username)
 * @param lockDuration         how long a locked account stays locked
 * @param passwordHistory      how many previous passwords may not be reused
 * @param adminPassword        the first administrator's password (env ZHIBEN_ADMIN_PASSWORD), used once on first start
 * @param loginRate            login and token requests allowed per client address and per username
 * @param auditAdminPassword   the first audit administrator's password (env ZHIBEN_AUDIT_ADMIN_PASSWORD), used once
 * @param adminRequestLifetime a request to create or grant an administrator role not approved within this expires
 * @param failureWindow        failures further apart than this are not consecutive: the count starts again (our
 *                             inference; it also bounds how long unknown usernames are remembered)
 */
@ConfigurationProperties("zhiben.identity")
public record IdentityProperties(
        @DefaultValue("15m") Duration idleTimeout,
        @DefaultValue("12h") Duration tokenLifetime,
        @DefaultValue("5") int maxFailedAttempts,
        @DefaultValue("10m") Duration lockDuration,
        @DefaultValue("5") int passwordHistory,
        String adminPassword,
        @DefaultValue LoginRate loginRate,
        String auditAdminPassword,
        @DefaultValue("3d") Duration adminRequestLifetime,
        @DefaultValue("24h") Duration failureWindow) {

    @ConstructorBinding
    public IdentityProperties {
    }

    public IdentityProperties(Duration idleTimeout, Duration tokenLifetime, int maxFailedAttempts, Duration lockDuration,
                              int passwordHistory, String adminPassword) {
        this(idleTimeout, tokenLifetime, maxFailedAttempts, lockDuration, passwordHistory, adminPassword,
                new LoginRate(60, 10, Duration.ofMinutes(1)), null, Duration.ofDays(3), Duration.ofHours(24));
    }

    /**
     * Our inference, not a number from 等保 (which asks for 限制非法登录次数 without one): a government office behind one
     * NAT address signs in together in the morning, so the address limit is generous; a person signs in a few times a
     * day, so the username limit is tight. Both refill evenly over the period.
     *
     * @param perAddress requests per period from one client address
     * @param perAccount requests per period for one username, existing or not
     */
    public record LoginRate(@DefaultValue("60") int perAddress, @DefaultValue("10") int perAccount,
                            @DefaultValue("1m") Duration period) {
    }
}
