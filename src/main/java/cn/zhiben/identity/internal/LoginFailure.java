package cn.zhiben.identity.internal;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;
import java.util.UUID;

/**
 * Why a login was refused, with a stable code and the Chinese message shown to the user. Until the password is known
 * to be right, the answers are the same whether the username exists or not (issue 9 item 3).
 */
public class LoginFailure extends AuthenticationException {

    private final String code;
    private final Duration retryAfter;

    public LoginFailure(String code, String message) {
        this(code, message, null);
    }

    LoginFailure(String code, String message, Duration retryAfter) {
        super(message);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public String code() {
        return code;
    }

    /** For LOGIN_RATE_LIMITED: when to try again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    static LoginFailure badCredentials() {
        return new LoginFailure("BAD_CREDENTIALS", "用户名或密码错误");
    }

    /** The attempt that reached the limit: the same words for an account and for a name that is none. */
    static LoginFailure lockedNow(LoginFailure cause, int max, Duration lock) {
        return new LoginFailure("ACCOUNT_LOCKED", cause.getMessage() + "；连续失败 " + max + " 次，已锁定 " + lock.toMinutes()
                + " 分钟，请稍后再试");
    }

    static LoginFailure locked(long minutes) {
        return new LoginFailure("ACCOUNT_LOCKED", "连续登录失败次数过多，已锁定，请 " + Math.max(1, minutes) + " 分钟后再试");
    }

    static LoginFailure disabled() {
        return new LoginFailure("ACCOUNT_DISABLED", "账号已停用，请联系安全管理员");
    }

    static LoginFailure totpMissing() {
        return new LoginFailure("TOTP_REQUIRED", "请输入动态口令（身份验证器中的 6 位数字）");
    }

    static LoginFailure totpInvalid() {
        return new LoginFailure("TOTP_INVALID", "动态口令错误或已过期");
    }

    static LoginFailure rateLimited(Duration retryAfter) {
        return new LoginFailure("LOGIN_RATE_LIMITED", "登录请求过于频繁，请 " + retryAfter.toSeconds() + " 秒后再试", retryAfter);
    }

    /**
     * The password was right and the account has a second factor: the login form asks for the code in a second step.
     * Only someone who knows the password learns that the account has one.
     */
    public static final class SecondFactorRequired extends LoginFailure {

        private final UUID userId;
        private final String username;

        SecondFactorRequired(UUID userId, String username) {
            super("TOTP_REQUIRED", "请输入动态口令（身份验证器中的 6 位数字）");
            this.userId = userId;
            this.username = username;
        }

        public UUID userId() {
            return userId;
        }

        public String username() {
            return username;
        }
    }
}
