package cn.zhiben.tipoffs.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.notifications.Notifier;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.tipoffs.TipoffEvents;
import cn.zhiben.tipoffs.internal.TipoffCodes.AccidentLevel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Rewards: computed by rule with the inputs shown, proposed by one person and approved by another (两人审批, our
 * reading of the review the 办法 requires before payment), paid and recorded against the unit's budget for the year
 * (plan item 31: 奖励资金纳入各级财政预算); the reporter is told by SMS when named, and sees it with the tracking code.
 */
@Service
public class RewardService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;
    private final TipoffService tipoffs;
    private final IdentityVault vault;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Notifier notifier;

    RewardService(JdbcClient jdbc, TipoffService tipoffs, IdentityVault vault, AuditLog audit, Clock clock,
                  ApplicationEventPublisher events, Notifier notifier) {
        this.jdbc = jdbc;
        this.tipoffs = tipoffs;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.notifier = notifier;
    }

    public record Reward(UUID id, UUID tipoffId, String tipoffNumber, String ruleCode, int ruleVersion, String ruleName,
                         String ruleSource, String inputs, String explanation, long amountFen, String status,
                         UUID unitId, String unitRegionCode, String proposedName, Instant proposedAt, String decidedName,
                         Instant decidedAt, String decisionNote, LocalDate paidOn, String paymentRef, int year, int version) {
    }

    private static final String SELECT = """
            select w.*, t.number as tipoff_number, r.code as rule_code, r.version as rule_version, r.name as rule_name,
                   r.source as rule_source
            from tip_reward w join tip_tipoff t on t.id = w.tipoff_id join tip_reward_rule r on r.id = w.rule_id""";

    public List<RewardRule> rules() {
        return jdbc.sql("select * from tip_reward_rule order by code, version").query(RewardService::rule).list();
    }

    public Optional<Reward> forTipoff(CurrentUser u, UUID tipoffId) {
        TipoffRules.Sql scope = TipoffRules.scope(u);
        return jdbc.sql(SELECT + " where w.tipoff_id = :t and " + scope.where()).param("t", tipoffId).params(scope.params())
                .query(RewardService::map).optional();
    }

    public Optional<Reward> find(CurrentUser u, UUID id) {
        TipoffRules.Sql scope = TipoffRules.scope(u);
        return jdbc.sql(SELECT + " where w.id = :id and " + scope.where()).param("id", id).params(scope.params())
                .query(RewardService::map).optional();
    }

    public List<Reward> list(CurrentUser u, Integer year) {
        TipoffRules.Sql scope = TipoffRules.scope(u);
        return jdbc.sql(SELECT + " where " + scope.where() + " and (:y::int is null or w.year = :y) order by w.proposed_at desc limit 500")
                .params(scope.params()).param("y", year).query(RewardService::map).list();
    }

    /** Computes (or recomputes, while not yet decided) the reward of a substantiated tip-off and proposes it. */
    @Transactional
    public Reward propose(UUID tipoffId) {
        CurrentUser u = CurrentUser.require();
        Tipoff t = tipoffs.load(tipoffId, u, null);
        if (!TipoffRules.mayProposeReward(u, t)) {
            throw TipoffRules.denied("奖励由承办单位或安委办提出");
        }
        if (t.status != TipoffStatus.CONCLUDED && t.status != TipoffStatus.CLOSED || t.finding == null || !t.finding.substantiated()) {
            throw ProblemException.conflict("REWARD_NOT_SUBSTANTIATED", "举报核查属实或部分属实后才能计算奖励");
        }
        Optional<String> existing = jdbc.sql("select status from tip_reward where tipoff_id = :t").param("t", t.id)
                .query(String.class).optional();
        if (existing.isPresent() && !existing.get().equals("PROPOSED") && !existing.get().equals("REJECTED")) {
            throw ProblemException.conflict("REWARD_ALREADY_DECIDED", "奖励已批准或已发放，不能重新计算");
        }
        long[] fines = fines(t.hazardId);
        RewardRule rule = RewardCalculator.select(rules(), t.regionCode, t.industryCode, t.receivedOn)
                .orElseThrow(() -> ProblemException.unprocessable("REWARD_NO_RULE", "受理之日没有适用的奖励规则"));
        RewardCalculator.Result r = RewardCalculator.compute(rule, new RewardCalculator.Inputs(t.category,
                t.duplicateOf == null && t.status != TipoffStatus.MERGED, fines[0], fines[1], t.concealedDeaths));
        Map<String, Object> inputs = new LinkedHashMap<>(r.inputs());
        inputs.put("receivedOn", t.receivedOn.toString());
        Instant now = clock.instant();
        jdbc.sql("delete from tip_reward where tipoff_id = :t and status in ('PROPOSED','REJECTED')").param("t", t.id).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into tip_reward (id, tipoff_id, rule_id, inputs, explanation, amount_fen, status, unit_id, unit_region_code,
                    proposed_by, proposed_name, proposed_at, year)
                values (:id, :t, :rule, :inputs, :why, :amount, 'PROPOSED', :unit, :unitRegion, :by, :name, :at, :year)""")
                .param("id", id).param("t", t.id).param("rule", rule.id()).param("inputs", JSON.writeValueAsString(inputs))
                .param("why", r.explanation()).param("amount", r.amountFen()).param("unit", t.unitId)
                .param("unitRegion", t.unitRegionCode).param("by", u.id()).param("name", u.displayName())
                .param("at", Timestamp.from(now)).param("year", today().getYear()).update();
        audit.record(AuditEntry.success(AuditAction.CREATE, "tipoff-reward", id,
                Map.of("tipoff", t.number, "amountFen", r.amountFen(), "rule", rule.code() + " v" + rule.version())));
        return find(u, id).orElseThrow();
    }

    /** Enterprise and person fines of the decisions that name the hazard (fen). */
    long[] fines(UUID hazardId) {
        if (hazardId == null) {
            return new long[]{0, 0};
        }
        return jdbc.sql("""
                select coalesce(sum(enterprise_fine_fen), 0), coalesce(sum(person_fine_fen), 0) from tip_decision
                where :h = any(hazard_ids)""").param("h", hazardId)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
    }

    public record Decision(boolean approve, String note, Integer version) {
    }

    /** The second person: not the proposer; the office of the level; within the budget if one is set. */
    @Transactional
    public Reward decide(UUID id, Decision d) {
        CurrentUser u = CurrentUser.require();
        Reward w = lockScoped(u, id);
        Tipoff t = tipoffs.load(w.tipoffId(), u, null);
        if (!TipoffRules.mayDecideReward(u, t)) {
            throw TipoffRules.denied("奖励由本级安委办审批");
        }
        requireVersion(w, d.version());
        if (!w.status().equals("PROPOSED")) {
            throw ProblemException.conflict("REWARD_ILLEGAL_TRANSITION", "奖励当前不是待审批状态");
        }
        String proposer = jdbc.sql("select proposed_by::text from tip_reward where id = :id").param("id", id).query(String.class).single();
        if (proposer.equals(u.id().toString())) {
            throw ProblemException.forbidden("REWARD_SAME_PERSON", "奖励须由提出人以外的另一人审批");
        }
        if (!d.approve() && (d.note() == null || d.note().isBlank())) {
            throw ProblemException.badRequest("REWARD_NOTE_REQUIRED", "不予批准须写明理由");
        }
        if (d.approve()) {
            // approvals of one unit's year queue on its budget row, so two at once cannot both fit into what is left
            jdbc.sql("select 1 from tip_budget where unit_id = :u and region_code = :r and year = :y for update")
                    .param("u", w.unitId()).param("r", w.unitRegionCode() == null ? "" : w.unitRegionCode())
                    .param("y", w.year()).query(Integer.class).optional();
            Ledger l = ledgerOf(w.unitId(), w.unitRegionCode(), w.year());
            if (l.budgetFen() != null && l.committedFen() + w.amountFen() > l.budgetFen()) {
                throw ProblemException.conflict("REWARD_OVER_BUDGET", "超出本单位本年度举报奖励预算（剩余 "
                        + Money.yuan(l.budgetFen() - l.committedFen()) + "）");
            }
        }
        jdbc.sql("""
                update tip_reward set status = :s, decided_by = :by, decided_name = :name, decided_at = :at, decision_note = :note,
                    version = version + 1 where id = :id""")
                .param("s", d.approve() ? "APPROVED" : "REJECTED").param("by", u.id()).param("name", u.displayName())
                .param("at", Timestamp.from(clock.instant())).param("note", d.note()).param("id", id).update();
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "tipoff-reward", id,
                Map.of("status", List.of("PROPOSED", d.approve() ? "APPROVED" : "REJECTED"))));
        return find(u, id).orElseThrow();
    }

    public record Payment(LocalDate paidOn, String paymentRef, Integer version) {
    }

    @Transactional
    public Reward pay(UUID id, Payment p) {
        CurrentUser u = CurrentUser.require();
        Reward w = lockScoped(u, id);
        Tipoff t = tipoffs.load(w.tipoffId(), u, null);
        if (!TipoffRules.mayDecideReward(u, t)) {
            throw TipoffRules.denied("奖励发放由本级安委办登记");
        }
        requireVersion(w, p.version());
        if (!w.status().equals("APPROVED")) {
            throw ProblemException.conflict("REWARD_ILLEGAL_TRANSITION", "奖励批准后才能登记发放");
        }
        if (p.paidOn() == null || p.paidOn().isAfter(today()) || p.paymentRef() == null || p.paymentRef().isBlank()
                || p.paymentRef().length() > 100) {
            throw ProblemException.badRequest("REWARD_PAYMENT_INCOMPLETE", "请填写发放日期（不晚于今天）和支付凭证号");
        }
        jdbc.sql("update tip_reward set status = 'PAID', paid_on = :on, payment_ref = :ref, paid_by = :by, version = version + 1 where id = :id")
                .param("on", p.paidOn()).param("ref", p.paymentRef().trim()).param("by", u.id()).param("id", id).update();
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "tipoff-reward", id,
                Map.of("status", List.of("APPROVED", "PAID"), "paymentRef", p.paymentRef().trim())));
        events.publishEvent(new TipoffEvents.RewardPaid(id, w.tipoffId(), w.unitId(), w.unitRegionCode(), w.amountFen(),
                p.paidOn(), clock.instant()));
        String code = jdbc.sql("select tracking_code from tip_tipoff where id = :t").param("t", w.tipoffId()).query(String.class).single();
        vault.phoneForNotification(w.tipoffId()).ifPresent(phone -> notifier.sms(phone, "举报人",
                "您的举报（查询码 " + code + "）奖励 " + Money.yuan(w.amountFen()) + " 已发放，请查收。", "tipoff-reward-paid:" + id));
        return find(u, id).orElseThrow();
    }

    // ---- budget and ledger ----

    /** A unit's year: budget (null: none set), approved but unpaid, paid. */
    public record Ledger(UUID unitId, String unitRegionCode, int year, Long budgetFen, long approvedFen, long paidFen, int count) {
        public long committedFen() {
            return approvedFen + paidFen;
        }
    }

    Ledger ledgerOf(UUID unitId, String region, int year) {
        Long budget = jdbc.sql("select amount_fen from tip_budget where unit_id = :u and region_code = :r and year = :y")
                .param("u", unitId).param("r", region == null ? "" : region).param("y", year).query(Long.class).optional().orElse(null);
        return jdbc.sql("""
                select coalesce(sum(amount_fen) filter (where status = 'APPROVED'), 0), coalesce(sum(amount_fen) filter (where status = 'PAID'), 0),
                       count(*) filter (where status in ('APPROVED','PAID'))
                from tip_reward where unit_id = :u and coalesce(unit_region_code, '') = :r and year = :y""")
                .param("u", unitId).param("r", region == null ? "" : region).param("y", year)
                .query((rs, n) -> new Ledger(unitId, region, year, budget, rs.getLong(1), rs.getLong(2), rs.getInt(3))).single();
    }

    /** Every unit with a budget or a reward in the year, as far as the user sees tip-offs. */
    public List<Ledger> ledger(CurrentUser u, int year) {
        if (!TipoffRules.mayRead(u)) {
            throw TipoffRules.denied("当前账号不能查看举报奖励台账");
        }
        List<Object[]> keys = jdbc.sql("""
                select unit_id, nullif(region_code, '') from tip_budget where year = :y
                union select unit_id, unit_region_code from tip_reward where year = :y and unit_id is not null""")
                .param("y", year).query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2)}).list();
        return keys.stream().filter(k -> TipoffRules.seesLedgerOf(u, (UUID) k[0], (String) k[1]))
                .map(k -> ledgerOf((UUID) k[0], (String) k[1], year)).toList();
    }

    public record BudgetCommand(UUID unitId, String regionCode, Integer year, Long amountFen) {
    }

    @Transactional
    public void setBudget(BudgetCommand c) {
        CurrentUser u = CurrentUser.require();
        if (u.role() != Role.CITY_OFFICE && u.role() != Role.COUNTY_OFFICE) {
            throw TipoffRules.denied("举报奖励预算由市、县安委办登记");
        }
        if (c.unitId() == null || c.year() == null || c.amountFen() == null || c.amountFen() < 0 || c.year() < 2000 || c.year() > 2100) {
            throw ProblemException.badRequest("REWARD_BUDGET_INCOMPLETE", "请填写单位、年度和不为负的预算金额（分）");
        }
        String region = c.regionCode() == null || c.regionCode().isBlank() ? null : c.regionCode();
        if (!TipoffRules.maySetBudget(u, region)) {
            throw TipoffRules.denied("只能登记本级单位的举报奖励预算");
        }
        jdbc.sql("""
                insert into tip_budget (unit_id, region_code, year, amount_fen, set_by, set_at) values (:u, :r, :y, :a, :by, :at)
                on conflict (unit_id, region_code, year) do update set amount_fen = :a, set_by = :by, set_at = :at""")
                .param("u", c.unitId()).param("r", region == null ? "" : region).param("y", c.year()).param("a", c.amountFen())
                .param("by", u.id()).param("at", Timestamp.from(clock.instant())).update();
        audit.record(AuditEntry.success(AuditAction.UPDATE, "tipoff-budget", c.unitId(),
                Map.of("year", c.year(), "region", region == null ? "city" : region, "amountFen", c.amountFen())));
    }

    private Reward lockScoped(CurrentUser u, UUID id) {
        jdbc.sql("select 1 from tip_reward where id = :id for update").param("id", id).query(Integer.class).optional();
        return find(u, id).orElseThrow(() -> ProblemException.notFound("REWARD_NOT_FOUND", "奖励记录不存在或不在您的办理范围内"));
    }

    private static void requireVersion(Reward w, Integer version) {
        if (version != null && version != w.version()) {
            throw ProblemException.conflict("REWARD_VERSION_CONFLICT", "奖励记录已被他人办理，请刷新后重试");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    static RewardRule rule(ResultSet rs, int n) throws SQLException {
        Map<AccidentLevel, Long> deaths = new EnumMap<>(AccidentLevel.class);
        deaths.put(AccidentLevel.GENERAL, rs.getLong("death_general_fen"));
        deaths.put(AccidentLevel.LARGER, rs.getLong("death_larger_fen"));
        deaths.put(AccidentLevel.MAJOR, rs.getLong("death_major_fen"));
        deaths.put(AccidentLevel.ESPECIALLY_MAJOR, rs.getLong("death_especially_fen"));
        return new RewardRule(rs.getObject("id", UUID.class), rs.getString("code"), rs.getInt("version"), rs.getString("name"),
                RewardRule.Level.valueOf(rs.getString("level")), rs.getString("region_code"), rs.getString("industry_prefix"),
                rs.getInt("percent_bp"), rs.getBoolean("include_person_fines"), rs.getLong("min_fen"), rs.getLong("max_fen"),
                deaths, rs.getLong("death_cap_fen"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getString("source"), rs.getString("confidence"), rs.getString("status"));
    }

    private static Reward map(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Reward(rs.getObject("id", UUID.class), rs.getObject("tipoff_id", UUID.class), rs.getString("tipoff_number"),
                rs.getString("rule_code"), rs.getInt("rule_version"), rs.getString("rule_name"), rs.getString("rule_source"),
                rs.getString("inputs"), rs.getString("explanation"), rs.getLong("amount_fen"), rs.getString("status"),
                rs.getObject("unit_id", UUID.class), rs.getString("unit_region_code"), rs.getString("proposed_name"),
                rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_name"),
                decided == null ? null : decided.toInstant(), rs.getString("decision_note"),
                rs.getObject("paid_on", LocalDate.class), rs.getString("payment_ref"), rs.getInt("year"), rs.getInt("version"));
    }
}
