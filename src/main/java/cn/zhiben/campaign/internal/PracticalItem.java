package cn.zhiben.campaign.internal;

import cn.zhiben.org.Labelled;
import cn.zhiben.platform.web.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One entry of a level's 办实事、解难题 list (plan item 3: "每年至少研究解决10项具体问题"), kept by that level's safety
 * committee office: listed, worked on, solved with its result — or dropped with a reason. The city office sees every
 * county's list; a county office keeps its own.
 */
public class PracticalItem {

    /** The matters the plan names (item 3), and "other". */
    public static final List<String> CATEGORIES = List.of("领导班子", "干部队伍", "监管职责", "执法力量", "经费保障", "执法装备",
            "信息化建设", "其他");

    public enum Status {
        PLANNED("已列入"), IN_PROGRESS("推进中"), SOLVED("已解决"), DROPPED("已撤销");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Action implements Labelled {
        LIST("列入清单"), PROGRESS("报告进展"), SOLVE("销号（已解决）"), DROP("撤销");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    final UUID id;
    final UUID programmeId;
    final int year;
    final String ownerRegion;
    final String title;
    final String category;
    final UUID responsibleUnitId;
    final LocalDate dueOn;
    Status status;
    String result;
    LocalDate solvedOn;
    int version;
    final List<Transition> transitions = new ArrayList<>();

    PracticalItem(UUID id, UUID programmeId, int year, String ownerRegion, String title, String category,
                  UUID responsibleUnitId, LocalDate dueOn, Status status, String result, LocalDate solvedOn, int version) {
        this.id = id;
        this.programmeId = programmeId;
        this.year = year;
        this.ownerRegion = ownerRegion;
        this.title = title;
        this.category = category;
        this.responsibleUnitId = responsibleUnitId;
        this.dueOn = dueOn;
        this.status = status;
        this.result = result;
        this.solvedOn = solvedOn;
        this.version = version;
    }

    public Addressee owner() {
        return ownerRegion == null ? Addressee.CITY_OFFICE : Addressee.countyOffice(ownerRegion);
    }

    static PracticalItem listed(UUID programmeId, int year, Addressee owner, String title, String category,
                                UUID responsibleUnitId, LocalDate dueOn, Actor actor, Instant at) {
        if (!CATEGORIES.contains(category)) {
            throw ProblemException.badRequest("PRACTICAL_CATEGORY_INVALID", "类别须为：" + String.join("、", CATEGORIES));
        }
        if (dueOn == null || dueOn.getYear() != year) {
            throw ProblemException.badRequest("PRACTICAL_DUE_INVALID", "完成时限须在清单年度内");
        }
        PracticalItem p = new PracticalItem(UUID.randomUUID(), programmeId, year, owner.regionCode(), title, category,
                responsibleUnitId, dueOn, Status.PLANNED, null, null, 0);
        p.transitions.add(step(null, Status.PLANNED, Action.LIST, actor, at, null));
        return p;
    }

    /** Only the office that keeps the list works on it. */
    public Set<Action> actionsFor(Actor actor) {
        Set<Action> out = EnumSet.noneOf(Action.class);
        if (!owner().heldBy(actor.user())) {
            return out;
        }
        if (status == Status.PLANNED || status == Status.IN_PROGRESS) {
            out.addAll(List.of(Action.PROGRESS, Action.SOLVE, Action.DROP));
        }
        return out;
    }

    private void require(Actor actor, Action action) {
        if (!owner().heldBy(actor.user())) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "办实事清单由本级安委办维护");
        }
        if (!actionsFor(actor).contains(action)) {
            throw CampaignConflict.illegal("PRACTICAL_ILLEGAL_TRANSITION", "办实事事项", status.label(), action.label());
        }
    }

    void progress(Actor actor, Instant at, String note) {
        require(actor, Action.PROGRESS);
        move(Status.IN_PROGRESS, Action.PROGRESS, actor, at, CampaignErrors.require(note, "CAMPAIGN_NOTE_REQUIRED", "请填写进展情况"));
    }

    void solve(Actor actor, Instant at, String result, LocalDate solvedOn, LocalDate today) {
        require(actor, Action.SOLVE);
        this.result = CampaignErrors.require(result, "PRACTICAL_RESULT_REQUIRED", "请填写解决结果");
        if (solvedOn == null || solvedOn.isAfter(today)) {
            throw ProblemException.badRequest("PRACTICAL_SOLVED_ON_INVALID", "解决日期须填写且不能晚于今天");
        }
        this.solvedOn = solvedOn;
        move(Status.SOLVED, Action.SOLVE, actor, at, this.result);
    }

    void drop(Actor actor, Instant at, String reason) {
        require(actor, Action.DROP);
        move(Status.DROPPED, Action.DROP, actor, at, CampaignErrors.require(reason, "CAMPAIGN_NOTE_REQUIRED", "请说明撤销理由"));
    }

    private void move(Status to, Action action, Actor actor, Instant at, String reason) {
        transitions.add(step(status, to, action, actor, at, reason));
        status = to;
    }

    private static Transition step(Status from, Status to, Action action, Actor actor, Instant at, String reason) {
        return new Transition(from == null ? null : from.name(), to.name(), action.name(), action.label(), actor.userId(),
                actor.name(), actor.role() == null ? null : actor.role().name(), false, at, reason);
    }

    public UUID id() {
        return id;
    }

    public int year() {
        return year;
    }

    public String title() {
        return title;
    }

    public String category() {
        return category;
    }

    public UUID responsibleUnitId() {
        return responsibleUnitId;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public Status status() {
        return status;
    }

    public String result() {
        return result;
    }

    public LocalDate solvedOn() {
        return solvedOn;
    }

    public String ownerRegion() {
        return ownerRegion;
    }

    public UUID programmeId() {
        return programmeId;
    }

    public int version() {
        return version;
    }
}
