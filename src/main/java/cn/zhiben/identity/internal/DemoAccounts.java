package cn.zhiben.identity.internal;

import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.platform.security.CurrentUser;
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
import java.util.List;
import java.util.UUID;

/**
 * Demo mode only: one account per role, all with the published password {@value #PASSWORD}, marked as demo.
 * Runs after the demo enterprises exist (org's demo data runs first).
 */
@Component
@Order(20)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "Zhiben@2026";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final PlatformProperties platform;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final UnitCatalog units;
    private final EnterpriseDirectory enterprises;
    private final ExpertAssignmentService assignments;
    private final Clock clock;

    DemoAccounts(PlatformProperties platform, UserRepository users, PasswordEncoder encoder, UnitCatalog units,
                 EnterpriseDirectory enterprises, ExpertAssignmentService assignments, Clock clock) {
        this.platform = platform;
        this.users = users;
        this.encoder = encoder;
        this.units = units;
        this.enterprises = enterprises;
        this.assignments = assignments;
        this.clock = clock;
    }

    /**
     * username, display name, role, region, unit name; for enterprise accounts the industry prefix and name of the demo
     * enterprise, and the account's position in the two-level confirmation
     */
    record Spec(String username, String displayName, Role role, String region, String unit, String enterpriseIndustry,
                String enterpriseName, CurrentUser.EnterprisePosition position) {
        Spec(String username, String displayName, Role role, String region, String unit) {
            this(username, displayName, role, region, unit, null, null, null);
        }
    }

    static final List<Spec> SPECS = List.of(
            new Spec("city", "市安委办 值班员", Role.CITY_OFFICE, null, null),
            new Spec("yingji", "市应急管理局 监管科", Role.MEMBER_UNIT, null, "市应急管理局"),
            new Spec("nengyuan", "市能源局 安全科", Role.MEMBER_UNIT, null, "市能源局"),
            new Spec("zhujian", "市住建局 质安科", Role.MEMBER_UNIT, null, "市住房和城乡建设局"),
            new Spec("zezhou", "泽州县安委办", Role.COUNTY_OFFICE, "140525", null),
            new Spec("gaoping", "高平市安委办", Role.COUNTY_OFFICE, "140581", null),
            new Spec("zezhou-yingji", "泽州县应急管理局", Role.COUNTY_UNIT, "140525", "市应急管理局"),
            new Spec("zezhou-nengyuan", "泽州县能源局", Role.COUNTY_UNIT, "140525", "市能源局"),
            new Spec("xiaofang", "市消防救援支队 防火监督处", Role.MEMBER_UNIT, null, "市消防救援支队"),
            new Spec("zezhou-xiaofang", "泽州县消防救援大队", Role.COUNTY_UNIT, "140525", "市消防救援支队"),
            new Spec("nancun", "泽州县南村镇", Role.TOWNSHIP, "140525100", null),
            new Spec("qiye", "安全管理部", Role.ENTERPRISE, null, null, "mine.coal", "泽州示范巴公煤业",
                    CurrentUser.EnterprisePosition.SAFETY_MANAGER),
            new Spec("qiye-fzr", "主要负责人", Role.ENTERPRISE, null, null, "mine.coal", "泽州示范巴公煤业",
                    CurrentUser.EnterprisePosition.PRINCIPAL),
            new Spec("qiye-huagong", "安全管理部", Role.ENTERPRISE, null, null, "hazchem", "晋城示范煤化工",
                    CurrentUser.EnterprisePosition.SAFETY_MANAGER),
            new Spec("qiye-huagong-fzr", "主要负责人", Role.ENTERPRISE, null, null, "hazchem", "晋城示范煤化工",
                    CurrentUser.EnterprisePosition.PRINCIPAL),
            new Spec("zhuanjia", "安全专家", Role.EXPERT, null, null),
            new Spec("sysadmin", "系统管理员", Role.SYS_ADMIN, null, null),
            new Spec("secadmin", "安全管理员", Role.SEC_ADMIN, null, null),
            new Spec("auditadmin", "审计管理员", Role.AUDIT_ADMIN, null, null));

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!platform.demo()) {
            return;
        }
        Instant now = clock.instant();
        String hash = null;
        int created = 0;
        for (Spec s : SPECS) {
            if (users.exists(s.username())) {
                continue;
            }
            UUID unitId = s.unit() == null ? null : units.findByName(s.unit()).orElseThrow().id();
            UUID enterpriseId = null;
            String displayName = s.displayName();
            if (s.enterpriseIndustry() != null) {
                List<EnterpriseRef> candidates = enterprises.demoEnterprises(s.enterpriseIndustry()).stream()
                        .filter(e -> e.name().startsWith(s.enterpriseName())).toList();
                if (candidates.isEmpty()) {
                    log.warn("no demo enterprise of {} for demo account {}", s.enterpriseIndustry(), s.username());
                    continue;
                }
                enterpriseId = candidates.get(0).id();
                displayName = candidates.get(0).name() + " " + s.displayName();
            }
            hash = hash != null ? hash : encoder.encode(PASSWORD);
            UUID id = UUID.randomUUID();
            users.insert(new UserAccount(id, s.username(), displayName, s.role(), s.region(), unitId, enterpriseId, null,
                    hash, now, false, null, false, 0, null, true, true, null, now, "demo", now, UUID.randomUUID(), 0, s.position()));
            users.updatePasswordHistoryOnly(id, hash, now);
            created++;
        }
        if (created > 0) {
            log.info("演示模式：已创建 {} 个演示账号，密码 {}", created, PASSWORD);
        }
        assignDemoExpert();
    }

    /**
     * The demo expert works for the demo coal mine for a year (issue 9 item 2c), as an expert assignment of the
     * inspections module would; once, under a demo source reference.
     */
    private void assignDemoExpert() {
        var expert = users.findByUsername("zhuanjia").orElse(null);
        var mine = enterprises.demoEnterprises("mine.coal").stream().filter(e -> e.name().startsWith("泽州示范巴公煤业")).findFirst();
        if (expert == null || mine.isEmpty() || !assignments.of(expert.id()).isEmpty()) {
            return;
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE));
        assignments.assign(expert.id(), mine.get().id(), today.minusDays(30), today.plusDays(335), "demo:zhuanjia:bagong");
    }
}
