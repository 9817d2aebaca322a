package cn.zhiben.campaign.internal;

import cn.zhiben.campaign.CampaignEvents;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cn.zhiben.campaign.internal.RecipientStatus.*;

/**
 * One addressee's copy of a dispatch or supervision letter (两级调度, 督办交办): the addressee answers by the due date;
 * the sending office accepts (办结) or returns the answer with a new date; the daily job escalates a copy not answered
 * by its date, once per date. Only the addressee may answer — another unit, even one that can see the dispatch, is
 * refused. {@link #actionsFor} is the one rule; every verb asks it.
 */
public class DispatchItem implements Attachable {

    /** The dispatch itself, as sent (immutable). */
    public record Header(UUID id, UUID programmeId, String number, DispatchKind kind, String senderRegion, String subject,
                         String body, LocalDate dueOn, String refType, UUID refId, Instant sentAt, String sentBy) {

        public Addressee sender() {
            return senderRegion == null ? Addressee.CITY_OFFICE : Addressee.countyOffice(senderRegion);
        }

        public String fromLevel() {
            return senderRegion == null ? "CITY" : "COUNTY";
        }
    }

    final Header header;
    final UUID id;
    final Addressee addressee;
    LocalDate dueOn;
    RecipientStatus status;
    String answer;
    Instant answeredAt;
    String answeredBy;
    Boolean onTime;
    LocalDate escalatedFor;
    String closingNote;
    int version;
    final List<Transition> transitions = new ArrayList<>();
    final List<Object> events = new ArrayList<>();

    DispatchItem(Header header, UUID id, Addressee addressee, LocalDate dueOn, RecipientStatus status, String answer,
                 Instant answeredAt, String answeredBy, Boolean onTime, LocalDate escalatedFor, String closingNote,
                 int version) {
        this.header = header;
        this.id = id;
        this.addressee = addressee;
        this.dueOn = dueOn;
        this.status = status;
        this.answer = answer;
        this.answeredAt = answeredAt;
        this.answeredBy = answeredBy;
        this.onTime = onTime;
        this.escalatedFor = escalatedFor;
        this.closingNote = closingNote;
        this.version = version;
    }

    /** Who may send to whom: the city office to any unit, county office or county department; a county office to its own departments. */
    static boolean maySend(CurrentUser user, Addressee to) {
        if (user == null || !user.ready()) {
            return false;
        }
        return switch (user.role()) {
            case CITY_OFFICE -> to.kind() != Addressee.Kind.CITY_OFFICE;
            case COUNTY_OFFICE -> to.kind() == Addressee.Kind.COUNTY_UNIT && to.regionCode().equals(user.scope().regionCode());
            default -> false;
        };
    }

    static boolean maySendAtAll(CurrentUser user) {
        return user != null && user.ready() && (user.role() == Role.CITY_OFFICE
                || (user.role() == Role.COUNTY_OFFICE && user.scope().regionCode() != null));
    }

    static DispatchItem sent(Header h, Addressee to, Actor actor) {
        DispatchItem d = new DispatchItem(h, UUID.randomUUID(), to, h.dueOn(), PENDING, null, null, null, null, null, null, 0);
        d.transitions.add(step(null, PENDING, DispatchAction.SEND, actor, h.sentAt(), h.kind().label() + " " + h.number()));
        d.events.add(new CampaignEvents.DispatchSent(h.id(), d.id, h.kind().name(), h.fromLevel(), to.unitId(),
                to.regionCode(), h.dueOn(), h.sentAt()));
        return d;
    }

    public Set<DispatchAction> actionsFor(Actor actor) {
        Set<DispatchAction> out = EnumSet.noneOf(DispatchAction.class);
        if (addressee.heldBy(actor.user()) && status.awaitingAnswer()) {
            out.add(DispatchAction.ANSWER);
            out.add(DispatchAction.ATTACH);
        }
        if (header.sender().heldBy(actor.user()) && status == ANSWERED) {
            out.add(DispatchAction.RETURN);
            out.add(DispatchAction.CLOSE);
        }
        return out;
    }

