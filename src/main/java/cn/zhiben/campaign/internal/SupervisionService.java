package cn.zhiben.campaign.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
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

/** 督办交办 records: issued by the city office (or a county office for its departments), answered, closed. */
@Service
public class SupervisionService {

    private final SupervisionRepository records;
    private final DispatchRepository numbers;
    private final RefResolver refs;
    private final UnitCatalog units;
    private final CampaignNames names;
    private final CampaignNotices notices;
    private final EvidenceStore evidence;
    private final Uploads uploads;
    private final TransitionLog log;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final CampaignTime time;

    SupervisionService(SupervisionRepository records, DispatchRepository numbers, RefResolver refs, UnitCatalog units,
                       CampaignNames names, CampaignNotices notices, EvidenceStore evidence, Uploads uploads,
                       TransitionLog log, ApplicationEventPublisher events, AuditLog audit, CampaignTime time) {
        this.records = records;
        this.numbers = numbers;
        this.refs = refs;
        this.units = units;
        this.names = names;
        this.notices = notices;
        this.evidence = evidence;
        this.uploads = uploads;
        this.log = log;
        this.events = events;
        this.audit = audit;
        this.time = time;
    }

    public record IssueInput(UUID programmeId, SupervisionKind kind, Addressee target, String subject, String facts,
                             LocalDate decidedOn, String documentNumber, boolean published, String refType, UUID refId) {
    }

    public static boolean mayIssue(CurrentUser user) {
        return DispatchItem.maySendAtAll(user);
    }

    @Transactional
    public UUID issue(IssueInput in) {
        CurrentUser user = CurrentUser.require();
        if (!DispatchItem.maySendAtAll(user)) {
            throw CampaignErrors.forbidden("督办记录由市、县两级安委办下达");
        }
        if (in.kind() == null) {
            throw ProblemException.badRequest("SUPERVISION_KIND_REQUIRED", "请选择督办方式");
        }
        if (in.target() == null) {
            throw ProblemException.badRequest("SUPERVISION_TARGET_REQUIRED", "请选择督办对象");
        }
        if (in.target().unitId() != null && units.find(in.target().unitId()).isEmpty()) {
            throw ProblemException.badRequest("UNIT_NOT_FOUND", "成员单位不存在");
        }
        if (in.target().regionCode() != null && names.counties().stream().noneMatch(c -> c.code().equals(in.target().regionCode()))) {
            throw ProblemException.badRequest("REGION_NOT_COUNTY", "督办对象须为县（市、区）或其部门");
        }
        if (!DispatchItem.maySend(user, in.target())) {
            throw CampaignErrors.forbidden("不能对该对象下达督办");
        }
        String subject = CampaignErrors.require(in.subject(), "SUPERVISION_SUBJECT_REQUIRED", "请填写事由");
        String facts = CampaignErrors.require(in.facts(), "SUPERVISION_FACTS_REQUIRED", "请填写具体情况");
        LocalDate today = time.today();
        LocalDate decided = in.decidedOn() == null ? today : in.decidedOn();
        if (decided.isAfter(today)) {
            throw ProblemException.badRequest("SUPERVISION_DATE_INVALID", "决定日期不能晚于今天");
        }
        if ((in.refType() == null) != (in.refId() == null)) {
            throw ProblemException.badRequest("DISPATCH_REF_INVALID", "关联事项须同时给出类型和编号");
        }
        if (in.refType() != null) {
            refs.requireVisible(in.refType(), in.refId(), user);
        }
        Addressee issuer = Addressee.of(user).orElseThrow();
        String number = numbers.nextNumber(names.snapshot().addressee(issuer) + in.kind().numberMark(), decided.getYear());
        Instant now = time.now();
        Supervision s = Supervision.issued(in.programmeId(), number, in.kind(), issuer, in.target(), subject, facts, decided,
                in.documentNumber() == null || in.documentNumber().isBlank() ? null : in.documentNumber().strip(),
                in.published(), in.refType(), in.refId(), Actor.of(user), now);
        records.insert(s, now, user.displayName());
        s.events.forEach(events::publishEvent);
        notices.inboxAndSms(Set.of(in.target()), "CAMPAIGN_SUPERVISION", in.kind().label() + "：" + subject,
                number + (in.kind().feedbackExpected() ? "，请在平台反馈整改情况。" : "。"), "/campaign/supervision/" + s.id(),
                "cmp-supervision:" + s.id());
        audit.record(AuditEntry.success(AuditAction.CREATE, "campaign-supervision", s.id(), Map.of("number", number,
                "kind", in.kind().name(), "public", in.published())));
        return s.id();
    }

    public record Detail(Views.SupervisionView record, List<Transition> history, List<EvidenceStore.Attachment> attachments,
                         Set<SupervisionAction> actions, RefResolver.Ref ref) {
    }

    public List<Views.SupervisionView> search(SupervisionRepository.Filter f, int limit) {
        CampaignNames.Snapshot n = names.snapshot();
        return records.search(CurrentUser.require(), f, Math.min(Math.max(limit, 1), 1000)).stream()
                .map(s -> Views.of(s, n)).toList();
    }

    public Detail detail(UUID id) {
        CurrentUser user = CurrentUser.require();
        Supervision s = records.find(id, user).orElseThrow(CampaignErrors::supervisionNotFound);
        CampaignNames.Snapshot n = names.snapshot();
        return new Detail(Views.of(s, n), log.list(SupervisionRepository.ENTITY, id, SupervisionAction.class),
                evidence.list(SupervisionRepository.ENTITY, id), s.actionsFor(Actor.of(user)),
                s.refType() == null ? null : refs.describe(s.refType(), s.refId(), user));
    }

    @Transactional
    public void feedback(UUID id, Integer version, String text) {
        act(id, version, "feedback", (s, a, now) -> s.feedback(a, now, text));
    }

    @Transactional
    public void close(UUID id, Integer version, String note) {
        act(id, version, "close", (s, a, now) -> s.close(a, now, note));
    }

    @Transactional
    public EvidenceStore.Attachment attach(UUID id, MultipartFile file) {
        Supervision s = records.findForUpdate(id, CurrentUser.require()).orElseThrow(CampaignErrors::supervisionNotFound);
        return uploads.attach(SupervisionRepository.ENTITY, id, s, file, records::save);
    }

    public TaskService.Download download(UUID attachmentId) {
        CurrentUser user = CurrentUser.require();
        return uploads.download(SupervisionRepository.ENTITY, attachmentId, owner -> records.find(owner, user).isPresent());
    }

    private interface Verb {
        void run(Supervision s, Actor actor, Instant now);
    }

    private void act(UUID id, Integer version, String verb, Verb work) {
        CurrentUser user = CurrentUser.require();
        Supervision s = records.findForUpdate(id, user).orElseThrow(CampaignErrors::supervisionNotFound);
        CampaignErrors.checkVersion(version, s.version());
        SupervisionStatus before = s.status();
        Instant now = time.now();
        work.run(s, Actor.of(user), now);
        records.save(s, now);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("verb", verb);
        summary.put("number", s.number());
        summary.put("status", List.of(before.name(), s.status().name()));
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "campaign-supervision", id, summary));
    }
}
