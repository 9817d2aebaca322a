package cn.zhiben.identity.web;

import cn.zhiben.identity.IdentityProperties;
import cn.zhiben.identity.internal.AccountService;
import cn.zhiben.identity.internal.LoginFailure;
import cn.zhiben.identity.internal.LoginService;
import cn.zhiben.identity.internal.TokenService;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

@Tag(name = "认证", description = "令牌、密码、动态口令")
@RestController
@RequestMapping("/api/v1/auth")
class AuthApiController {

    private final LoginService logins;
    private final TokenService tokens;
    private final AccountService accounts;
    private final IdentityProperties properties;

    AuthApiController(LoginService logins, TokenService tokens, AccountService accounts, IdentityProperties properties) {
        this.logins = logins;
        this.tokens = tokens;
        this.accounts = accounts;
        this.properties = properties;
    }

    record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password,
                        @Size(max = 10) String totp) {
    }

    /**
     * @param failedAttemptsSinceLastLogin failed logins to this account since its previous successful one: its owner
     *                                     should know (never told to whoever is still trying)
     * @param previousLoginAt              the previous successful login, null on the first
     */
    record TokenResponse(String accessToken, String tokenType, Instant expiresAt, long idleTimeoutSeconds, Me user,
                         int failedAttemptsSinceLastLogin, Instant previousLoginAt) {
    }

    record Me(UUID id, String username, String displayName, String role, String roleLabel, DataScope scope,
              UUID unitId, String unitName, Set<CurrentUser.Pending> pending) {
        static Me of(CurrentUser u) {
            return new Me(u.id(), u.username(), u.displayName(), u.role().name(), u.role().label(), u.scope(),
                    u.unitId(), u.unitName(), u.pending());
        }
    }

    @Operation(summary = "用用户名、密码（及动态口令）换取访问令牌")
    @PostMapping("/token")
    TokenResponse token(@Valid @RequestBody TokenRequest request, HttpServletResponse response) {
        LoginService.LoginResult result;
        try {
            result = logins.authenticate(request.username(), request.password(), request.totp(), "API");
        } catch (LoginFailure e) {
            HttpStatus status = switch (e.code()) {
                case "ACCOUNT_LOCKED" -> HttpStatus.LOCKED;
                case "ACCOUNT_DISABLED" -> HttpStatus.FORBIDDEN;
                case "LOGIN_RATE_LIMITED" -> HttpStatus.TOO_MANY_REQUESTS;
                default -> HttpStatus.UNAUTHORIZED;
            };
            if (e.retryAfter() != null) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
            }
            throw new ProblemException(status, e.code(), e.getMessage());
        }
        CurrentUser user = result.user();
        TokenService.Issued issued = tokens.issue(user, "api");
        return new TokenResponse(issued.token(), "Bearer", issued.expiresAt(), properties.idleTimeout().toSeconds(), Me.of(user),
                result.failedAttemptsSinceLastLogin(), result.previousLoginAt());
    }

    @Operation(summary = "注销当前令牌")
    @DeleteMapping("/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@RequestHeader("Authorization") String authorization) {
        CurrentUser user = CurrentUser.require();
        tokens.revoke(bearer(authorization));
        logins.loggedOut(user, "API");
    }

    @Operation(summary = "当前账号、角色与数据范围")
    @GetMapping("/me")
    Me me() {
        return Me.of(CurrentUser.require());
    }

    record PasswordChange(@NotBlank String currentPassword, @NotBlank @Size(max = 128) String newPassword) {
    }

    @Operation(summary = "修改本人密码（首次登录必须先修改）")
    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@Valid @RequestBody PasswordChange request, @RequestHeader("Authorization") String authorization) {
        CurrentUser user = CurrentUser.require();
        accounts.changePassword(user, request.currentPassword(), request.newPassword());
        tokens.rebind(bearer(authorization), user.id());
    }

    @Operation(summary = "生成动态口令密钥（启用前须确认）")
    @PostMapping("/totp/setup")
    AccountService.TotpSetup setupTotp() {
        return accounts.startTotp(CurrentUser.require());
    }

    record TotpConfirm(@NotBlank @Size(max = 10) String code) {
    }

    @Operation(summary = "以一次动态口令确认并启用")
    @PostMapping("/totp/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmTotp(@Valid @RequestBody TotpConfirm request, @RequestHeader("Authorization") String authorization) {
        CurrentUser user = CurrentUser.require();
        accounts.confirmTotp(user, request.code());
        tokens.rebind(bearer(authorization), user.id());
    }

    record TotpDisable(@NotBlank String password) {
    }

    @Operation(summary = "停用动态口令（管理员在非演示模式下不可停用）")
    @PostMapping("/totp/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disableTotp(@Valid @RequestBody TotpDisable request, @RequestHeader("Authorization") String authorization) {
        CurrentUser user = CurrentUser.require();
        accounts.disableTotp(user, request.password());
        tokens.rebind(bearer(authorization), user.id());
    }

    private static String bearer(String authorization) {
        return authorization.substring(7).trim();
    }
}
