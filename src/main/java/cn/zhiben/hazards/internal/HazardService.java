package cn.zhiben.hazards.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardsProperties;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.standards.StandardClause;
import cn.zhiben.standards.StandardsLibrary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The application service of the hazards module: finds the hazard inside the caller's scope (404 otherwise), checks
 * the caller's right ({@link HazardRules}) and the version the caller saw (409 on a stale one), runs the verb, saves,
 * publishes the events and audits — all in one transaction.
 */
@Service
public class HazardService {

    private final HazardRepository hazards;
    private final HazardDetails details;
    private final AttachmentStore attachments;
    private final EnterpriseDirectory enterprises;
    private final StandardsLibrary standards;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final HazardsProperties properties;
    private final Clock clock;
    private final TransactionTemplate perHazard;

    HazardService(HazardRepository hazards, HazardDetails details, AttachmentStore attachments, EnterpriseDirectory enterprises, StandardsLibrary standards,
                  ApplicationEventPublisher events, AuditLog audit, HazardsProperties properties, Clock clock,
                  PlatformTransactionManager transactions) {
        this.hazards = hazards;
        this.details = details;
        this.attachments = attachments;
        this.enterprises = enterprises;
        this.standards = standards;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.perHazard = new TransactionTemplate(transactions);
        this.perHazard.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What a reporter states about a new hazard. */
    public record NewHazard(UUID enterpriseId, Channel channel, Grade grade, UUID clauseId, String description,
                            String location, LocalDate foundOn, String foundBy, Shutdown shutdown, boolean needsCoordination,
                            boolean fixedOnSpot, LocalDate deadline) {
    }

    /** The enterprise, if it exists and lies inside the caller's data scope (the only ones a caller may report on). */
    public java.util.Optional<EnterpriseRef> enterpriseInScope(UUID enterpriseId) {
        CurrentUser user = CurrentUser.require();
        return enterprises.find(enterpriseId)
                .filter(e -> user.scope().covers(e.id(), e.regionCode(), e.zoneCode(), e.industryCode()));
    }

    /**
     * The determination clauses a major hazard of this enterprise found on this date may cite (its industry and special
     * operations, the versions in force that day): what the report form offers. 404 outside the caller's scope.
     */
    public cn.zhiben.standards.Checklist clauseChecklist(UUID enterpriseId, LocalDate foundOn) {
        EnterpriseRef enterprise = enterpriseInScope(enterpriseId).orElseThrow(HazardService::enterpriseNotFound);
        return standards.checklist(enterprise.id(), foundOn);
    }

    @Transactional
    public UUID report(NewHazard cmd) {
        return report(cmd, null);
    }

    /** A report as {@link #report(NewHazard)}, from another module's record when source is set. */
    @Transactional
    public UUID report(NewHazard cmd, HazardRepository.Source source) {
        CurrentUser user = CurrentUser.require();
        LocalDate today = today();
        EnterpriseRef enterprise = enterpriseInScope(cmd.enterpriseId()).orElseThrow(HazardService::enterpriseNotFound);
        if (cmd.foundOn().isAfter(today)) {
            throw ProblemException.badRequest("HAZARD_FOUND_IN_FUTURE", "发现日期不能晚于今天");
        }
        if (cmd.channel() == Channel.SELF_INSPECTION) {
            HazardRules.requireEnterprise(user);
        } else {
            HazardRules.requireRegistrar(user, cmd.channel());
        }
        if (cmd.fixedOnSpot() && (cmd.grade() == Grade.MAJOR || cmd.channel() != Channel.SELF_INSPECTION)) {
            throw ProblemException.badRequest("HAZARD_FIX_ON_SPOT_GENERAL_ONLY", "只有企业自查的一般隐患可以立查立改");
        }
        String clauseLabel = null;
        if (cmd.grade() == Grade.MAJOR) {
            if (cmd.clauseId() == null) {
                throw ProblemException.badRequest("HAZARD_CLAUSE_REQUIRED", "重大事故隐患须引用判定标准条款");
            }
            // the clause of the standard version in force on the finding date, for this enterprise's industry
            StandardClause clause = standards.requireApplicable(cmd.clauseId(), enterprise.industryCode(),
                    enterprises.specialOperationCodes(enterprise.id()), cmd.foundOn());
            clauseLabel = clause.version().citation() + " 第 " + clause.clauseNo() + " 条";
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String number = hazards.nextNumber(RegionCodes.county(enterprise.regionCode()), today.getYear());
        Hazard.Facts facts = new Hazard.Facts(enterprise.id(), enterprise.regionCode(), enterprise.zoneCode(),
                enterprise.industryCode(), cmd.channel(), cmd.grade(), cmd.clauseId(), cmd.description().strip(),
                cmd.location().strip(), cmd.foundOn(), cmd.foundBy().strip(), cmd.shutdown(), cmd.needsCoordination());
        HazardActor actor = HazardActor.of(user);
        Hazard h = cmd.channel() == Channel.SELF_INSPECTION
                ? Hazard.selfReported(id, number, facts, actor, now, cmd.fixedOnSpot(), cmd.deadline())
                : Hazard.registered(id, number, facts, actor, now, cmd.deadline());
        h.possibleDuplicateOf = hazards.openWithSameClause(enterprise.id(), cmd.clauseId(), id).orElse(null);
        if (cmd.grade() == Grade.MAJOR && (cmd.channel() == Channel.SUPERVISION || cmd.channel() == Channel.TIP_OFF)) {
            // plan item 23: a major hazard found by others where the enterprise's own checks found none is traced back
            h.selfCheckMissed = !hazards.selfReportedMajorBetween(enterprise.id(),
                    cmd.foundOn().minus(properties.selfCheckLookback()), cmd.foundOn());
        }
        hazards.insert(h, enterprise.name(), clauseLabel, source, now);
        publish(h);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("number", number);
        summary.put("grade", cmd.grade().name());
        summary.put("channel", cmd.channel().name());
        summary.put("status", h.status().name());
        if (source != null) {
            summary.put("source", source.module() + ":" + source.ref());
        }
        audit.record(AuditEntry.success(AuditAction.CREATE, "hazard", id, summary));
        return id;
    }

    // ---- enterprise verbs ----

    @Transactional
    public void confirmByDepartment(UUID id, int version) {
        act(id, version, "confirm-department", (h, u, actor, now) -> {
            HazardRules.requireSafetyDepartment(u);
            h.confirmByDepartment(actor, now);
        });
    }

    @Transactional
    public void confirmByPrincipal(UUID id, int version) {
        act(id, version, "confirm-principal", (h, u, actor, now) -> {
            HazardRules.requirePrincipal(u);
            h.confirmByPrincipal(actor, now);
        });
    }

    @Transactional
    public void returnForCorrection(UUID id, int version, String reason) {
        act(id, version, "return", (h, u, actor, now) -> {
            HazardRules.requirePrincipal(u);
            h.returnForCorrection(actor, now, reason);
        });
    }

    @Transactional
    public void acknowledge(UUID id, int version) {
        act(id, version, "acknowledge", (h, u, actor, now) -> {
            HazardRules.requireEnterprise(u);
            h.acknowledge(actor, now);
        });
    }

    @Transactional
    public void filePlan(UUID id, int version, HazardDetails.PlanInput plan) {
        act(id, version, "file-plan", (h, u, actor, now) -> {
            HazardRules.requireEnterprise(u);
            h.filePlan(actor, now, plan.deadline(), today());
            details.insertPlan(h.id(), plan, u.displayName(), clock.instant());
        });
    }

    @Transactional
    public void reportProgress(UUID id, int version, String summary) {
        act(id, version, "progress", (h, u, actor, now) -> {
            HazardRules.requireEnterprise(u);
            h.reportProgress(actor, now, summary);
        });
    }

    @Transactional
    public void requestExtension(UUID id, int version, LocalDate requested, String reason) {
        act(id, version, "request-extension", (h, u, actor, now) -> {
            HazardRules.requireEnterprise(u);
            LocalDate previous = h.deadline();
            h.requestExtension(actor, now, requested, reason);
            details.insertExtension(h.id(), requested, previous, reason, u.displayName(), clock.instant());
        });
    }

    @Transactional
    public void decideExtension(UUID id, int version, boolean approve, String reason) {
        act(id, version, approve ? "approve-extension" : "refuse-extension", (h, u, actor, now) -> {
            HazardRules.requireSupervisor(u);
            LocalDate requested = details.pendingExtensionDate(h.id())
                    .orElseThrow(() -> new IllegalTransitionException("HAZARD_NO_EXTENSION_PENDING", "没有待审批的延期申请"));
            h.decideExtension(actor, now, approve, requested, reason, today());
            details.decideExtension(h.id(), approve, reason, u.displayName(), clock.instant());
        });
    }

    @Transactional
    public void complete(UUID id, int version, String summary) {
        act(id, version, "complete", (h, u, actor, now) -> {
            HazardRules.requireEnterprise(u);
            h.complete(actor, now, summary);
        });
    }

    @Transactional
    public void evaluate(UUID id, int version, HazardDetails.EvaluationInput evaluation) {
        if (!"SELF".equals(evaluation.kind()) && !"THIRD_PARTY".equals(evaluation.kind())) {
            throw ProblemException.badRequest("HAZARD_EVALUATION_KIND_INVALID", "评估方式须为 SELF（企业自评）或 THIRD_PARTY（第三方）");
        }
        if ("THIRD_PARTY".equals(evaluation.kind()) && (evaluation.organisation() == null || evaluation.organisation().isBlank())) {
            throw ProblemException.badRequest("HAZARD_EVALUATION_ORGANISATION_REQUIRED", "第三方评估须填写评估机构");
        }
        act(id, version, "evaluate", (h, u, actor, now) -> {
            HazardRules.requireEnterprise(u);
            h.evaluate(actor, now, evaluation.conclusion());
            details.insertEvaluation(h.id(), evaluation, u.displayName(), clock.instant());
        });
    }

    @Transactional
    public void requestSignOff(UUID id, int version) {
        act(id, version, "request-sign-off", (h, u, actor, now) -> {
            HazardRules.requireEnterprise(u);
            h.requestSignOff(actor, now, today().plusDays(properties.reviewDays()));
        });
    }

    // ---- government verbs ----

    @Transactional
    public void signOff(UUID id, int version, String opinion) {
        act(id, version, "sign-off", (h, u, actor, now) -> {
            ListingLevel level = HazardRules.requireSupervisor(u);
            h.signOff(actor, now, level, opinion);
        });
    }

    @Transactional
    public void rejectSignOff(UUID id, int version, String reasons, LocalDate newDeadline) {
        act(id, version, "reject-sign-off", (h, u, actor, now) -> {
            ListingLevel level = HazardRules.requireSupervisor(u);
            h.rejectSignOff(actor, now, level, reasons, newDeadline, today());
        });
    }

    public record ListingInput(String documentNumber, UUID supervisingUnitId, LocalDate deadline) {
    }

    @Transactional
    public void list(UUID id, int version, ListingInput listing) {
        act(id, version, "list", (h, u, actor, now) -> {
            ListingLevel level = HazardRules.requireListingOffice(u);
            if (listing.deadline() == null || listing.deadline().isBefore(today())) {
                throw ProblemException.badRequest("HAZARD_DEADLINE_INVALID", "督办整改期限须不早于今天");
            }
            h.list(actor, now, level, listing.documentNumber(), listing.supervisingUnitId(), listing.deadline());
        });
    }

    @Transactional
    public void delist(UUID id, int version, String reason) {
        act(id, version, "delist", (h, u, actor, now) -> {
            ListingLevel level = HazardRules.requireListingOffice(u);
            h.delist(actor, now, level, reason);
        });
    }

    @Transactional
    public void reopen(UUID id, int version, String reason, LocalDate deadline) {
        act(id, version, "reopen", (h, u, actor, now) -> {
            HazardRules.requireSpotChecker(u);
            h.reopen(actor, now, reason, deadline, today());
        });
    }

    @Transactional
    public void merge(UUID id, int version, UUID intoId, String reason) {
        CurrentUser u = CurrentUser.require();
        HazardRules.requireSupervisor(u);
        Hazard h = load(id, version);
        Hazard target = hazards.find(intoId, u.scope())
                .orElseThrow(() -> ProblemException.notFound("HAZARD_NOT_FOUND", "要并入的隐患不存在或不在您的数据范围内"));
        h.mergeInto(target, HazardActor.of(u), clock.instant(), reason);
        Instant now = clock.instant();
        hazards.save(h, now);
        hazards.save(target, now);
        publish(h);
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "hazard", id, Map.of("action", "merge", "into", target.number())));
    }

