package cn.zhiben.org.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.IndustrySupervisionChanged;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The industry tree and who supervises each field under 三管三必须 (晋市安委发〔2024〕6号 三、四(二)4-5).
 * Only the city office changes it; every change is a new revision with a full snapshot, a reason and an audit entry,
 * and is made against the revision the editor saw (optimistic locking).
 */
@Service
public class IndustryService {

    public static final String CODE_PATTERN = "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$";
    static final String ENTITY = "org_industry";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = """
            select code, name, parent_code, plan_ref, assignable, active, sort_order, revision, updated_at, updated_by
            from org_industry""";

    private final JdbcClient jdbc;
    private final UnitCatalog units;
    private final AuditLog audit;
    private final InputValidator validator;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    IndustryService(JdbcClient jdbc, UnitCatalog units, AuditLog audit, InputValidator validator, Clock clock,
                    ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
        this.events = events;
    }

    /** The top-level fields with their sub-industries, in the plan's order. */
    public List<IndustryNode> tree() {
        List<IndustryNode> all = rows(null);
        Map<String, List<IndustryNode>> byParent = new HashMap<>();
        all.forEach(n -> byParent.computeIfAbsent(n.parentCode(), k -> new ArrayList<>()).add(n));
        return byParent.getOrDefault(null, List.of()).stream().map(n -> build(n, byParent, 0)).toList();
    }

    /** Every industry, parents before their children (depth-first), without nesting. */
    public List<IndustryNode> flat() {
        List<IndustryNode> out = new ArrayList<>();
        tree().forEach(n -> flatten(n, out));
        return out;
    }

    /** One industry with its sub-industries. */
    public IndustryNode one(String code) {
        return findIn(tree(), code).orElseThrow(() -> notFound(code));
    }

