package cn.zhiben.campaign.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Unit tasks: finds the task inside the caller's scope (404 otherwise), lets the task say whether the caller may take
 * the step now, saves with the version the caller saw, keeps the history and audits — in one transaction.
 */
@Service
public class TaskService {

    private final TaskRepository tasks;
    private final ProgrammeRepository programmes;
    private final EvidenceStore evidence;
    private final Uploads uploads;
    private final TransitionLog log;
    private final UnitCatalog units;
    private final CampaignNames names;
    private final AuditLog audit;
    private final CampaignTime time;
    private final org.springframework.context.ApplicationEventPublisher events;

    TaskService(TaskRepository tasks, ProgrammeRepository programmes, EvidenceStore evidence, Uploads uploads,
                TransitionLog log, UnitCatalog units, CampaignNames names, AuditLog audit, CampaignTime time,
                org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.tasks = tasks;
        this.programmes = programmes;
        this.evidence = evidence;
        this.uploads = uploads;
        this.log = log;
        this.units = units;
        this.names = names;
        this.audit = audit;
        this.time = time;
    }

    public record Detail(TaskRepository.Row task, String addresseeName, ProgrammeRepository.MeasureView measure,
                         List<Transition> history, List<EvidenceStore.Attachment> attachments, Set<TaskAction> actions,
                         List<TaskRepository.Row> children, boolean overdue) {
    }

    public List<TaskRepository.Row> search(TaskRepository.Filter filter, int limit) {
        return tasks.search(CurrentUser.require(), filter, Math.min(Math.max(limit, 1), 2000));
    }

    public Detail detail(UUID id) {
        CurrentUser user = CurrentUser.require();
        TaskRepository.Row row = tasks.row(id, user).orElseThrow(CampaignErrors::taskNotFound);
        Task aggregate = tasks.findForUpdate(id, user).orElseThrow(CampaignErrors::taskNotFound);
        List<TaskRepository.Row> children = tasks.search(user, new TaskRepository.Filter(row.programmeId(), row.measureId(),
                null, null, null, row.addressee().regionCode(), time.today()), 200).stream()
                .filter(c -> id.equals(c.parentId())).toList();
        return new Detail(row, names.snapshot().addressee(row.addressee()), programmes.measure(row.measureId()).orElseThrow(),
                log.list(TaskRepository.ENTITY, id, TaskAction.class), evidence.list(TaskRepository.ENTITY, id),
                aggregate.actionsFor(Actor.of(user)), children, row.overdue(time.today()));
    }

    @Transactional
    public void start(UUID id, Integer version, String note) {
        act(id, version, "start", (t, a, now) -> t.start(a, now, note));
    }

    @Transactional
    public void progress(UUID id, Integer version, String note, Integer percent) {
        act(id, version, "progress", (t, a, now) -> t.progress(a, now, note, percent));
    }

    @Transactional
    public void complete(UUID id, Integer version, String note, LocalDate completedOn) {
        LocalDate today = time.today();
        act(id, version, "complete", (t, a, now) -> t.complete(a, now, note, completedOn == null ? today : completedOn, today));
        TaskRepository.Row r = tasks.row(id, CurrentUser.require()).orElseThrow();
        events.publishEvent(new cn.zhiben.campaign.CampaignEvents.TaskCompleted(id, r.programmeId(), r.measureNo(),
                r.addressee().unitId(), r.addressee().regionCode(), r.dueOn(), r.completedOn(),
                !r.completedOn().isAfter(r.dueOn()), time.now()));
    }

    @Transactional
    public void reopen(UUID id, Integer version, String reason) {
        act(id, version, "reopen", (t, a, now) -> t.reopen(a, now, reason));
    }

    /** A county office breaks its task down to departments of its county (each gets its own task, due the same day). */
    @Transactional
    public List<UUID> delegate(UUID id, Integer version, List<UUID> unitIds) {
        if (unitIds == null || unitIds.isEmpty()) {
            throw ProblemException.badRequest("DELEGATE_UNITS_REQUIRED", "请选择要分解到的县级部门");
        }
        List<UUID> made = new ArrayList<>();
        act(id, version, "delegate", (t, a, now) -> {
            t.requireDelegate(a);
            List<String> labels = new ArrayList<>();
            for (UUID unitId : new java.util.LinkedHashSet<>(unitIds)) {
                CommitteeUnit u = units.find(unitId).filter(CommitteeUnit::active)
                        .orElseThrow(() -> ProblemException.badRequest("UNIT_NOT_FOUND", "部门不存在"));
                Addressee child = Addressee.countyUnit(u.id(), t.addressee().regionCode());
                if (tasks.exists(t.measureId(), child)) {
                    throw ProblemException.conflict("TASK_ALREADY_DELEGATED", u.name() + " 已有该项任务");
                }
                Task c = Task.derived(t.programmeId(), t.measureId(), t.id(), child, OwnerRole.DELEGATED, t.dueOn());
                tasks.insert(c, now);
                made.add(c.id());
                labels.add(u.name().startsWith("市") ? u.name().substring(1) : u.name());
            }
            t.delegated(a, now, String.join("、", labels));
        });
        return made;
    }

    @Transactional
    public EvidenceStore.Attachment attach(UUID id, MultipartFile file) {
        Task t = tasks.findForUpdate(id, CurrentUser.require()).orElseThrow(CampaignErrors::taskNotFound);
        return uploads.attach(TaskRepository.ENTITY, id, t, file, tasks::save);
    }

    /** An evidence file, if its task lies inside the caller's scope. */
    public Download download(UUID attachmentId) {
        CurrentUser user = CurrentUser.require();
        return uploads.download(TaskRepository.ENTITY, attachmentId, owner -> tasks.row(owner, user).isPresent());
    }

    public record Download(EvidenceStore.Attachment attachment, byte[] bytes) {
    }

    private interface Verb {
        void run(Task t, Actor actor, Instant now);
    }

    private void act(UUID id, Integer version, String verb, Verb work) {
        CurrentUser user = CurrentUser.require();
        Task t = tasks.findForUpdate(id, user).orElseThrow(CampaignErrors::taskNotFound);
        CampaignErrors.checkVersion(version, t.version());
        TaskStatus before = t.status();
        Instant now = time.now();
        work.run(t, Actor.of(user), now);
        tasks.save(t, now);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("verb", verb);
        summary.put("status", List.of(before.name(), t.status().name()));
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "campaign-task", id, summary));
    }
}
