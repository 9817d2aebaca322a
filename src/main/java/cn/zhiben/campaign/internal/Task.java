package cn.zhiben.campaign.internal;

import cn.zhiben.platform.web.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cn.zhiben.campaign.internal.TaskStatus.*;

/**
 * A unit's or county's task under one measure (挂图作战). Its addressee records progress and completion with evidence;
 * the office above it may record for it (from a report received on paper, marked as such) and may send a completed
 * task back. A county office breaks its task down to its departments. Overdue is not a state: a task not done by its
 * due date is shown as 逾期 ({@link #overdue}). {@link #actionsFor} is the one rule; every verb asks it.
 */
public class Task implements Attachable {

    final UUID id;
    final UUID programmeId;
    final UUID measureId;
    final UUID parentId;
    final Addressee addressee;
    final OwnerRole role;
    final LocalDate dueOn;
    TaskStatus status;
    int percent;
    String lastNote;
    Instant lastNoteAt;
    LocalDate completedOn;
    int version;
    final List<Transition> transitions = new ArrayList<>();

    Task(UUID id, UUID programmeId, UUID measureId, UUID parentId, Addressee addressee, OwnerRole role, LocalDate dueOn,
         TaskStatus status, int percent, String lastNote, Instant lastNoteAt, LocalDate completedOn, int version) {
        this.id = id;
        this.programmeId = programmeId;
        this.measureId = measureId;
        this.parentId = parentId;
        this.addressee = addressee;
        this.role = role;
        this.dueOn = dueOn;
        this.status = status;
        this.percent = percent;
        this.lastNote = lastNote;
        this.lastNoteAt = lastNoteAt;
        this.completedOn = completedOn;
        this.version = version;
    }

    static Task derived(UUID programmeId, UUID measureId, UUID parentId, Addressee a, OwnerRole role, LocalDate dueOn) {
        return new Task(UUID.randomUUID(), programmeId, measureId, parentId, a, role, dueOn, NOT_STARTED, 0, null, null,
                null, 0);
    }

    public Set<TaskAction> actionsFor(Actor actor) {
        Set<TaskAction> out = EnumSet.noneOf(TaskAction.class);
        boolean own = addressee.heldBy(actor.user());
        boolean office = addressee.supervisedBy(actor.user());
        if (own || office) {
            if (status == NOT_STARTED) {
                out.add(TaskAction.START);
            }
            if (status != DONE) {
                out.add(TaskAction.PROGRESS);
                out.add(TaskAction.COMPLETE);
            }
            out.add(TaskAction.ATTACH);
        }
        if (office && status == DONE) {
            out.add(TaskAction.REOPEN);
        }
        if (own && addressee.kind() == Addressee.Kind.COUNTY_OFFICE && status != DONE) {
            out.add(TaskAction.DELEGATE);
        }
        return out;
    }

    public boolean overdue(LocalDate today) {
        return status != DONE && today.isAfter(dueOn);
    }

    private boolean require(Actor actor, TaskAction action) {
        boolean own = addressee.heldBy(actor.user());
        if (!own && !addressee.supervisedBy(actor.user())) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "只有任务的责任单位或其上级安委办可以办理");
        }
        if (!actionsFor(actor).contains(action)) {
            if (action == TaskAction.REOPEN && own) {
                throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "退回须由上级安委办操作");
            }
            if (action == TaskAction.DELEGATE && addressee.kind() != Addressee.Kind.COUNTY_OFFICE) {
                throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "只有县级安委办可以把任务分解到本县部门");
            }
            throw CampaignConflict.illegal("TASK_ILLEGAL_TRANSITION", "任务", status.label(), action.label());
        }
        return !own;
    }

    void start(Actor actor, Instant at, String note) {
        boolean onBehalf = require(actor, TaskAction.START);
        note(note);
        move(IN_PROGRESS, TaskAction.START, actor, onBehalf, at, note);
    }

    void progress(Actor actor, Instant at, String note, Integer percent) {
        boolean onBehalf = require(actor, TaskAction.PROGRESS);
        note(note);
        if (percent == null || percent < 0 || percent > 99) {
            throw ProblemException.badRequest("TASK_PERCENT_INVALID", "进度须在 0 到 99 之间；已完成请选择“报告完成”");
        }
        this.percent = Math.max(this.percent, percent);
        move(IN_PROGRESS, TaskAction.PROGRESS, actor, onBehalf, at, note + "（进度 " + this.percent + "%）");
    }

    void complete(Actor actor, Instant at, String note, LocalDate completedOn, LocalDate today) {
        boolean onBehalf = require(actor, TaskAction.COMPLETE);
        note(note);
        if (completedOn == null || completedOn.isAfter(today)) {
            throw ProblemException.badRequest("TASK_COMPLETED_ON_INVALID", "完成日期须填写且不能晚于今天");
        }
        this.completedOn = completedOn;
        this.percent = 100;
        move(DONE, TaskAction.COMPLETE, actor, onBehalf, at, note + "（完成于 " + completedOn + "）");
    }

    void reopen(Actor actor, Instant at, String reason) {
        require(actor, TaskAction.REOPEN);
        note(reason);
        completedOn = null;
        percent = Math.min(percent, 90);
        move(IN_PROGRESS, TaskAction.REOPEN, actor, false, at, reason);
    }

    /** Checked before the departments' tasks are made: only the county office that holds the task breaks it down. */
    void requireDelegate(Actor actor) {
        require(actor, TaskAction.DELEGATE);
    }

    void delegated(Actor actor, Instant at, String units) {
        require(actor, TaskAction.DELEGATE);
        transitions.add(step(status, status, TaskAction.DELEGATE, actor, false, at, "分解到：" + units));
    }

    /** Checked before a file is stored, so a refused upload leaves nothing behind. */
    @Override
    public void requireAttach(Actor actor) {
        require(actor, TaskAction.ATTACH);
    }

    @Override
    public void attached(Actor actor, Instant at, String fileName) {
        boolean onBehalf = require(actor, TaskAction.ATTACH);
        transitions.add(step(status, status, TaskAction.ATTACH, actor, onBehalf, at, fileName));
    }

    private void note(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("CAMPAIGN_NOTE_REQUIRED", "请填写情况说明");
        }
    }

    private void move(TaskStatus to, TaskAction action, Actor actor, boolean onBehalf, Instant at, String note) {
        transitions.add(step(status, to, action, actor, onBehalf, at, note));
        status = to;
        lastNote = note;
        lastNoteAt = at;
    }

    private static Transition step(TaskStatus from, TaskStatus to, TaskAction action, Actor actor, boolean onBehalf,
                                   Instant at, String reason) {
        return new Transition(from.name(), to.name(), action.name(), action.label(), actor.userId(), actor.name(),
                actor.role() == null ? null : actor.role().name(), onBehalf, at, reason);
    }

    public UUID id() {
        return id;
    }

    public TaskStatus status() {
        return status;
    }

    public Addressee addressee() {
        return addressee;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public UUID programmeId() {
        return programmeId;
    }

    public UUID measureId() {
        return measureId;
    }

    public int version() {
        return version;
    }
}
