package cn.zhiben.campaign.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What pages and the API show of the aggregates (plain records: the aggregates keep their state to themselves). */
public final class Views {

    private Views() {
    }

    public record ProgrammeView(UUID id, String code, String title, String documentNumber, LocalDate issuedOn,
                                LocalDate startsOn, LocalDate endsOn, LocalDate reportingFrom, ProgrammeStatus status,
                                String statusLabel, String source, UUID copiedFrom, int version) {
    }

    public static ProgrammeView of(Programme p) {
        return new ProgrammeView(p.id(), p.code(), p.title(), p.documentNumber(), p.issuedOn(), p.startsOn(), p.endsOn(),
                p.reportingFrom(), p.status(), p.status().label(), p.source(), p.copiedFrom(), p.version());
    }

    public record DispatchView(UUID id, UUID dispatchId, String number, DispatchKind kind, String kindLabel,
                               String senderName, String subject, String body, LocalDate dispatchDueOn, String refType,
                               UUID refId, Instant sentAt, String sentBy, UUID unitId, String regionCode,
                               String addresseeName, LocalDate dueOn, RecipientStatus status, String statusLabel,
                               String answer, Instant answeredAt, String answeredBy, Boolean onTime,
                               LocalDate escalatedFor, String closingNote, boolean overdue, int version) {
    }

    public static DispatchView of(DispatchItem d, CampaignNames.Snapshot n, LocalDate today) {
        DispatchItem.Header h = d.header();
        boolean overdue = d.status() == RecipientStatus.OVERDUE || (d.status().awaitingAnswer() && today.isAfter(d.dueOn()));
        return new DispatchView(d.id(), h.id(), h.number(), h.kind(), h.kind().label(), n.addressee(h.sender()), h.subject(),
                h.body(), h.dueOn(), h.refType(), h.refId(), h.sentAt(), h.sentBy(), d.addressee().unitId(),
                d.addressee().regionCode(), n.addressee(d.addressee()), d.dueOn(), d.status(), d.status().label(), d.answer(),
                d.answeredAt(), d.answeredBy(), d.onTime(), d.escalatedFor(), d.closingNote(), overdue, d.version());
    }

    public record SupervisionView(UUID id, String number, SupervisionKind kind, String kindLabel, String issuerName,
                                  UUID unitId, String regionCode, String targetName, String subject, String facts,
                                  LocalDate decidedOn, String documentNumber, boolean published, String refType, UUID refId,
                                  SupervisionStatus status, String statusLabel, boolean feedbackExpected, String feedback,
                                  Instant feedbackAt, String feedbackBy, String closingNote, Instant closedAt,
                                  String closedBy, int version) {
    }

    public static SupervisionView of(Supervision s, CampaignNames.Snapshot n) {
        return new SupervisionView(s.id(), s.number(), s.kind(), s.kind().label(), n.addressee(s.issuer()),
                s.target().unitId(), s.target().regionCode(), n.addressee(s.target()), s.subject(), s.facts(), s.decidedOn(),
                s.documentNumber(), s.published(), s.refType(), s.refId(), s.status(), s.status().label(),
                s.kind().feedbackExpected(), s.feedback(), s.feedbackAt(), s.feedbackBy(), s.closingNote(), s.closedAt(),
                s.closedBy(), s.version());
    }

    public record EvaluationView(UUID id, UUID programmeId, int year, String title, LocalDate selfDueOn,
                                 Evaluation.Status status, String statusLabel, List<Evaluation.Item> items,
                                 List<Evaluation.Result> results, int version) {
    }

    public static EvaluationView of(Evaluation e) {
        return new EvaluationView(e.id(), e.programmeId(), e.year(), e.title(), e.selfDueOn(), e.status(),
                e.status().label(), e.items(), e.results(), e.version());
    }

    public record PracticalView(UUID id, UUID programmeId, int year, String ownerRegion, String ownerName, String title,
                                String category, UUID responsibleUnitId, String responsibleUnit, LocalDate dueOn,
                                PracticalItem.Status status, String statusLabel, String result, LocalDate solvedOn,
                                boolean overdue, int version) {
    }

    public static PracticalView of(PracticalItem p, CampaignNames.Snapshot n, LocalDate today) {
        boolean open = p.status() == PracticalItem.Status.PLANNED || p.status() == PracticalItem.Status.IN_PROGRESS;
        return new PracticalView(p.id(), p.programmeId(), p.year(), p.ownerRegion(),
                p.ownerRegion() == null ? "市级" : n.region(p.ownerRegion()), p.title(), p.category(), p.responsibleUnitId(),
                p.responsibleUnitId() == null ? null : n.unit(p.responsibleUnitId()), p.dueOn(), p.status(),
                p.status().label(), p.result(), p.solvedOn(), open && today.isAfter(p.dueOn()), p.version());
    }
}
