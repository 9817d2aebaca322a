package cn.zhiben.identity.internal;

import org.springframework.security.core.AuthenticationException;

/** Why a login was refused, with a stable code and the Chinese message shown to the user. */
public class LoginFailure extends AuthenticationException {

    private final String code;

    public LoginFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    static LoginFailure badCredentials() {
        return new LoginFailure("BAD_CREDENTIALS", "用户名或密码错误");
    }

    static LoginFailure locked(long minutes) {
        return new LoginFailure("ACCOUNT_LOCKED", "连续登录失败次数过多，账号已锁定，请 " + Math.max(1, minutes) + " 分钟后再试");
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
}
