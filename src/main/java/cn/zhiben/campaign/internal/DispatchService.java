package cn.zhiben.campaign.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.campaign.CampaignProperties;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 两级调度 and 督办函: the city office (or a county office, to its own departments) sends a question or a supervision
 * letter with a due date to one or more addressees; each answers its own copy; the sender closes or returns the
 * answer; the daily job escalates copies not answered in time. Events go to analytics (安委会两级调度).
 */
@Service
public class DispatchService {

    private final DispatchRepository dispatches;
    private final RefResolver refs;
    private final UnitCatalog units;
    private final CampaignNames names;
    private final CampaignNotices notices;
    private final EvidenceStore evidence;
    private final Uploads uploads;
    private final TransitionLog log;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final CampaignProperties properties;
    private final CampaignTime time;
    private final TransactionTemplate perItem;

    DispatchService(DispatchRepository dispatches, RefResolver refs, UnitCatalog units, CampaignNames names,
                    CampaignNotices notices, EvidenceStore evidence, Uploads uploads, TransitionLog log,
                    ApplicationEventPublisher events, AuditLog audit, CampaignProperties properties, CampaignTime time,
                    PlatformTransactionManager transactions) {
        this.perItem = new TransactionTemplate(transactions);
        this.dispatches = dispatches;
        this.refs = refs;
        this.units = units;
        this.names = names;
        this.notices = notices;
        this.evidence = evidence;
        this.uploads = uploads;
        this.log = log;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.time = time;
    }

    public record SendInput(UUID programmeId, DispatchKind kind, String subject, String body, LocalDate dueOn,
                            List<Addressee> to, String refType, UUID refId) {
    }

    public record Sent(UUID dispatchId, String number, List<UUID> recipientIds) {
    }

    public static boolean maySend(CurrentUser user) {
        return DispatchItem.maySendAtAll(user);
    }

    public static boolean maySend(CurrentUser user, Addressee to) {
        return DispatchItem.maySend(user, to);
    }

    @Transactional
    public Sent send(SendInput in) {
        CurrentUser user = CurrentUser.require();
        if (!DispatchItem.maySendAtAll(user)) {
            throw CampaignErrors.forbidden("调度和督办函由市、县两级安委办发出");
        }
        DispatchKind kind = in.kind() == null ? DispatchKind.DISPATCH : in.kind();
        String subject = CampaignErrors.require(in.subject(), "DISPATCH_SUBJECT_REQUIRED", "请填写标题");
        String body = CampaignErrors.require(in.body(), "DISPATCH_BODY_REQUIRED", "请填写调度内容");
        LocalDate today = time.today();
        LocalDate due = in.dueOn() == null ? today.plusDays(properties.dispatchDaysDefault()) : in.dueOn();
        if (due.isBefore(today)) {
            throw ProblemException.badRequest("DISPATCH_DUE_INVALID", "答复期限不能早于今天");
        }
        if (in.to() == null || in.to().isEmpty()) {
            throw ProblemException.badRequest("DISPATCH_ADDRESSEES_REQUIRED", "请选择调度对象");
        }
        Set<Addressee> to = new LinkedHashSet<>(in.to());
        for (Addressee a : to) {
            validAddressee(a);
            if (!DispatchItem.maySend(user, a)) {
                throw CampaignErrors.forbidden(user.role() == cn.zhiben.platform.security.Role.COUNTY_OFFICE
                        ? "县级安委办只能向本县（市、区）部门发出调度" : "不能向该对象发出调度");
            }
        }
        if ((in.refType() == null) != (in.refId() == null)) {
            throw ProblemException.badRequest("DISPATCH_REF_INVALID", "关联事项须同时给出类型和编号");
        }
        if (in.refType() != null) {
            refs.requireVisible(in.refType(), in.refId(), user);
        }
        Addressee sender = Addressee.of(user).orElseThrow();
        String prefix = names.snapshot().addressee(sender) + kind.numberMark();
        Instant now = time.now();
        DispatchItem.Header h = new DispatchItem.Header(UUID.randomUUID(), in.programmeId(),
                dispatches.nextNumber(prefix, today.getYear()), kind, sender.regionCode(), subject, body, due, in.refType(),
                in.refId(), now, user.displayName());
        dispatches.insert(h, user.id());
        Actor actor = Actor.of(user);
        List<UUID> ids = new ArrayList<>();
        for (Addressee a : to) {
            DispatchItem d = DispatchItem.sent(h, a, actor);
            dispatches.insert(d, now);
            d.events.forEach(events::publishEvent);
            ids.add(d.id());
            String category = kind == DispatchKind.SUPERVISION_LETTER ? "CAMPAIGN_SUPERVISION" : "CAMPAIGN_DISPATCH";
            String title = kind.label() + "：" + subject;
            String text = h.number() + "，请于 " + due + " 前在平台答复。";
            if (kind == DispatchKind.SUPERVISION_LETTER) {
                notices.inboxAndSms(Set.of(a), category, title, text, "/campaign/dispatches/" + d.id(), "cmp-dispatch:" + d.id());
            } else {
                notices.inbox(Set.of(a), category, title, text, "/campaign/dispatches/" + d.id(), "cmp-dispatch:" + d.id());
            }
        }
        audit.record(AuditEntry.success(AuditAction.CREATE, "campaign-dispatch", h.id(), Map.of("number", h.number(),
                "kind", kind.name(), "addressees", to.size(), "dueOn", due.toString())));
        return new Sent(h.id(), h.number(), ids);
    }

