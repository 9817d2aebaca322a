package cn.zhiben.inspections.internal;

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
 * An inspection of one enterprise by a unit (with its joint units), from the plan or the draw to the signed on-site
 * record (现场检查记录, 安全生产法 Arts. 67–68), the enterprise's acknowledgement, re-inspections and decisions. Its status
 * changes only through the verbs; {@link #refusal} is the one answer to "may this caller do this now", which the verbs,
 * the API's offered actions and the pages all use.
 */
public class Inspection {

    public enum Status {
        PLANNED("待检查"), IN_PROGRESS("检查中"), COMPLETED("已完成"), CANCELLED("已取消");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Action {
        START("开始现场检查"),
        RECORD("记录检查项"),
        ADD_FINDING("记录隐患"),
        SIGN("现场签名"),
        COMPLETE("完成检查记录"),
        ACKNOWLEDGE("企业签收"),
        ASSIGN_EXPERT("指派专家"),
        EVALUATE_EXPERT("评价专家"),
        REINSPECT("复查"),
        DECIDE("作出执法决定"),
        CANCEL("取消检查");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An officer of the inspection team, as recorded on the inspection (the register may change later). */
    public record OnDuty(UUID officerId, UUID userId, String name, String certificateNo) {
    }

    final UUID id;
    String number;
    final UUID planId;
    final UUID drawId;
    final UnitRef unit;
    final PlanKind kind;
    final boolean unannounced;
    final UUID enterpriseId;
    final String enterpriseName;
    final String regionCode;
    final String zoneCode;
    final String industryCode;
    Status status;
    final LocalDate plannedFrom;
    final LocalDate plannedTo;
    Instant visitStartedAt;
    LocalDate inspectedOn;
    String place;
    String summary;
    String handling;
    String enterpriseSigner;
    String enterpriseSignerPosition;
    boolean enterpriseRefused;
    String refusalNote;
    Instant completedAt;
    Instant acknowledgedAt;
    String acknowledgedByName;
    String cancelReason;
    final boolean demo;
    int version;
    final List<OnDuty> officers;
    final List<UnitRef> jointUnits;
    /** accounts of the experts assigned (not revoked) */
    final Set<UUID> expertUsers;
    private final Timeline timeline = new Timeline();

    Inspection(UUID id, String number, UUID planId, UUID drawId, UnitRef unit, PlanKind kind, boolean unannounced,
               UUID enterpriseId, String enterpriseName, String regionCode, String zoneCode, String industryCode,
               Status status, LocalDate plannedFrom, LocalDate plannedTo, boolean demo, int version, List<OnDuty> officers,
               List<UnitRef> jointUnits, Set<UUID> expertUsers) {
        this.id = id;
        this.number = number;
        this.planId = planId;
        this.drawId = drawId;
        this.unit = unit;
        this.kind = kind;
        this.unannounced = unannounced;
        this.enterpriseId = enterpriseId;
        this.enterpriseName = enterpriseName;
        this.regionCode = regionCode;
        this.zoneCode = zoneCode;
        this.industryCode = industryCode;
        this.status = status;
        this.plannedFrom = plannedFrom;
        this.plannedTo = plannedTo;
        this.demo = demo;
        this.version = version;
        this.officers = List.copyOf(officers);
        this.jointUnits = List.copyOf(jointUnits);
        this.expertUsers = Set.copyOf(expertUsers);
    }

    static Inspection plan(UUID id, UUID planId, UUID drawId, UnitRef unit, PlanKind kind, UUID enterpriseId,
                           String enterpriseName, String regionCode, String zoneCode, String industryCode, LocalDate from,
                           LocalDate to, List<OnDuty> officers, List<UnitRef> jointUnits, boolean demo, Actor actor,
                           Instant at, String how) {
        if (officers.size() < 2 || officers.stream().map(OnDuty::officerId).distinct().count() != officers.size()) {
            // 行政处罚法 Art. 42: at least two enforcement officers
            throw ProblemException.badRequest("INSPECTION_TWO_OFFICERS_REQUIRED", "每次检查须至少两名不同的执法人员");
        }
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("INSPECTION_PERIOD_INVALID", "检查期限的截止日期不能早于起始日期");
        }
        Inspection i = new Inspection(id, null, planId, drawId, unit, kind, kind.unannounced(), enterpriseId, enterpriseName,
                regionCode, zoneCode, industryCode, Status.PLANNED, from, to, demo, 0, officers, jointUnits, Set.of());
        i.timeline.add(null, Status.PLANNED.name(), "CREATE", how, actor, at, null);
        return i;
    }

    // ---- who may do what, now ----

    public boolean involves(UnitRef u) {
        return unit.equals(u) || jointUnits.contains(u);
    }

    public boolean onTeam(UUID userId) {
        return officers.stream().anyMatch(o -> o.userId().equals(userId));
    }

    /** 四不两直: until the team starts the visit, the target is known only to the inspecting units and the team. */
    public boolean secret() {
        return unannounced && visitStartedAt == null;
    }

    /**
     * Why this caller may not do this now, or empty if they may. On-site work is the team's (an officer of the team whose
     * own scope covers the enterprise — a cross check's officers from other counties assist, the lead records) and an
     * assigned expert's for findings; follow-up is the inspecting units'; acknowledgement the enterprise's.
     */
    public Optional<ProblemException> refusal(Action action, Actor actor, LocalDate today) {
        boolean team = onTeam(actor.userId()) && actor.user() != null
                && actor.user().scope().covers(enterpriseId, regionCode, zoneCode, industryCode);
        boolean units = actor.unit() != null && involves(actor.unit());
        boolean expert = actor.userId() != null && expertUsers.contains(actor.userId());
        // the caller's right first, then the state: a caller without the right is told so (403) whatever the state
        return switch (action) {
            case START -> allow(team, "只有检查组的执法人员可以开始现场检查").or(() -> state(action, Status.PLANNED))
                    .or(() -> today.isBefore(plannedFrom) ? Optional.of(new IllegalMove("INSPECTION_NOT_YET_DUE",
                            "检查期限自 " + plannedFrom + " 开始")) : Optional.empty());
            case RECORD, SIGN, COMPLETE -> allow(team, "只有检查组的执法人员可以记录现场检查")
                    .or(() -> state(action, Status.IN_PROGRESS));
            case ADD_FINDING -> allow(team || expert, "只有检查组的执法人员和指派的专家可以记录隐患")
                    .or(() -> state(action, Status.IN_PROGRESS));
            case ACKNOWLEDGE -> allow(enterpriseId.equals(actor.enterpriseId()), "只有被检查企业可以签收")
                    .or(() -> state(action, Status.COMPLETED))
                    .or(() -> acknowledgedAt != null ? Optional.of(new IllegalMove("INSPECTION_ALREADY_ACKNOWLEDGED",
                            "企业已签收检查记录")) : Optional.empty());
            case ASSIGN_EXPERT -> allow(units, "只有检查单位可以指派专家").or(() -> state(action, Status.PLANNED, Status.IN_PROGRESS));
            case EVALUATE_EXPERT, REINSPECT, DECIDE -> allow(units, "只有检查单位可以" + action.label())
                    .or(() -> state(action, Status.COMPLETED));
            case CANCEL -> allow(actor.inUnit(unit), "只有检查单位可以取消检查").or(() -> state(action, Status.PLANNED));
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

    // ---- verbs ----

    void start(Actor actor, Instant at, LocalDate today, String place) {
        require(Action.START, actor, today);
        visitStartedAt = at;
        inspectedOn = today;
        this.place = place;
        move(Status.IN_PROGRESS, Action.START, actor, at, place);
    }

    /**
     * 安全生产法 Art. 68: the record states time, place, content, problems found and their handling, and is signed by the
     * inspectors and the unit's responsible person; a refusal to sign is recorded.
     */
    void complete(Actor actor, Instant at, LocalDate today, java.util.function.Supplier<String> number, String summary,
                  String handling, Set<String> signedParties, int items, int unregisteredFindingItems) {
        require(Action.COMPLETE, actor, today);
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        if (summary == null || summary.isBlank()) {
            problems.add(new ProblemException.FieldProblem("summary", "请填写检查情况"));
        }
        if (items == 0) {
            problems.add(new ProblemException.FieldProblem("items", "请至少记录一项检查内容"));
        }
        if (unregisteredFindingItems > 0) {
            problems.add(new ProblemException.FieldProblem("items", unregisteredFindingItems + " 个检查项记为“发现问题”，但尚未登记隐患"));
        }
        for (OnDuty o : officers) {
            if (!signedParties.contains("OFFICER:" + o.officerId())) {
                problems.add(new ProblemException.FieldProblem("signatures", "执法人员 " + o.name() + " 尚未签名"));
            }
        }
        if (!signedParties.contains("ENTERPRISE") && !enterpriseRefused) {
            problems.add(new ProblemException.FieldProblem("signatures", "被检查单位负责人尚未签名（拒绝签字的，请记录拒签情况）"));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "INSPECTION_RECORD_INCOMPLETE",
                    "检查记录尚不完整：" + String.join("；", problems.stream().map(ProblemException.FieldProblem::message).toList()),
                    problems);
        }
        // the number is taken only once the record is complete: a refused completion uses none (gap-free)
        this.number = number.get();
        this.summary = summary.strip();
        this.handling = handling == null || handling.isBlank() ? null : handling.strip();
        completedAt = at;
        move(Status.COMPLETED, Action.COMPLETE, actor, at, this.number);
    }

    /** The enterprise's person signed on screen, or refused (Art. 68: the refusal is recorded). */
    void enterpriseSigned(String signer, String position) {
        enterpriseSigner = signer;
        enterpriseSignerPosition = position;
        enterpriseRefused = false;
        refusalNote = null;
    }

    void enterpriseRefused(Actor actor, Instant at, String signer, String note) {
        if (note == null || note.isBlank()) {
            throw ProblemException.badRequest("INSPECTION_REFUSAL_NOTE_REQUIRED", "请记录拒签情况");
        }
        enterpriseSigner = signer;
        enterpriseRefused = true;
        refusalNote = note.strip();
        timeline.add(status.name(), status.name(), "REFUSED_TO_SIGN", "被检查单位拒绝签字", actor, at, refusalNote);
    }

    void acknowledge(Actor actor, Instant at, LocalDate today) {
        require(Action.ACKNOWLEDGE, actor, today);
        acknowledgedAt = at;
        acknowledgedByName = actor.name();
        timeline.add(status.name(), status.name(), Action.ACKNOWLEDGE.name(), Action.ACKNOWLEDGE.label(), actor, at, null);
    }

    void cancel(Actor actor, Instant at, LocalDate today, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("INSPECTION_REASON_REQUIRED", "请填写取消检查的原因");
        }
        require(Action.CANCEL, actor, today);
        cancelReason = reason.strip();
        move(Status.CANCELLED, Action.CANCEL, actor, at, cancelReason);
    }

    /** A draw that is replaced cancels its inspections that have not started (the first draw is kept on record). */
    void cancelForRedraw(Actor actor, Instant at, String reason) {
        if (status != Status.PLANNED) {
            throw new IllegalMove("DRAW_ALREADY_IN_USE", "抽取结果中已有检查开始，不能重新抽取");
        }
        cancelReason = reason;
        move(Status.CANCELLED, Action.CANCEL, actor, at, reason);
    }

    /** Something done on the record worth a line on its timeline (a finding, an expert assigned, a re-inspection). */
    void noted(Action action, Actor actor, Instant at, String what) {
        timeline.add(status.name(), status.name(), action.name(), action.label(), actor, at, what);
    }

    private void move(Status to, Action action, Actor actor, Instant at, String reason) {
        timeline.add(status.name(), to.name(), action.name(), action.label(), actor, at, reason);
        status = to;
    }

    private Optional<ProblemException> state(Action action, Status... allowed) {
        return Timeline.state("INSPECTION_ILLEGAL_TRANSITION", "检查", Arrays.asList(allowed).contains(status), status.label(), action.label());
    }

    private static Optional<ProblemException> allow(boolean ok, String message) {
        return Timeline.allow("INSPECTION_ACTION_FORBIDDEN", ok, message);
    }

    /** The steps not yet written; the repository appends them after a successful insert or save. */
    Timeline timeline() {
        return timeline;
    }

    // ---- read access ----

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public UUID planId() {
        return planId;
    }

    public UUID drawId() {
        return drawId;
    }

    public UnitRef unit() {
        return unit;
    }

    public PlanKind kind() {
        return kind;
    }

    public boolean unannounced() {
        return unannounced;
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

    public String zoneCode() {
        return zoneCode;
    }

    public String industryCode() {
        return industryCode;
    }

    public Status status() {
        return status;
    }

    public LocalDate plannedFrom() {
        return plannedFrom;
    }

    public LocalDate plannedTo() {
        return plannedTo;
    }

    public Instant visitStartedAt() {
        return visitStartedAt;
    }

    public LocalDate inspectedOn() {
        return inspectedOn;
    }

    public String place() {
        return place;
    }

    public String summary() {
        return summary;
    }

    public String handling() {
        return handling;
    }

    public String enterpriseSigner() {
        return enterpriseSigner;
    }

    public String enterpriseSignerPosition() {
        return enterpriseSignerPosition;
    }

    public boolean enterpriseRefused() {
        return enterpriseRefused;
    }

    public String refusalNote() {
        return refusalNote;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public String acknowledgedByName() {
        return acknowledgedByName;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public boolean demo() {
        return demo;
    }

    public int version() {
        return version;
    }

    public List<OnDuty> officers() {
        return officers;
    }

    public List<UnitRef> jointUnits() {
        return jointUnits;
    }
}
