package cn.zhiben.campaign.internal;

import cn.zhiben.campaign.CampaignEvents;
import cn.zhiben.platform.web.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cn.zhiben.campaign.internal.ReportStatus.*;

/**
 * One report owed by one addressee for one period (plan 六(六)): the addressee drafts and files it (its figures
 * pre-filled from the platform); the city office reads it and accepts it or sends it back, and may record a report
 * that arrived on paper. Whether it came on time is decided once, at the first filing, against the due date in
 * Asia/Shanghai ({@link ReportCalendar#onTime}); a revision after a return keeps that. {@link #actionsFor} is the rule.
 */
public class Report implements Attachable {

    final UUID id;
    final UUID programmeId;
    final ReportKind kind;
    final String period;
    final Addressee addressee;
    LocalDate dueOn;
    ReportStatus status;
    String content;
    Figures platformFigures;
    Figures reportedFigures;
    String channel;
    Instant firstSubmittedAt;
    Instant submittedAt;
    String submittedBy;
    Boolean onTime;
    String reviewNote;
    Instant reviewedAt;
    String reviewedBy;
    int version;
    final List<Transition> transitions = new ArrayList<>();
    final List<Object> events = new ArrayList<>();

    Report(UUID id, UUID programmeId, ReportKind kind, String period, Addressee addressee, LocalDate dueOn,
           ReportStatus status, int version) {
        this.id = id;
        this.programmeId = programmeId;
        this.kind = kind;
        this.period = period;
        this.addressee = addressee;
        this.dueOn = dueOn;
        this.status = status;
        this.version = version;
    }

    static Report opened(UUID programmeId, ReportKind kind, String period, Addressee a, LocalDate dueOn) {
        return new Report(UUID.randomUUID(), programmeId, kind, period, a, dueOn, DUE, 0);
    }

    public Set<ReportAction> actionsFor(Actor actor) {
        Set<ReportAction> out = EnumSet.noneOf(ReportAction.class);
        if (addressee.heldBy(actor.user()) && status.open()) {
            out.addAll(List.of(ReportAction.SAVE_DRAFT, ReportAction.SUBMIT, ReportAction.ATTACH));
        }
        if (addressee.supervisedBy(actor.user())) {
            if (status.open()) {
                out.addAll(List.of(ReportAction.RECORD_RECEIVED, ReportAction.ATTACH));
            }
            if (status == SUBMITTED) {
                out.addAll(List.of(ReportAction.RETURN, ReportAction.ACCEPT));
            }
        }
        return out;
    }

