package cn.zhiben.inspections.internal;

import cn.zhiben.inspections.InspectionEvents.Measure;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static cn.zhiben.inspections.InspectionEvents.Measure.*;

/**
 * An enforcement decision: a 责令限期整改指令书 (安全生产法 Art. 65: order to correct, with a temporary stop where a major
 * hazard cannot be kept safe) or a 行政处罚决定书 on the enterprise or, in 一案双罚, on its responsible person — each its
 * own numbered document, the two of one case linked by the case id. Money in fen. Its status changes only through verbs.
 */
public class Decision {

    public enum Kind {
        RECTIFICATION_ORDER("责令限期整改指令书"), PENALTY("行政处罚决定书");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum PartyType {
        UNIT("单位"), PERSON("个人");

        private final String label;

        PartyType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        ISSUED("已作出"), SERVED("已送达"), CLOSED("已结案");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Action {
        SERVE("送达签收"), RECORD_PAYMENT("登记罚款缴纳"), REINSPECT("复查"), LIFT_SHUTDOWN("同意恢复生产"), CLOSE("结案");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Measures of a 责令限期整改指令书: the order, and a temporary stop (安全生产法 Art. 65(3)). */
    static final Set<Measure> ORDER_MEASURES = EnumSet.of(ORDER_RECTIFICATION, SUSPEND_PRODUCTION, SUSPEND_PARTIAL);
    /** Measures that give the party the right to ask for a hearing (行政处罚法 Art. 63), besides large fines. */
    static final Set<Measure> HEARING_MEASURES = EnumSet.of(SUSPEND_PRODUCTION, SUSPEND_PARTIAL, LICENCE_SUSPENDED,
            LICENCE_REVOKED, CLOSURE);

    /**
     * What a unit decides about one party.
     *
     * @param priorNoticeOn   行政处罚告知书 served (行政处罚法 Art. 44), required for a penalty
     * @param hearingNoticeOn 听证告知 served (Art. 63–64), required where the party may ask for a hearing
     */
    public record Terms(Kind kind, PartyType partyType, String partyName, String partyPosition, Set<Measure> measures,
                        String facts, List<String> legalBasis, long fineFen, long confiscationFen, LocalDate deadline,
                        LocalDate shutdownFrom, String transferTo, LocalDate priorNoticeOn, LocalDate hearingNoticeOn,
                        LocalDate decidedOn) {
    }

    /** Thresholds of the hearing right for fines ("较大数额", set by the province; configurable). */
    public record HearingThresholds(long unitFen, long personFen) {
    }

    final UUID id;
    final String number;
    final UUID caseId;
    final UnitRef unit;
    final UUID enterpriseId;
    final String enterpriseName;
    final String regionCode;
    final String zoneCode;
    final String industryCode;
    final UUID inspectionId;
    final Terms terms;
    final boolean demo;
    Status status;
    LocalDate servedOn;
    long paidFen;
    LocalDate paidOn;
    LocalDate shutdownLiftedOn;
    int version;
    private final Timeline timeline = new Timeline();

    Decision(UUID id, String number, UUID caseId, UnitRef unit, UUID enterpriseId, String enterpriseName, String regionCode,
             String zoneCode, String industryCode, UUID inspectionId, Terms terms, boolean demo, Status status, int version) {
        this.id = id;
        this.number = number;
        this.caseId = caseId;
        this.unit = unit;
        this.enterpriseId = enterpriseId;
        this.enterpriseName = enterpriseName;
        this.regionCode = regionCode;
        this.zoneCode = zoneCode;
        this.industryCode = industryCode;
        this.inspectionId = inspectionId;
        this.terms = terms;
        this.demo = demo;
        this.status = status;
        this.version = version;
    }

    /**
     * Checks the terms against the law and returns the problems (empty: the decision may be made). Pure: the articles
     * cited and the thresholds are given.
     */
    static List<ProblemException.FieldProblem> problems(Terms t, Map<String, LegalArticles.Article> articles,
                                                        HearingThresholds hearing, LocalDate today) {
        List<ProblemException.FieldProblem> p = new ArrayList<>();
        String f = t.partyType() == PartyType.PERSON ? "person." : "";
        if (t.kind() == null || t.measures() == null || t.measures().isEmpty()) {
            p.add(new ProblemException.FieldProblem(f + "measures", "请选择决定种类和处理措施"));
            return p;
        }
        if (t.facts() == null || t.facts().isBlank() || t.facts().length() > 4000) {
            p.add(new ProblemException.FieldProblem(f + "facts", "请写明违法事实（不超过 4000 字）"));
        }
        if (t.partyName() == null || t.partyName().isBlank() || t.partyName().length() > 100) {
            p.add(new ProblemException.FieldProblem(f + "partyName", "请填写当事人名称或姓名"));
        }
        if (t.decidedOn() == null || t.decidedOn().isAfter(today)) {
            p.add(new ProblemException.FieldProblem("decidedOn", "决定日期须填写且不晚于今天"));
        }
        // 行政处罚法 Art. 38 [M]: a decision without a legal basis is void — none is made without one
        if (t.legalBasis() == null || t.legalBasis().isEmpty()) {
            p.add(new ProblemException.FieldProblem(f + "legalBasis", "请引用法律依据（条款）"));
        } else {
            for (String code : t.legalBasis()) {
                if (!articles.containsKey(code)) {
                    p.add(new ProblemException.FieldProblem(f + "legalBasis", "未知的法律依据：" + code));
                }
            }
        }
        Set<Measure> m = t.measures();
        if (t.kind() == Kind.RECTIFICATION_ORDER) {
            if (!m.contains(ORDER_RECTIFICATION) || !ORDER_MEASURES.containsAll(m)) {
                p.add(new ProblemException.FieldProblem("measures",
                        "责令限期整改指令书须含责令限期整改，可并责令暂时停产停业（安全生产法第六十五条）；处罚请作出行政处罚决定"));
            }
            if (t.partyType() != PartyType.UNIT) {
                p.add(new ProblemException.FieldProblem("partyType", "责令限期整改的对象是生产经营单位"));
            }
        }
        if (m.contains(ORDER_RECTIFICATION) && (t.deadline() == null || t.decidedOn() != null && t.deadline().isBefore(t.decidedOn()))) {
            p.add(new ProblemException.FieldProblem("deadline", "责令限期整改须确定不早于决定日期的整改期限"));
        }
        if (m.contains(SUSPEND_PRODUCTION) && m.contains(SUSPEND_PARTIAL)) {
            p.add(new ProblemException.FieldProblem("measures", "全部停产与局部停产只能选择一项"));
        }
        if ((m.contains(SUSPEND_PRODUCTION) || m.contains(SUSPEND_PARTIAL)) && t.shutdownFrom() == null) {
            p.add(new ProblemException.FieldProblem("shutdownFrom", "请填写停产停业的起始日期"));
        }
        if (m.contains(TRANSFER_TO_JUSTICE) && (t.transferTo() == null || t.transferTo().isBlank())) {
            // 国务院令第310号 Art. 5: transferred to the public security organ at the same level
            p.add(new ProblemException.FieldProblem("transferTo", "移送司法须写明接收移送的机关（公安机关）"));
        }
        if (m.contains(FINE) != (t.fineFen() > 0)) {
            p.add(new ProblemException.FieldProblem(f + "fineFen", "罚款措施须有大于零的罚款金额，有罚款金额须选择罚款措施"));
        }
        if (m.contains(CONFISCATION) != (t.confiscationFen() > 0)) {
            p.add(new ProblemException.FieldProblem("confiscationFen", "没收违法所得须有金额，有金额须选择没收措施"));
        }
        if (t.fineFen() < 0 || t.confiscationFen() < 0) {
            p.add(new ProblemException.FieldProblem(f + "fineFen", "金额不能为负数"));
        }
        if (t.kind() == Kind.PENALTY && t.fineFen() > 0 && p.stream().noneMatch(x -> x.field().endsWith("legalBasis"))) {
            List<LegalArticles.Article> cited = t.legalBasis().stream().map(articles::get).toList();
            boolean person = t.partyType() == PartyType.PERSON;
            boolean provides = cited.stream().anyMatch(a -> person ? a.finesPersons() : a.finesUnits());
            boolean uncapped = !person && cited.stream().anyMatch(LegalArticles.Article::uncappedUnit);
            long max = cited.stream().map(a -> person ? a.personMaxFen() : a.unitMaxFen()).filter(x -> x != null)
                    .mapToLong(Long::longValue).max().orElse(0);
            if (!provides) {
                p.add(new ProblemException.FieldProblem(f + "legalBasis", "所引条款没有对" + (person ? "个人" : "单位") + "处以罚款的规定"));
            } else if (!uncapped && t.fineFen() > max) {
                p.add(new ProblemException.FieldProblem(f + "fineFen", "罚款超过所引条款规定的上限 " + yuan(max) + " 元"));
            }
        }
        if (t.kind() == Kind.PENALTY) {
            if (t.priorNoticeOn() == null || t.decidedOn() != null && t.priorNoticeOn().isAfter(t.decidedOn())) {
                // 行政处罚法 Art. 44: the party is told of the facts, grounds and its rights before the decision
                p.add(new ProblemException.FieldProblem("priorNoticeOn", "作出行政处罚决定前须送达行政处罚告知书（行政处罚法第四十四条）"));
            }
            long threshold = t.partyType() == PartyType.PERSON ? hearing.personFen() : hearing.unitFen();
            boolean hearingRight = t.fineFen() >= threshold || m.stream().anyMatch(HEARING_MEASURES::contains);
            if (hearingRight) {
                if (t.hearingNoticeOn() == null) {
                    // 行政处罚法 Art. 63: large fines, licences, 责令停产停业, 关闭 — the party may ask for a hearing
                    p.add(new ProblemException.FieldProblem("hearingNoticeOn", "该处罚当事人有权要求听证，须先送达听证告知书（行政处罚法第六十三条）"));
                } else if (t.decidedOn() != null && t.decidedOn().isBefore(t.hearingNoticeOn().plusDays(5))) {
                    // Art. 64: the party asks for a hearing within five days of being told
                    p.add(new ProblemException.FieldProblem("decidedOn", "听证告知后五日内当事人可以要求听证，期满后方可作出决定（行政处罚法第六十四条）"));
                }
            }
        }
        return p;
    }

    static Decision issue(UUID id, String number, UUID caseId, UnitRef unit, UUID enterpriseId, String enterpriseName,
                          String regionCode, String zoneCode, String industryCode, UUID inspectionId, Terms terms,
                          boolean demo, Actor actor, Instant at) {
        Decision d = new Decision(id, number, caseId, unit, enterpriseId, enterpriseName, regionCode, zoneCode, industryCode,
                inspectionId, terms, demo, Status.ISSUED, 0);
        d.timeline.add(null, Status.ISSUED.name(), "ISSUE", "作出决定", actor, at, number);
        return d;
    }

    static void check(Terms t, Map<String, LegalArticles.Article> articles, HearingThresholds hearing, LocalDate today) {
        List<ProblemException.FieldProblem> p = problems(t, articles, hearing, today);
        if (!p.isEmpty()) {
            boolean basis = p.stream().anyMatch(x -> x.field().endsWith("legalBasis"));
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                    basis ? "DECISION_LEGAL_BASIS_REQUIRED" : "DECISION_INVALID",
                    String.join("；", p.stream().map(ProblemException.FieldProblem::message).distinct().toList()), p);
        }
    }

    // ---- who may do what, now ----

    public boolean shutdown() {
        return terms.measures().contains(SUSPEND_PRODUCTION) || terms.measures().contains(SUSPEND_PARTIAL);
    }

    public Optional<ProblemException> refusal(Action action, Actor actor) {
        boolean own = actor.inUnit(unit);
        boolean enterprise = enterpriseId.equals(actor.enterpriseId());
        // the caller's right first, then the state: a caller without the right is told so (403) whatever the state
        return switch (action) {
            case SERVE -> allow(own || enterprise, "由作出决定的单位送达或企业签收").or(() -> state(action, Status.ISSUED));
            case RECORD_PAYMENT -> allow(own, "由作出决定的单位登记").or(() -> state(action, Status.ISSUED, Status.SERVED))
                    .or(() -> terms.fineFen() == 0 ? Optional.of(new IllegalMove("DECISION_NO_FINE", "该决定没有罚款"))
                            : paidOn != null ? Optional.of(new IllegalMove("DECISION_ALREADY_PAID", "罚款已登记缴纳"))
                            : Optional.empty());
            case REINSPECT -> allow(own, "由作出决定的单位复查").or(() -> state(action, Status.ISSUED, Status.SERVED))
                    .or(() -> inspectionId == null ? Optional.of(new IllegalMove("DECISION_NO_INSPECTION",
                            "该决定不是由检查作出的，请在检查中复查")) : Optional.empty());
            case LIFT_SHUTDOWN -> allow(own, "由作出决定的单位审查同意").or(() -> state(action, Status.ISSUED, Status.SERVED))
                    .or(() -> !shutdown() ? Optional.of(new IllegalMove("DECISION_NO_SHUTDOWN", "该决定没有停产停业措施"))
                            : shutdownLiftedOn != null ? Optional.of(new IllegalMove("DECISION_SHUTDOWN_LIFTED", "已同意恢复生产"))
                            : Optional.empty());
            case CLOSE -> allow(own, "由作出决定的单位结案").or(() -> state(action, Status.ISSUED, Status.SERVED));
        };
    }

    public List<Action> available(Actor actor) {
        return Arrays.stream(Action.values()).filter(a -> refusal(a, actor).isEmpty()).toList();
    }

    void require(Action action, Actor actor) {
        Optional<ProblemException> r = refusal(action, actor);
        if (r.isPresent()) {
            throw r.get();
        }
    }

    // ---- verbs ----

    void serve(Actor actor, Instant at, LocalDate on, LocalDate today) {
        require(Action.SERVE, actor);
        if (on == null || on.isAfter(today) || on.isBefore(terms.decidedOn())) {
            throw ProblemException.badRequest("DECISION_SERVED_ON_INVALID", "送达日期须在决定日期之后、不晚于今天");
        }
        servedOn = on;
        move(Status.SERVED, Action.SERVE, actor, at, enterpriseId.equals(actor.enterpriseId()) ? "企业签收" : "送达 " + on);
    }

    /** 行政处罚法 Art. 72: late payment adds 3 % a day, at most the fine itself — so at least the fine is paid. */
    void recordPayment(Actor actor, Instant at, LocalDate on, long amountFen, LocalDate today) {
        require(Action.RECORD_PAYMENT, actor);
        if (on == null || on.isAfter(today) || on.isBefore(terms.decidedOn())) {
            throw ProblemException.badRequest("DECISION_PAID_ON_INVALID", "缴纳日期须在决定日期之后、不晚于今天");
        }
        if (amountFen < terms.fineFen() || amountFen > terms.fineFen() * 2) {
            throw ProblemException.badRequest("DECISION_PAYMENT_AMOUNT_INVALID",
                    "缴纳金额须不少于罚款 " + yuan(terms.fineFen()) + " 元、不超过罚款与加处罚款之和");
        }
        paidFen = amountFen;
        paidOn = on;
        noted(Action.RECORD_PAYMENT, actor, at, on + " 缴纳 " + yuan(amountFen) + " 元");
    }

    /** 安全生产法 Art. 65(3): production resumes only after the department reviewed the site and agreed. */
    void liftShutdown(Actor actor, Instant at, LocalDate on, LocalDate passedReviewOn, LocalDate today) {
        require(Action.LIFT_SHUTDOWN, actor);
        if (passedReviewOn == null) {
            throw new IllegalMove("DECISION_REVIEW_REQUIRED", "须经复查合格后方可同意恢复生产（安全生产法第六十五条）");
        }
        if (on == null || on.isAfter(today) || on.isBefore(passedReviewOn)) {
            throw ProblemException.badRequest("DECISION_LIFT_DATE_INVALID", "恢复生产日期须在复查合格之后、不晚于今天");
        }
        shutdownLiftedOn = on;
        noted(Action.LIFT_SHUTDOWN, actor, at, "自 " + on + " 恢复生产");
    }

    /** 结案: the order was found complied with on re-inspection; the fine paid; production resumed or closed. */
    void close(Actor actor, Instant at, boolean passedReview) {
        require(Action.CLOSE, actor);
        List<String> open = new ArrayList<>();
        if (terms.measures().contains(ORDER_RECTIFICATION) && !passedReview) {
            open.add("整改尚未复查合格");
        }
        if (terms.fineFen() > 0 && paidOn == null) {
            open.add("罚款尚未缴纳");
        }
        if (shutdown() && shutdownLiftedOn == null && !terms.measures().contains(CLOSURE)) {
            open.add("尚未同意恢复生产");
        }
        if (!open.isEmpty()) {
            throw new IllegalMove("DECISION_NOT_READY_TO_CLOSE", "尚不能结案：" + String.join("；", open));
        }
        move(Status.CLOSED, Action.CLOSE, actor, at, null);
    }

    void noted(Action action, Actor actor, Instant at, String what) {
        timeline.add(status.name(), status.name(), action.name(), action.label(), actor, at, what);
    }

    private void move(Status to, Action action, Actor actor, Instant at, String reason) {
        timeline.add(status.name(), to.name(), action.name(), action.label(), actor, at, reason);
        status = to;
    }

    private Optional<ProblemException> state(Action action, Status... allowed) {
        return Timeline.state("DECISION_ILLEGAL_TRANSITION", "执法决定", Arrays.asList(allowed).contains(status), status.label(), action.label());
    }

    private static Optional<ProblemException> allow(boolean ok, String message) {
        return Timeline.allow("DECISION_ACTION_FORBIDDEN", ok, message);
    }

    static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** The steps not yet written; the repository appends them after a successful insert or save. */
    Timeline timeline() {
        return timeline;
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public UUID caseId() {
        return caseId;
    }

    public UnitRef unit() {
        return unit;
    }

    public UUID enterpriseId() {
        return enterpriseId;
    }

    public String enterpriseName() {
        return enterpriseName;
    }

    public String regionCode() {
        return regionCode;
    }

    public String industryCode() {
        return industryCode;
    }

    public UUID inspectionId() {
        return inspectionId;
    }

    public Terms terms() {
        return terms;
    }

    public Status status() {
        return status;
    }

    public LocalDate servedOn() {
        return servedOn;
    }

    public long paidFen() {
        return paidFen;
    }

    public LocalDate paidOn() {
        return paidOn;
    }

    public LocalDate shutdownLiftedOn() {
        return shutdownLiftedOn;
    }

    public boolean demo() {
        return demo;
    }

    public int version() {
        return version;
    }
}
