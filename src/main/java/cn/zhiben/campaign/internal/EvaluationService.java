package cn.zhiben.campaign.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 总结评估 (plan 五(四)): the city office defines a scheme and opens it; each county, unit and key enterprise assesses
 * itself; the work team scores every item with reasons (资料审查 or 现场评估); publishing freezes the result, computes the
 * ranking and each target's gaps; a correction is a new version with a reason.
 */
@Service
public class EvaluationService {

    private final EvaluationRepository evaluations;
    private final ProgrammeRepository programmes;
    private final UnitCatalog units;
    private final EnterpriseDirectory enterprises;
    private final CampaignNames names;
    private final CampaignNotices notices;
    private final TransitionLog log;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final CampaignTime time;

    EvaluationService(EvaluationRepository evaluations, ProgrammeRepository programmes, UnitCatalog units,
                      EnterpriseDirectory enterprises, CampaignNames names, CampaignNotices notices, TransitionLog log,
                      ApplicationEventPublisher events, AuditLog audit, CampaignTime time) {
        this.evaluations = evaluations;
        this.programmes = programmes;
        this.units = units;
        this.enterprises = enterprises;
        this.names = names;
        this.notices = notices;
        this.log = log;
        this.events = events;
        this.audit = audit;
        this.time = time;
    }

    public record ItemInput(String title, UUID measureId, BigDecimal maxPoints, EvaluationRule rule,
                            BigDecimal deductionPoints, String evidenceRequired) {
    }

    public record TargetInput(Evaluation.Group group, UUID unitId, String regionCode, UUID enterpriseId) {
    }

    public record SchemeInput(UUID programmeId, Integer year, String title, LocalDate selfDueOn, List<ItemInput> items,
                              List<TargetInput> targets) {
    }

    public static boolean mayManage(CurrentUser user) {
        return user != null && user.ready() && user.role() == Role.CITY_OFFICE;
    }

    @Transactional
    public UUID create(SchemeInput in) {
        CurrentUser user = CurrentUser.require();
        if (!mayManage(user)) {
            throw CampaignErrors.forbidden("评估方案由市安委办制定");
        }
        if (in.programmeId() == null) {
            throw ProblemException.badRequest("PROGRAMME_REQUIRED", "请选择所属方案");
        }
        Programme p = programmes.find(in.programmeId()).orElseThrow(() -> ProblemException.badRequest("PROGRAMME_NOT_FOUND", "方案不存在"));
        Instant now = time.now();
        Actor actor = Actor.of(user);
        Evaluation e = build(UUID.randomUUID(), p, in, 0, Evaluation.Status.DRAFT);
        e.transitions.add(Evaluation.step(null, Evaluation.Status.DRAFT, EvaluationAction.CREATE, actor, now, null));
        evaluations.insert(e, now, user.displayName());
        audit.record(AuditEntry.success(AuditAction.CREATE, "campaign-evaluation", e.id(), Map.of("title", e.title(),
                "items", e.items().size(), "targets", e.targets().size())));
        return e.id();
    }

    @Transactional
    public void edit(UUID id, Integer version, SchemeInput in) {
        CurrentUser user = CurrentUser.require();
        Evaluation e = loadForUpdate(id, user);
        CampaignErrors.checkVersion(version, e.version());
        e.require(Actor.of(user), null, time.today(), EvaluationAction.EDIT);
        Programme p = programmes.find(e.programmeId()).orElseThrow();
        Evaluation changed = build(e.id(), p, new SchemeInput(e.programmeId(), in.year(), in.title(), in.selfDueOn(),
                in.items(), in.targets()), e.version(), e.status());
        if (changed.year() != e.year()) {
            throw ProblemException.badRequest("EVALUATION_YEAR_FIXED", "评估年度不能修改");
        }
        changed.transitions.add(Evaluation.step(e.status(), e.status(), EvaluationAction.EDIT, Actor.of(user), time.now(), null));
        evaluations.writeStructure(changed);
        evaluations.save(changed);
        audit.record(AuditEntry.success(AuditAction.UPDATE, "campaign-evaluation", id, Map.of("items", changed.items().size(),
                "targets", changed.targets().size())));
    }