    /** The addressee may not be told "no right" for what it could do in another state: 409 then, 403 otherwise. */
    private boolean require(Actor actor, ReportAction action) {
        boolean own = addressee.heldBy(actor.user());
        boolean office = addressee.supervisedBy(actor.user());
        boolean ownVerb = action == ReportAction.SAVE_DRAFT || action == ReportAction.SUBMIT;
        boolean officeVerb = action == ReportAction.RECORD_RECEIVED || action == ReportAction.RETURN || action == ReportAction.ACCEPT;
        if ((ownVerb && !own) || (officeVerb && !office) || (!own && !office)) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", ownVerb ? "只有报送单位可以填报" : "须由市安委办审阅或代录");
        }
        if (!actionsFor(actor).contains(action)) {
            throw CampaignConflict.illegal("REPORT_ILLEGAL_TRANSITION", "报送事项", status.label(), action.label());
        }
        return !own;
    }

    void saveDraft(Actor actor, Instant at, String content, Figures reported) {
        require(actor, ReportAction.SAVE_DRAFT);
        this.content = content;
        this.reportedFigures = reported;
    }

    void submit(Actor actor, Instant at, String content, Figures reported, Figures platform) {
        require(actor, ReportAction.SUBMIT);
        requireContent(content);
        if (kind.figures() && reported != null && !reported.consistent()) {
            throw ProblemException.badRequest("REPORT_FIGURES_INVALID", "统计数字不能为负数，重大事故隐患数不能多于发现隐患总数");
        }
        this.content = content;
        this.reportedFigures = kind.figures() ? (reported == null ? platform : reported) : null;
        this.platformFigures = kind.figures() ? platform : null;
        filed(actor, at, "PLATFORM", ReportCalendar.onTime(dueOn, at), false, null);
    }

    void recordReceived(Actor actor, Instant at, LocalDate receivedOn, LocalDate today, String note, Figures platform) {
        require(actor, ReportAction.RECORD_RECEIVED);
        requireContent(note);
        if (receivedOn == null || receivedOn.isAfter(today)) {
            throw ProblemException.badRequest("REPORT_RECEIVED_ON_INVALID", "收到日期须填写且不能晚于今天");
        }
        this.content = note;
        this.platformFigures = kind.figures() ? platform : null;
        this.reportedFigures = null;
        filed(actor, at, "OFFICE_RECORDED", !receivedOn.isAfter(dueOn), true, "收到日期 " + receivedOn);
    }

    private void filed(Actor actor, Instant at, String channel, boolean onTimeNow, boolean onBehalf, String reason) {
        boolean first = firstSubmittedAt == null;
        if (first) {
            firstSubmittedAt = at;
            onTime = onTimeNow;
        }
        this.channel = channel;
        this.submittedAt = at;
        this.submittedBy = actor.name();
        ReportAction action = onBehalf ? ReportAction.RECORD_RECEIVED : ReportAction.SUBMIT;
        String note = (reason == null ? "" : reason + "；") + (Boolean.TRUE.equals(onTime) ? "按时" : "逾期") + "报送";
        move(SUBMITTED, action, actor, onBehalf, at, first ? note : "修改后重新报送");
        if (first) {
            events.add(new CampaignEvents.ReportSubmitted(id, kind.name(), period, addressee.unitId(), addressee.regionCode(),
                    dueOn, onTime, at));
        }
    }

    void returnForRevision(Actor actor, Instant at, String reason) {
        require(actor, ReportAction.RETURN);
        requireReason(reason);
        reviewNote = reason;
        reviewedAt = at;
        reviewedBy = actor.name();
        move(RETURNED, ReportAction.RETURN, actor, false, at, reason);
    }

    void accept(Actor actor, Instant at, String note) {
        require(actor, ReportAction.ACCEPT);
        reviewNote = note;
        reviewedAt = at;
        reviewedBy = actor.name();
        move(ACCEPTED, ReportAction.ACCEPT, actor, false, at, note);
    }

    @Override
    public void requireAttach(Actor actor) {
        require(actor, ReportAction.ATTACH);
    }

    @Override
    public void attached(Actor actor, Instant at, String fileName) {
        boolean onBehalf = require(actor, ReportAction.ATTACH);
        transitions.add(step(status, status, ReportAction.ATTACH, actor, onBehalf, at, fileName));
    }

    /** Moves the due date of a report still owed (an office exception); the on-time flag of a filed one is recomputed. */
    void moveDueDate(LocalDate newDue) {
        this.dueOn = newDue;
        if (firstSubmittedAt != null && "PLATFORM".equals(channel)) {
            onTime = ReportCalendar.onTime(newDue, firstSubmittedAt);
        }
    }

    private static void requireContent(String content) {
        if (content == null || content.isBlank()) {
            throw ProblemException.badRequest("REPORT_CONTENT_REQUIRED", "请填写报送内容");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("CAMPAIGN_NOTE_REQUIRED", "请填写理由");
        }
    }

    private void move(ReportStatus to, ReportAction action, Actor actor, boolean onBehalf, Instant at, String reason) {
        transitions.add(step(status, to, action, actor, onBehalf, at, reason));
        status = to;
    }

    private static Transition step(ReportStatus from, ReportStatus to, ReportAction action, Actor actor, boolean onBehalf,
                                   Instant at, String reason) {
        return new Transition(from.name(), to.name(), action.name(), action.label(), actor.userId(), actor.name(),
                actor.role() == null ? null : actor.role().name(), onBehalf, at, reason);
    }

    public UUID id() {
        return id;
    }

    public ReportStatus status() {
        return status;
    }

    public ReportKind kind() {
        return kind;
    }

    public String period() {
        return period;
    }

    public Addressee addressee() {
        return addressee;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public Boolean onTime() {
        return onTime;
    }

    public int version() {
        return version;
    }
}
