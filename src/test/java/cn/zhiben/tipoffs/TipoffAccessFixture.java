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

/** "tipoff" of the access table (TipoffAccessFixtures): values id, attachmentId. */
class TipoffAccessFixture implements AccessFixture {

    private final TipoffService service;
    private final RewardService rewards;
    private final TipoffQueries queries;
    private final AccountDirectory accounts;
    private final UnitCatalog units;
    private final JdbcClient jdbc;
    private final Clock clock;
    private TipoffAccessFixtures.Made made;

    TipoffAccessFixture(TipoffService service, RewardService rewards, TipoffQueries queries, AccountDirectory accounts,
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
        return "tipoff";
    }

    @Override
    public void prepare() {
        made = TipoffAccessFixtures.make(service, rewards, accounts, units, jdbc, clock);
    }

    TipoffAccessFixtures.Made made() {
        return made;
    }

    boolean sees(CurrentUser caller, java.util.UUID tipoff) {
        return queries.detail(caller, tipoff).isPresent();
    }

    @Override
    public Optional<Map<String, String>> inside(CurrentUser caller) {
        return TipoffAccessFixtures.inside(queries, caller, made).map(id -> TipoffAccessFixtures.values(made, id));
    }

    @Override
    public Optional<Map<String, String>> outside(CurrentUser caller) {
        return TipoffAccessFixtures.outside(queries, caller, made).map(id -> TipoffAccessFixtures.values(made, id));
    }

    @Override
    public Map<String, String> any() {
        return TipoffAccessFixtures.values(made, made.a());
    }
}
