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

import static cn.zhiben.campaign.internal.SupervisionStatus.*;

/**
 * A record of 督办交办 — 函告, 通报, 约谈, 曝光, a transfer, or a commendation — with its documents, what it is about
 * (一追溯), whether it is published (三公开), the target's rectification feedback and the issuer's closing (一闭环).
 */
public class Supervision implements Attachable {

    final UUID id;
    final UUID programmeId;
    final String number;
    final SupervisionKind kind;
    final String issuerRegion;
    final Addressee target;
    final String subject;
    final String facts;
    final LocalDate decidedOn;
    final String documentNumber;
    final boolean published;
    final String refType;
    final UUID refId;
    SupervisionStatus status;
    String feedback;
    Instant feedbackAt;
    String feedbackBy;
    String closingNote;
    Instant closedAt;
    String closedBy;
    int version;
    final List<Transition> transitions = new ArrayList<>();
    final List<Object> events = new ArrayList<>();

    Supervision(UUID id, UUID programmeId, String number, SupervisionKind kind, String issuerRegion, Addressee target,
                String subject, String facts, LocalDate decidedOn, String documentNumber, boolean published,
                String refType, UUID refId, SupervisionStatus status, int version) {
        this.id = id;
        this.programmeId = programmeId;
        this.number = number;
        this.kind = kind;
        this.issuerRegion = issuerRegion;
        this.target = target;
        this.subject = subject;
        this.facts = facts;
        this.decidedOn = decidedOn;
        this.documentNumber = documentNumber;
        this.published = published;
        this.refType = refType;
        this.refId = refId;
        this.status = status;
        this.version = version;
    }

    static Supervision issued(UUID programmeId, String number, SupervisionKind kind, Addressee issuer, Addressee target,
                              String subject, String facts, LocalDate decidedOn, String documentNumber, boolean published,
                              String refType, UUID refId, Actor actor, Instant at) {
        Supervision s = new Supervision(UUID.randomUUID(), programmeId, number, kind, issuer.regionCode(), target, subject,
                facts, decidedOn, documentNumber, published, refType, refId, ISSUED, 0);
        s.transitions.add(step(null, ISSUED, SupervisionAction.ISSUE, actor, at, kind.label() + " " + number));
        s.events.add(new CampaignEvents.SupervisionRecorded(s.id, kind.name(), issuer.regionCode() == null ? "CITY" : "COUNTY",
                target.unitId(), target.regionCode(), decidedOn, published, at));
        return s;
    }

    public Addressee issuer() {
        return issuerRegion == null ? Addressee.CITY_OFFICE : Addressee.countyOffice(issuerRegion);
    }

    public Set<SupervisionAction> actionsFor(Actor actor) {
        Set<SupervisionAction> out = EnumSet.noneOf(SupervisionAction.class);
        if (status == CLOSED) {
            return out;
        }
        boolean targeted = target.heldBy(actor.user());
        boolean issuing = issuer().heldBy(actor.user());
        if (targeted && status == ISSUED && kind.feedbackExpected()) {
            out.add(SupervisionAction.FEEDBACK);
        }
        if (issuing) {
            out.add(SupervisionAction.CLOSE);
        }
        if (targeted || issuing) {
            out.add(SupervisionAction.ATTACH);
        }
        return out;
    }

    private void require(Actor actor, SupervisionAction action) {
        boolean targeted = target.heldBy(actor.user());
        boolean issuing = issuer().heldBy(actor.user());
        if ((action == SupervisionAction.FEEDBACK && !targeted) || (action == SupervisionAction.CLOSE && !issuing)
                || (!targeted && !issuing)) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN",
                    action == SupervisionAction.FEEDBACK ? "只有被督办单位可以反馈整改情况" : "只有下达的安委办可以办结");
        }
        if (!actionsFor(actor).contains(action)) {
            throw CampaignConflict.illegal("SUPERVISION_ILLEGAL_TRANSITION", "督办记录", status.label(), action.label());
        }
    }

    void feedback(Actor actor, Instant at, String text) {
        require(actor, SupervisionAction.FEEDBACK);
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("CAMPAIGN_NOTE_REQUIRED", "请填写整改情况");
        }
        feedback = text.strip();
        feedbackAt = at;
        feedbackBy = actor.name();
        move(FEEDBACK_GIVEN, SupervisionAction.FEEDBACK, actor, at, null);
    }

    void close(Actor actor, Instant at, String note) {
        require(actor, SupervisionAction.CLOSE);
        if (note == null || note.isBlank()) {
            throw ProblemException.badRequest("CAMPAIGN_NOTE_REQUIRED", "请填写办结意见");
        }
        closingNote = note.strip();
        closedAt = at;
        closedBy = actor.name();
        move(CLOSED, SupervisionAction.CLOSE, actor, at, closingNote);
    }

    @Override
    public void requireAttach(Actor actor) {
        require(actor, SupervisionAction.ATTACH);
    }

    @Override
    public void attached(Actor actor, Instant at, String fileName) {
        transitions.add(step(status, status, SupervisionAction.ATTACH, actor, at, fileName));
    }

    private void move(SupervisionStatus to, SupervisionAction action, Actor actor, Instant at, String reason) {
        transitions.add(step(status, to, action, actor, at, reason));
        status = to;
    }

    private static Transition step(SupervisionStatus from, SupervisionStatus to, SupervisionAction action, Actor actor,
                                   Instant at, String reason) {
        return new Transition(from == null ? null : from.name(), to.name(), action.name(), action.label(), actor.userId(),
                actor.name(), actor.role() == null ? null : actor.role().name(), false, at, reason);
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public SupervisionKind kind() {
        return kind;
    }

    public Addressee target() {
        return target;
    }

    public String subject() {
        return subject;
    }

    public String facts() {
        return facts;
    }

    public LocalDate decidedOn() {
        return decidedOn;
    }

    public String documentNumber() {
        return documentNumber;
    }

    public boolean published() {
        return published;
    }

    public String refType() {
        return refType;
    }

    public UUID refId() {
        return refId;
    }

    public SupervisionStatus status() {
        return status;
    }

    public String feedback() {
        return feedback;
    }

    public Instant feedbackAt() {
        return feedbackAt;
    }

    public String feedbackBy() {
        return feedbackBy;
    }

    public String closingNote() {
        return closingNote;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closedBy() {
        return closedBy;
    }

    public UUID programmeId() {
        return programmeId;
    }

    public int version() {
        return version;
    }
}
