package cn.zhiben.identity.internal;

import cn.zhiben.audit.AuditLog;
import cn.zhiben.identity.IdentityProperties;
import cn.zhiben.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * The second first administrator: the audit administrator "audit", created when no account holds that role (after the
 * demo accounts, so a demo keeps its own). Without it the bootstrap security administrator "admin" could make no
 * administrator at all under the two-person rule, since nobody else could approve. Its password is
 * ZHIBEN_AUDIT_ADMIN_PASSWORD, or a random one printed once and forced to change. Hand "admin" and "audit" to two
 * different people.
 */
@Component
@Order(25)
class BootstrapAuditAdmin implements ApplicationRunner {

    static final String USERNAME = "audit";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAuditAdmin.class);

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final IdentityProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    BootstrapAuditAdmin(JdbcClient jdbc, UserRepository users, PasswordEncoder encoder, IdentityProperties properties,
                        AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean anyAuditor = jdbc.sql("select exists (select 1 from idn_user where role = 'AUDIT_ADMIN')").query(Boolean.class).single();
        if (anyAuditor) {
            return;
        }
        if (users.exists(USERNAME)) {
            log.warn("没有审计管理员，且用户名 {} 已被占用，未自动创建：管理员授权申请将无人可批准，请处理", USERNAME);
            return;
        }
        BootstrapAdmin.create(USERNAME, "系统初始审计管理员", Role.AUDIT_ADMIN,
                BootstrapAdmin.plan(properties.auditAdminPassword(), USERNAME, "ZHIBEN_AUDIT_ADMIN_PASSWORD"),
                "ZHIBEN_AUDIT_ADMIN_PASSWORD", users, encoder, audit, clock);
    }
}