    /** The revisions of an industry, newest first. */
    public List<IndustryRevision> history(String code) {
        if (find(code).isEmpty()) {
            throw notFound(code);
        }
        return jdbc.sql("""
                select revision, changed_at, changed_by, reason, snapshot from org_industry_revision
                where industry_code = :code order by revision desc""")
                .param("code", code)
                .query((rs, n) -> new IndustryRevision(rs.getInt("revision"), rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by"), rs.getString("reason"),
                        JSON.readValue(rs.getString("snapshot"), IndustryRevision.Snapshot.class)))
                .list();
    }

    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    @Transactional
    public IndustryNode edit(String code, IndustryEdit edit) {
        IndustryNode before = jdbc.sql(SELECT + " where code = :code for update").param("code", code)
                .query(this::mapRow).optional().orElseThrow(() -> notFound(code));
        before = withSupervisors(before);
        validator.check(edit);
        if (edit.revision() != before.revision()) {
            throw ProblemException.conflict("CONCURRENT_MODIFICATION",
                    "该行业领域已被他人修改（当前版本 " + before.revision() + "，您编辑的是版本 " + edit.revision() + "），请刷新后重试");
        }
        List<UUID> cooperating = checkSupervisors(edit.leadUnitId(), edit.cooperatingUnitIds());
        checkActivation(before, edit.active());
        Map<String, Object> beforeSummary = summary(before.name(), before.lead() == null ? null : before.lead().unitId(),
                before.cooperating().stream().map(IndustryNode.UnitRef::unitId).toList(), before.active(), before.assignable());
        Map<String, Object> afterSummary = summary(edit.name().strip(), edit.leadUnitId(), cooperating, edit.active(),
                edit.assignable());
        if (beforeSummary.equals(afterSummary)) {
            throw ProblemException.badRequest("NOTHING_CHANGED", "未作任何修改");
        }
        String by = CurrentUser.require().username();
        Instant now = clock.instant();
        jdbc.sql("""
                update org_industry set name = :name, active = :active, assignable = :assignable, revision = revision + 1,
                       updated_at = :now, updated_by = :by
                where code = :code""")
                .param("code", code).param("name", edit.name().strip()).param("active", edit.active())
                .param("assignable", edit.assignable()).param("now", Timestamp.from(now)).param("by", by)
                .update();
        replaceSupervisors(code, edit.leadUnitId(), cooperating, before, now, edit.reason().strip());
        writeRevision(code, now, by, edit.reason().strip());
        beforeSummary.put("revision", before.revision());
        afterSummary.put("revision", before.revision() + 1);
        audit.record(AuditEntry.success(AuditAction.UPDATE, ENTITY, code, AuditLog.diff(beforeSummary, afterSummary))
                .withDetail("修改原因：" + edit.reason().strip()));
        return one(code);
    }

    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    @Transactional
    public IndustryNode create(IndustryDraft draft) {
        validator.check(draft);
        String code = draft.code().strip();
        String parentCode = draft.parentCode() == null || draft.parentCode().isBlank() ? null : draft.parentCode().strip();
        if (parentCode != null) {
            IndustryNode parent = jdbc.sql(SELECT + " where code = :code for share").param("code", parentCode)
                    .query(this::mapRow).optional()
                    .orElseThrow(() -> field(HttpStatus.BAD_REQUEST, "PARENT_INDUSTRY_NOT_FOUND", "parentCode",
                            "上级行业领域 " + parentCode + " 不存在"));
            String rest = code.startsWith(parentCode + ".") ? code.substring(parentCode.length() + 1) : null;
            if (rest == null || rest.contains(".")) {
                throw field(HttpStatus.BAD_REQUEST, "INDUSTRY_CODE_PARENT_MISMATCH", "code",
                        "代码须为上级代码“" + parentCode + "”加“.”再加一段，如 " + parentCode + ".example");
            }
            if (!parent.active()) {
                throw field(HttpStatus.CONFLICT, "PARENT_INACTIVE", "parentCode", "上级行业领域已停用，不能在其下新增");
            }
        } else if (code.contains(".")) {
            throw field(HttpStatus.BAD_REQUEST, "INDUSTRY_CODE_PARENT_MISMATCH", "code", "顶层行业领域的代码不能含“.”");
        }
        List<UUID> cooperating = checkSupervisors(draft.leadUnitId(), draft.cooperatingUnitIds());
        String by = CurrentUser.require().username();
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                insert into org_industry (code, name, parent_code, plan_ref, assignable, sort_order, active, revision,
                                          updated_at, updated_by)
                values (:code, :name, :parent, :planRef, :assignable,
                        (select coalesce(max(sort_order), 0) + 1 from org_industry), true, 1, :now, :by)
                on conflict (code) do nothing""")
                .param("code", code).param("name", draft.name().strip()).param("parent", parentCode)
                .param("planRef", draft.planRef().strip()).param("assignable", draft.assignable())
                .param("now", Timestamp.from(now)).param("by", by)
                .update();
        if (inserted == 0) {
            throw field(HttpStatus.CONFLICT, "INDUSTRY_CODE_TAKEN", "code", "代码 " + code + " 已被使用");
        }
        replaceSupervisors(code, draft.leadUnitId(), cooperating, null, now, draft.reason().strip());
        writeRevision(code, now, by, draft.reason().strip());
        Map<String, Object> after = summary(draft.name().strip(), draft.leadUnitId(), cooperating, true, draft.assignable());
        after.put("parentCode", parentCode);
        after.put("planRef", draft.planRef().strip());
        after.put("revision", 1);
        audit.record(AuditEntry.success(AuditAction.CREATE, ENTITY, code, AuditLog.diff(null, after))
                .withDetail("新增原因：" + draft.reason().strip()));
        return one(code);
    }

    /** Exactly one lead, which must not also co-operate; every unit must exist and be active. Returns the co-operating units, deduplicated. */
    private List<UUID> checkSupervisors(UUID lead, List<UUID> cooperatingIds) {
        List<UUID> cooperating = cooperatingIds == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(cooperatingIds.stream().filter(Objects::nonNull).toList()));
        List<ProblemException.FieldProblem> missing = new ArrayList<>();
        if (units.find(lead).isEmpty()) {
            missing.add(new ProblemException.FieldProblem("leadUnitId", "牵头单位不存在"));
        }
        for (int i = 0; i < cooperating.size(); i++) {
            if (units.find(cooperating.get(i)).isEmpty()) {
                missing.add(new ProblemException.FieldProblem("cooperatingUnitIds[" + i + "]", "配合单位不存在"));
            }
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "UNIT_NOT_FOUND",
                    missing.stream().map(ProblemException.FieldProblem::message).distinct()
                            .reduce((a, b) -> a + "；" + b).orElseThrow(), missing);
        }
        // Attachment 2 category 4 (驻市相关单位、市属各国有企业) are supervised, never supervisors (issue 8)
        List<String> enterprises = new ArrayList<>();
        for (UUID id : concat(lead, cooperating)) {
            units.find(id).filter(u -> u.category() == 4).ifPresent(u -> enterprises.add(u.name()));
        }
        if (!enterprises.isEmpty()) {
            throw ProblemException.badRequest("UNIT_NOT_A_SUPERVISOR",
                    "驻市相关单位、市属国有企业（第四类成员单位）不能作为行业领域监管部门：" + String.join("、", enterprises));
        }
        if (cooperating.contains(lead)) {
            throw field(HttpStatus.BAD_REQUEST, "LEAD_ALSO_COOPERATING", "cooperatingUnitIds",
                    "牵头单位 " + units.find(lead).map(CommitteeUnit::name).orElseThrow() + " 不能同时是配合单位");
        }
        List<String> inactive = new ArrayList<>();
        for (UUID id : concat(lead, cooperating)) {
            units.find(id).filter(u -> !u.active()).ifPresent(u -> inactive.add(u.name()));
        }
        if (!inactive.isEmpty()) {
            throw ProblemException.badRequest("UNIT_INACTIVE", "成员单位已停用：" + String.join("、", inactive));
        }
        return cooperating;
    }

    /** A field is not switched off under active sub-industries, nor on under a switched-off parent. */
    private void checkActivation(IndustryNode before, boolean active) {
        if (before.active() && !active) {
            List<String> activeChildren = jdbc.sql("select name from org_industry where parent_code = :code and active order by sort_order")
                    .param("code", before.code()).query(String.class).list();
            if (!activeChildren.isEmpty()) {
                throw field(HttpStatus.CONFLICT, "INDUSTRY_HAS_ACTIVE_CHILDREN", "active",
                        "请先停用其下级行业领域：" + String.join("、", activeChildren));
            }
        }
        if (!before.active() && active && before.parentCode() != null) {
            boolean parentActive = jdbc.sql("select active from org_industry where code = :p").param("p", before.parentCode())
                    .query(Boolean.class).single();
            if (!parentActive) {
                throw field(HttpStatus.CONFLICT, "PARENT_INACTIVE", "active", "上级行业领域已停用，请先启用上级");
            }
        }
    }

    /**
     * The city office's edit is its decision: every entry it saves carries that as its basis (no longer the platform's
     * inference). An entry kept in the same role keeps a stated source it had (a plan item, a statute).
     */
    private void replaceSupervisors(String code, UUID lead, List<UUID> cooperating, IndustryNode before, Instant at,
                                    String reason) {
        Map<UUID, IndustryNode.UnitRef> kept = new HashMap<>();
        if (before != null) {
            if (before.lead() != null && before.lead().unitId().equals(lead)) {
                kept.put(lead, before.lead());
            }
            before.cooperating().stream().filter(u -> cooperating.contains(u.unitId())).forEach(u -> kept.put(u.unitId(), u));
        }
        String decided = "市安委办 " + java.time.LocalDate.ofInstant(at, cn.zhiben.platform.PlatformConfiguration.ZONE)
                + " 确认：" + reason;
        jdbc.sql("delete from org_industry_supervisor where industry_code = :code").param("code", code).update();
        insertSupervisor(code, lead, "LEAD", kept.get(lead), decided);
        for (UUID unit : cooperating) {
            insertSupervisor(code, unit, "COOPERATE", kept.get(unit), decided);
        }
        events.publishEvent(new IndustrySupervisionChanged(code));
    }

    private void insertSupervisor(String code, UUID unit, String role, IndustryNode.UnitRef kept, String decided) {
        String basis = kept != null && !kept.inferred() && kept.basis() != null ? kept.basis() : decided;
        jdbc.sql("""
                insert into org_industry_supervisor (industry_code, unit_id, role, basis, inferred)
                values (:code, :unit, :role, :basis, false)""")
                .param("code", code).param("unit", unit).param("role", role).param("basis", basis).update();
    }

    /** The snapshot is built by the same expression as the initial revision in V2026_11_29_0220, so every revision has one shape. */
    private void writeRevision(String code, Instant at, String by, String reason) {
        jdbc.sql("""
                insert into org_industry_revision (industry_code, revision, changed_at, changed_by, reason, snapshot)
                select i.code, i.revision, :at, :by, :reason,
                       json_build_object('name', i.name, 'parentCode', i.parent_code, 'assignable', i.assignable, 'active', i.active,
                           'supervisors', (select json_agg(json_build_object('unit', u.name, 'role', s.role) order by s.role desc, u.sort_order)
                                           from org_industry_supervisor s join org_unit u on u.id = s.unit_id where s.industry_code = i.code))::text
                from org_industry i where i.code = :code""")
                .param("code", code).param("at", Timestamp.from(at)).param("by", by).param("reason", reason)
                .update();
    }

    /** What the audit diff compares: names, not ids, so the log reads on its own. */
    private Map<String, Object> summary(String name, UUID lead, List<UUID> cooperating, boolean active, boolean assignable) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("lead", units.find(lead).map(CommitteeUnit::name).orElse(null));
        out.put("cooperating", cooperating.stream().map(units::find).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(CommitteeUnit::sortOrder)).map(CommitteeUnit::name).toList());
        out.put("active", active);
        out.put("assignable", assignable);
        return out;
    }

    private Optional<IndustryNode> find(String code) {
        List<IndustryNode> found = rows(code);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private IndustryNode withSupervisors(IndustryNode n) {
        return rows(n.code()).get(0);
    }

    /** Industries (all, or one) with their supervisors, in sort order. */
    private List<IndustryNode> rows(String code) {
        Map<String, List<Object[]>> supervisors = new HashMap<>();
        jdbc.sql("""
                select s.industry_code, s.unit_id, u.name, u.short_name, s.role, s.basis, s.inferred from org_industry_supervisor s
                join org_unit u on u.id = s.unit_id
                where (cast(:code as text) is null or s.industry_code = :code)
                order by s.role desc, u.sort_order""")
                .param("code", code)
                .query(rs -> {
                    supervisors.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Object[]{
                            new IndustryNode.UnitRef(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                                    rs.getString(6), rs.getBoolean(7)),
                            rs.getString(5)});
                });
        return jdbc.sql(SELECT + " where (cast(:code as text) is null or code = :code) order by sort_order, code")
                .param("code", code)
                .query(this::mapRow).list().stream()
                .map(n -> {
                    IndustryNode.UnitRef lead = null;
                    List<IndustryNode.UnitRef> cooperating = new ArrayList<>();
                    for (Object[] s : supervisors.getOrDefault(n.code(), List.of())) {
                        if ("LEAD".equals(s[1])) {
                            lead = (IndustryNode.UnitRef) s[0];
                        } else {
                            cooperating.add((IndustryNode.UnitRef) s[0]);
                        }
                    }
                    return new IndustryNode(n.code(), n.name(), n.parentCode(), n.planRef(), n.assignable(), n.active(),
                            n.sortOrder(), n.revision(), lead, List.copyOf(cooperating), n.updatedAt(), n.updatedBy(),
                            0, List.of());
                }).toList();
    }

    private IndustryNode mapRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new IndustryNode(rs.getString("code"), rs.getString("name"), rs.getString("parent_code"),
                rs.getString("plan_ref"), rs.getBoolean("assignable"), rs.getBoolean("active"), rs.getInt("sort_order"),
                rs.getInt("revision"), null, List.of(), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"), 0, List.of());
    }

    private static IndustryNode build(IndustryNode n, Map<String, List<IndustryNode>> byParent, int depth) {
        List<IndustryNode> children = byParent.getOrDefault(n.code(), List.of()).stream()
                .sorted(Comparator.comparingInt(IndustryNode::sortOrder))
                .map(c -> build(c, byParent, depth + 1)).toList();
        return new IndustryNode(n.code(), n.name(), n.parentCode(), n.planRef(), n.assignable(), n.active(),
                n.sortOrder(), n.revision(), n.lead(), n.cooperating(), n.updatedAt(), n.updatedBy(), depth, children);
    }

    private static void flatten(IndustryNode n, List<IndustryNode> out) {
        out.add(n.withChildren(List.of()));
        n.children().forEach(c -> flatten(c, out));
    }

    private static Optional<IndustryNode> findIn(List<IndustryNode> nodes, String code) {
        for (IndustryNode n : nodes) {
            if (n.code().equals(code)) {
                return Optional.of(n);
            }
            Optional<IndustryNode> below = findIn(n.children(), code);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    private static List<UUID> concat(UUID first, List<UUID> rest) {
        List<UUID> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    private static ProblemException notFound(String code) {
        return ProblemException.notFound("INDUSTRY_NOT_FOUND", "行业领域 " + code + " 不存在");
    }

    private static ProblemException field(HttpStatus status, String code, String field, String message) {
        return new ProblemException(status, code, message, List.of(new ProblemException.FieldProblem(field, message)));
    }

    /** The units a form offers: active ones, in the plan's order. */
    public List<CommitteeUnit> selectableUnits() {
        return units.all().stream().filter(CommitteeUnit::active).toList();
    }
}
