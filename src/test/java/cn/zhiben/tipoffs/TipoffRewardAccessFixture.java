package cn.zhiben.tipoffs;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.support.AccessFixture;
import cn.zhiben.tipoffs.internal.RewardService;
import cn.zhiben.tipoffs.internal.TipoffQueries;
import cn.zhiben.tipoffs.internal.TipoffService;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** "tipoff-reward": the paid reward of tip-off A (final: decisions and payments are refused with 409 after the rights check). */
class TipoffRewardAccessFixture implements AccessFixture {

    private final TipoffService service;
    private final RewardService rewards;
    private final TipoffQueries queries;
    private final AccountDirectory accounts;
    private final UnitCatalog units;
    private final JdbcClient jdbc;
    private final Clock clock;
    private TipoffAccessFixtures.Made made;

    TipoffRewardAccessFixture(TipoffService service, RewardService rewards, TipoffQueries queries, AccountDirectory accounts,
                              UnitCatalog units, JdbcClient jdbc, Clock clock) {
        this.service = service;
        this.rewards = rewards;
        this.queries = queries;
        this.accounts = accounts;
        this.units = units;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "tipoff-reward";
    }

    @Override
    public void prepare() {
        made = TipoffAccessFixtures.make(service, rewards, accounts, units, jdbc, clock);
    }

    private Map<String, String> values() {
        return Map.of("rewardId", made.rewardA().toString());
    }

    @Override
    public Optional<Map<String, String>> inside(CurrentUser caller) {
        return queries.detail(caller, made.a()).isPresent() ? Optional.of(values()) : Optional.empty();
    }

    @Override
    public Optional<Map<String, String>> outside(CurrentUser caller) {
        return queries.detail(caller, made.a()).isPresent() ? Optional.empty() : Optional.of(values());
    }

    @Override
    public Map<String, String> any() {
        return values();
    }
}
