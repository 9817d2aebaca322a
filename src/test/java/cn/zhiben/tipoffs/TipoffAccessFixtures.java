package cn.zhiben.tipoffs;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.support.SampleFiles;
import cn.zhiben.tipoffs.internal.RewardService;
import cn.zhiben.tipoffs.internal.TipoffAttachments;
import cn.zhiben.tipoffs.internal.TipoffCodes;
import cn.zhiben.tipoffs.internal.TipoffQueries;
import cn.zhiben.tipoffs.internal.TipoffService;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The tip-offs of the access table, both in a final state so every verb passes the rights check and is then refused:
 * A in 泽州, handled by 泽州县应急管理局, verified, rewarded and paid, answered (CLOSED); B in 高平, not accepted (REJECTED).
 * Each has an attachment. Made once per test JVM through the services as the demo accounts.
 */
final class TipoffAccessFixtures {

    private TipoffAccessFixtures() {
    }

    record Made(UUID a, UUID b, UUID rewardA, UUID attachmentA, UUID attachmentB) {
    }

    private static Made made;

    static synchronized Made make(TipoffService service, RewardService rewards, AccountDirectory accounts, UnitCatalog units,
                                  JdbcClient jdbc, Clock clock) {
        if (made != null) {
            return made;
        }
        UUID yingji = units.findByName("市应急管理局").orElseThrow().id();
        UUID a = register(service, accounts, jdbc, "zezhou", "140525", "访问表检查企业甲", TipoffCodes.Category.CONCEALED_ACCIDENT);
        accounts.runAs("zezhou", () -> {
            service.accept(a, new TipoffService.AcceptCommand(yingji, true, null, null, null, "访问表检查", null));
            return null;
        });
        accounts.runAs("zezhou-yingji", () -> {
            service.conclude(a, new TipoffService.ConcludeCommand(TipoffCodes.Finding.TRUE, "访问表检查",
                    Map.of(TipoffCodes.AccidentLevel.GENERAL, 1), null));
            return rewards.propose(a);
        });
        UUID reward = jdbc.sql("select id from tip_reward where tipoff_id = :t").param("t", a).query(UUID.class).single();
        accounts.runAs("zezhou", () -> {
            rewards.decide(reward, new RewardService.Decision(true, "访问表检查", null));
            rewards.pay(reward, new RewardService.Payment(LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE)),
                    "访问表检查", null));
            service.reply(a, new TipoffService.ReasonCommand("访问表检查", null));
            return null;
        });
        UUID b = register(service, accounts, jdbc, "gaoping", "140581", "访问表检查企业乙", TipoffCodes.Category.OTHER);
        accounts.runAs("gaoping", () -> {
            service.reject(b, new TipoffService.ReasonCommand("访问表检查", null));
            return null;
        });
        made = new Made(a, b, reward, attachment(jdbc, a), attachment(jdbc, b));
        return made;
    }

    private static UUID register(TipoffService service, AccountDirectory accounts, JdbcClient jdbc, String as, String region,
                                 String enterprise, TipoffCodes.Category category) {
        byte[] png = SampleFiles.png();
        var receipt = accounts.runAs(as, () -> service.registerByStaff(new TipoffService.Submission(TipoffCodes.Channel.HOTLINE,
                category, true, enterprise, null, null, null, "访问表检查用举报", region, null, null, null, null, null, null),
                List.of(new TipoffAttachments.Upload("现场.png", png.length, new ByteArrayInputStream(png))), false));
        return jdbc.sql("select id from tip_tipoff where number = :n").param("n", receipt.number()).query(UUID.class).single();
    }

    private static UUID attachment(JdbcClient jdbc, UUID tipoff) {
        return jdbc.sql("select id from tip_attachment where tipoff_id = :t").param("t", tipoff).query(UUID.class).single();
    }

    static Map<String, String> values(Made m, UUID tipoff) {
        return Map.of("id", tipoff.toString(), "attachmentId", (tipoff.equals(m.a()) ? m.attachmentA() : m.attachmentB()).toString());
    }

    /** Inside: A if the caller sees it, else B if it does; outside: B if it does not see B, else A if not A. */
    static Optional<UUID> inside(TipoffQueries queries, CurrentUser caller, Made m) {
        if (queries.detail(caller, m.a()).isPresent()) {
            return Optional.of(m.a());
        }
        return queries.detail(caller, m.b()).isPresent() ? Optional.of(m.b()) : Optional.empty();
    }

    static Optional<UUID> outside(TipoffQueries queries, CurrentUser caller, Made m) {
        if (queries.detail(caller, m.b()).isEmpty()) {
            return Optional.of(m.b());
        }
        return queries.detail(caller, m.a()).isEmpty() ? Optional.of(m.a()) : Optional.empty();
    }
}
