package cn.zhiben.campaign.internal;

import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cn.zhiben.campaign.internal.ProgrammeStatus.*;

/**
 * A programme (the 2024–2026 plan, or a later year's copy): its structure is edited and its mapping checked by the city
 * office while DRAFT, frozen once ACTIVE (tasks are derived from it then; a change is a new programme copied from it).
 * {@link #actionsFor} is the one rule of who may do what now; every verb asks it.
 */
public class Programme {

    final UUID id;
    final String code;
    String title;
    final String documentNumber;
    final LocalDate issuedOn;
    LocalDate startsOn;
    LocalDate endsOn;
    LocalDate reportingFrom;
    ProgrammeStatus status;
    final String source;
    final UUID copiedFrom;
    Instant activatedAt;
    int version;
    final List<Transition> transitions = new ArrayList<>();

    Programme(UUID id, String code, String title, String documentNumber, LocalDate issuedOn, LocalDate startsOn,
              LocalDate endsOn, LocalDate reportingFrom, ProgrammeStatus status, String source, UUID copiedFrom,
              Instant activatedAt, int version) {
        this.id = id;
        this.code = code;
        this.title = title;
        this.documentNumber = documentNumber;
        this.issuedOn = issuedOn;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.reportingFrom = reportingFrom;
        this.status = status;
        this.source = source;
        this.copiedFrom = copiedFrom;
        this.activatedAt = activatedAt;
        this.version = version;
    }

    /** Only the city office (市安委办, which runs 挂图作战 for the leading group) manages programmes. */
    public Set<ProgrammeAction> actionsFor(Actor actor) {
        Set<ProgrammeAction> out = EnumSet.noneOf(ProgrammeAction.class);
        if (actor.role() != Role.CITY_OFFICE) {
            return out;
        }
        out.add(ProgrammeAction.COPY);
        switch (status) {
            case DRAFT -> out.addAll(List.of(ProgrammeAction.EDIT, ProgrammeAction.CHECK_MEASURE, ProgrammeAction.ACTIVATE,
                    ProgrammeAction.EDIT_PARTIES, ProgrammeAction.SET_DUE_EXCEPTION));
            case ACTIVE -> out.addAll(List.of(ProgrammeAction.CLOSE, ProgrammeAction.EDIT_PARTIES,
                    ProgrammeAction.SET_DUE_EXCEPTION));
            case CLOSED -> {
            }
        }
        return out;
    }

    void require(Actor actor, ProgrammeAction action) {
        if (actor.role() != Role.CITY_OFFICE) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "方案由市安委办管理");
        }
        if (!actionsFor(actor).contains(action)) {
            throw CampaignConflict.illegal("PROGRAMME_ILLEGAL_TRANSITION", "方案", status.label(), action.label());
        }
    }

    void activate(Actor actor, Instant at, long uncheckedMeasures) {
        require(actor, ProgrammeAction.ACTIVATE);
        if (uncheckedMeasures > 0) {
            throw new CampaignConflict("PROGRAMME_MAPPING_UNCHECKED",
                    "还有 " + uncheckedMeasures + " 项措施的责任分工未经核对，核对后才能启用");
        }
        move(ACTIVE, ProgrammeAction.ACTIVATE, actor, at, null);
        activatedAt = at;
    }

    void close(Actor actor, Instant at, String reason) {
        require(actor, ProgrammeAction.CLOSE);
        move(CLOSED, ProgrammeAction.CLOSE, actor, at, reason);
    }

    void reschedule(Actor actor, Instant at, String title, LocalDate startsOn, LocalDate endsOn, LocalDate reportingFrom) {
        require(actor, ProgrammeAction.EDIT);
        validDates(startsOn, endsOn, reportingFrom);
        this.title = title;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.reportingFrom = reportingFrom;
        transitions.add(step(status, status, ProgrammeAction.EDIT, actor, at,
                "实施期 " + startsOn + " 至 " + endsOn + "，平台报送自 " + reportingFrom));
    }

    static void validDates(LocalDate startsOn, LocalDate endsOn, LocalDate reportingFrom) {
        if (endsOn.isBefore(startsOn)) {
            throw ProblemException.badRequest("PROGRAMME_DATES_INVALID", "结束日期不能早于开始日期");
        }
        if (reportingFrom.isBefore(startsOn) || reportingFrom.isAfter(endsOn)) {
            throw ProblemException.badRequest("PROGRAMME_DATES_INVALID", "平台报送起始日须在实施期内");
        }
    }

    /** A note in the history for a step that does not change the status (a check, an edit). */
    void noted(ProgrammeAction action, Actor actor, Instant at, String reason) {
        transitions.add(step(status, status, action, actor, at, reason));
    }

    private void move(ProgrammeStatus to, ProgrammeAction action, Actor actor, Instant at, String reason) {
        transitions.add(step(status, to, action, actor, at, reason));
        status = to;
    }

    private static Transition step(ProgrammeStatus from, ProgrammeStatus to, ProgrammeAction action, Actor actor,
                                   Instant at, String reason) {
        return new Transition(from == null ? null : from.name(), to.name(), action.name(), action.label(),
                actor.userId(), actor.name(), actor.role() == null ? null : actor.role().name(), false, at, reason);
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public ProgrammeStatus status() {
        return status;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public LocalDate reportingFrom() {
        return reportingFrom;
    }

    public String documentNumber() {
        return documentNumber;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public String source() {
        return source;
    }

    public UUID copiedFrom() {
        return copiedFrom;
    }

    public int version() {
        return version;
    }
}
