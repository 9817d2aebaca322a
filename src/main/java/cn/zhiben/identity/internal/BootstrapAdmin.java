package cn.zhiben.identity.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.identity.IdentityProperties;
import cn.zhiben.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Creates the first administrator "admin" (the security administrator, who creates every other account) on first start.
 * Its password is ZHIBEN_ADMIN_PASSWORD — chosen by the operator, so not forced to change — or, without it, a random
 * one printed once and forced to change at first login.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final IdentityProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    BootstrapAdmin(UserRepository users, PasswordEncoder encoder, IdentityProperties properties, AuditLog audit, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** The first password, and whether it must be changed at first login. */
    record Plan(String password, boolean mustChange) {
    }

    /** The operator's password as given (it must meet the policy), else a random one that must be changed. */
    static Plan plan(String configured) {
        return plan(configured, USERNAME, "ZHIBEN_ADMIN_PASSWORD");
    }

    static Plan plan(String configured, String username, String variable) {
        if (configured == null || configured.isBlank()) {
            return new Plan(PasswordGenerator.generate(username), true);
        }
        var violations = PasswordPolicy.violations(configured, username);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(variable + " 不符合密码策略：" + String.join("；", violations));
        }
        return new Plan(configured, false);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.exists(USERNAME)) {
            return;
        }
        create(USERNAME, "系统初始管理员", Role.SEC_ADMIN, plan(properties.adminPassword()), "ZHIBEN_ADMIN_PASSWORD",
                users, encoder, audit, clock);
    }

    /** Creates a first administrator, recorded as made by "system", and says once in the log how to sign in. */
    static void create(String username, String displayName, Role role, Plan plan, String variable, UserRepository users,
                       PasswordEncoder encoder, AuditLog audit, Clock clock) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String hash = encoder.encode(plan.password());
        users.insert(new UserAccount(id, username, displayName, role, null, null, null, null, hash, now,
                plan.mustChange(), null, false, 0, null, true, false, null, now, "system", now, UUID.randomUUID(), 0, null));
        users.updatePasswordHistoryOnly(id, hash, now);
        audit.record(AuditEntry.success(AuditAction.CREATE, "user", id, Map.of("username", username, "role", role.name()))
                .by(new AuditEntry.Actor(null, "system", null, null)));
        if (plan.mustChange()) {
            log.warn("\n\n  首次启动：已创建{} {}，初始密码 {} — 仅显示这一次，首次登录须修改。\n"
                    + "  如需指定密码，请在首次启动前设置环境变量 {}。\n", role.label(), username, plan.password(), variable);
        } else {
            log.info("首次启动：已创建{} {}，密码取自 {}", role.label(), username, variable);
        }
    }
}
