package cn.zhiben.tipoffs;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.tipoffs.internal.RewardService;
import cn.zhiben.tipoffs.internal.TipoffQueries;
import cn.zhiben.tipoffs.internal.TipoffService;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * "tipoff-reward": the paid reward of tip-off A of {@link TipoffAccessFixture} (final: decisions and payments are refused
 * with 409 after the rights check); inside for whoever sees tip-off A.
 */
class TipoffRewardAccessFixture extends TipoffAccessFixture {

    TipoffRewardAccessFixture(TipoffService service, RewardService rewards, TipoffQueries queries, AccountDirectory accounts,
                              UnitCatalog units, JdbcClient jdbc, Clock clock) {
        super(service, rewards, queries, accounts, units, jdbc, clock);
    }

    @Override
    public String name() {
        return "tipoff-reward";
    }

    private Map<String, String> values() {
        return Map.of("rewardId", made().rewardA().toString());
    }

    @Override
    public Optional<Map<String, String>> inside(CurrentUser caller) {
        return sees(caller, made().a()) ? Optional.of(values()) : Optional.empty();
    }

    @Override
    public Optional<Map<String, String>> outside(CurrentUser caller) {
        return sees(caller, made().a()) ? Optional.empty() : Optional.of(values());
    }

    @Override
    public Map<String, String> any() {
        return values();
    }
}
