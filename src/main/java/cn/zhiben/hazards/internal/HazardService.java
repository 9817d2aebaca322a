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
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.standards.Checklist;
import cn.zhiben.standards.StandardClause;
import cn.zhiben.standards.StandardVersionRef;
import cn.zhiben.standards.StandardsLibrary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The application service of the hazards module: finds the hazard inside the caller's scope (404 otherwise), asks the
 * rules whether the caller may take the verb at all (403), checks the version the caller saw (409 on a stale one), runs
 * the verb on the aggregate (which checks the state, 409), saves, publishes the events and audits — in one transaction.
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
    private final Callers callers;
    private final ListingUnits listingUnits;
    private final Clock clock;
    private final TransactionTemplate perHazard;

    HazardService(HazardRepository hazards, HazardDetails details, AttachmentStore attachments, EnterpriseDirectory enterprises,
                  StandardsLibrary standards, ApplicationEventPublisher events, AuditLog audit, HazardsProperties properties,
                  Callers callers, ListingUnits listingUnits, Clock clock, PlatformTransactionManager transactions) {
        this.hazards = hazards;
        this.details = details;
        this.attachments = attachments;
        this.enterprises = enterprises;
        this.standards = standards;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.callers = callers;
        this.listingUnits = listingUnits;
        this.clock = clock;
        this.perHazard = new TransactionTemplate(transactions);
        this.perHazard.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A determination without a listed clause (综合判定 / 专家论证): the standard version, the experts, their opinion. */
    public record DeterminationInput(UUID versionId, List<String> experts, String opinion) {
        public DeterminationInput {
            experts = experts == null ? List.of() : experts.stream().filter(x -> x != null && !x.isBlank()).map(String::strip).toList();
        }
    }

    /** What a reporter states about a new hazard. A major hazard cites a clause or carries a determination. */
    public record NewHazard(UUID enterpriseId, Channel channel, Grade grade, UUID clauseId, String description,
                            String location, LocalDate foundOn, String foundBy, Shutdown shutdown, boolean needsCoordination,
                            boolean fixedOnSpot, LocalDate deadline, DeterminationInput determination) {

        public NewHazard(UUID enterpriseId, Channel channel, Grade grade, UUID clauseId, String description,
                         String location, LocalDate foundOn, String foundBy, Shutdown shutdown, boolean needsCoordination,
                         boolean fixedOnSpot, LocalDate deadline) {
            this(enterpriseId, channel, grade, clauseId, description, location, foundOn, foundBy, shutdown,
                    needsCoordination, fixedOnSpot, deadline, null);
        }
    }

    /** The enterprise, if it exists and lies inside the caller's data scope (the only ones a caller may report on). */
    public Optional<EnterpriseRef> enterpriseInScope(UUID enterpriseId) {
        CurrentUser user = CurrentUser.require();
        return enterprises.find(enterpriseId)
                .filter(e -> user.scope().covers(e.id(), e.regionCode(), e.zoneCode(), e.industryCode()));
    }

    /**
     * The determination clauses a major hazard of this enterprise found on this date may cite (its industry and special
     * operations, the versions in force that day): what the report form offers. 404 outside the caller's scope.
     */
    public Checklist clauseChecklist(UUID enterpriseId, LocalDate foundOn) {
        EnterpriseRef enterprise = enterpriseInScope(enterpriseId).orElseThrow(HazardService::enterpriseNotFound);
        return standards.checklist(enterprise.id(), foundOn);
    }

    /** How many experts a determination against this version needs (the rule table, else the configured default). */
    public int minExperts(StandardVersionRef version) {
        return details.determinationRule(version.standardCode(), version.effectiveFrom())
                .map(HazardDetails.DeterminationRule::minExperts).orElse(properties.determinationMinExperts());
    }

    /** What the basis of a major hazard resolved to: its clause or determination, label and field. */
    private record Basis(UUID clauseId, HazardDetails.Determination determination, String label, String field) {
    }

    /**
     * Every problem of a new report at once (issue 10 item 10): dates, the grade's own requirements, the clause or the
     * determination. Empty when it may be saved. The enterprise is the one in scope (null: not chosen or not found).
     */
    public List<ProblemException.FieldProblem> problems(NewHazard cmd) {
        List<ProblemException.FieldProblem> out = new ArrayList<>();
        EnterpriseRef enterprise = null;
        if (cmd.enterpriseId() != null) {
            CurrentUser user = CurrentUser.require();
            enterprise = enterprises.find(cmd.enterpriseId()).filter(e -> inScope(user.scope(), e, cmd))
                    .orElseThrow(HazardService::enterpriseNotFound);
        }
        resolve(cmd, enterprise, out);
        return out;
    }

    private Basis resolve(NewHazard cmd, EnterpriseRef enterprise, List<ProblemException.FieldProblem> out) {
        LocalDate today = today();
        if (cmd.foundOn() != null && cmd.foundOn().isAfter(today)) {
            out.add(new ProblemException.FieldProblem("foundOn", "发现日期不能晚于今天"));
        }
        if (cmd.fixedOnSpot() && (cmd.grade() == Grade.MAJOR || cmd.channel() != Channel.SELF_INSPECTION)) {
            out.add(new ProblemException.FieldProblem("fixedOnSpot", "只有企业自查的一般隐患可以立查立改"));
        }
        if (cmd.grade() == Grade.GENERAL && !cmd.fixedOnSpot()) {
            if (cmd.deadline() == null) {
                out.add(new ProblemException.FieldProblem("deadline", "请填写整改期限"));
            } else if (cmd.foundOn() != null && cmd.deadline().isBefore(cmd.foundOn())) {
                out.add(new ProblemException.FieldProblem("deadline", "整改期限不能早于发现日期"));
            }
        }
        if (cmd.grade() != Grade.MAJOR) {
            return null;
        }
        return resolveBasis(cmd.clauseId(), cmd.determination(), enterprise, cmd.foundOn(), out);
    }

    /** A major hazard's clause (of the standard in force on the finding date, for this enterprise) or determination. */
    private Basis resolveBasis(UUID clauseId, DeterminationInput determination, EnterpriseRef enterprise, LocalDate foundOn,
                               List<ProblemException.FieldProblem> out) {
        if (clauseId == null && determination == null) {
            out.add(new ProblemException.FieldProblem("clauseId", "重大事故隐患须引用判定标准条款，或按标准作出综合判定"));
            return null;
        }
        if (clauseId != null && determination != null) {
            out.add(new ProblemException.FieldProblem("clauseId", "已引用判定条款的，无须再作综合判定"));
            return null;
        }
        if (enterprise == null || foundOn == null) {
            return null;
        }
        if (clauseId != null) {
            try {
                StandardClause clause = standards.requireApplicable(clauseId, enterprise.industryCode(),
                        enterprises.specialOperationCodes(enterprise.id()), foundOn);
                return new Basis(clauseId, null, clause.version().citation() + " 第 " + clause.clauseNo() + " 条",
                        clause.allIndustries() && !clause.industryCodes().isEmpty() ? clause.industryCodes().get(0) : null);
            } catch (ProblemException e) {
                out.add(new ProblemException.FieldProblem("clauseId", e.getMessage()));
                return null;
            }
        }
        // 综合判定: the standard version must be in force on the finding date and cover the enterprise
        Checklist checklist = standards.checklist(enterprise.id(), foundOn);
        StandardVersionRef version = determination.versionId() == null ? null : checklist.standards().stream()
                .filter(v -> v.id().equals(determination.versionId())).findFirst().orElse(null);
        int before = out.size();
        if (version == null) {
            out.add(new ProblemException.FieldProblem("determinationVersionId",
                    "综合判定须引用发现日期有效、适用于该企业的判定标准版本"));
        } else {
            var rule = details.determinationRule(version.standardCode(), version.effectiveFrom());
            boolean allowed = rule.map(HazardDetails.DeterminationRule::provided).orElse(false) || version.partial();
            if (!allowed) {
                out.add(new ProblemException.FieldProblem("determinationVersionId",
                        version.citation() + " 的条款已完整收录且未规定综合判定，请引用具体条款"));
            }
            int min = minExperts(version);
            if (determination.experts().size() < min) {
                out.add(new ProblemException.FieldProblem("determinationExperts",
                        "依 " + version.citation() + " 须不少于 " + min + " 名专家（现 " + determination.experts().size() + " 名）"));
            }
        }
        if (determination.opinion() == null || determination.opinion().isBlank()) {
            out.add(new ProblemException.FieldProblem("determinationOpinion", "请填写专家论证意见"));
        } else if (determination.opinion().length() > 4000) {
            out.add(new ProblemException.FieldProblem("determinationOpinion", "专家论证意见不能超过 4000 个字"));
        }
        if (determination.experts().stream().anyMatch(x -> x.length() > 200) || determination.experts().size() > 50) {
            out.add(new ProblemException.FieldProblem("determinationExperts", "专家每行不超过 200 个字，最多 50 名"));
        }
        if (out.size() > before || version == null) {
            return null;
        }
        String citation = version.citation();
        return new Basis(null, new HazardDetails.Determination(version.id(), citation, determination.experts(),
                determination.opinion().strip(), foundOn),
                citation + " 综合判定（专家论证 " + determination.experts().size() + " 人）",
                standards.crossIndustryField(version.id()).orElse(null));
    }

    private static void check(List<ProblemException.FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    String.join("；", problems.stream().map(ProblemException.FieldProblem::message).distinct().toList()), problems);
        }
    }

    @Transactional
    public UUID report(NewHazard cmd) {
        return report(cmd, null);
    }

    /** A report as {@link #report(NewHazard)}, from another module's record when source is set. */
    @Transactional
    public UUID report(NewHazard cmd, HazardRepository.Source source) {
        return report(cmd, source, List.of());
    }

    /**
     * A report with the evidence found at discovery (photos, documents; issue 10 item 8), stored in the same transaction
     * under the attachment stage 发现取证.
     */
    @Transactional
    public UUID report(NewHazard cmd, HazardRepository.Source source, List<MultipartFile> evidence) {
        CurrentUser user = CurrentUser.require();
        Caller caller = callers.of(user);
        HazardRules.requireReporter(user, cmd.channel());
        EnterpriseRef enterprise = enterprises.find(cmd.enterpriseId())
                .filter(e -> inScope(user.scope(), e, cmd))
                .orElseThrow(HazardService::enterpriseNotFound);
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        Basis basis = resolve(cmd, enterprise, problems);
        check(problems);
        LocalDate today = today();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String number = hazards.nextNumber(RegionCodes.county(enterprise.regionCode()), today.getYear());
        Hazard.Facts facts = new Hazard.Facts(enterprise.id(), enterprise.regionCode(), enterprise.zoneCode(),
                enterprise.industryCode(), cmd.channel(), cmd.grade(), basis == null ? null : basis.clauseId(),
                cmd.description().strip(), cmd.location().strip(), cmd.foundOn(), cmd.foundBy().strip(), cmd.shutdown(),
                cmd.needsCoordination(), basis == null ? null : basis.field(), basis != null && basis.determination() != null);
        Hazard h = cmd.channel() == Channel.SELF_INSPECTION
                ? Hazard.selfReported(id, number, facts, caller, now, cmd.fixedOnSpot(), cmd.deadline())
                : Hazard.registered(id, number, facts, caller, now, cmd.deadline());
        h.possibleDuplicateOf = hazards.openWithSameClause(enterprise.id(), h.clauseId(), id).orElse(null);
        if (cmd.grade() == Grade.MAJOR && cmd.channel().external()) {
            // plan item 23: a major hazard found by others that the enterprise's own inspection did not report (same
            // clause or same place, in the look-back period) is traced back — for every external channel
            LocalDate from = cmd.foundOn().minus(properties.selfCheckLookback());
            if (!hazards.selfReportedSameClauseOrPlace(enterprise.id(), h.clauseId(), h.location(), from, cmd.foundOn())) {
                h.selfCheckMissed(now, "企业自 " + from + " 至 " + cmd.foundOn() + " 的自查上报中没有相同条款或相同部位的隐患，"
                        + "本隐患由" + cmd.channel().label() + "发现（晋市安委发〔2024〕6号 第23项 责任倒查）");
            }
        }
        hazards.insert(h, enterprise.name(), basis == null ? null : basis.label(), source, now);
        if (basis != null && basis.determination() != null) {
            details.insertDetermination(id, basis.determination(), user.displayName(), now);
        }
        publish(h);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("number", number);
        summary.put("grade", cmd.grade().name());
        summary.put("channel", cmd.channel().name());
        summary.put("status", h.status().name());
        if (basis != null && basis.determination() != null) {
            summary.put("basis", basis.label());
        }
        if (source != null) {
            summary.put("source", source.module() + ":" + source.ref());
        }
        audit.record(AuditEntry.success(AuditAction.CREATE, "hazard", id, summary));
        for (MultipartFile file : evidence == null ? List.<MultipartFile>of() : evidence) {
            if (file != null && !file.isEmpty()) {
                attachFile(id, "FOUND", file);
            }
        }
        return id;
    }

    /**
     * An enterprise a report may concern: inside the caller's scope by its industry — or, for a hazard judged against a
     * standard concerning every unit (fire, special equipment), by that standard's field (消防救援 registers a fire hazard
     * in a coal mine of its county).
     */
    private boolean inScope(DataScope scope, EnterpriseRef e, NewHazard cmd) {
        if (scope.covers(e.id(), e.regionCode(), e.zoneCode(), e.industryCode())) {
            return true;
        }
        String field = null;
        if (cmd.grade() == Grade.MAJOR && cmd.clauseId() != null) {
            field = standards.clause(cmd.clauseId()).filter(StandardClause::allIndustries)
                    .filter(c -> !c.industryCodes().isEmpty()).map(c -> c.industryCodes().get(0)).orElse(null);
        } else if (cmd.grade() == Grade.MAJOR && cmd.determination() != null && cmd.determination().versionId() != null) {
            field = standards.crossIndustryField(cmd.determination().versionId()).orElse(null);
        }
        return field != null && scope.covers(e.id(), e.regionCode(), e.zoneCode(), field);
    }

    // ---- enterprise verbs ----

    @Transactional
    public void confirmByDepartment(UUID id, int version) {
        act(id, version, HazardAction.CONFIRM_DEPARTMENT, (h, c, now) -> h.confirmByDepartment(c, now));
    }

    @Transactional
    public void confirmByPrincipal(UUID id, int version) {
        act(id, version, HazardAction.CONFIRM_PRINCIPAL, (h, c, now) -> h.confirmByPrincipal(c, now));
    }

    @Transactional
    public void returnForCorrection(UUID id, int version, String reason) {
        act(id, version, HazardAction.RETURN_FOR_CORRECTION, (h, c, now) -> h.returnForCorrection(c, now, reason));
    }

    @Transactional
    public void withdraw(UUID id, int version, String reason) {
        act(id, version, HazardAction.WITHDRAW, (h, c, now) -> h.withdraw(c, now, reason));
    }

    @Transactional
    public void acknowledge(UUID id, int version) {
        act(id, version, HazardAction.ACKNOWLEDGE, (h, c, now) -> h.acknowledge(c, now));
    }

    @Transactional
    public void filePlan(UUID id, int version, HazardDetails.PlanInput plan) {
        act(id, version, HazardAction.FILE_PLAN, (h, c, now) -> {
            h.filePlan(c, now, plan.deadline(), today());
            details.insertPlan(h.id(), plan, c.name(), now);
        });
    }

    @Transactional
    public void reportProgress(UUID id, int version, String summary) {
        act(id, version, HazardAction.REPORT_PROGRESS, (h, c, now) -> h.reportProgress(c, now, summary));
    }

    @Transactional
    public void requestExtension(UUID id, int version, LocalDate requested, String reason) {
        act(id, version, HazardAction.REQUEST_EXTENSION, (h, c, now) -> {
            LocalDate previous = h.deadline();
            h.requestExtension(c, now, requested, reason);
            details.insertExtension(h.id(), requested, previous, reason, c.name(), now);
        });
    }

    @Transactional
    public void decideExtension(UUID id, int version, boolean approve, String reason) {
        act(id, version, approve ? HazardAction.APPROVE_EXTENSION : HazardAction.REFUSE_EXTENSION, (h, c, now) -> {
            LocalDate requested = details.pendingExtensionDate(h.id())
                    .orElseThrow(() -> new IllegalTransitionException("HAZARD_NO_EXTENSION_PENDING", "没有待审批的延期申请"));
            h.decideExtension(c, now, approve, requested, reason, today());
            details.decideExtension(h.id(), approve, reason, c.name(), now);
        });
    }

    @Transactional
    public void complete(UUID id, int version, String summary) {
        act(id, version, null, (h, c, now) -> h.complete(c, now, summary));
    }

    @Transactional
    public void evaluate(UUID id, int version, HazardDetails.EvaluationInput evaluation) {
        if (!"SELF".equals(evaluation.kind()) && !"THIRD_PARTY".equals(evaluation.kind())) {
            throw ProblemException.badRequest("HAZARD_EVALUATION_KIND_INVALID", "评估方式须为 SELF（企业自评）或 THIRD_PARTY（第三方）");
        }
        act(id, version, HazardAction.EVALUATE, (h, c, now) -> {
            h.evaluate(c, now, evaluation);
            details.insertEvaluation(h.id(), evaluation, c.name(), now);
        });
    }

    @Transactional
    public void requestSignOff(UUID id, int version) {
        act(id, version, HazardAction.REQUEST_SIGN_OFF, (h, c, now) -> h.requestSignOff(c, now));
    }

    // ---- government verbs ----

    @Transactional
    public void signOff(UUID id, int version, String opinion) {
        act(id, version, HazardAction.SIGN_OFF, (h, c, now) -> h.signOff(c, now, opinion));
    }

    @Transactional
    public void rejectSignOff(UUID id, int version, String reasons, LocalDate newDeadline) {
        act(id, version, HazardAction.REJECT_SIGN_OFF, (h, c, now) -> h.rejectSignOff(c, now, reasons, newDeadline, today()));
    }

    @Transactional
    public void confirmDelisting(UUID id, int version, String note) {
        act(id, version, HazardAction.CONFIRM_DELISTING, (h, c, now) -> h.confirmDelisting(c, now, note));
    }

    @Transactional
    public void refuseDelisting(UUID id, int version, String reasons, LocalDate newDeadline) {
        act(id, version, HazardAction.REFUSE_DELISTING, (h, c, now) -> h.refuseDelisting(c, now, reasons, newDeadline, today()));
    }

    /**
     * @param level            null: the caller's own level (county office: county; city office: city)
     * @param selfEvaluation   the listing body found the enterprise able to evaluate its own rectification (令第16号 第十八条)
     */
    public record ListingInput(String documentNumber, UUID supervisingUnitId, LocalDate deadline, ListingLevel level,
                               boolean selfEvaluation) {
        public ListingInput(String documentNumber, UUID supervisingUnitId, LocalDate deadline) {
            this(documentNumber, supervisingUnitId, deadline, null, false);
        }
    }

    @Transactional
    public void list(UUID id, int version, ListingInput listing) {
        act(id, version, HazardAction.LIST, (h, c, now) -> {
            ListingLevel level = listing.level() != null ? listing.level()
                    : HazardPolicy.listingLevels(c.role()).stream().findFirst().orElse(ListingLevel.COUNTY);
            checkListing(h, level, listing);
            h.list(c, now, level, listing.documentNumber(), listing.supervisingUnitId(), listing.deadline(), listing.selfEvaluation());
        });
    }

    /** 提级督办: the city office raises a listing to the city's level or records the province's. */
    @Transactional
    public void raiseListing(UUID id, int version, ListingInput listing) {
        act(id, version, HazardAction.RAISE_LISTING, (h, c, now) -> {
            ListingLevel level = listing.level() != null ? listing.level() : ListingLevel.CITY;
            checkListing(h, level, listing);
            h.raiseListing(c, now, level, listing.documentNumber(), listing.supervisingUnitId(), listing.deadline(),
                    listing.selfEvaluation());
        });
    }

    private void checkListing(Hazard h, ListingLevel level, ListingInput listing) {
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        if (listing.deadline() == null || listing.deadline().isBefore(today())) {
            problems.add(new ProblemException.FieldProblem("deadline", "督办整改期限须不早于今天"));
        }
        if (listing.supervisingUnitId() != null
                && listingUnits.options(level, h.regionCode(), h.primaryField()).stream()
                .noneMatch(o -> o.unitId().equals(listing.supervisingUnitId()))) {
            problems.add(new ProblemException.FieldProblem("supervisingUnitId",
                    "督办单位须为" + level.shortLabel() + "负有安全生产监督管理职责的部门"));
        }
        check(problems);
    }

    @Transactional
    public void remind(UUID id, int version, String message) {
        act(id, version, HazardAction.REMIND, (h, c, now) -> h.remind(c, now, message));
    }

    @Transactional
    public void delist(UUID id, int version, String reason) {
        act(id, version, HazardAction.DELIST, (h, c, now) -> h.delist(c, now, reason));
    }

    @Transactional
    public void reopen(UUID id, int version, String reason, LocalDate deadline) {
        act(id, version, HazardAction.REOPEN, (h, c, now) -> h.reopen(c, now, reason, deadline, today()));
    }

    /** What an official states when regrading: the new grade, why, and what the new grade needs. */
    public record RegradeInput(Grade grade, String reason, UUID clauseId, DeterminationInput determination, LocalDate deadline) {
    }

    @Transactional
    public void regrade(UUID id, int version, RegradeInput in) {
        act(id, version, HazardAction.REGRADE, (h, c, now) -> {
            Basis basis = null;
            if (in.grade() == Grade.MAJOR) {
                EnterpriseRef enterprise = enterprises.find(h.enterpriseId()).orElseThrow(HazardService::enterpriseNotFound);
                List<ProblemException.FieldProblem> problems = new ArrayList<>();
                basis = resolveBasis(in.clauseId(), in.determination(), enterprise, h.foundOn(), problems);
                check(problems);
            }
            if (basis != null) {
                h.newClauseLabel = basis.label();
            }
            h.regrade(c, now, in.grade(), in.reason(), basis == null ? null : basis.clauseId(),
                    basis != null && basis.determination() != null, basis == null ? null : basis.field(), in.deadline(), today());
            if (basis != null && basis.determination() != null) {
                details.insertDetermination(h.id(), basis.determination(), c.name(), now);
            }
        });
    }

    @Transactional
    public void closeAccountability(UUID id, int version, String conclusion) {
        act(id, version, HazardAction.CLOSE_ACCOUNTABILITY, (h, c, now) -> h.closeAccountability(c, now, conclusion));
    }

    /** Merges a duplicate into another open hazard of the same enterprise (issue 9 item 2a); both histories stay. */
    @Transactional
    public void merge(UUID id, int version, UUID intoId, String reason) {
        CurrentUser u = CurrentUser.require();
        Caller c = callers.of(u);
        Hazard h = hazards.find(id, u.scope()).orElseThrow(HazardService::notFound);
        c.policy().requireAuthority(HazardAction.MERGE, h, c);
        requireVersion(h, version);
        Hazard target = hazards.find(intoId, u.scope())
                .orElseThrow(() -> ProblemException.notFound("HAZARD_NOT_FOUND", "要并入的隐患不存在或不在您的数据范围内"));
        Instant now = clock.instant();
        h.mergeInto(target, c, now, reason);
        hazards.save(h, now);
        hazards.save(target, now);
        publish(h);
        publish(target);
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "hazard", id, Map.of("action", "merge", "into", target.number())));
    }

    @Transactional
    public void dismissDuplicate(UUID id, int version, String reason) {
        act(id, version, HazardAction.DISMISS_DUPLICATE, (h, c, now) -> h.dismissDuplicate(c, now, reason));
    }

    /**
     * Stores an evidence file and puts it on the timeline. The file is written (durably) first; if the transaction then
     * rolls back, the store deletes it again, so no file exists without its row.
     */
    @Transactional
    public AttachmentStore.Attachment attachFile(UUID id, String stage, MultipartFile file) {
        CurrentUser u = CurrentUser.require();
        Caller c = callers.of(u);
        Hazard h = hazards.find(id, u.scope()).orElseThrow(HazardService::notFound);
        c.policy().requireAuthority(HazardAction.ATTACH, h, c);
        if (file == null || file.isEmpty()) {
            throw ProblemException.badRequest("ATTACHMENT_EMPTY", "请选择要上传的文件");
        }
        AttachmentStore.Attachment stored;
        try (var in = file.getInputStream()) {
            stored = attachments.store(h.id(), stage, file.getOriginalFilename(), file.getSize(), in, u.displayName());
        } catch (IOException e) {
            throw ProblemException.badRequest("ATTACHMENT_UNREADABLE", "上传的文件无法读取");
        }
        h.attached(c, clock.instant(), stored.fileName());
        hazards.save(h, clock.instant());
        audit.record(AuditEntry.success(AuditAction.CREATE, "hazard-attachment", stored.id(),
                Map.of("hazard", h.number(), "file", stored.fileName(), "sha256", stored.sha256(), "bytes", stored.size())));
        return stored;
    }

    // ---- the daily job ----

    /**
     * Marks every hazard past a deadline — rectification, review, or the step it waits in (confirmation, acknowledgement,
     * plan, 摘牌 confirmation) — and escalates each one level (the aggregate's escalation target). Idempotent; returns how
     * many it marked. Each hazard is its own transaction (issue 9 part 7): one that fails is rolled back alone and logged,
     * the others stay marked, and the run then fails so the job ledger shows it.
     */
    public int markOverdue() {
        LocalDate today = today();
        Instant now = clock.instant();
        HazardPolicy policy = callers.policy();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        int marked = escalate(hazards.overdueCandidates(today), h -> h.markOverdue(now, today), now, failed)
                + escalate(hazards.reviewOverdueCandidates(today), h -> h.markReviewOverdue(now, today), now, failed)
                + escalate(hazards.stepOverdueCandidates(today), h -> h.markStepOverdue(policy, now, today), now, failed);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " hazard(s) could not be marked overdue (" + marked + " were); see the log");
        }
        return marked;
    }

    private int escalate(List<UUID> candidates, java.util.function.Predicate<Hazard> mark, Instant now,
                         java.util.concurrent.atomic.AtomicInteger failed) {
        int marked = 0;
        for (UUID id : candidates) {
            try {
                Boolean done = perHazard.execute(tx -> {
                    Hazard h = hazards.findUnscoped(id).orElseThrow();
                    if (mark.test(h)) {
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

    /** A verb's move on the aggregate, as the current caller at one instant. */
    @FunctionalInterface
    private interface Verb {
        void apply(Hazard h, Caller caller, Instant now);
    }

    /**
     * Loads the hazard in scope (404), asks whether the caller may take the verb at all (403) before looking at the
     * version (409 stale), then runs it; {@code verb} null lets the aggregate decide between verbs (complete / close).
     */
    private void act(UUID id, int version, HazardAction verb, Verb move) {
        CurrentUser user = CurrentUser.require();
        Caller caller = callers.of(user);
        Instant now = clock.instant();
        Hazard h = hazards.find(id, user.scope()).orElseThrow(HazardService::notFound);
        HazardAction checked = verb != null ? verb : h.grade() == Grade.GENERAL ? HazardAction.CLOSE : HazardAction.COMPLETE;
        caller.policy().requireAuthority(checked, h, caller);
        requireVersion(h, version);
        String before = h.status().name();
        move.apply(h, caller, now);
        hazards.save(h, now);
        publish(h);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("action", checked.name());
        summary.put("number", h.number());
        summary.put("status", Arrays.asList(before, h.status().name()));
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "hazard", id, summary));
    }

    private static void requireVersion(Hazard h, int version) {
        if (h.version() != version) {
            throw new ProblemException(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION", "隐患已被他人处理，请刷新后重试");
        }
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
