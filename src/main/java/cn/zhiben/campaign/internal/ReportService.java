package cn.zhiben.campaign.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.platform.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reports: the addressee's drafting and filing (figures pre-filled from the platform's hazard data for its region and
 * industries), the city office's reading, return and acceptance, and its recording of reports that came on paper.
 */
@Service
public class ReportService {

    private final ReportRepository reports;
    private final ProgrammeRepository programmes;
    private final FiguresSource figures;
    private final EvidenceStore evidence;
    private final Uploads uploads;
    private final TransitionLog log;
    private final CampaignNames names;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final CampaignTime time;

    ReportService(ReportRepository reports, ProgrammeRepository programmes, FiguresSource figures, EvidenceStore evidence,
                  Uploads uploads, TransitionLog log, CampaignNames names, ApplicationEventPublisher events, AuditLog audit,
                  CampaignTime time) {
        this.reports = reports;
        this.programmes = programmes;
        this.figures = figures;
        this.evidence = evidence;
        this.uploads = uploads;
        this.log = log;
        this.names = names;
        this.events = events;
        this.audit = audit;
        this.time = time;
    }

    public record Detail(UUID id, UUID programmeId, String programmeTitle, ReportKind kind, String period,
                         String periodLabel, Addressee addressee, String addresseeName, LocalDate dueOn, ReportStatus status,
                         boolean late, String content, Figures platformFigures, Figures reportedFigures,
                         Figures currentFigures, LocalDate[] span, String channel, Instant firstSubmittedAt,
                         Instant submittedAt, String submittedBy, Boolean onTime, String reviewNote, Instant reviewedAt,
                         String reviewedBy, List<Transition> history, List<EvidenceStore.Attachment> attachments,
                         Set<ReportAction> actions, int version) {
    }

    public List<ReportRepository.Row> search(ReportRepository.Filter filter, int limit) {
        return reports.search(CurrentUser.require(), filter, Math.min(Math.max(limit, 1), 5000));
    }

    public Detail detail(UUID id) {
        CurrentUser user = CurrentUser.require();
        Report r = reports.find(id, user).orElseThrow(CampaignErrors::reportNotFound);
        Programme p = programmes.find(r.programmeId).orElseThrow();
        LocalDate[] span = span(r, p);
        LocalDate today = time.today();
        // what the form offers while the report is owed: the platform's figures as of now for the period so far
        Figures current = r.kind.figures() && r.status.open()
                ? figures.of(r.addressee, span[0], span[1].isAfter(today) ? today : span[1]).orElse(null) : null;
        return new Detail(r.id, r.programmeId, p.title(), r.kind, r.period, CalendarService.period(r), r.addressee,
                names.snapshot().addressee(r.addressee), r.dueOn, r.status, r.status.open() && today.isAfter(r.dueOn),
                r.content, r.platformFigures, r.reportedFigures, current, span, r.channel, r.firstSubmittedAt,
                r.submittedAt, r.submittedBy, r.onTime, r.reviewNote, r.reviewedAt, r.reviewedBy,
                log.list(ReportRepository.ENTITY, id, ReportAction.class), evidence.list(ReportRepository.ENTITY, id),
                r.actionsFor(Actor.of(user)), r.version);
    }

    static LocalDate[] span(Report r, Programme p) {
        LocalDate[] span = ReportCalendar.span(r.kind, r.period, r.dueOn);
        if (r.kind == ReportKind.EVALUATION_REPORT || r.kind == ReportKind.SUB_PLAN) {
            span[0] = p.startsOn();
        }
        return span;
    }

    @Transactional
    public void saveDraft(UUID id, Integer version, String content, Figures reported) {
        act(id, version, "draft", (r, a, now) -> r.saveDraft(a, now, content, reported));
    }

    @Transactional
    public void submit(UUID id, Integer version, String content, Figures reported) {
        act(id, version, "submit", (r, a, now) -> r.submit(a, now, content, reported, platformFigures(r)));
    }

    @Transactional
    public void recordReceived(UUID id, Integer version, LocalDate receivedOn, String note) {
        act(id, version, "record", (r, a, now) -> r.recordReceived(a, now, receivedOn, time.today(), note, platformFigures(r)));
    }

    @Transactional
    public void returnForRevision(UUID id, Integer version, String reason) {
        act(id, version, "return", (r, a, now) -> r.returnForRevision(a, now, reason));
    }

    @Transactional
    public void accept(UUID id, Integer version, String note) {
        act(id, version, "accept", (r, a, now) -> r.accept(a, now, note));
    }

    /** The figures of the report's period up to the moment of filing (a period still running is counted so far). */
    private Figures platformFigures(Report r) {
        if (!r.kind.figures()) {
            return null;
        }
        Programme p = programmes.find(r.programmeId).orElseThrow();
        LocalDate[] span = span(r, p);
        LocalDate today = time.today();
        return figures.of(r.addressee, span[0], span[1].isAfter(today) ? today : span[1]).orElse(null);
    }

    @Transactional
    public EvidenceStore.Attachment attach(UUID id, MultipartFile file) {
        Report r = reports.findForUpdate(id, CurrentUser.require()).orElseThrow(CampaignErrors::reportNotFound);
        return uploads.attach(ReportRepository.ENTITY, id, r, file, reports::save);
    }

    public TaskService.Download download(UUID attachmentId) {
        CurrentUser user = CurrentUser.require();
        return uploads.download(ReportRepository.ENTITY, attachmentId, owner -> reports.find(owner, user).isPresent());
    }

    private interface Verb {
        void run(Report r, Actor actor, Instant now);
    }

    private void act(UUID id, Integer version, String verb, Verb work) {
        CurrentUser user = CurrentUser.require();
        Report r = reports.findForUpdate(id, user).orElseThrow(CampaignErrors::reportNotFound);
        CampaignErrors.checkVersion(version, r.version());
        ReportStatus before = r.status();
        Instant now = time.now();
        work.run(r, Actor.of(user), now);
        reports.save(r, now);
        r.events.forEach(events::publishEvent);
        r.events.clear();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("verb", verb);
        summary.put("kind", r.kind().name());
        summary.put("period", r.period());
        summary.put("status", List.of(before.name(), r.status().name()));
        if (r.onTime() != null) {
            summary.put("onTime", r.onTime());
        }
        audit.record(AuditEntry.success(verb.equals("draft") ? AuditAction.UPDATE : AuditAction.TRANSITION,
                "campaign-report", id, summary));
    }
}
