package cn.zhiben.inspections.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardIntake;
import cn.zhiben.hazards.SelfCheckEvidence;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.inspections.InspectionEvents;
import cn.zhiben.inspections.InspectionsProperties;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.standards.Checklist;
import cn.zhiben.standards.StandardClause;
import cn.zhiben.standards.StandardsLibrary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The inspection verbs: finds the inspection the caller may see (404 otherwise), asks the aggregate whether the caller
 * may act now, runs the verb, stores child rows, saves, publishes events and audits — in one transaction.
 */
@Service
public class InspectionService {

    private static final int MAX_SIGNATURE_BYTES = 512 * 1024;

    private final InspectionRepository inspections;
    private final PlanRepository plans;
    private final OfficerRegister officers;
    private final ExpertPool experts;
    private final Actors actors;
    private final UnitNames units;
    private final EnterpriseDirectory enterprises;
    private final StandardsLibrary standards;
    private final HazardIntake intake;
    private final SelfCheckEvidence selfCheckEvidence;
    private final DocumentNumbers numbers;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final InspectionsProperties properties;
    private final JdbcClient jdbc;
    private final InspectionNotifications notifications;
    private final ExpertScopes expertScopes;
    private final Clock clock;

    InspectionService(InspectionRepository inspections, PlanRepository plans, OfficerRegister officers, ExpertPool experts,
                      Actors actors, UnitNames units, EnterpriseDirectory enterprises, StandardsLibrary standards,
                      HazardIntake intake, SelfCheckEvidence selfCheckEvidence, DocumentNumbers numbers,
                      ApplicationEventPublisher events, AuditLog audit, InspectionsProperties properties, JdbcClient jdbc,
                      InspectionNotifications notifications, ExpertScopes expertScopes, Clock clock) {
        this.inspections = inspections;
        this.plans = plans;
        this.officers = officers;
        this.experts = experts;
        this.actors = actors;
        this.units = units;
        this.enterprises = enterprises;
        this.standards = standards;
        this.intake = intake;
        this.selfCheckEvidence = selfCheckEvidence;
        this.numbers = numbers;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.expertScopes = expertScopes;
        this.clock = clock;
    }

    public enum ItemResult {
        PASSED("符合"), FINDING("发现问题"), NOT_APPLICABLE("不适用");

        private final String label;