    private void validAddressee(Addressee a) {
        if (a.unitId() != null && units.find(a.unitId()).isEmpty()) {
            throw ProblemException.badRequest("UNIT_NOT_FOUND", "成员单位不存在");
        }
        if (a.regionCode() != null && names.counties().stream().noneMatch(c -> c.code().equals(a.regionCode()))) {
            throw ProblemException.badRequest("REGION_NOT_COUNTY", "调度对象须为县（市、区）或其部门");
        }
    }

    public record Detail(Views.DispatchView dispatch, List<Transition> history, List<EvidenceStore.Attachment> attachments,
                         Set<DispatchAction> actions, List<Views.DispatchView> siblings, RefResolver.Ref ref,
                         boolean sentByMe) {
    }

    public List<Views.DispatchView> search(DispatchRepository.Filter f, int limit) {
        CampaignNames.Snapshot n = names.snapshot();
        LocalDate today = time.today();
        return dispatches.search(CurrentUser.require(), f, Math.min(Math.max(limit, 1), 2000)).stream()
                .map(r -> Views.of(r.item(), n, today)).toList();
    }

    public Detail detail(UUID recipientId) {
        CurrentUser user = CurrentUser.require();
        DispatchRepository.Row row = dispatches.find(recipientId, user).orElseThrow(CampaignErrors::dispatchNotFound);
        DispatchItem d = row.item();
        CampaignNames.Snapshot n = names.snapshot();
        // the sender sees how every addressee of the same dispatch is doing
        List<DispatchRepository.Row> siblings = d.header().sender().heldBy(user) || CampaignScope.covers(user, d.header().sender())
                ? dispatches.search(user, new DispatchRepository.Filter(null, null, null, null, DispatchRepository.Box.ALL,
                d.header().id(), time.today()), 500) : List.of();
        LocalDate today = time.today();
        return new Detail(Views.of(d, n, today), log.list(DispatchRepository.ENTITY, recipientId, DispatchAction.class),
                evidence.list(DispatchRepository.ENTITY, recipientId), d.actionsFor(Actor.of(user)),
                siblings.stream().map(r -> Views.of(r.item(), n, today)).toList(),
                d.header().refType() == null ? null : refs.describe(d.header().refType(), d.header().refId(), user),
                d.header().sender().heldBy(user));
    }

    @Transactional
    public void answer(UUID recipientId, Integer version, String text) {
        act(recipientId, version, "answer", (d, a, now) -> d.answer(a, now, text));
    }

    @Transactional
    public void returnAnswer(UUID recipientId, Integer version, String reason, LocalDate newDue) {
        act(recipientId, version, "return", (d, a, now) -> {
            d.returnAnswer(a, now, reason, newDue, time.today());
            notices.inbox(Set.of(d.addressee()), "CAMPAIGN_DISPATCH", "答复被退回：" + d.header().subject(),
                    reason + "。请于 " + newDue + " 前重新答复。", "/campaign/dispatches/" + d.id(),
                    "cmp-dispatch-return:" + d.id() + ":" + newDue);
        });
    }

