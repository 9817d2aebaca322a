package cn.zhiben.inspections.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import cn.zhiben.org.StandardizationGrade;
import cn.zhiben.platform.web.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An inspection plan of a unit for a period (安全生产法 Art. 62: inspect according to an annual plan drawn up by 分类分级).
 * Its status changes only through the verbs, which check the state and the caller ({@link #refusal}) and append a step.
 */
// the API shows the fields (the accessors are not bean getters); the timeline is listed apart
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NON_PRIVATE)
public class Plan {

    public enum Status {
        DRAFT("草稿"), ACTIVE("执行中"), CLOSED("已结束"), CANCELLED("已取消");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Action {
        ACTIVATE("下达执行"), DRAW("随机抽取"), REDRAW("重新抽取"), ADD_INSPECTION("安排检查"), CLOSE("结束计划"),
        CANCEL("取消计划");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A target: enterprises of a region (null: the unit's whole area), an industry (null: all the unit supervises), a risk
     * class and standardization grades (null: any), chosen at random or by due date, how many.
     */
    public record Target(int ord, String regionCode, String industryCode, RiskClass riskClass,
                         Set<StandardizationGrade> grades, Draw.Selection selection, int quota) {
    }

    final UUID id;
    final String name;
    final UnitRef unit;
    final PlanKind kind;
    final LocalDate periodFrom;
    final LocalDate periodTo;
    final int officersPerInspection;
    final int expertsPerInspection;
    final Integer maxPerOfficer;
    final String note;
    final List<UnitRef> participants;
    final List<Target> targets;
    final boolean demo;
    Status status;
    int version;
    private final Timeline timeline = new Timeline();

    Plan(UUID id, String name, UnitRef unit, PlanKind kind, LocalDate periodFrom, LocalDate periodTo,
         int officersPerInspection, int expertsPerInspection, Integer maxPerOfficer, String note, List<UnitRef> participants,
         List<Target> targets, boolean demo, Status status, int version) {
        this.id = id;
        this.name = name;
        this.unit = unit;
        this.kind = kind;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.officersPerInspection = officersPerInspection;
        this.expertsPerInspection = expertsPerInspection;
        this.maxPerOfficer = maxPerOfficer;
        this.note = note;
        this.participants = List.copyOf(participants);
        this.targets = List.copyOf(targets);
        this.demo = demo;
        this.status = status;
        this.version = version;
    }

    static Plan create(UUID id, String name, UnitRef unit, PlanKind kind, LocalDate from, LocalDate to,
                       int officersPerInspection, int expertsPerInspection, Integer maxPerOfficer, String note,
                       List<UnitRef> participants, List<Target> targets, boolean demo, Actor actor, Instant at) {
        if (officersPerInspection < 2) {
            // 行政处罚法 Art. 42: administrative enforcement by at least two officers
            throw ProblemException.badRequest("PLAN_TWO_OFFICERS_REQUIRED", "每次检查至少须两名执法人员");
        }
        if (kind.withParticipants() && participants.isEmpty()) {
            throw ProblemException.badRequest("PLAN_PARTICIPANTS_REQUIRED", kind.label() + "须选择参加的单位");
        }
        Plan p = new Plan(id, name, unit, kind, from, to, officersPerInspection, expertsPerInspection, maxPerOfficer, note,
                participants, targets, demo, Status.DRAFT, 0);
        p.timeline.add(null, Status.DRAFT.name(), "CREATE", "制定计划", actor, at, null);
        return p;
    }

    /** The units whose officers take part: the plan's unit (which leads a joint or cross inspection) and the others. */
    public List<UnitRef> officerUnits() {
        List<UnitRef> out = new ArrayList<>();
        out.add(unit);
        participants.stream().filter(u -> !out.contains(u)).forEach(out::add);
        return out;
    }

    public boolean involves(UnitRef u) {
        return unit.equals(u) || participants.contains(u);
    }

    /**
     * Why this caller may not do this now, or empty if they may: the one rule pages, APIs and verbs share.
     */
    public Optional<ProblemException> refusal(Action action, Actor actor, LocalDate today) {
        boolean own = actor.inUnit(unit);
        // the caller's right first, then the state: a caller without the right is told so (403) whatever the state
        return switch (action) {
            case ACTIVATE, CLOSE -> unitOnly(own).or(() -> state(action, action == Action.ACTIVATE ? Status.DRAFT : Status.ACTIVE));
            case DRAW, REDRAW -> unitOnly(own).or(() -> state(action, Status.ACTIVE)).or(() -> today.isAfter(periodTo)
                    ? Optional.of(new IllegalMove("PLAN_PERIOD_OVER", "计划期限已过，不能再抽取")) : Optional.empty());
            case ADD_INSPECTION -> (actor.unit() != null && involves(actor.unit()) ? Optional.<ProblemException>empty()
                    : Optional.of(forbidden())).or(() -> state(action, Status.ACTIVE));
            case CANCEL -> unitOnly(own).or(() -> state(action, Status.DRAFT, Status.ACTIVE));
        };
    }

    public List<Action> available(Actor actor, LocalDate today) {
        return Arrays.stream(Action.values()).filter(a -> refusal(a, actor, today).isEmpty()).toList();
    }

    void require(Action action, Actor actor, LocalDate today) {
        Optional<ProblemException> r = refusal(action, actor, today);
        if (r.isPresent()) {
            throw r.get();
        }
    }

    void activate(Actor actor, Instant at, LocalDate today) {
        require(Action.ACTIVATE, actor, today);
        move(Status.ACTIVE, Action.ACTIVATE, actor, at, null);
    }

    void close(Actor actor, Instant at, LocalDate today, String reason) {
        require(Action.CLOSE, actor, today);
        move(Status.CLOSED, Action.CLOSE, actor, at, reason);
    }

    void cancel(Actor actor, Instant at, LocalDate today, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("PLAN_REASON_REQUIRED", "请填写取消计划的原因");
        }
        require(Action.CANCEL, actor, today);
        move(Status.CANCELLED, Action.CANCEL, actor, at, reason.strip());
    }

    /** A draw or a re-draw is part of the plan's history too. */
    void recorded(Action action, Actor actor, Instant at, String reason) {
        timeline.add(status.name(), status.name(), action.name(), action.label(), actor, at, reason);
    }

    private void move(Status to, Action action, Actor actor, Instant at, String reason) {
        timeline.add(status.name(), to.name(), action.name(), action.label(), actor, at, reason);
        status = to;
    }

    private Optional<ProblemException> state(Action action, Status... allowed) {
        return Timeline.state("PLAN_ILLEGAL_TRANSITION", "计划", Arrays.asList(allowed).contains(status), status.label(), action.label());
    }

    private static Optional<ProblemException> unitOnly(boolean own) {
        return own ? Optional.empty() : Optional.of(forbidden());
    }

    private static ProblemException forbidden() {
        return ProblemException.forbidden("INSPECTION_ACTION_FORBIDDEN", "只有制定计划的单位可以办理");
    }

    /** The steps not yet written; the repository appends them after a successful insert or save. */
    Timeline timeline() {
        return timeline;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public UnitRef unit() {
        return unit;
    }

    public PlanKind kind() {
        return kind;
    }

    public LocalDate periodFrom() {
        return periodFrom;
    }

    public LocalDate periodTo() {
        return periodTo;
    }

    public Status status() {
        return status;
    }

    public int officersPerInspection() {
        return officersPerInspection;
    }

    public int expertsPerInspection() {
        return expertsPerInspection;
    }

    public Integer maxPerOfficer() {
        return maxPerOfficer;
    }

    public String note() {
        return note;
    }

    public List<UnitRef> participants() {
        return participants;
    }

    public List<Target> targets() {
        return targets;
    }

    public boolean demo() {
        return demo;
    }

    public int version() {
        return version;
    }
}