        ItemResult(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record NewInspection(UUID planId, UUID enterpriseId, PlanKind kind, List<UUID> officerIds,
                                LocalDate plannedFrom, LocalDate plannedTo) {
    }

    public record ItemInput(UUID clauseId, String title, ItemResult result, String note) {
    }

    /** @param id the client's key for the finding: a retried request with the same id returns the first finding */
    public record FindingInput(UUID id, Grade grade, UUID clauseId, String description, String location, Shutdown shutdown,
                               LocalDate deadline, UUID expertId) {
    }

    public record FindingResult(UUID findingId, UUID hazardId, String hazardNumber, boolean created) {
    }

    public enum Party {
        OFFICER, ENTERPRISE
    }

    public record SignatureInput(Party party, UUID officerId, String signerName, String signerPosition, String png) {
    }

    public record ReinspectionInput(LocalDate on, Boolean passed, String note, UUID decisionId) {
    }

    // ---- creating ----

    /** A unit arranges an inspection itself (not by a draw): in its plan, or as a routine, special or unannounced one. */
    @Transactional
    public UUID create(NewInspection in) {
        return create(in, false);
    }

    UUID create(NewInspection in, boolean demo) {
        Actor actor = actors.current();
        UnitRef unit = OfficerRegister.requireUnit(actor.user());
        LocalDate today = today();
        Plan plan = null;
        if (in.planId() != null) {
            plan = plans.findVisible(in.planId(), actor.user())
                    .orElseThrow(() -> ProblemException.notFound("PLAN_NOT_FOUND", "检查计划不存在"));
            plan.require(Plan.Action.ADD_INSPECTION, actor, today);
        }
        PlanKind kind = plan != null ? plan.kind() : in.kind();
        if (kind == null) {
            throw ProblemException.badRequest("INSPECTION_KIND_REQUIRED", "请选择检查方式");
        }
        if (plan == null && (kind == PlanKind.RANDOM || kind.withParticipants())) {
            throw ProblemException.badRequest("INSPECTION_PLAN_REQUIRED", kind.label() + "须在检查计划中安排");
        }
        UnitRef lead = plan != null ? plan.unit() : unit;
        if (in.enterpriseId() == null) {
            throw ProblemException.badRequest("ENTERPRISE_REQUIRED", "请选择企业");
        }
        var enterprise = enterprises.profile(in.enterpriseId())
                .filter(e -> units.scope(lead).covers(e.id(), e.regionCode(), e.zoneCode(), e.industryCode()))
                .orElseThrow(() -> ProblemException.notFound("ENTERPRISE_NOT_FOUND", "企业不存在"));
        LocalDate from = in.plannedFrom() == null ? today : in.plannedFrom();
        LocalDate to = in.plannedTo() == null ? (plan != null ? plan.periodTo() : from.plusDays(30)) : in.plannedTo();
        if (from.isBefore(today)) {
            throw ProblemException.badRequest("INSPECTION_PERIOD_INVALID", "检查期限不能早于今天");
        }
        if (plan != null && (from.isBefore(plan.periodFrom()) || to.isAfter(plan.periodTo()))) {
            throw ProblemException.badRequest("INSPECTION_PERIOD_INVALID", "检查期限须在计划期限内");
        }
        List<UnitRef> teamUnits = plan != null ? plan.officerUnits() : List.of(unit);
        List<UUID> ids = in.officerIds() == null ? List.of() : in.officerIds();
        List<Inspection.OnDuty> team = new ArrayList<>();
        for (UUID oid : ids) {
            Officer o = officers.find(oid).filter(x -> teamUnits.contains(x.unit()))
                    .orElseThrow(() -> ProblemException.notFound("OFFICER_NOT_FOUND", "执法人员不存在"));
            if (!o.validThrough(from, to)) {
                throw ProblemException.unprocessable("OFFICER_CERTIFICATE_INVALID", o.name() + " 的执法证在检查期限内无效");
            }
            if (officers.conflictsOf(o.id(), null).stream().anyMatch(c -> c.active() && c.enterpriseId().equals(enterprise.id()))) {
                // 行政处罚法 Art. 43: an officer with an interest in the case withdraws
                throw ProblemException.conflict("OFFICER_CONFLICT", o.name() + " 与该企业存在利害关系，应当回避");
            }
            team.add(new Inspection.OnDuty(o.id(), o.userId(), o.name(), o.certificateNo()));
        }
        Instant now = clock.instant();
        Inspection x = Inspection.plan(UUID.randomUUID(), plan == null ? null : plan.id(), null, lead, kind,
                enterprise.id(), enterprise.name(), enterprise.regionCode(), enterprise.zoneCode(), enterprise.industryCode(),
                from, to, team, plan == null ? List.of() : plan.participants(), demo || plan != null && plan.demo(), actor,
                now, "安排检查");
        inspections.insert(x, now, actor.user().username());
        notifications.assigned(x, units.name(lead));
        audit.record(AuditEntry.success(AuditAction.CREATE, "inspection", x.id(), Map.of(
                "enterprise", enterprise.name(), "kind", kind.name(), "officers",
                team.stream().map(Inspection.OnDuty::name).collect(Collectors.joining("、")))));
        return x.id();
    }

    // ---- on site ----

    @Transactional
    public void start(UUID id, int version, String place) {
        act(id, version, (x, actor, now, today) -> {
            if (place != null && place.length() > 200) {
                throw ProblemException.badRequest("INSPECTION_PLACE_TOO_LONG", "检查场所不能超过 200 字");
            }
            x.start(actor, now, today, place == null || place.isBlank() ? null : place.strip());
            return Map.of("status", x.status().name());
        });
    }

    /** Records checklist items (a clause of the standards in force that day, or a free item); a clause item is updated. */
    @Transactional
    public int recordItems(UUID id, List<ItemInput> items) {
        Actor actor = actors.current();
        Inspection x = load(id, actor);
        x.require(Inspection.Action.RECORD, actor, today());
        if (items == null || items.isEmpty() || items.size() > 500) {
            throw ProblemException.badRequest("INSPECTION_ITEMS_REQUIRED", "请提交 1–500 个检查项");
        }
        Map<UUID, StandardClause> checklist = checklistClauses(x);
        Instant now = clock.instant();
        int n = 0;
        for (ItemInput it : items) {
            if (it.result() == null) {
                throw ProblemException.badRequest("INSPECTION_ITEM_RESULT_REQUIRED", "请为每个检查项选择检查结果");
            }
            String note = it.note() == null || it.note().isBlank() ? null : it.note().strip();
            if (note != null && note.length() > 1000) {
                throw ProblemException.badRequest("INSPECTION_ITEM_NOTE_TOO_LONG", "检查项说明不能超过 1000 字");
            }
            if (it.clauseId() != null) {
                StandardClause c = checklist.get(it.clauseId());
                if (c == null) {
                    throw ProblemException.unprocessable("INSPECTION_CLAUSE_NOT_IN_CHECKLIST",
                            "该条款不在企业 " + x.inspectedOn() + " 适用的检查清单中");
                }
                n += jdbc.sql("""
                        insert into insp_item (id, inspection_id, clause_id, title, result, note, recorded_at, recorded_by)
                        values (:id, :i, :c, :t, :r, :n, :at, :by)
                        on conflict (inspection_id, clause_id) where clause_id is not null
                        do update set result = :r, note = :n, recorded_at = :at, recorded_by = :by""")
                        .param("id", UUID.randomUUID()).param("i", x.id()).param("c", c.id()).param("t", clauseTitle(c))
                        .param("r", it.result().name()).param("n", note).param("at", Timestamp.from(now))
                        .param("by", actor.name()).update();
            } else {
                String title = it.title() == null ? "" : it.title().strip();
                if (title.isEmpty() || title.length() > 200) {
                    throw ProblemException.badRequest("INSPECTION_ITEM_TITLE_REQUIRED", "请填写检查内容（不超过 200 字）");
                }
                n += jdbc.sql("""
                        insert into insp_item (id, inspection_id, clause_id, title, result, note, recorded_at, recorded_by)
                        values (:id, :i, null, :t, :r, :n, :at, :by)""")
                        .param("id", UUID.randomUUID()).param("i", x.id()).param("t", title).param("r", it.result().name())
                        .param("n", note).param("at", Timestamp.from(now)).param("by", actor.name()).update();
            }
        }
        audit.record(AuditEntry.success(AuditAction.UPDATE, "inspection", x.id(), Map.of("items", n)));
        return n;
    }

    /**
     * A finding becomes a hazard through the hazards module (channel 部门检查, or 专家 for an expert's), once per
     * finding id, linked both ways. A major finding cites a clause of the checklist on the inspection date, like a
     * report. Where the enterprise's own checks covered that clause and passed it, the hazard gets the 查不出 evidence.
     */
    @Transactional
    public FindingResult addFinding(UUID id, FindingInput in) {
        Actor actor = actors.current();
        Inspection x = load(id, actor);
        if (in.id() != null) {
            var existing = jdbc.sql("select inspection_id, hazard_id, hazard_number from insp_finding where id = :f")
                    .param("f", in.id()).query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3)}).optional();
            if (existing.isPresent()) {
                if (!existing.get()[0].equals(x.id())) {
                    throw ProblemException.conflict("FINDING_ID_TAKEN", "该问题编号已用于其他检查");
                }
                return new FindingResult(in.id(), (UUID) existing.get()[1], (String) existing.get()[2], false);
            }
        }
        x.require(Inspection.Action.ADD_FINDING, actor, today());
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        if (in.grade() == null) {
            problems.add(new ProblemException.FieldProblem("grade", "请选择隐患等级"));
        }
        String description = in.description() == null ? "" : in.description().strip();
        if (description.isEmpty() || description.length() > 2000) {
            problems.add(new ProblemException.FieldProblem("description", "请填写隐患描述（不超过 2000 字）"));
        }
        String location = in.location() == null ? "" : in.location().strip();
        if (location.isEmpty() || location.length() > 200) {
            problems.add(new ProblemException.FieldProblem("location", "请填写隐患部位（不超过 200 字）"));
        }
        if (in.grade() == Grade.MAJOR && in.clauseId() == null) {
            problems.add(new ProblemException.FieldProblem("clauseId", "重大事故隐患须引用判定标准条款"));
        }
        if (in.grade() == Grade.GENERAL && in.deadline() == null) {
            problems.add(new ProblemException.FieldProblem("deadline", "一般隐患须确定整改期限"));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    String.join("；", problems.stream().map(ProblemException.FieldProblem::message).toList()), problems);
        }
        StandardClause clause = null;
        if (in.clauseId() != null) {
            clause = checklistClauses(x).get(in.clauseId());
            if (clause == null) {
                throw ProblemException.unprocessable("INSPECTION_CLAUSE_NOT_IN_CHECKLIST",
                        "该条款不在企业 " + x.inspectedOn() + " 适用的检查清单中");
            }
        }
        UUID expertId = actor.expertId() != null && x.expertUsers.contains(actor.userId()) ? actor.expertId() : in.expertId();
        if (expertId != null && experts.assignments(expertId, x.id()).stream().noneMatch(a -> !a.status().equals("REVOKED"))) {
            throw ProblemException.unprocessable("EXPERT_NOT_ASSIGNED", "该专家未被指派参加本次检查");
        }
        Channel channel = expertId != null ? Channel.EXPERT : Channel.SUPERVISION;
        UUID findingId = in.id() != null ? in.id() : UUID.randomUUID();
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from insp_finding where inspection_id = :i").param("i", x.id())
                .query(Integer.class).single();
        String team = units.name(x.unit()) + " " + x.officers().stream().map(Inspection.OnDuty::name).collect(Collectors.joining("、"));
        String foundBy = expertId != null ? experts.find(expertId).map(e -> "专家 " + e.name() + "（" + team + "）").orElse(team) : team;
        HazardIntake.Registered hazard = intake.register(new HazardIntake.ExternalFinding("inspections",
                findingId.toString(), "现场检查 " + x.inspectedOn() + " " + units.name(x.unit()) + " 第" + seq + "项",
                "/inspections/" + x.id(), x.enterpriseId(), channel, in.grade(), in.clauseId(), description, location,
                x.inspectedOn(), foundBy, in.shutdown() == null ? Shutdown.NONE : in.shutdown(),
                in.grade() == Grade.GENERAL ? in.deadline() : null));
        Instant now = clock.instant();
        String evidence = null;
        if (in.grade() == Grade.MAJOR) {
            evidence = selfCheckMissed(x, clause, hazard.hazardId());
        }
        jdbc.sql("""
                insert into insp_finding (id, inspection_id, seq, clause_id, clause_label, grade, description, location,
                    shutdown, deadline, expert_id, channel, hazard_id, hazard_number, self_check_evidence, created_at,
                    created_by, created_by_name)
                values (:id, :i, :seq, :c, :cl, :g, :d, :l, :s, :dl, :x, :ch, :h, :hn, :ev, :at, :by, :byName)""")
                .param("id", findingId).param("i", x.id()).param("seq", seq).param("c", in.clauseId())
                .param("cl", clause == null ? null : clauseTitle(clause)).param("g", in.grade().name())
                .param("d", description).param("l", location)
                .param("s", (in.shutdown() == null ? Shutdown.NONE : in.shutdown()).name())
                .param("dl", in.grade() == Grade.GENERAL ? in.deadline() : null).param("x", expertId)
                .param("ch", channel.name()).param("h", hazard.hazardId()).param("hn", hazard.number()).param("ev", evidence)
                .param("at", Timestamp.from(now)).param("by", actor.userId()).param("byName", actor.name()).update();
        if (clause != null) {
            jdbc.sql("""
                    insert into insp_item (id, inspection_id, clause_id, title, result, note, recorded_at, recorded_by)
                    values (:id, :i, :c, :t, 'FINDING', null, :at, :by)
                    on conflict (inspection_id, clause_id) where clause_id is not null
                    do update set result = 'FINDING', recorded_at = :at, recorded_by = :by""")
                    .param("id", UUID.randomUUID()).param("i", x.id()).param("c", clause.id()).param("t", clauseTitle(clause))
                    .param("at", Timestamp.from(now)).param("by", actor.name()).update();
        }
        x.noted(Inspection.Action.ADD_FINDING, actor, now, "第" + seq + "项 " + in.grade().label() + "隐患 " + hazard.number());
        inspections.save(x, now);
        events.publishEvent(new InspectionEvents.FindingMade(findingId, x.id(), x.unit().unitId(), x.unit().regionCode(),
                x.enterpriseId(), x.regionCode(), x.industryCode(), in.grade() == Grade.MAJOR, hazard.hazardId(), now));
        audit.record(AuditEntry.success(AuditAction.CREATE, "inspection-finding", findingId, Map.of(
                "inspection", x.id().toString(), "grade", in.grade().name(), "hazard", hazard.number(),
                "channel", channel.name())));
        return new FindingResult(findingId, hazard.hazardId(), hazard.number(), true);
    }

    /**
     * 查不出 (plan item 23): the enterprise's own check of this clause within the look-back before the finding was
     * recorded as passed. Returns the evidence given to the hazard, or null.
     */
    private String selfCheckMissed(Inspection x, StandardClause clause, UUID hazardId) {
        if (clause == null) {
            return null;
        }
        LocalDate to = x.inspectedOn();
        LocalDate from = to.minus(properties.selfCheckLookback());
        var hit = jdbc.sql("""
                select si.id, s.checked_on, s.level, s.scope_name, s.led_by from insp_self_item si
                join insp_self_inspection s on s.id = si.self_inspection_id
                where s.enterprise_id = :e and si.clause_id = :c and si.result = 'PASSED' and s.checked_on between :from and :to
                order by s.checked_on desc, s.checked_at desc limit 1""")
                .param("e", x.enterpriseId()).param("c", clause.id()).param("from", from).param("to", to)
                .query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        SelfInspections.Level.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)}).optional();
        if (hit.isEmpty()) {
            return null;
        }
        Object[] h = hit.get();
        SelfInspections.Level level = (SelfInspections.Level) h[2];
        String evidence = h[1] + " " + level.label() + (h[3] == null ? "" : "（" + h[3] + "）") + "覆盖「"
                + clause.version().citation() + " 第 " + clause.clauseNo() + " 条」，记录为合格（带队：" + h[4] + "）";
        selfCheckEvidence.record(hazardId, "inspections", h[0] + "/" + hazardId, evidence);
        return evidence;
    }

    /** A photo of the site or of a finding (JPEG, PNG or WebP, recognised by its leading bytes). */
    @Transactional
    public UUID addPhoto(UUID id, UUID findingId, String fileName, byte[] bytes) {
        Actor actor = actors.current();
        Inspection x = load(id, actor);
        x.require(Inspection.Action.RECORD, actor, today());
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.badRequest("PHOTO_REQUIRED", "请选择照片");
        }
        if (bytes.length > properties.maxPhotoSize().toBytes()) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "PHOTO_TOO_LARGE",
                    "照片不能超过 " + properties.maxPhotoSize().toMegabytes() + " MB");
        }
        String type = imageType(bytes).orElseThrow(() -> ProblemException.unprocessable("PHOTO_TYPE_UNSUPPORTED",
                "只接受 JPEG、PNG、WebP 格式的照片"));
        if (findingId != null && !jdbc.sql("select exists (select 1 from insp_finding where id = :f and inspection_id = :i)")
                .param("f", findingId).param("i", x.id()).query(Boolean.class).single()) {
            throw ProblemException.notFound("FINDING_NOT_FOUND", "该检查没有这条隐患");
        }
        String name = fileName == null || fileName.isBlank() ? "photo" : fileName.strip();
        name = name.replaceAll("[\\\\/\\r\\n\"]", "_");
        if (name.length() > 120) {
            name = name.substring(name.length() - 120);
        }
        UUID photoId = UUID.randomUUID();
        jdbc.sql("""
                insert into insp_photo (id, inspection_id, finding_id, file_name, content_type, size_bytes, sha256, bytes,
                    uploaded_at, uploaded_by)
                values (:id, :i, :f, :n, :t, :s, :h, :b, :at, :by)""")
                .param("id", photoId).param("i", x.id()).param("f", findingId).param("n", name).param("t", type)
                .param("s", bytes.length).param("h", sha256(bytes)).param("b", bytes)
                .param("at", Timestamp.from(clock.instant())).param("by", actor.name()).update();
        audit.record(AuditEntry.success(AuditAction.CREATE, "inspection-photo", photoId, Map.of(
                "inspection", x.id().toString(), "file", name, "bytes", bytes.length)));
        return photoId;
    }

    /** A stored photo: its checked content type and bytes. */
    public record Photo(String contentType, byte[] bytes) {
    }

    /** A photo of an inspection the caller may see (the inspection as {@link #visible}, the photo one of its own). */
    public Photo photo(UUID id, UUID photoId) {
        Inspection x = visible(id, actors.current());
        return jdbc.sql("select content_type, bytes from insp_photo where id = :p and inspection_id = :i")
                .param("p", photoId).param("i", x.id())
                .query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2)))
                .optional().orElseThrow(() -> ProblemException.notFound("PHOTO_NOT_FOUND", "照片不存在"));
    }

    /** An on-screen signature (PNG from the canvas) of an officer of the team or of the enterprise's person. */
    @Transactional
    public void sign(UUID id, SignatureInput in) {
        Actor actor = actors.current();
        Inspection x = load(id, actor);
        x.require(Inspection.Action.SIGN, actor, today());
        if (in.party() == null) {
            throw ProblemException.badRequest("SIGNATURE_PARTY_REQUIRED", "请选择签名人");
        }
        byte[] png = decodePng(in.png());
        String party;
        String signer;
        if (in.party() == Party.OFFICER) {
            Inspection.OnDuty o = x.officers().stream().filter(d -> d.officerId().equals(in.officerId())).findFirst()
                    .orElseThrow(() -> ProblemException.badRequest("SIGNATURE_OFFICER_NOT_ON_TEAM", "该执法人员不在检查组中"));
            party = "OFFICER:" + o.officerId();
            signer = o.name();
        } else {
            signer = in.signerName() == null ? "" : in.signerName().strip();
            if (signer.isEmpty() || signer.length() > 50) {
                throw ProblemException.badRequest("SIGNATURE_NAME_REQUIRED", "请填写被检查单位签字人姓名");
            }
            String position = in.signerPosition() == null || in.signerPosition().isBlank() ? null : in.signerPosition().strip();
            if (position != null && position.length() > 50) {
                throw ProblemException.badRequest("SIGNATURE_POSITION_TOO_LONG", "职务不能超过 50 字");
            }
            party = "ENTERPRISE";
            x.enterpriseSigned(signer, position);
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into insp_signature (inspection_id, party, signer_name, png, sha256, signed_at, signed_by)
                values (:i, :p, :n, :png, :h, :at, :by)
                on conflict (inspection_id, party) do update set signer_name = :n, png = :png, sha256 = :h, signed_at = :at,
                    signed_by = :by""")
                .param("i", x.id()).param("p", party).param("n", signer).param("png", png).param("h", sha256(png))
                .param("at", Timestamp.from(now)).param("by", actor.userId()).update();
        inspections.save(x, now);
        audit.record(AuditEntry.success(AuditAction.UPDATE, "inspection", x.id(), Map.of("signed", party.startsWith("OFFICER")
                ? "执法人员 " + signer : "被检查单位 " + signer)));
    }

    /** 安全生产法 Art. 68: the unit's person refuses to sign; the record says so. */
    @Transactional
    public void recordRefusal(UUID id, int version, String signerName, String note) {
        act(id, version, (x, actor, now, today) -> {
            x.require(Inspection.Action.SIGN, actor, today);
            jdbc.sql("delete from insp_signature where inspection_id = :i and party = 'ENTERPRISE'").param("i", x.id()).update();
            x.enterpriseRefused(actor, now, signerName == null || signerName.isBlank() ? null : signerName.strip(), note);
            return Map.of("refused", true);
        });
    }

    @Transactional
    public String complete(UUID id, int version, String summary, String handling) {
        String[] number = new String[1];
        act(id, version, (x, actor, now, today) -> {
            if (summary != null && summary.length() > 4000 || handling != null && handling.length() > 4000) {
                throw ProblemException.badRequest("INSPECTION_TEXT_TOO_LONG", "检查情况和处理意见各不能超过 4000 字");
            }
            Set<String> signed = new HashSet<>(jdbc.sql("select party from insp_signature where inspection_id = :i")
                    .param("i", x.id()).query(String.class).list());
            int items = jdbc.sql("select count(*) from insp_item where inspection_id = :i").param("i", x.id())
                    .query(Integer.class).single();
            int unregistered = jdbc.sql("""
                    select count(*) from insp_item it where it.inspection_id = :i and it.result = 'FINDING'
                      and it.clause_id is not null and not exists (select 1 from insp_finding f
                        where f.inspection_id = :i and f.clause_id = it.clause_id)""")
                    .param("i", x.id()).query(Integer.class).single();
            x.complete(actor, now, today, () -> numbers.next(x.unit(), DocumentNumbers.DocType.INSPECTION_RECORD,
                    x.inspectedOn().getYear()), summary, handling, signed, items, unregistered);
            number[0] = x.number();
            var counts = jdbc.sql("select count(*), count(*) filter (where grade = 'MAJOR') from insp_finding where inspection_id = :i")
                    .param("i", x.id()).query((rs, n) -> new int[]{rs.getInt(1), rs.getInt(2)}).single();
            events.publishEvent(new InspectionEvents.InspectionCompleted(x.id(), x.number(), x.unit().unitId(),
                    x.unit().regionCode(), x.enterpriseId(), x.regionCode(), x.industryCode(), x.kind().name(),
                    x.inspectedOn(), counts[0], counts[1], now));
            return Map.of("number", x.number(), "findings", counts[0], "majorFindings", counts[1]);
        });
        return number[0];
    }

    @Transactional
    public void acknowledge(UUID id, int version) {
        act(id, version, (x, actor, now, today) -> {
            x.acknowledge(actor, now, today);
            return Map.of("acknowledgedBy", actor.name());
        });
    }

    @Transactional
    public void cancel(UUID id, int version, String reason) {
        act(id, version, (x, actor, now, today) -> {
            x.cancel(actor, now, today, reason);
            revokeExperts(x, "检查取消");
            return Map.of("status", x.status().name());
        });
    }

    // ---- experts ----

    @Transactional
    public UUID assignExpert(UUID id, UUID expertId) {
        Actor actor = actors.current();
        Inspection x = load(id, actor);
        x.require(Inspection.Action.ASSIGN_EXPERT, actor, today());
        if (expertId == null) {
            throw ProblemException.badRequest("EXPERT_REQUIRED", "请选择专家");
        }
        ExpertPool.Expert e = experts.find(expertId).orElseThrow(ExpertPool::notFound);
        checkExpert(e, x.enterpriseId(), x.industryCode(), x.plannedFrom(), x.plannedTo());
        if (experts.assignments(e.id(), x.id()).stream().anyMatch(a -> !a.status().equals("REVOKED"))) {
            throw ProblemException.conflict("EXPERT_ALREADY_ASSIGNED", "该专家已指派参加本次检查");
        }
        Instant now = clock.instant();
        UUID assignment = insertAssignment(e, x, actor, now);
        x.noted(Inspection.Action.ASSIGN_EXPERT, actor, now, e.name());
        inspections.save(x, now);
        return assignment;
    }

    /** Qualified, available and without a recorded conflict with the enterprise. */
    void checkExpert(ExpertPool.Expert e, UUID enterpriseId, String industryCode, LocalDate from, LocalDate to) {
        if (!e.covers(industryCode)) {
            throw ProblemException.unprocessable("EXPERT_NOT_QUALIFIED", e.name() + " 的专业领域不含该企业的行业");
        }
        if (!experts.available(e, from, to)) {
            throw ProblemException.unprocessable("EXPERT_UNAVAILABLE", e.name() + " 在检查期限内不在聘期或不可用");
        }
        if (officers.conflictsOf(null, e.id()).stream().anyMatch(c -> c.active() && c.enterpriseId().equals(enterpriseId))) {
            throw ProblemException.conflict("EXPERT_CONFLICT", e.name() + " 与该企业存在利害关系，应当回避");
        }
    }

    UUID insertAssignment(ExpertPool.Expert e, Inspection x, Actor actor, Instant now) {
        UUID aid = UUID.randomUUID();
        jdbc.sql("""
                insert into insp_expert_assignment (id, expert_id, inspection_id, enterprise_id, from_date, to_date, status,
                    assigned_at, assigned_by, unit_id, unit_region_code)
                values (:id, :e, :i, :ent, :from, :to, 'ASSIGNED', :at, :by, :u, :r)""")
                .param("id", aid).param("e", e.id()).param("i", x.id()).param("ent", x.enterpriseId())
                .param("from", x.plannedFrom()).param("to", x.plannedTo()).param("at", Timestamp.from(now))
                .param("by", actor.name()).param("u", x.unit().unitId()).param("r", x.unit().regionCode()).update();
        audit.record(AuditEntry.success(AuditAction.CREATE, "expert-assignment", aid, Map.of(
                "expert", e.name(), "inspection", x.id().toString(), "enterprise", x.enterpriseName())));
        expertScopes.granted(aid, e.userId(), x.enterpriseId(), x.plannedFrom(), x.plannedTo());
        return aid;
    }

    /** The unit evaluates the expert's work after the inspection (1–5 and a comment); the assignment is done. */
    @Transactional
    public void evaluateExpert(UUID id, UUID assignmentId, Integer score, String comment) {
        Actor actor = actors.current();
        Inspection x = load(id, actor);
        x.require(Inspection.Action.EVALUATE_EXPERT, actor, today());
        if (score == null || score < 1 || score > 5) {
            throw ProblemException.badRequest("EXPERT_SCORE_INVALID", "评价分值须为 1–5");
        }
        if (comment != null && comment.length() > 500) {
            throw ProblemException.badRequest("EXPERT_COMMENT_TOO_LONG", "评价意见不能超过 500 字");
        }
        int n = jdbc.sql("""
                update insp_expert_assignment set status = 'DONE', score = :s, evaluation = :c, evaluated_at = :at,
                    evaluated_by = :by where id = :id and inspection_id = :i and status = 'ASSIGNED'""")
                .param("s", score).param("c", comment == null || comment.isBlank() ? null : comment.strip())
                .param("at", Timestamp.from(clock.instant())).param("by", actor.name()).param("id", assignmentId)
                .param("i", x.id()).update();
        if (n == 0) {
            throw ProblemException.notFound("EXPERT_ASSIGNMENT_NOT_FOUND", "没有待评价的专家指派");
        }
        audit.record(AuditEntry.success(AuditAction.UPDATE, "expert-assignment", assignmentId, Map.of("score", score)));
    }

    void revokeExperts(Inspection x, String reason) {
        expertScopes.revokeOpen(List.of(x.id()), reason);
    }

    // ---- follow-up ----

    /**
     * 复查 of the inspection's findings or of a decision's order (令第16号 Art. 23 [P]); numbered 整改复查意见书. Also the
     * step that allows a suspended enterprise to resume (安全生产法 Art. 65(3): only after the department's review).
     */
    @Transactional
    public UUID reinspect(UUID id, ReinspectionInput in) {
        Actor actor = actors.current();
        Inspection x = load(id, actor);
        LocalDate today = today();
        x.require(Inspection.Action.REINSPECT, actor, today);
        if (in.on() == null || in.passed() == null || in.note() == null || in.note().isBlank() || in.note().length() > 2000) {
            throw ProblemException.badRequest("REINSPECTION_INCOMPLETE", "请填写复查日期、复查结论和复查意见（不超过 2000 字）");
        }
        if (in.on().isAfter(today) || in.on().isBefore(x.inspectedOn())) {
            throw ProblemException.badRequest("REINSPECTION_DATE_INVALID", "复查日期须在检查日期之后、不晚于今天");
        }
        boolean findings = jdbc.sql("select exists (select 1 from insp_finding where inspection_id = :i)").param("i", x.id())
                .query(Boolean.class).single();
        if (in.decisionId() != null) {
            String status = jdbc.sql("select status from insp_decision where id = :d and inspection_id = :i")
                    .param("d", in.decisionId()).param("i", x.id()).query(String.class).optional()
                    .orElseThrow(() -> ProblemException.notFound("DECISION_NOT_FOUND", "该检查没有这份执法决定"));
            if (status.equals(Decision.Status.CLOSED.name())) {
                throw new IllegalMove("DECISION_CLOSED", "执法决定已结案");
            }
        } else if (!findings) {
            throw new IllegalMove("REINSPECTION_NOTHING_TO_CHECK", "本次检查没有发现问题，无需复查");
        }
        Instant now = clock.instant();
        UUID rid = UUID.randomUUID();
        String number = numbers.next(x.unit(), DocumentNumbers.DocType.REINSPECTION, in.on().getYear());
        String team = x.officers().stream().map(Inspection.OnDuty::name).collect(Collectors.joining("、"));
        jdbc.sql("""
                insert into insp_reinspection (id, number, inspection_id, decision_id, done_on, passed, note, officers,
                    recorded_at, recorded_by)
                values (:id, :n, :i, :d, :on, :p, :note, :o, :at, :by)""")
                .param("id", rid).param("n", number).param("i", x.id()).param("d", in.decisionId()).param("on", in.on())
                .param("p", in.passed()).param("note", in.note().strip()).param("o", team).param("at", Timestamp.from(now))
                .param("by", actor.userId()).update();
        x.noted(Inspection.Action.REINSPECT, actor, now, number + (in.passed() ? " 复查合格" : " 复查不合格"));
        inspections.save(x, now);
        events.publishEvent(new InspectionEvents.ReinspectionDone(rid, x.id(), in.decisionId(), x.enterpriseId(),
                in.passed(), in.on(), now));
        audit.record(AuditEntry.success(AuditAction.CREATE, "reinspection", rid, Map.of("number", number,
                "passed", in.passed(), "inspection", x.id().toString())));
        return rid;
    }

    // ---- reading ----

    /** The clauses in force for the enterprise on the inspection date (or today before the visit). */
    public Checklist checklist(UUID id) {
        return checklistOf(visible(id, actors.current()));
    }

    public Checklist checklistOf(Inspection x) {
        return standards.checklist(x.enterpriseId(), x.inspectedOn() != null ? x.inspectedOn() : today());
    }

    /**
     * The inspection, if the caller may see it. Looking at a 四不两直 target before the visit is recorded in the audit
     * log (kept even though the request only reads).
     */
    public Inspection visible(UUID id, Actor actor) {
        Inspection x = inspections.findVisible(id, actor.user()).orElseThrow(InspectionService::notFound);
        if (x.secret()) {
            audit.recordIndependently(AuditEntry.success(AuditAction.VIEW_RESTRICTED, "inspection", x.id(),
                    Map.of("kind", "四不两直", "enterprise", x.enterpriseName())));
        }
        return x;
    }

    private Map<UUID, StandardClause> checklistClauses(Inspection x) {
        Checklist c = standards.checklist(x.enterpriseId(), x.inspectedOn() != null ? x.inspectedOn() : today());
        Map<UUID, StandardClause> out = new LinkedHashMap<>();
        c.sections().forEach(s -> s.clauses().forEach(cl -> out.put(cl.id(), cl)));
        return out;
    }

    static String clauseTitle(StandardClause c) {
        String s = c.version().citation() + " 第 " + c.clauseNo() + " 条：" + c.summary();
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    // ---- helpers ----

    interface Verb {
        Map<String, ?> run(Inspection x, Actor actor, Instant now, LocalDate today);
    }

    /** Loads the inspection for update inside the caller's visibility, checks the version, runs, saves, audits. */
    private void act(UUID id, int version, Verb verb) {
        Actor actor = actors.current();
        Inspection x = inspections.findVisibleForUpdate(id, actor.user()).orElseThrow(InspectionService::notFound);
        if (x.version() != version) {
            throw ProblemException.conflict("CONCURRENT_MODIFICATION", "检查记录已被他人修改，请刷新后重试");
        }
        Instant now = clock.instant();
        String before = x.status().name();
        Map<String, ?> summary = verb.run(x, actor, now, today());
        inspections.save(x, now);
        Map<String, Object> changes = new LinkedHashMap<>(summary);
        if (!before.equals(x.status().name())) {
            changes.put("status", List.of(before, x.status().name()));
        }
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "inspection", x.id(), changes));
    }

    private Inspection load(UUID id, Actor actor) {
        return inspections.findVisibleForUpdate(id, actor.user()).orElseThrow(InspectionService::notFound);
    }

    static ProblemException notFound() {
        return ProblemException.notFound("INSPECTION_NOT_FOUND", "检查不存在");
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    static Optional<String> imageType(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (isPng(b)) {
            return Optional.of("image/png");
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    static boolean isPng(byte[] b) {
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (b[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** A canvas's PNG as a data URL or plain base64. */
    static byte[] decodePng(String data) {
        if (data == null || data.isBlank()) {
            throw ProblemException.badRequest("SIGNATURE_REQUIRED", "请先在签名区签名");
        }
        String b64 = data.strip();
        if (b64.startsWith("data:")) {
            int comma = b64.indexOf(',');
            if (!b64.startsWith("data:image/png;base64,") || comma < 0) {
                throw ProblemException.badRequest("SIGNATURE_NOT_PNG", "签名须为 PNG 图像");
            }
            b64 = b64.substring(comma + 1);
        }
        if (b64.length() > MAX_SIGNATURE_BYTES * 4 / 3 + 4) {
            throw ProblemException.badRequest("SIGNATURE_TOO_LARGE", "签名图像过大");
        }
        byte[] png;
        try {
            png = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("SIGNATURE_NOT_PNG", "签名须为 PNG 图像");
        }
        if (!isPng(png) || png.length < 67) {
            throw ProblemException.badRequest("SIGNATURE_NOT_PNG", "签名须为 PNG 图像");
        }
        return png;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
