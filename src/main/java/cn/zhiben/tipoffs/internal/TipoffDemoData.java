package cn.zhiben.tipoffs.internal;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.tipoffs.TipoffsProperties;
import cn.zhiben.tipoffs.internal.TipoffCodes.AccidentLevel;
import cn.zhiben.tipoffs.internal.TipoffCodes.Category;
import cn.zhiben.tipoffs.internal.TipoffCodes.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Demo tip-offs (demo mode, first start only, zhiben.tipoffs.demo-data=false to skip), made through the real verbs as
 * the demo accounts: a hotline tip-off awaiting triage, one not accepted, one under verification by the 泽州 emergency
 * bureau, and a concealed-accident tip-off verified, rewarded by rule, approved by a second person, paid and answered.
 * The city office account {@code city} is given the special authorisation to open sealed identities by {@code secadmin}.
 * The reporters are invented (marked 演示).
 */
@Component
@Order(40)
class TipoffDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TipoffDemoData.class);
    private final PlatformProperties platform;
    private final TipoffsProperties props;
    private final TipoffService service;
    private final RewardService rewards;
    private final IdentityVault vault;
    private final AccountDirectory accounts;
    private final UnitCatalog units;
    private final JdbcClient jdbc;
    private final InternalReporting internal;
    private final ProofOfWork pow;

    TipoffDemoData(PlatformProperties platform, TipoffsProperties props, TipoffService service, RewardService rewards,
                   IdentityVault vault, AccountDirectory accounts, UnitCatalog units, JdbcClient jdbc,
                   InternalReporting internal, ProofOfWork pow) {
        this.internal = internal;
        this.pow = pow;
        this.platform = platform;
        this.props = props;
        this.service = service;
        this.rewards = rewards;
        this.vault = vault;
        this.accounts = accounts;
        this.units = units;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!platform.demo() || !props.demoData()
                || jdbc.sql("select exists (select 1 from tip_tipoff where demo)").query(Boolean.class).single()) {
            return;
        }
        var city = accounts.findByUsername("city").filter(AccountDirectory.Account::enabled);
        if (city.isPresent() && jdbc.sql("select not exists (select 1 from tip_identity_grant where user_id = :u)")
                .param("u", city.get().id()).query(Boolean.class).single()) {
            accounts.runAs("secadmin", () -> {
                vault.grant("city", "演示：市安委办举报受理专门授权");
                return null;
            });
        }
        UUID yingji = units.findByName("市应急管理局").map(u -> u.id()).orElse(null);
        if (yingji == null) {
            return;
        }
        // 1. a hotline call waiting for the county office
        accounts.runAs("zezhou", () -> service.registerByStaff(sub(Channel.HOTLINE, Category.MAJOR_HAZARD, true,
                "泽州示范新材料科技有限公司", "储罐区可燃气体报警器长期停用，夜间仍在装卸", "hazchem.use", null), List.of(), true));
        // 2. not a safety-production matter: not accepted, with the reason
        var rejected = accounts.runAs("city", () -> service.registerByStaff(sub(Channel.LETTER, Category.OTHER, true,
                "某小区物业公司", "小区停车收费不合理", null, null), List.of(), true));
        UUID rejectedId = idOf(rejected);
        accounts.runAs("city", () -> {
            service.reject(rejectedId, new TipoffService.ReasonCommand("反映事项为物业收费问题，不属于安全生产举报范围，请向住建部门反映。", null));
            return null;
        });
        // 3. named, accepted for the 泽州 emergency bureau to verify
        var verifying = accounts.runAs("zezhou", () -> service.registerByStaff(sub(Channel.VISIT, Category.ILLEGAL_PRODUCTION, false,
                "泽州示范巴公煤业有限公司", "停产整顿期间夜间组织井下生产", "mine.coal", "演示举报人甲"), List.of(), true));
        UUID verifyingId = idOf(verifying);
        accounts.runAs("zezhou", () -> {
            service.accept(verifyingId, new TipoffService.AcceptCommand(yingji, true, null, null, null, "请于期限内现场核查", null));
            return null;
        });
        // 4. a concealed accident: verified, rewarded, approved by a second person, paid, answered
        var concealed = accounts.runAs("zezhou", () -> service.registerByStaff(sub(Channel.HOTLINE, Category.CONCEALED_ACCIDENT, false,
                "泽州某建材加工厂", "上月车间机械伤害事故死亡 1 人未上报", "indtrade.building", "演示举报人乙"), List.of(), true));
        UUID concealedId = idOf(concealed);
        accounts.runAs("zezhou", () -> {
            service.accept(concealedId, new TipoffService.AcceptCommand(yingji, true, null, null, null, null, null));
            return null;
        });
        accounts.runAs("zezhou-yingji", () -> {
            service.conclude(concealedId, new TipoffService.ConcludeCommand(TipoffCodes.Finding.TRUE,
                    "经调查，该厂瞒报一般生产安全事故 1 起、死亡 1 人，已依法移交调查处理。", Map.of(AccidentLevel.GENERAL, 1), null));
            return rewards.propose(concealedId);
        });
        UUID rewardId = jdbc.sql("select id from tip_reward where tipoff_id = :t").param("t", concealedId).query(UUID.class).single();
        int year = service.today().getYear();
        accounts.runAs("zezhou", () -> {
            rewards.setBudget(new RewardService.BudgetCommand(yingji, "140525", year, 20_000_000L));
            rewards.decide(rewardId, new RewardService.Decision(true, "同意按规则奖励", null));
            rewards.pay(rewardId, new RewardService.Payment(service.today(), "演示-国库集中支付-0001", null));
            service.reply(concealedId, new TipoffService.ReasonCommand("您举报的瞒报事故经查属实，已依法处理并按规定发放奖励。感谢您的监督。", null));
            return null;
        });
        // 5. the coal mine's internal channel: an employee's named report, handled as a major hazard and rewarded
        String token = accounts.runAs("qiye", () -> internal.channel().token());
        ProofOfWork.Challenge c = pow.issue();
        String number = internal.submit(token, new InternalReporting.Submission(false, "演示员工丙", "采煤一队",
                "1302 回风巷瓦斯传感器被风筒遮挡，读数偏低", "1302 回风巷"), c.challenge(), ProofOfWork.solve(c.challenge(), c.bits()),
                "demo");
        accounts.runAs("qiye", () -> {
            UUID id = internal.reports().stream().filter(r -> r.number().equals(number)).findFirst().orElseThrow().id();
            internal.handle(id, new InternalReporting.Handling(true, true, "已移开风筒、校准传感器，按重大事故隐患自查上报", null));
            internal.reward(id, new InternalReporting.Reward(200_000L, "按本矿隐患报告奖励办法重奖", service.today()));
            return null;
        });
        jdbc.sql("update tip_internal_report set demo = true where number = :n").param("n", number).update();
        log.info("demo mode: 4 demo tip-offs and 1 internal report created");
    }

    private UUID idOf(TipoffService.Receipt r) {
        return jdbc.sql("select id from tip_tipoff where number = :n").param("n", r.number()).query(UUID.class).single();
    }

    private static TipoffService.Submission sub(Channel channel, Category category, boolean anonymous, String enterprise,
                                                String description, String industry, String name) {
        return new TipoffService.Submission(channel, category, anonymous, enterprise, null, null, null, description, "140525",
                industry, name, null, anonymous ? null : "13800000000", null, null);
    }
}