    private void require(Actor actor, DispatchAction action) {
        boolean answerer = action == DispatchAction.ANSWER || action == DispatchAction.ATTACH;
        if (answerer && !addressee.heldBy(actor.user())) {
            throw ProblemException.forbidden("DISPATCH_NOT_ADDRESSEE", "本调度事项不是发给您单位的，不能答复");
        }
        if (!answerer && !header.sender().heldBy(actor.user())) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "只有发出调度的安委办可以退回或办结");
        }
        if (!actionsFor(actor).contains(action)) {
            throw CampaignConflict.illegal("DISPATCH_ILLEGAL_TRANSITION", "调度事项", status.label(), action.label());
        }
    }

    void answer(Actor actor, Instant at, String text) {
        require(actor, DispatchAction.ANSWER);
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("DISPATCH_ANSWER_REQUIRED", "请填写答复内容");
        }
        boolean first = answeredAt == null;
        answer = text.strip();
        answeredAt = at;
        answeredBy = actor.name();
        if (first) {
            onTime = ReportCalendar.onTime(dueOn, at);
            events.add(new CampaignEvents.DispatchAnswered(header.id(), id, addressee.unitId(), addressee.regionCode(),
                    onTime, at));
        }
        move(ANSWERED, DispatchAction.ANSWER, actor, at, first ? (onTime ? "按期答复" : "逾期答复") : "重新答复");
    }

    void returnAnswer(Actor actor, Instant at, String reason, LocalDate newDue, LocalDate today) {
        require(actor, DispatchAction.RETURN);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("CAMPAIGN_NOTE_REQUIRED", "请填写退回理由");
        }
        if (newDue == null || newDue.isBefore(today)) {
            throw ProblemException.badRequest("DISPATCH_DUE_INVALID", "新的答复期限须不早于今天");
        }
        dueOn = newDue;
        move(RETURNED, DispatchAction.RETURN, actor, at, reason + "（重新答复期限 " + newDue + "）");
    }

    void close(Actor actor, Instant at, String note) {
        require(actor, DispatchAction.CLOSE);
        closingNote = note;
        move(CLOSED, DispatchAction.CLOSE, actor, at, note);
    }

    @Override
    public void attached(Actor actor, Instant at, String fileName) {
        transitions.add(step(status, status, DispatchAction.ATTACH, actor, at, fileName));
    }

    @Override
    public void requireAttach(Actor actor) {
        require(actor, DispatchAction.ATTACH);
    }

    /**
     * The daily job: not answered by the due date (the day after it, Asia/Shanghai) is escalated once per due date.
     * @return whether anything changed, so the job is idempotent
     */
    boolean markOverdue(Instant at, LocalDate today) {
        if (!(status == PENDING || status == RETURNED) || !today.isAfter(dueOn) || dueOn.equals(escalatedFor)) {
            return false;
        }
        escalatedFor = dueOn;
        move(OVERDUE, DispatchAction.MARK_OVERDUE, Actor.system(), at, "答复期限 " + dueOn + " 已过，升级督办");
        events.add(new CampaignEvents.DispatchOverdue(header.id(), id, addressee.unitId(), addressee.regionCode(), dueOn, at));
        return true;
    }

    private void move(RecipientStatus to, DispatchAction action, Actor actor, Instant at, String reason) {
        transitions.add(step(status, to, action, actor, at, reason));
        status = to;
    }

    private static Transition step(RecipientStatus from, RecipientStatus to, DispatchAction action, Actor actor, Instant at,
                                   String reason) {
        return new Transition(from == null ? null : from.name(), to.name(), action.name(), action.label(), actor.userId(),
                actor.name(), actor.role() == null ? null : actor.role().name(), false, at, reason);
    }

    public UUID id() {
        return id;
    }

    public Header header() {
        return header;
    }

    public Addressee addressee() {
        return addressee;
    }

    public RecipientStatus status() {
        return status;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public Boolean onTime() {
        return onTime;
    }

    public String answer() {
        return answer;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public String answeredBy() {
        return answeredBy;
    }

    public String closingNote() {
        return closingNote;
    }

    public LocalDate escalatedFor() {
        return escalatedFor;
    }

    public int version() {
        return version;
    }
}