    @Transactional
    public void dismissDuplicate(UUID id, int version, String reason) {
        act(id, version, "dismiss-duplicate", (h, u, actor, now) -> {
            HazardRules.requireSupervisor(u);
            h.dismissDuplicate(actor, now, reason);
        });
    }

    /**
     * Stores an evidence file and puts it on the timeline. The file is written first; if the transaction then rolls
     * back, the file is deleted again, so no file exists without its row.
     */
    @Transactional
    public AttachmentStore.Attachment attachFile(UUID id, String stage, org.springframework.web.multipart.MultipartFile file) {
        CurrentUser u = CurrentUser.require();
        if (u.role() != Role.ENTERPRISE && HazardRules.governmentLevel(u.role()).isEmpty()
                && u.role() != Role.TOWNSHIP && u.role() != Role.EXPERT) {
            throw ProblemException.forbidden("HAZARD_ACTION_FORBIDDEN", "当前账号不能上传附件");
        }
        if (file == null || file.isEmpty()) {
            throw ProblemException.badRequest("ATTACHMENT_EMPTY", "请选择要上传的文件");
        }
        Hazard h = hazards.find(id, u.scope()).orElseThrow(HazardService::notFound);
        AttachmentStore.Attachment stored;
        try (var in = file.getInputStream()) {
            stored = attachments.store(h.id(), stage, file.getOriginalFilename(), file.getSize(), in, u.displayName());
        } catch (java.io.IOException e) {
            throw ProblemException.badRequest("ATTACHMENT_UNREADABLE", "上传的文件无法读取");
        }
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status != STATUS_COMMITTED) {
                            attachments.discard(stored);
                        }
                    }
                });
        h.attached(HazardActor.of(u), clock.instant(), stored.fileName());
        hazards.save(h, clock.instant());
        audit.record(AuditEntry.success(AuditAction.CREATE, "hazard-attachment", stored.id(),
                Map.of("hazard", h.number(), "file", stored.fileName(), "sha256", stored.sha256(), "bytes", stored.size())));
        return stored;
    }

    // ---- the daily job ----

    /**
     * Marks every hazard past its deadline as overdue, and every sign-off request past its review period, and escalates
     * each one level: county-supervised hazards to the city, city-listed ones to the city safety committee.
     * Idempotent; returns how many it marked. Each hazard is its own transaction (issue 9 part 7): one that fails is
     * rolled back alone and logged, the others stay marked, and the run then fails so the job ledger shows it.
     */
    public int markOverdue() {
        LocalDate today = today();
        Instant now = clock.instant();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        int marked = escalate(hazards.overdueCandidates(today), (h, to) -> h.markOverdue(now, today, to), now, failed)
                + escalate(hazards.reviewOverdueCandidates(today), (h, to) -> h.markReviewOverdue(now, today, to), now, failed);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " hazard(s) could not be marked overdue (" + marked + " were); see the log");
        }
        return marked;
    }

    /** One level up: county-supervised hazards to the city, city-listed ones to the city safety committee. */
    private int escalate(java.util.List<UUID> candidates, java.util.function.BiPredicate<Hazard, String> mark, Instant now,
                         java.util.concurrent.atomic.AtomicInteger failed) {
        int marked = 0;
        for (UUID id : candidates) {
            try {
                Boolean done = perHazard.execute(tx -> {
                    Hazard h = hazards.findUnscoped(id).orElseThrow();
                    String escalateTo = h.listingLevel() == ListingLevel.CITY ? "市安委会" : "市级（市安委办及行业主管部门）";
                    if (mark.test(h, escalateTo)) {
                        hazards.save(h, now);
                        publish(h);
                        return true;
                    }
                    return false;
                });
                if (Boolean.TRUE.equals(done)) {
                    marked++;
                }
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                org.slf4j.LoggerFactory.getLogger(HazardService.class).error("hazard {} could not be marked overdue", id, e);
            }
        }
        return marked;
    }

    // ---- helpers ----

    /** A verb's checks and its move on the aggregate, as the current user at one instant. */
    @FunctionalInterface
    private interface Verb {
        void apply(Hazard h, CurrentUser user, HazardActor actor, Instant now);
    }

    private void act(UUID id, int version, String action, Verb verb) {
        CurrentUser user = CurrentUser.require();
        Instant now = clock.instant();
        Hazard h = load(id, version);
        String before = h.status().name();
        verb.apply(h, user, HazardActor.of(user), now);
        hazards.save(h, now);
        publish(h);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("action", action);
        summary.put("number", h.number());
        summary.put("status", java.util.Arrays.asList(before, h.status().name()));
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "hazard", id, summary));
    }

    private Hazard load(UUID id, int version) {
        Hazard h = hazards.find(id, CurrentUser.require().scope()).orElseThrow(HazardService::notFound);
        if (h.version() != version) {
            throw new ProblemException(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION", "隐患已被他人处理，请刷新后重试");
        }
        return h;
    }

    private void publish(Hazard h) {
        h.pendingEvents().forEach(events::publishEvent);
        h.clearPending();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    private static ProblemException enterpriseNotFound() {
        return ProblemException.notFound("ENTERPRISE_NOT_FOUND", "企业不存在或不在您的数据范围内");
    }

    /** An attachment and its content. */
    public record Download(AttachmentStore.Attachment attachment, byte[] content) {
    }

    /** An attachment, if its hazard lies inside the caller's scope; otherwise 404, as if it did not exist. */
    public Download download(UUID attachmentId) {
        DataScope scope = CurrentUser.require().scope();
        AttachmentStore.Attachment a = attachments.find(attachmentId)
                .filter(x -> hazards.find(x.hazardId(), scope).isPresent())
                .orElseThrow(() -> ProblemException.notFound("ATTACHMENT_NOT_FOUND", "附件不存在或不在您的数据范围内"));
        return new Download(a, attachments.read(a));
    }

    /** A hazard that does not exist or lies outside the caller's scope: the same 404 either way. */
    public static ProblemException notFound() {
        return ProblemException.notFound("HAZARD_NOT_FOUND", "隐患不存在或不在您的数据范围内");
    }
}
