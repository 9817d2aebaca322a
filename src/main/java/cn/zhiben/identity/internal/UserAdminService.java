package cn.zhiben.identity.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.identity.IdentityProperties;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Account administration by the security administrator (等保 GB/T 22239-2019 8.1.4.2 三员分立: only USER_ADMIN may
 * manage accounts). Every change is audited in its transaction; a change of role, scope, password, status or second
 * factor gives the account a new security stamp, which ends its sessions and tokens. Creating or granting one of the
 * three administrator roles, and resetting an administrator's password, only files a request that a second
 * administrator approves ({@link AdminGrants}, {@link AdminRoleRules}).
 */
@Service
public class UserAdminService {

    public static final Pattern USERNAME = Pattern.compile("^[a-z][a-z0-9._-]{2,31}$");
    static final int DISPLAY_NAME_MAX = 64;

    private final UserRepository users;
    private final UserScopeRules scopes;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final RegionCatalog regions;
    private final UnitCatalog units;
    private final EnterpriseDirectory enterprises;
    private final AdminRequests requests;
    private final IdentityProperties properties;
    private final Clock clock;

    UserAdminService(UserRepository users, UserScopeRules scopes, PasswordEncoder encoder, AuditLog audit,
                     RegionCatalog regions, UnitCatalog units, EnterpriseDirectory enterprises, AdminRequests requests,
                     IdentityProperties properties, Clock clock) {
        this.users = users;
        this.scopes = scopes;
        this.encoder = encoder;
        this.audit = audit;
        this.regions = regions;
        this.units = units;
        this.enterprises = enterprises;
        this.requests = requests;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What came of a create, a change or a password reset: done, or — for the three administrator roles — a request
     * waiting for a second administrator's approval (三员, {@link AdminRoleRules}).
     */
    public record Outcome<T>(T done, AdminRequestView pending) {
        static <T> Outcome<T> of(T done) {
            return new Outcome<>(done, null);
        }

        static <T> Outcome<T> waiting(AdminRequestView pending) {
            return new Outcome<>(null, pending);
        }

        public boolean isPending() {
            return pending != null;
        }
    }

    /** What a new account is made of; the password is generated. */
    public record NewUser(String username, String displayName, Role role, String regionCode, UUID unitId, UUID enterpriseId,
                          CurrentUser.EnterprisePosition enterprisePosition) {
        public NewUser(String username, String displayName, Role role, String regionCode, UUID unitId, UUID enterpriseId) {
            this(username, displayName, role, regionCode, unitId, enterpriseId, null);
        }
    }

    /** The editable part of an account; version, when given, must be the one the editor saw. */
    public record UserChange(String displayName, Role role, String regionCode, UUID unitId, UUID enterpriseId, Integer version,
                             CurrentUser.EnterprisePosition enterprisePosition) {
        public UserChange(String displayName, Role role, String regionCode, UUID unitId, UUID enterpriseId, Integer version) {
            this(displayName, role, regionCode, unitId, enterpriseId, version, null);
        }
    }

    /** An account and its one-time password, shown to the administrator once and never stored in clear. */
    public record WithPassword(UserView user, String oneTimePassword) {
    }

    @Transactional(readOnly = true)
    public Page<UserView> list(UserFilter filter) {
        requireAdmin();
        Page<UserAccount> page = users.search(filter, clock.instant());
        Names names = names();
        return page.map(u -> view(u, names));
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        requireAdmin();
        return view(find(id), names());
    }

    @Transactional
    public Outcome<WithPassword> create(NewUser in) {
        CurrentUser actor = requireAdmin();
        String username = in.username() == null ? "" : in.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "USERNAME_INVALID",
                    "用户名须以小写字母开头，由 3–32 位小写字母、数字、点、下划线或连字符组成",
                    List.of(new ProblemException.FieldProblem("username", "格式不正确")));
        }
        String displayName = displayName(in.displayName());
        Role role = role(in.role());
        UserScopeRules.Scope scope = scopes.check(role, in.regionCode(), in.unitId(), in.enterpriseId(), in.enterprisePosition());
        if (users.exists(username) || requests.pendingFor(username)) {
            throw ProblemException.conflict("USERNAME_TAKEN", "用户名 " + username + " 已被使用");
        }
        if (AdminRoleRules.needsApproval(null, role)) {
            return Outcome.waiting(request("CREATE", role, null, username, displayName, actor));
        }
        return Outcome.of(insert(username, displayName, role, scope, actor.username(), Map.of()));
    }

    /** Makes the account with a one-time password; the audit entry is by whoever acts now (the approver, for administrators). */
    private WithPassword insert(String username, String displayName, Role role, UserScopeRules.Scope scope, String createdBy,
                                Map<String, Object> facts) {
        String password = PasswordGenerator.generate(username);
        String hash = encoder.encode(password);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        users.insert(new UserAccount(id, username, displayName, role, scope.regionCode(), scope.unitId(), scope.enterpriseId(),
                null, hash, now, true, null, false, 0, null, true, false, null, now, createdBy, now, UUID.randomUUID(), 0,
                scope.enterprisePosition()));
        users.updatePasswordHistoryOnly(id, hash, now);
        Map<String, Object> after = profile(find(id));
        after.put("username", username);
        after.put("mustChangePassword", true);
        Map<String, Object> changes = new LinkedHashMap<>(AuditLog.diff(Map.of(), after));
        changes.putAll(facts);
        audit.record(AuditEntry.success(AuditAction.CREATE, "user", id, changes));
        return new WithPassword(view(find(id), names()), password);
    }

    /** Files a request for a second administrator; nothing happens to any account until it is approved. */
    private AdminRequestView request(String kind, Role role, UUID target, String username, String displayName, CurrentUser actor) {
        Instant now = clock.instant();
        if (requests.pendingFor(username)) {
            throw ProblemException.conflict("ADMIN_REQUEST_PENDING", "账号 " + username + " 已有待审批的管理员授权申请，请先处理该申请");
        }
        AdminRequests.Row row = new AdminRequests.Row(UUID.randomUUID(), kind, role, target, username, displayName, null,
                "PENDING", actor.id(), actor.username(), now, now.plus(properties.adminRequestLifetime()), null, null, null, null);
        try {
            requests.insert(row);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ProblemException.conflict("ADMIN_REQUEST_PENDING", "账号 " + username + " 已有待审批的管理员授权申请，请先处理该申请");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kind", kind);
        facts.put("role", role.name());
        facts.put("username", username);
        if (target != null) {
            facts.put("userId", target.toString());
        }
        audit.record(AuditEntry.success(AuditAction.CREATE, "admin_request", row.id(), facts));
        return row.view(actor);
    }

    @Transactional
    public Outcome<UserView> update(UUID id, UserChange in) {
        CurrentUser actor = requireAdmin();
        UserAccount before = find(id);
        if (in.version() != null && in.version() != before.version()) {
            throw ProblemException.conflict("CONCURRENT_MODIFICATION", "该账号已被他人修改，请刷新后重试");
        }
        String displayName = displayName(in.displayName());
        Role role = role(in.role());
        if (before.id().equals(actor.id()) && role != before.role()) {
            throw ProblemException.conflict("CANNOT_CHANGE_OWN_ROLE", "不能修改本人的角色（须由另一名安全管理员操作）");
        }
        UserScopeRules.Scope scope = scopes.check(role, in.regionCode(), in.unitId(), in.enterpriseId(),
                in.enterprisePosition() != null || role != Role.ENTERPRISE ? in.enterprisePosition() : before.enterprisePosition());
        held(before, role);
        if (AdminRoleRules.needsApproval(before.role(), role)) {
            return Outcome.waiting(request("GRANT", role, id, before.username(), displayName, actor));
        }
        boolean rightsChanged = role != before.role() || !Objects.equals(scope.regionCode(), before.regionCode())
                || !Objects.equals(scope.unitId(), before.unitId()) || !Objects.equals(scope.enterpriseId(), before.enterpriseId())
                || scope.enterprisePosition() != before.enterprisePosition();
        if (!rightsChanged && displayName.equals(before.displayName())) {
            return Outcome.of(view(before, names()));
        }
        Instant now = clock.instant();
        users.updateProfile(id, displayName, role, scope.regionCode(), scope.unitId(), scope.enterpriseId(),
                scope.enterprisePosition(), rightsChanged, now);
        UserAccount after = find(id);
        Map<String, Object> changes = new LinkedHashMap<>(AuditLog.diff(profile(before), profile(after)));
        if (rightsChanged) {
            changes.put("sessionsEnded", true);
        }
        audit.record(AuditEntry.success(AuditAction.UPDATE, "user", id, changes));
        return Outcome.of(view(after, names()));
    }

    private void held(UserAccount account, Role role) {
        AdminRoleRules.whyNotHold(users.adminRoleHeld(account.id()), role).ifPresent(why -> {
            throw ProblemException.conflict("ADMIN_ROLE_HELD", why);
        });
    }

    @Transactional
    public Outcome<WithPassword> resetPassword(UUID id) {
        CurrentUser actor = requireAdmin();
        UserAccount before = find(id);
        // whoever gets an administrator's new password can act as that administrator: a second one must agree
        if (before.role().administrator()) {
            if (before.id().equals(actor.id())) {
                throw ProblemException.conflict("CANNOT_RESET_OWN_PASSWORD", "请在“修改密码”中修改本人的密码");
            }
            return Outcome.waiting(request("RESET_PASSWORD", before.role(), id, before.username(), before.displayName(), actor));
        }
        return Outcome.of(reset(before, Map.of()));
    }

    private WithPassword reset(UserAccount before, Map<String, Object> facts) {
        UUID id = before.id();
        String password = PasswordGenerator.generate(before.username());
        Instant now = clock.instant();
        users.updatePassword(id, encoder.encode(password), true, now);
        // the usual reason for a reset is a forgotten password after failed attempts: start afresh
        users.unlock(id, now);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("change", "password-reset");
        changes.put("mustChangePassword", List.of(before.mustChangePassword(), true));
        if (before.lockedAt(now) || before.failedAttempts() > 0) {
            changes.put("failedAttempts", List.of(before.failedAttempts(), 0));
            changes.put("locked", List.of(before.lockedAt(now), false));
        }
        changes.put("sessionsEnded", true);
        changes.putAll(facts);
        audit.record(AuditEntry.success(AuditAction.SECURITY, "user", id, changes));
        return new WithPassword(view(find(id), names()), password);
    }

    // ---- applied when a second administrator approves (AdminGrants checks who may) ----

    WithPassword createApproved(AdminRequests.Row r) {
        if (users.exists(r.username())) {
            throw ProblemException.conflict("USERNAME_TAKEN", "用户名 " + r.username() + " 已被使用");
        }
        UserScopeRules.Scope none = scopes.check(r.role(), null, null, null, null);
        return insert(r.username(), r.displayName(), r.role(), none, r.requestedByName(), approval(r));
    }

    /**
     * The role, and a new one-time password for the approver to hand over, with the second factor removed: whoever
     * knew the account's password or factor before — its requester too — cannot act as the new administrator.
     */
    WithPassword grantApproved(AdminRequests.Row r) {
        UserAccount before = find(r.targetUserId());
        held(before, r.role());
        if (before.role() == r.role()) {
            throw ProblemException.conflict("ROLE_ALREADY_HELD", "该账号已是" + r.role().label());
        }
        Instant now = clock.instant();
        users.updateProfile(before.id(), r.displayName(), r.role(), null, null, null, null, true, now);
        users.resetTotp(before.id(), now);
        Map<String, Object> changes = new LinkedHashMap<>(AuditLog.diff(profile(before), profile(find(before.id()))));
        changes.putAll(approval(r));
        changes.put("sessionsEnded", true);
        audit.record(AuditEntry.success(AuditAction.UPDATE, "user", before.id(), changes));
        return reset(find(before.id()), approval(r));
    }

    WithPassword resetApproved(AdminRequests.Row r) {
        UserAccount before = find(r.targetUserId());
        if (!before.role().administrator()) {
            throw ProblemException.conflict("ADMIN_REQUEST_STALE", "该账号已不是管理员，请直接重置其密码");
        }
        return reset(before, approval(r));
    }

    private static Map<String, Object> approval(AdminRequests.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("adminRequest", r.id().toString());
        m.put("requestedBy", r.requestedByName());
        return m;
    }

    @Transactional
    public UserView unlock(UUID id) {
        requireAdmin();
        UserAccount before = find(id);
        Instant now = clock.instant();
        if (!before.lockedAt(now) && before.failedAttempts() == 0) {
            throw ProblemException.conflict("USER_NOT_LOCKED", "该账号未被锁定");
        }
        users.unlock(id, now);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("change", "unlock");
        changes.put("locked", List.of(before.lockedAt(now), false));
        changes.put("failedAttempts", List.of(before.failedAttempts(), 0));
        audit.record(AuditEntry.success(AuditAction.SECURITY, "user", id, changes));
        return view(find(id), names());
    }

    @Transactional
    public UserView disable(UUID id) {
        CurrentUser actor = requireAdmin();
        UserAccount before = find(id);
        if (before.id().equals(actor.id())) {
            throw ProblemException.conflict("CANNOT_DISABLE_SELF", "不能停用本人账号");
        }
        if (!before.enabled()) {
            throw ProblemException.conflict("USER_ALREADY_DISABLED", "该账号已停用");
        }
        users.updateEnabled(id, false, clock.instant());
        audit.record(AuditEntry.success(AuditAction.SECURITY, "user", id,
                Map.of("change", "disable", "enabled", List.of(true, false), "sessionsEnded", true)));
        return view(find(id), names());
    }

    @Transactional
    public UserView enable(UUID id) {
        requireAdmin();
        UserAccount before = find(id);
        if (before.enabled()) {
            throw ProblemException.conflict("USER_ALREADY_ENABLED", "该账号已是启用状态");
        }
        users.updateEnabled(id, true, clock.instant());
        audit.record(AuditEntry.success(AuditAction.SECURITY, "user", id, Map.of("change", "enable", "enabled", List.of(false, true))));
        return view(find(id), names());
    }

    @Transactional
    public UserView resetTotp(UUID id) {
        requireAdmin();
        UserAccount before = find(id);
        if (!before.totpEnabled() && before.totpSecretEnc() == null) {
            throw ProblemException.conflict("TOTP_NOT_ENABLED", "该账号未启用动态口令");
        }
        users.resetTotp(id, clock.instant());
        audit.record(AuditEntry.success(AuditAction.SECURITY, "user", id,
                Map.of("change", "totp-reset", "totpEnabled", List.of(before.totpEnabled(), false), "sessionsEnded", true)));
        return view(find(id), names());
    }

    private static CurrentUser requireAdmin() {
        CurrentUser actor = CurrentUser.require();
        if (!actor.can(Permission.USER_ADMIN)) {
            throw ProblemException.forbidden("FORBIDDEN", "当前账号无权管理账号");
        }
        return actor;
    }

    private UserAccount find(UUID id) {
        return users.findById(id).orElseThrow(() -> ProblemException.notFound("USER_NOT_FOUND", "账号不存在"));
    }

    private static String displayName(String s) {
        String name = s == null ? "" : s.strip();
        if (name.isEmpty() || name.length() > DISPLAY_NAME_MAX || name.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "DISPLAY_NAME_INVALID",
                    "姓名（名称）不能为空，不超过 " + DISPLAY_NAME_MAX + " 个字符",
                    List.of(new ProblemException.FieldProblem("displayName", "不能为空，不超过 " + DISPLAY_NAME_MAX + " 个字符")));
        }
        return name;
    }

    private static Role role(Role role) {
        if (role == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "ROLE_REQUIRED", "请选择角色",
                    List.of(new ProblemException.FieldProblem("role", "不能为空")));
        }
        return role;
    }

    /** The audited part of an account (no secrets). */
    private static Map<String, Object> profile(UserAccount u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("displayName", u.displayName());
        m.put("role", u.role().name());
        m.put("regionCode", u.regionCode());
        m.put("unitId", u.unitId() == null ? null : u.unitId().toString());
        m.put("enterpriseId", u.enterpriseId() == null ? null : u.enterpriseId().toString());
        m.put("enterprisePosition", u.enterprisePosition() == null ? null : u.enterprisePosition().name());
        return m;
    }

    private record Names(Map<String, String> regions, Map<UUID, String> units) {
    }

    private Names names() {
        return new Names(regions.all().stream().collect(Collectors.toMap(Region::code, Region::fullName)),
                units.all().stream().collect(Collectors.toMap(CommitteeUnit::id, CommitteeUnit::name, (a, b) -> a)));
    }

    private UserView view(UserAccount u, Names names) {
        Instant now = clock.instant();
        String enterpriseName = enterprises.find(u.enterpriseId()).map(EnterpriseRef::name).orElse(null);
        return new UserView(u.id(), u.username(), u.displayName(), u.role().name(), u.role().label(),
                u.regionCode(), u.regionCode() == null ? null : names.regions().get(u.regionCode()),
                u.unitId(), u.unitId() == null ? null : u.role() == Role.COUNTY_UNIT
                        ? UnitNames.countyDepartment(regions.find(u.regionCode()).map(Region::name).orElse(null), names.units().get(u.unitId()))
                        : names.units().get(u.unitId()),
                u.enterpriseId(), enterpriseName, u.enabled(), u.lockedAt(now), u.lockedAt(now) ? u.lockedUntil() : null,
                u.failedAttempts(), u.mustChangePassword(), u.totpEnabled(), u.lastLoginAt(), u.passwordChangedAt(),
                u.createdAt(), u.createdBy(), u.demo(), u.version(),
                u.enterprisePosition() == null ? null : u.enterprisePosition().name(),
                u.enterprisePosition() == null ? null : u.enterprisePosition().label());
    }
}