    @Transactional
    public void close(UUID recipientId, Integer version, String note) {
        act(recipientId, version, "close", (d, a, now) -> d.close(a, now, note));
    }

    @Transactional
    public EvidenceStore.Attachment attach(UUID recipientId, MultipartFile file) {
        DispatchItem d = dispatches.findForUpdate(recipientId, CurrentUser.require()).orElseThrow(CampaignErrors::dispatchNotFound);
        return uploads.attach(DispatchRepository.ENTITY, recipientId, d, file, dispatches::save);
    }

    public TaskService.Download download(UUID attachmentId) {
        CurrentUser user = CurrentUser.require();
        return uploads.download(DispatchRepository.ENTITY, attachmentId, owner -> dispatches.find(owner, user).isPresent());
    }

    /**
     * Escalates every copy not answered by its due date, once per due date, each copy in its own transaction (a copy
     * that fails is rolled back alone and logged, the others stay escalated; the run then fails so the job ledger shows
     * it). Idempotent: a copy remembers the due date it was escalated for. Called by the daily {@link CampaignJobs}.
     */
    public int markOverdue(LocalDate today) {
        Instant now = time.now();
        CampaignNames.Snapshot n = names.snapshot();
        int marked = 0;
        int failed = 0;
        for (UUID id : dispatches.overdueCandidates(today)) {
            try {
                if (Boolean.TRUE.equals(perItem.execute(s -> markOverdue(id, today, now, n)))) {
                    marked++;
                }
            } catch (RuntimeException e) {
                failed++;
                org.slf4j.LoggerFactory.getLogger(DispatchService.class).error("dispatch copy {} could not be escalated", id, e);
            }
        }
        if (marked > 0) {
            int m = marked;
            perItem.executeWithoutResult(s -> audit.record(AuditEntry.success(AuditAction.TRANSITION, "campaign-dispatch", null,
                    Map.of("job", "overdue", "marked", m)).by(new AuditEntry.Actor(null, "system", null, null))));
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " dispatch copies could not be escalated (" + marked + " were); see the log");
        }
        return marked;
    }

    private boolean markOverdue(UUID id, LocalDate today, Instant now, CampaignNames.Snapshot n) {
        DispatchItem d = dispatches.findUnscopedForUpdate(id).orElse(null);
        if (d == null || !d.markOverdue(now, today)) {
            return false;
        }
        dispatches.save(d, now);
        d.events.forEach(events::publishEvent);
        d.events.clear();
        String key = "cmp-dispatch-overdue:" + d.id() + ":" + d.dueOn();
        String title = "逾期未答复：" + d.header().subject();
        String link = "/campaign/dispatches/" + d.id();
        notices.inboxAndSms(Set.of(d.addressee()), "CAMPAIGN_DISPATCH_OVERDUE", title,
                d.header().number() + " 答复期限 " + d.dueOn() + " 已过，已升级督办，请立即答复。", link, key);
        Set<Addressee> above = new LinkedHashSet<>();
        above.add(d.header().sender());
        above.add(Addressee.CITY_OFFICE);
        notices.inbox(above, "CAMPAIGN_DISPATCH_OVERDUE", title, n.addressee(d.addressee()) + " 未在 " + d.dueOn()
                + " 前答复 " + d.header().number() + "。", link, key);
        return true;
    }

    private interface Verb {
        void run(DispatchItem d, Actor actor, Instant now);
    }

    private void act(UUID id, Integer version, String verb, Verb work) {
        CurrentUser user = CurrentUser.require();
        DispatchItem d = dispatches.findForUpdate(id, user).orElseThrow(CampaignErrors::dispatchNotFound);
        CampaignErrors.checkVersion(version, d.version());
        RecipientStatus before = d.status();
        Instant now = time.now();
        work.run(d, Actor.of(user), now);
        dispatches.save(d, now);
        d.events.forEach(events::publishEvent);
        d.events.clear();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("verb", verb);
        summary.put("number", d.header().number());
        summary.put("status", List.of(before.name(), d.status().name()));
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "campaign-dispatch", id, summary));
    }
}