    private Evaluation build(UUID id, Programme p, SchemeInput in, int version, Evaluation.Status status) {
        String title = CampaignErrors.require(in.title(), "EVALUATION_TITLE_REQUIRED", "请填写评估名称");
        if (in.year() == null || in.year() < p.startsOn().getYear() || in.year() > p.endsOn().getYear()) {
            throw ProblemException.badRequest("EVALUATION_YEAR_INVALID", "评估年度须在方案实施期内");
        }
        if (in.selfDueOn() == null) {
            throw ProblemException.badRequest("EVALUATION_SELF_DUE_REQUIRED", "请填写自评截止日期");
        }
        Set<UUID> measures = new HashSet<>();
        programmes.structure(p.id()).forEach(a -> a.measures().forEach(m -> measures.add(m.id())));
        List<Evaluation.Item> items = new ArrayList<>();
        for (ItemInput i : in.items() == null ? List.<ItemInput>of() : in.items()) {
            String t = CampaignErrors.require(i.title(), "EVALUATION_ITEM_TITLE_REQUIRED", "请填写评估项目名称");
            if (i.rule() == null) {
                throw ProblemException.badRequest("EVALUATION_RULE_REQUIRED", "请选择计分方法");
            }
            if (i.maxPoints() == null || i.maxPoints().signum() <= 0 || i.maxPoints().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw ProblemException.badRequest("EVALUATION_POINTS_INVALID", "项目分值须大于 0、不超过 100");
            }
            if (i.rule() == EvaluationRule.DEDUCTION && (i.deductionPoints() == null || i.deductionPoints().signum() <= 0)) {
                throw ProblemException.badRequest("EVALUATION_DEDUCTION_REQUIRED", "扣分制项目须填写每处问题扣分");
            }
            if (i.measureId() != null && !measures.contains(i.measureId())) {
                throw ProblemException.badRequest("MEASURE_NOT_FOUND", "关联措施不属于该方案");
            }
            String evidence = CampaignErrors.require(i.evidenceRequired(), "EVALUATION_EVIDENCE_REQUIRED", "请写明需提供的佐证材料");
            items.add(new Evaluation.Item(UUID.randomUUID(), items.size() + 1, t, i.measureId(), i.maxPoints(), i.rule(),
                    i.rule() == EvaluationRule.DEDUCTION ? i.deductionPoints() : null, evidence));
        }
        List<Evaluation.Target> targets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TargetInput t : in.targets() == null ? List.<TargetInput>of() : in.targets()) {
            if (t.group() == null) {
                throw ProblemException.badRequest("EVALUATION_TARGET_INVALID", "请选择评估对象类别");
            }
            Evaluation.Target target = switch (t.group()) {
                case COUNTY -> {
                    if (t.regionCode() == null || names.counties().stream().noneMatch(c -> c.code().equals(t.regionCode()))) {
                        throw ProblemException.badRequest("REGION_NOT_COUNTY", "县（市、区）不存在");
                    }
                    yield new Evaluation.Target(UUID.randomUUID(), t.group(), Addressee.countyOffice(t.regionCode()), null,
                            null, false, null, null);
                }
                case UNIT -> {
                    if (t.unitId() == null || units.find(t.unitId()).isEmpty()) {
                        throw ProblemException.badRequest("UNIT_NOT_FOUND", "成员单位不存在");
                    }
                    yield new Evaluation.Target(UUID.randomUUID(), t.group(), Addressee.cityUnit(t.unitId()), null, null,
                            false, null, null);
                }
                case ENTERPRISE -> {
                    EnterpriseRef ent = enterprises.find(t.enterpriseId())
                            .orElseThrow(() -> ProblemException.badRequest("ENTERPRISE_NOT_FOUND", "企业不存在"));
                    yield new Evaluation.Target(UUID.randomUUID(), t.group(), null, ent.id(), ent.name(), false, null, null);
                }
            };
            String key = t.group() + "/" + t.unitId() + "/" + t.regionCode() + "/" + t.enterpriseId();
            if (!seen.add(key)) {
                throw ProblemException.badRequest("EVALUATION_TARGET_DUPLICATE", "评估对象重复");
            }
            targets.add(target);
        }
        return new Evaluation(id, p.id(), in.year(), title, in.selfDueOn(), status, version, items, targets, List.of());
    }

    @Transactional
    public void open(UUID id) {
        verb(id, "open", (e, a, now, today) -> {
            e.open(a, now, today);
            for (Evaluation.Target t : e.targets()) {
                if (t.addressee() != null) {
                    notices.inbox(Set.of(t.addressee()), "CAMPAIGN_EVALUATION", "请开展自查自评：" + e.title(),
                            "请于 " + e.selfDueOn() + " 前在平台逐项自评并上传佐证材料。", "/campaign/evaluations/" + e.id(),
                            "cmp-eval-open:" + e.id() + ":" + t.id());
                }
            }
        });
    }

    @Transactional
    public void close(UUID id) {
        verb(id, "close", (e, a, now, today) -> e.close(a, now, today));
    }

    public record SelfInput(UUID itemId, BigDecimal points, String explanation) {
    }

    @Transactional
    public void saveSelf(UUID id, UUID targetId, List<SelfInput> entries) {
        CurrentUser user = CurrentUser.require();
        Evaluation e = loadForUpdate(id, user);
        Evaluation.Target t = targetOf(e, targetId, user);
        e.require(Actor.of(user), t, time.today(), EvaluationAction.SELF_ASSESS);
        if (entries == null || entries.isEmpty()) {
            throw ProblemException.badRequest("EVALUATION_SELF_EMPTY", "请填写自评内容");
        }
        for (SelfInput s : entries) {
            Evaluation.Item item = e.item(s.itemId()).orElseThrow(() -> ProblemException.badRequest("EVALUATION_ITEM_NOT_FOUND", "评估项目不存在"));
            if (s.points() == null || s.points().signum() < 0 || s.points().compareTo(item.maxPoints()) > 0) {
                throw ProblemException.badRequest("SCORE_OUT_OF_RANGE", "第 " + item.no() + " 项自评分须在 0 到 "
                        + Scoring.plain(item.maxPoints()) + " 分之间");
            }
            String text = CampaignErrors.require(s.explanation(), "EVALUATION_SELF_EXPLANATION_REQUIRED",
                    "第 " + item.no() + " 项请写明自评情况");
            evaluations.putSelf(t.id(), item.id(), s.points().setScale(2, java.math.RoundingMode.HALF_UP), text);
        }
        audit.record(AuditEntry.success(AuditAction.UPDATE, "campaign-evaluation-self", t.id(), Map.of("entries", entries.size())));
    }

    @Transactional
    public void submitSelf(UUID id, UUID targetId) {
        CurrentUser user = CurrentUser.require();
        Evaluation e = loadForUpdate(id, user);
        Evaluation.Target t = targetOf(e, targetId, user);
        Instant now = time.now();
        e.submitSelf(Actor.of(user), t, now, time.today(), evaluations.selfEntries(t.id()).size());
        evaluations.save(e);
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "campaign-evaluation-self", t.id(), Map.of("submitted", true)));
    }

    public record ScoreInput(UUID itemId, BigDecimal points, Integer deficiencies, String reason, String method) {
    }

    /** The work team scores items of one target in the draft result. */
    @Transactional
    public void score(UUID id, UUID targetId, List<ScoreInput> entries) {
        CurrentUser user = CurrentUser.require();
        Evaluation e = loadForUpdate(id, user);
        e.require(Actor.of(user), null, time.today(), EvaluationAction.SCORE);
        Evaluation.Target t = e.target(targetId).orElseThrow(CampaignErrors::evaluationNotFound);
        Evaluation.Result draft = e.draft().orElseThrow();
        if (entries == null || entries.isEmpty()) {
            throw ProblemException.badRequest("SCORE_EMPTY", "请填写评分");
        }
        Instant now = time.now();
        for (ScoreInput s : entries) {
            Evaluation.Item item = e.item(s.itemId()).orElseThrow(() -> ProblemException.badRequest("EVALUATION_ITEM_NOT_FOUND", "评估项目不存在"));
            String method = s.method() == null ? "DOCUMENT_REVIEW" : s.method();
            if (!method.equals("DOCUMENT_REVIEW") && !method.equals("ON_SITE")) {
                throw ProblemException.badRequest("SCORE_METHOD_INVALID", "评估方式只能是资料审查（DOCUMENT_REVIEW）或现场评估（ON_SITE）");
            }
            Scoring.Metric metric = metric(e, t, item.rule());
            Scoring.Score sc = Scoring.score(item.rule(), item.maxPoints(), item.deductionPoints(),
                    new Scoring.Input(s.points(), s.deficiencies(), s.reason()), metric, metricName(item.rule()));
            evaluations.putScore(new EvaluationRepository.ScoreRow(draft.id(), t.id(), item.id(), sc.points(),
                    sc.deficiencies(), sc.basis(), sc.reason(), method, user.displayName(), now));
        }
        audit.record(AuditEntry.success(AuditAction.UPDATE, "campaign-evaluation-score", t.id(),
                Map.of("result", draft.no(), "entries", entries.size())));
    }

    /** The platform's record a data rule scores from, for a county or unit (none for an enterprise). */
    Scoring.Metric metric(Evaluation e, Evaluation.Target t, EvaluationRule rule) {
        if (!rule.fromData() || t.addressee() == null) {
            return null;
        }
        LocalDate today = time.today();
        return switch (rule) {
            case REPORT_TIMELINESS -> evaluations.reportMetric(e.programmeId(), t.addressee(), e.year(), today);
            case TASK_COMPLETION -> evaluations.taskMetric(e.programmeId(), t.addressee(), e.year());
            case DISPATCH_TIMELINESS -> evaluations.dispatchMetric(t.addressee(), e.year(), today);
            default -> null;
        };
    }

    static String metricName(EvaluationRule rule) {
        return switch (rule) {
            case REPORT_TIMELINESS -> "按时报送";
            case TASK_COMPLETION -> "任务完成";
            case DISPATCH_TIMELINESS -> "调度按期答复";
            default -> "";
        };
    }

    @Transactional
    public int publish(UUID id) {
        CurrentUser user = CurrentUser.require();
        Evaluation e = loadForUpdate(id, user);
        Evaluation.Result draft = e.draft().orElse(null);
        long scored = draft == null ? 0 : evaluations.scoreCount(draft.id());
        Evaluation.Result p = e.publish(Actor.of(user), time.now(), time.today(), scored);
        evaluations.save(e);
        evaluations.writeRanks(p.id(), Ranking.rank(entries(e, p.id())));
        e.events.forEach(events::publishEvent);
        e.events.clear();
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "campaign-evaluation", id, Map.of("published", p.no())));
        return p.no();
    }

    List<Ranking.Entry> entries(Evaluation e, UUID resultId) {
        Map<UUID, BigDecimal> totals = new HashMap<>();
        Map<UUID, Integer> counts = new HashMap<>();
        for (EvaluationRepository.ScoreRow s : evaluations.scores(resultId)) {
            totals.merge(s.targetId(), s.points(), BigDecimal::add);
            counts.merge(s.targetId(), 1, Integer::sum);
        }
        CampaignNames.Snapshot n = names.snapshot();
        List<Ranking.Entry> out = new ArrayList<>();
        for (Evaluation.Target t : e.targets()) {
            if (counts.getOrDefault(t.id(), 0) == e.items().size()) {
                out.add(new Ranking.Entry(t.id(), t.group().name(), name(t, n), totals.get(t.id())));
            }
        }
        return out;
    }

    @Transactional
    public int correct(UUID id, String reason) {
        CurrentUser user = CurrentUser.require();
        Evaluation e = loadForUpdate(id, user);
        Evaluation.Result published = e.published().orElse(null);
        Evaluation.Result r = e.correct(Actor.of(user), time.now(), time.today(), reason);
        evaluations.save(e);
        evaluations.copyScores(published.id(), r.id());
        audit.record(AuditEntry.success(AuditAction.CREATE, "campaign-evaluation", id, Map.of("correction", r.no(),
                "reason", r.reason())));
        return r.no();
    }

    // ---- reading ----

    public record TargetView(Evaluation.Target target, String name, BigDecimal total, Integer rank, int scored,
                             boolean mine) {
    }

    public record Detail(Views.EvaluationView evaluation, List<TargetView> targets, Evaluation.Result shown,
                         Set<EvaluationAction> actions, List<Transition> history, BigDecimal weightSum) {
    }

    public List<EvaluationRepository.Summary> list() {
        return evaluations.visible(CurrentUser.require());
    }

    /** The scheme, the targets the caller may see, totals and ranks of the result shown (the latest published; the office also sees the draft). */
    public Detail detail(UUID id, Integer resultNo) {
        CurrentUser user = CurrentUser.require();
        Evaluation e = visible(id, user);
        boolean office = user.role() == Role.CITY_OFFICE;
        Evaluation.Result shown = resultNo != null ? e.result(resultNo).orElseThrow(CampaignErrors::evaluationNotFound)
                : office ? e.draft().or(e::published).orElse(null) : e.published().orElse(null);
        if (shown != null && !office && shown.status() == Evaluation.ResultStatus.DRAFT) {
            throw CampaignErrors.evaluationNotFound();
        }
        Set<UUID> visibleTargets = new HashSet<>(evaluations.visibleTargets(id, user));
        Map<UUID, BigDecimal> totals = new HashMap<>();
        Map<UUID, Integer> counts = new HashMap<>();
        Map<UUID, Integer> ranks = new HashMap<>();
        if (shown != null) {
            for (EvaluationRepository.ScoreRow s : evaluations.scores(shown.id())) {
                totals.merge(s.targetId(), s.points(), BigDecimal::add);
                counts.merge(s.targetId(), 1, Integer::sum);
            }
            evaluations.ranks(shown.id()).forEach(r -> ranks.put(r.targetId(), r.rank()));
        }
        boolean published = shown != null && shown.status() != Evaluation.ResultStatus.DRAFT;
        CampaignNames.Snapshot n = names.snapshot();
        List<TargetView> targets = new ArrayList<>();
        for (Evaluation.Target t : e.targets()) {
            boolean mine = t.heldBy(user);
            // a published ranking is announced to every target (通报); details stay with the target and the office
            if (office || visibleTargets.contains(t.id()) || published) {
                targets.add(new TargetView(t, name(t, n), totals.get(t.id()), ranks.get(t.id()),
                        counts.getOrDefault(t.id(), 0), mine));
            }
        }
        Evaluation.Target own = e.targets().stream().filter(t -> t.heldBy(user)).findFirst().orElse(null);
        return new Detail(Views.of(e), targets, shown, e.actionsFor(Actor.of(user), own, time.today()),
                log.list(EvaluationRepository.ENTITY, id, EvaluationAction.class),
                e.items().stream().map(Evaluation.Item::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    public record ItemLine(Evaluation.Item item, EvaluationRepository.SelfEntry self, EvaluationRepository.ScoreRow score,
                           Scoring.Metric metric) {
    }

    public record TargetDetail(Views.EvaluationView evaluation, Evaluation.Target target, String name, Evaluation.Result shown,
                               List<ItemLine> lines, BigDecimal selfTotal, BigDecimal total, Integer rank,
                               List<Ranking.Gap> gaps, Set<EvaluationAction> actions) {
    }

    /** One target: its self-assessment, the team's scores with reasons, its total, rank and gaps. */
    public TargetDetail target(UUID id, UUID targetId, Integer resultNo) {
        CurrentUser user = CurrentUser.require();
        Evaluation e = visible(id, user);
        Evaluation.Target t = targetOf(e, targetId, user);
        boolean office = user.role() == Role.CITY_OFFICE;
        Evaluation.Result shown = resultNo != null ? e.result(resultNo).orElseThrow(CampaignErrors::evaluationNotFound)
                : office ? e.draft().or(e::published).orElse(null) : e.published().orElse(null);
        if (shown != null && !office && shown.status() == Evaluation.ResultStatus.DRAFT) {
            throw CampaignErrors.evaluationNotFound();
        }
        Map<UUID, EvaluationRepository.SelfEntry> self = new HashMap<>();
        evaluations.selfEntries(t.id()).forEach(s -> self.put(s.itemId(), s));
        Map<UUID, EvaluationRepository.ScoreRow> scores = new HashMap<>();
        if (shown != null) {
            evaluations.scores(shown.id()).stream().filter(s -> s.targetId().equals(t.id())).forEach(s -> scores.put(s.itemId(), s));
        }
        List<ItemLine> lines = new ArrayList<>();
        List<Ranking.Gap> gaps = new ArrayList<>();
        BigDecimal selfTotal = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (Evaluation.Item i : e.items()) {
            EvaluationRepository.SelfEntry s = self.get(i.id());
            EvaluationRepository.ScoreRow sc = scores.get(i.id());
            lines.add(new ItemLine(i, s, sc, office ? metric(e, t, i.rule()) : null));
            if (s != null) {
                selfTotal = selfTotal.add(s.points());
            }
            if (sc != null) {
                total = total.add(sc.points());
                gaps.add(new Ranking.Gap(i.no(), i.title(), i.maxPoints(), sc.points(), i.maxPoints().subtract(sc.points()),
                        sc.reason() != null ? sc.reason() : sc.basis(), s == null ? null : s.points()));
            }
        }
        Integer rank = shown == null ? null : evaluations.ranks(shown.id()).stream().filter(r -> r.targetId().equals(t.id()))
                .map(EvaluationRepository.RankRow::rank).findFirst().orElse(null);
        return new TargetDetail(Views.of(e), t, name(t, names.snapshot()), shown, lines, selfTotal,
                scores.size() == e.items().size() ? total : null, rank, Ranking.gaps(gaps), e.actionsFor(Actor.of(user), t, time.today()));
    }

    public String name(Evaluation.Target t, CampaignNames.Snapshot n) {
        return t.enterpriseId() != null ? t.enterpriseName() : n.addressee(t.addressee());
    }

    private Evaluation visible(UUID id, CurrentUser user) {
        if (!evaluations.canSee(id, user)) {
            throw CampaignErrors.evaluationNotFound();
        }
        return evaluations.load(id, false).orElseThrow(CampaignErrors::evaluationNotFound);
    }

    private Evaluation loadForUpdate(UUID id, CurrentUser user) {
        if (!evaluations.canSee(id, user)) {
            throw CampaignErrors.evaluationNotFound();
        }
        return evaluations.load(id, true).orElseThrow(CampaignErrors::evaluationNotFound);
    }

    /** A target the caller may see in detail: the office any, others only their own. */
    private Evaluation.Target targetOf(Evaluation e, UUID targetId, CurrentUser user) {
        if (!evaluations.visibleTargets(e.id(), user).contains(targetId)) {
            throw CampaignErrors.evaluationNotFound();
        }
        return e.target(targetId).orElseThrow(CampaignErrors::evaluationNotFound);
    }

    private interface Verb {
        void run(Evaluation e, Actor actor, Instant now, LocalDate today);
    }

    private void verb(UUID id, String name, Verb work) {
        CurrentUser user = CurrentUser.require();
        Evaluation e = loadForUpdate(id, user);
        Evaluation.Status before = e.status();
        work.run(e, Actor.of(user), time.now(), time.today());
        evaluations.save(e);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("verb", name);
        summary.put("status", List.of(before.name(), e.status().name()));
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "campaign-evaluation", id, summary));
    }
}
