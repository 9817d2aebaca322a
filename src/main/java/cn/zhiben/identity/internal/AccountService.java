package cn.zhiben.identity.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.identity.IdentityProperties;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.platform.crypto.FieldEncryptor;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a signed-in user does to their own account: change the password, enrol or remove the second factor. */
@Service
public class AccountService {

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final FieldEncryptor encryptor;
    private final PrincipalFactory principals;
    private final AuditLog audit;
    private final IdentityProperties properties;
    private final PlatformProperties platform;
    private final Clock clock;

    AccountService(UserRepository users, PasswordEncoder encoder, FieldEncryptor encryptor, PrincipalFactory principals,
                   AuditLog audit, IdentityProperties properties, PlatformProperties platform, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.encryptor = encryptor;
        this.principals = principals;
        this.audit = audit;
        this.properties = properties;
        this.platform = platform;
        this.clock = clock;
    }

    /** Changes the caller's password and returns the refreshed principal (the pending change is done). */
    @Transactional
    public CurrentUser changePassword(CurrentUser user, String current, String next) {
        UserAccount u = users.findByIdForUpdate(user.id()).orElseThrow();
        if (current == null || !encoder.matches(current, u.passwordHash())) {
            throw ProblemException.badRequest("PASSWORD_CURRENT_WRONG", "当前密码不正确");
        }
        checkNewPassword(u, next);
        users.updatePassword(u.id(), encoder.encode(next), false, clock.instant());
        audit.record(AuditEntry.success(AuditAction.SECURITY, "user", u.id(), Map.of("change", "password")));
        return principals.principal(users.findById(u.id()).orElseThrow());
    }

    /** Complexity and the no-reuse rule; shared with the administrator's reset. */
    void checkNewPassword(UserAccount u, String next) {
        List<String> violations = PasswordPolicy.violations(next, u.username());
        if (!violations.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "PASSWORD_TOO_WEAK", String.join("；", violations),
                    violations.stream().map(v -> new ProblemException.FieldProblem("newPassword", v)).toList());
        }
        boolean reused = encoder.matches(next, u.passwordHash()) || users.recentPasswordHashes(u.id(), properties.passwordHistory())
                .stream().anyMatch(h -> encoder.matches(next, h));
        if (reused) {
            throw ProblemException.badRequest("PASSWORD_REUSED", "新密码不能与最近 " + properties.passwordHistory() + " 次使用过的密码相同");
        }
    }

    public record TotpSetup(String secret, String otpauthUri) {
    }

    /** Starts enrolment: a new secret is stored but not yet active until a code from it is confirmed. */
    @Transactional
    public TotpSetup startTotp(CurrentUser user) {
        UserAccount u = users.findByIdForUpdate(user.id()).orElseThrow();
        if (u.totpEnabled()) {
            throw ProblemException.conflict("TOTP_ALREADY_ENABLED", "已启用动态口令；如需更换，请先停用");
        }
        String secret = Totp.newSecret();
        users.updateTotp(u.id(), encryptor.encrypt(secret), false, clock.instant());
        return new TotpSetup(secret, Totp.otpauthUri("治本 Zhiben", u.username(), secret));
    }

    @Transactional
    public CurrentUser confirmTotp(CurrentUser user, String code) {
        UserAccount u = users.findByIdForUpdate(user.id()).orElseThrow();
        if (u.totpEnabled()) {
            throw ProblemException.conflict("TOTP_ALREADY_ENABLED", "已启用动态口令");
        }
        if (u.totpSecretEnc() == null) {
            throw ProblemException.conflict("TOTP_NOT_STARTED", "请先生成密钥");
        }
        Instant now = clock.instant();
        long step = Totp.verify(encryptor.decrypt(u.totpSecretEnc()), code, now);
        if (step < 0) {
            throw ProblemException.badRequest("TOTP_INVALID", "动态口令错误，请核对手机时间后重试");
        }
        users.updateTotp(u.id(), u.totpSecretEnc(), true, now);
        // the code just shown to confirm must not open a login as well
        users.updateTotpLastStep(u.id(), step);
        audit.record(AuditEntry.success(AuditAction.SECURITY, "user", u.id(), Map.of("change", "totp-enabled")));
        return principals.principal(users.findById(u.id()).orElseThrow());
    }

    @Transactional
    public void disableTotp(CurrentUser user, String password) {
        UserAccount u = users.findByIdForUpdate(user.id()).orElseThrow();
        if (LoginRules.totpRequired(u.role(), platform.demo())) {
            throw ProblemException.forbidden("TOTP_MANDATORY", "管理员账号必须启用动态口令，不能停用");
        }
        if (password == null || !encoder.matches(password, u.passwordHash())) {
            throw ProblemException.badRequest("PASSWORD_CURRENT_WRONG", "当前密码不正确");
        }
        users.updateTotp(u.id(), null, false, clock.instant());
        audit.record(AuditEntry.success(AuditAction.SECURITY, "user", u.id(), Map.of("change", "totp-disabled")));
    }
}
