package cn.zhiben.campaign.internal;

import cn.zhiben.platform.security.CurrentUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Evaluation schemes, their items, targets, self-assessments, result versions, scores and rankings. */
@Repository
public class EvaluationRepository {

    static final String ENTITY = "evaluation";
    private final JdbcClient jdbc;
    private final TransitionLog log;

    EvaluationRepository(JdbcClient jdbc, TransitionLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    public record SelfEntry(UUID targetId, UUID itemId, BigDecimal points, String explanation) {
    }

    public record ScoreRow(UUID resultId, UUID targetId, UUID itemId, BigDecimal points, Integer deficiencies, String basis,
                           String reason, String method, String scoredBy, Instant scoredAt) {
    }

    public record RankRow(UUID targetId, BigDecimal total, int rank) {
    }

    public record Summary(UUID id, UUID programmeId, int year, String title, LocalDate selfDueOn, Evaluation.Status status,
                          int targets, int selfSubmitted, Integer publishedNo) {
    }

    /** A target the caller speaks for or (offices) oversees: the city office all, a county office its county's. */
    static String targetVisible(CurrentUser user, java.util.Map<String, Object> params) {
        CampaignScope.Sql s = CampaignScope.of(user, "t.unit_id", "t.region_code");
        params.putAll(s.params());
        if (user.enterpriseId() != null && user.role() == cn.zhiben.platform.security.Role.ENTERPRISE) {
            params.put("scopeEnterprise", user.enterpriseId());
            return "(t.enterprise_id = :scopeEnterprise)";
        }
        return "(t.enterprise_id is null and " + s.where() + ")";
    }

    public List<Summary> visible(CurrentUser user) {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        String where = user.role() == cn.zhiben.platform.security.Role.CITY_OFFICE ? "true"
                : "s.status <> 'DRAFT' and exists (select 1 from cmp_eval_target t where t.scheme_id = s.id and "
                + targetVisible(user, p) + ")";
        return jdbc.sql("""
                select s.*, (select count(*) from cmp_eval_target t where t.scheme_id = s.id) as targets,
                  (select count(*) from cmp_eval_target t where t.scheme_id = s.id and t.self_status = 'SUBMITTED') as submitted,
                  (select max(no) from cmp_eval_result r where r.scheme_id = s.id and r.status = 'PUBLISHED') as published_no
                from cmp_eval_scheme s where %s order by s.year desc, s.created_at desc""".formatted(where))
                .params(p).query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getObject("programme_id", UUID.class),
                        rs.getInt("year"), rs.getString("title"), rs.getDate("self_due_on").toLocalDate(),
                        Evaluation.Status.valueOf(rs.getString("status")), rs.getInt("targets"), rs.getInt("submitted"),
                        (Integer) rs.getObject("published_no"))).list();
    }

    /** Whether the caller may see the scheme at all (the city office, or one of its targets). */
    public boolean canSee(UUID schemeId, CurrentUser user) {
        if (user.role() == cn.zhiben.platform.security.Role.CITY_OFFICE) {
            return true;
        }
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        String t = targetVisible(user, p);
        return jdbc.sql("""
                select exists (select 1 from cmp_eval_scheme s join cmp_eval_target t on t.scheme_id = s.id
                  where s.id = :id and s.status <> 'DRAFT' and %s)""".formatted(t))
                .param("id", schemeId).params(p).query(Boolean.class).single();
    }

    /** The targets of a scheme the caller may see in detail (its own; an office those it oversees). */
    public List<UUID> visibleTargets(UUID schemeId, CurrentUser user) {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        String t = user.role() == cn.zhiben.platform.security.Role.CITY_OFFICE ? "true" : targetVisible(user, p);
        return jdbc.sql("select t.id from cmp_eval_target t where t.scheme_id = :id and " + t).param("id", schemeId)
                .params(p).query(UUID.class).list();
    }

    private record Header(UUID id, UUID programmeId, int year, String title, LocalDate selfDueOn, Evaluation.Status status,
                          int version) {
    }

    public Optional<Evaluation> load(UUID id, boolean forUpdate) {
        return jdbc.sql("select * from cmp_eval_scheme where id = :id" + (forUpdate ? " for update" : ""))
                .param("id", id).query((rs, n) -> new Header(rs.getObject("id", UUID.class),
                        rs.getObject("programme_id", UUID.class), rs.getInt("year"), rs.getString("title"),
                        rs.getDate("self_due_on").toLocalDate(), Evaluation.Status.valueOf(rs.getString("status")),
                        rs.getInt("version"))).optional()
                .map(h -> new Evaluation(h.id(), h.programmeId(), h.year(), h.title(), h.selfDueOn(), h.status(), h.version(),
                        items(id), targets(id), results(id)));
    }

    private List<Evaluation.Item> items(UUID schemeId) {
        return jdbc.sql("select * from cmp_eval_item where scheme_id = :s order by no").param("s", schemeId)
                .query((rs, n) -> new Evaluation.Item(rs.getObject("id", UUID.class), rs.getInt("no"), rs.getString("title"),
                        rs.getObject("measure_id", UUID.class), rs.getBigDecimal("max_points"),
                        EvaluationRule.valueOf(rs.getString("rule")), rs.getBigDecimal("deduction_points"),
                        rs.getString("evidence_required"))).list();
    }

    private List<Evaluation.Target> targets(UUID schemeId) {
        return jdbc.sql("""
                select * from cmp_eval_target where scheme_id = :s
                order by case target_group when 'COUNTY' then 0 when 'UNIT' then 1 else 2 end, region_code nulls first,
                  enterprise_name, unit_id""").param("s", schemeId)
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp("self_submitted_at");
                    UUID enterprise = rs.getObject("enterprise_id", UUID.class);
                    return new Evaluation.Target(rs.getObject("id", UUID.class),
                            Evaluation.Group.valueOf(rs.getString("target_group")),
                            enterprise == null ? new Addressee(rs.getObject("unit_id", UUID.class), rs.getString("region_code")) : null,
                            enterprise, rs.getString("enterprise_name"), "SUBMITTED".equals(rs.getString("self_status")),
                            at == null ? null : at.toInstant(), rs.getString("self_submitted_by"));
                }).list();
    }

    private List<Evaluation.Result> results(UUID schemeId) {
        return jdbc.sql("select * from cmp_eval_result where scheme_id = :s order by no").param("s", schemeId)
                .query((rs, n) -> {
                    Timestamp pub = rs.getTimestamp("published_at");
                    return new Evaluation.Result(rs.getObject("id", UUID.class), rs.getInt("no"),
                            Evaluation.ResultStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                            pub == null ? null : pub.toInstant(), rs.getString("published_by"));
                }).list();
    }

    public void insert(Evaluation e, Instant now, String by) {
        jdbc.sql("""
                insert into cmp_eval_scheme (id, programme_id, year, title, self_due_on, status, created_at, created_by, version)
                values (:id, :p, :y, :title, :due, :status, :now, :by, 0)""")
                .param("id", e.id).param("p", e.programmeId).param("y", e.year).param("title", e.title)
                .param("due", e.selfDueOn).param("status", e.status.name()).param("now", Timestamp.from(now))
                .param("by", by).update();
        writeStructure(e);
        log.append(ENTITY, e.id, e.transitions);
        e.transitions.clear();
    }

    /** Replaces items and targets of a DRAFT scheme (nothing refers to them yet). */
    void writeStructure(Evaluation e) {
        jdbc.sql("delete from cmp_eval_self where target_id in (select id from cmp_eval_target where scheme_id = :s)")
                .param("s", e.id).update();
        jdbc.sql("delete from cmp_eval_item where scheme_id = :s").param("s", e.id).update();
        jdbc.sql("delete from cmp_eval_target where scheme_id = :s").param("s", e.id).update();
        for (Evaluation.Item i : e.items) {
            jdbc.sql("""
                    insert into cmp_eval_item (id, scheme_id, no, title, measure_id, max_points, rule, deduction_points, evidence_required)
                    values (:id, :s, :no, :title, :m, :max, :rule, :ded, :evidence)""")
                    .param("id", i.id()).param("s", e.id).param("no", i.no()).param("title", i.title())
                    .param("m", i.measureId()).param("max", i.maxPoints()).param("rule", i.rule().name())
                    .param("ded", i.deductionPoints()).param("evidence", i.evidenceRequired()).update();
        }
        for (Evaluation.Target t : e.targets) {
            jdbc.sql("""
                    insert into cmp_eval_target (id, scheme_id, target_group, unit_id, region_code, enterprise_id, enterprise_name, self_status)
                    values (:id, :s, :g, :u, :r, :e, :en, 'PENDING')""")
                    .param("id", t.id()).param("s", e.id).param("g", t.group().name())
                    .param("u", t.addressee() == null ? null : t.addressee().unitId())
                    .param("r", t.addressee() == null ? null : t.addressee().regionCode())
                    .param("e", t.enterpriseId()).param("en", t.enterpriseName()).update();
        }
    }

    public void save(Evaluation e) {
        int n = jdbc.sql("""
                update cmp_eval_scheme set title = :title, self_due_on = :due, status = :status, version = version + 1
                where id = :id and version = :version""")
                .param("title", e.title).param("due", e.selfDueOn).param("status", e.status.name()).param("id", e.id)
                .param("version", e.version).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("evaluation " + e.id + " changed");
        }
        e.version++;
        for (Evaluation.Result r : e.results) {
            jdbc.sql("""
                    insert into cmp_eval_result (id, scheme_id, no, status, reason, created_at, created_by, published_at, published_by)
                    values (:id, :s, :no, :status, :reason, :created, :createdBy, :published, :publishedBy)
                    on conflict (id) do update set status = excluded.status, published_at = excluded.published_at,
                        published_by = excluded.published_by, version = cmp_eval_result.version + 1""")
                    .param("id", r.id()).param("s", e.id).param("no", r.no()).param("status", r.status().name())
                    .param("reason", r.reason()).param("created", Timestamp.from(r.createdAt())).param("createdBy", r.createdBy())
                    .param("published", TransitionLog.ts(r.publishedAt())).param("publishedBy", r.publishedBy()).update();
        }
        for (Evaluation.Target t : e.targets) {
            if (t.selfSubmitted()) {
                jdbc.sql("""
                        update cmp_eval_target set self_status = 'SUBMITTED', self_submitted_at = :at, self_submitted_by = :by
                        where id = :id and self_status = 'PENDING'""")
                        .param("at", Timestamp.from(t.selfSubmittedAt())).param("by", t.selfSubmittedBy()).param("id", t.id())
                        .update();
            }
        }
        log.append(ENTITY, e.id, e.transitions);
        e.transitions.clear();
    }

    // ---- self-assessment ----

    void putSelf(UUID targetId, UUID itemId, BigDecimal points, String explanation) {
        jdbc.sql("""
                insert into cmp_eval_self (target_id, item_id, points, explanation) values (:t, :i, :p, :x)
                on conflict (target_id, item_id) do update set points = excluded.points, explanation = excluded.explanation""")
                .param("t", targetId).param("i", itemId).param("p", points).param("x", explanation).update();
    }

    public List<SelfEntry> selfEntries(UUID targetId) {
        return jdbc.sql("select * from cmp_eval_self where target_id = :t").param("t", targetId)
                .query((rs, n) -> new SelfEntry(rs.getObject("target_id", UUID.class), rs.getObject("item_id", UUID.class),
                        rs.getBigDecimal("points"), rs.getString("explanation"))).list();
    }

    // ---- scores and ranks ----

    void putScore(ScoreRow s) {
        jdbc.sql("""
                insert into cmp_eval_score (result_id, target_id, item_id, points, deficiencies, basis, reason, method, scored_by, scored_at)
                values (:r, :t, :i, :p, :d, :basis, :reason, :method, :by, :at)
                on conflict (result_id, target_id, item_id) do update set points = excluded.points,
                    deficiencies = excluded.deficiencies, basis = excluded.basis, reason = excluded.reason,
                    method = excluded.method, scored_by = excluded.scored_by, scored_at = excluded.scored_at""")
                .param("r", s.resultId()).param("t", s.targetId()).param("i", s.itemId()).param("p", s.points())
                .param("d", s.deficiencies()).param("basis", s.basis()).param("reason", s.reason()).param("method", s.method())
                .param("by", s.scoredBy()).param("at", Timestamp.from(s.scoredAt())).update();
    }

    public List<ScoreRow> scores(UUID resultId) {
        return jdbc.sql("select * from cmp_eval_score where result_id = :r").param("r", resultId)
                .query(EvaluationRepository::score).list();
    }

    public long scoreCount(UUID resultId) {
        return jdbc.sql("select count(*) from cmp_eval_score where result_id = :r").param("r", resultId).query(Long.class).single();
    }

    void copyScores(UUID from, UUID to) {
        jdbc.sql("""
                insert into cmp_eval_score (result_id, target_id, item_id, points, deficiencies, basis, reason, method, scored_by, scored_at)
                select :to, target_id, item_id, points, deficiencies, basis, reason, method, scored_by, scored_at
                from cmp_eval_score where result_id = :from""").param("from", from).param("to", to).update();
    }

    void writeRanks(UUID resultId, List<Ranking.Ranked> ranked) {
        for (Ranking.Ranked r : ranked) {
            jdbc.sql("insert into cmp_eval_rank (result_id, target_id, total, rank) values (:r, :t, :total, :rank)")
                    .param("r", resultId).param("t", r.targetId()).param("total", r.total()).param("rank", r.rank()).update();
        }
    }

    public List<RankRow> ranks(UUID resultId) {
        return jdbc.sql("select * from cmp_eval_rank where result_id = :r order by rank").param("r", resultId)
                .query((rs, n) -> new RankRow(rs.getObject("target_id", UUID.class), rs.getBigDecimal("total"), rs.getInt("rank")))
                .list();
    }

    // ---- the platform's own records, for rules that score from them ----

    public Scoring.Metric reportMetric(UUID programmeId, Addressee a, int year, LocalDate today) {
        return jdbc.sql("""
                select count(*) filter (where on_time), count(*) from cmp_report
                where programme_id = :p and unit_id is not distinct from :u and region_code is not distinct from :r
                  and extract(year from due_on) = :y and due_on < :today""")
                .param("p", programmeId).param("u", a.unitId()).param("r", a.regionCode()).param("y", year)
                .param("today", today).query((rs, n) -> new Scoring.Metric(rs.getLong(1), rs.getLong(2))).single();
    }

    public Scoring.Metric taskMetric(UUID programmeId, Addressee a, int year) {
        return jdbc.sql("""
                select count(*) filter (where status = 'DONE'), count(*) from cmp_task
                where programme_id = :p and unit_id is not distinct from :u and region_code is not distinct from :r
                  and due_on <= make_date(:y, 12, 31)""")
                .param("p", programmeId).param("u", a.unitId()).param("r", a.regionCode()).param("y", year)
                .query((rs, n) -> new Scoring.Metric(rs.getLong(1), rs.getLong(2))).single();
    }

    public Scoring.Metric dispatchMetric(Addressee a, int year, LocalDate today) {
        return jdbc.sql("""
                select count(*) filter (where on_time), count(*) from cmp_dispatch_recipient
                where unit_id is not distinct from :u and region_code is not distinct from :r
                  and extract(year from due_on) = :y and due_on < :today""")
                .param("u", a.unitId()).param("r", a.regionCode()).param("y", year).param("today", today)
                .query((rs, n) -> new Scoring.Metric(rs.getLong(1), rs.getLong(2))).single();
    }

    private static ScoreRow score(ResultSet rs, int n) throws SQLException {
        return new ScoreRow(rs.getObject("result_id", UUID.class), rs.getObject("target_id", UUID.class),
                rs.getObject("item_id", UUID.class), rs.getBigDecimal("points"), (Integer) rs.getObject("deficiencies"),
                rs.getString("basis"), rs.getString("reason"), rs.getString("method"), rs.getString("scored_by"),
                rs.getTimestamp("scored_at").toInstant());
    }
}
