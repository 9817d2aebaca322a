package cn.zhiben.standards.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.platform.web.ProblemException.FieldProblem;
import cn.zhiben.standards.ClauseOrigin;
import cn.zhiben.standards.Confidence;
import cn.zhiben.standards.StandardClause;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Local adjustment of the library (plan item 21: 新问题、新风险、新标准): member units draft, the city office approves or
 * rejects. Approval creates a LOCAL clause of the published version; a pending or rejected draft is never used.
 */
@Service
public class LocalChanges {

    private final JdbcClient jdbc;
    private final LibraryRepository repo;
    private final IndustryCatalog industries;
    private final AuditLog audit;
    private final Clock clock;

    LocalChanges(JdbcClient jdbc, LibraryRepository repo, IndustryCatalog industries, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.repo = repo;
        this.industries = industries;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a member unit submits. For CORRECT, empty fields keep the corrected clause's values. */
    public record Draft(LocalChange.Kind kind, UUID versionId, UUID clauseId, String clauseNo, String categoryCode,
                        String summary, List<String> industries, String specialOperation, String docNo, String reason,
                        LocalDate effectiveFrom, LocalDate effectiveTo) {
    }

    /** A change with what a reviewer needs beside it. */
    public record View(LocalChange change, VersionRow version, ClauseRow target, List<LocalChange.Transition> history) {
    }

    @Transactional
    public LocalChange draft(Draft d, CurrentUser user) {
        if (!user.can(Permission.STANDARD_DRAFT) || user.unitId() == null) {
            throw ProblemException.forbidden("FORBIDDEN", "只有市级成员单位可以起草本地条款");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (d.kind() == null) {
            problems.add(new FieldProblem("kind", "请选择新增本地条款（ADD）或修正条款（CORRECT）"));
        }
        if (d.versionId() == null) {
            problems.add(new FieldProblem("versionId", "请选择标准版本"));
        }
        String docNo = text(d.docNo(), "docNo", "文号", 100, true, problems);
        String reason = text(d.reason(), "reason", "理由", 1000, true, problems);
        if (d.effectiveFrom() == null) {
            problems.add(new FieldProblem("effectiveFrom", "施行日期不能为空"));
        }
        if (d.effectiveFrom() != null && d.effectiveTo() != null && d.effectiveTo().isBefore(d.effectiveFrom())) {
            problems.add(new FieldProblem("effectiveTo", "截止日期早于施行日期"));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        VersionRow v = repo.version(d.versionId()).filter(x -> VersionPublishing.visible(x, user))
                .orElseThrow(VersionPublishing::notFound);
        if (!v.published()) {
            throw ProblemException.conflict("VERSION_NOT_PUBLISHED", "只能对已发布的标准版本补充或修正条款；草稿请修改后重新导入");
        }
        if (v.overlay()) {
            throw ProblemException.unprocessable("OVERLAY_NOT_ADJUSTABLE", "叠加分类不是判定标准，不能补充或修正条款");
        }
        if (v.effectiveTo() != null && d.effectiveFrom().isAfter(v.effectiveTo())) {
            problems.add(new FieldProblem("effectiveFrom", "该版本已于 " + v.effectiveTo() + " 废止，施行日期须在其有效期内"));
        }
        if (v.effectiveFrom() != null && d.effectiveFrom().isBefore(v.effectiveFrom())) {
            problems.add(new FieldProblem("effectiveFrom", "施行日期不能早于该版本的施行日期 " + v.effectiveFrom()));
        }
        ClauseRow target = null;
        String clauseNo;
        String category;
        String summary = text(d.summary(), "summary", "条款摘要", 500, true, problems);
        List<String> clauseIndustries = d.industries() == null ? List.of()
                : d.industries().stream().filter(s -> s != null && !s.isBlank()).map(String::trim).distinct().toList();
        String special = d.specialOperation() == null || d.specialOperation().isBlank() ? null : d.specialOperation().trim();
        if (special != null && !SpecialOperations.known(special)) {
            problems.add(new FieldProblem("specialOperation", "未知的专项作业：" + special));
        }
        Set<String> categories = repo.categories(v.id()).stream().map(CategoryRow::code).collect(Collectors.toSet());
        if (d.kind() == LocalChange.Kind.CORRECT) {
            if (d.clauseId() == null) {
                throw invalid(List.of(new FieldProblem("clauseId", "请选择要修正的条款")));
            }
            target = repo.clause(d.clauseId()).filter(c -> c.versionId().equals(v.id()))
                    .orElseThrow(() -> ProblemException.notFound("CLAUSE_NOT_FOUND", "该版本中没有要修正的条款"));
            if (target.origin() != ClauseOrigin.STANDARD) {
                throw ProblemException.unprocessable("CLAUSE_NOT_CORRECTABLE", "只能修正标准条款；本地条款请由市安委办处理");
            }
            clauseNo = target.clauseNo();
            category = blank(d.categoryCode()) ? target.categoryCode() : d.categoryCode().trim();
            if (d.industries() == null) {
                clauseIndustries = target.industryCodes();
            }
            if (special == null && d.specialOperation() == null) {
                special = target.specialOperation();
            }
        } else {
            clauseNo = text(d.clauseNo(), "clauseNo", "条款号", 30, true, problems);
            category = text(d.categoryCode(), "categoryCode", "分类", 20, true, problems);
            if (clauseNo != null && clauseTaken(v.id(), clauseNo)) {
                problems.add(new FieldProblem("clauseNo", "该版本已有条款号 " + clauseNo));
            }
        }
        if (category != null && !categories.contains(category)) {
            problems.add(new FieldProblem("categoryCode", "该版本没有分类 " + category));
        }
        Set<String> known = industries.all().stream().map(i -> i.code()).collect(Collectors.toSet());
        for (String c : clauseIndustries) {
            if (!known.contains(c)) {
                problems.add(new FieldProblem("industries", "未知的行业领域：" + c));
            } else if (!v.allIndustries() && v.industryCodes().stream().noneMatch(x -> StandardClause.covers(x, c))) {
                problems.add(new FieldProblem("industries", "行业领域 " + c + " 不在该标准的适用行业之内"));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        requireScope(v, clauseIndustries, user);

        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into std_local_change (id, kind, status, version_id, target_clause_id, clause_no, category_code,
                    summary, industry_codes, special_operation, doc_no, reason, effective_from, effective_to,
                    drafted_by_id, drafted_by, unit_id, unit_name, drafted_at)
                values (:id, :kind, 'PENDING', :v, :target, :no, :category, :summary, cast(:industries as text[]),
                    :special, :docNo, :reason, :from, :to, :userId, :username, :unitId, :unitName, :now)""")
                .param("id", id).param("kind", d.kind().name()).param("v", v.id())
                .param("target", target == null ? null : target.id()).param("no", clauseNo).param("category", category)
                .param("summary", summary).param("industries", LibraryRepository.textArray(clauseIndustries))
                .param("special", special).param("docNo", docNo).param("reason", reason)
                .param("from", d.effectiveFrom()).param("to", d.effectiveTo()).param("userId", user.id())
                .param("username", user.username()).param("unitId", user.unitId()).param("unitName", user.unitName())
                .param("now", now).update();
        transition(id, null, LocalChange.Status.PENDING, user, reason);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kind", d.kind().name());
        facts.put("version", v.name() + " " + v.edition());
        facts.put("clauseNo", clauseNo);
        if (target != null) {
            facts.put("summary", Arrays.asList(target.summary(), summary));
        } else {
            facts.put("summary", summary);
        }
        facts.put("docNo", docNo);
        facts.put("effectiveFrom", d.effectiveFrom().toString());
        audit.record(AuditEntry.success(AuditAction.CREATE, "std_local_change", id, facts));
        return find(id).orElseThrow();
    }

    @Transactional
    public LocalChange approve(UUID id, String note, CurrentUser user) {
        requireApprover(user);
        LocalChange c = lock(id).orElseThrow(LocalChanges::notFound);
        LocalChange.Status to = c.approve();
        VersionRow v = repo.version(c.versionId()).orElseThrow();
        if (!v.published()) {
            throw ProblemException.conflict("VERSION_NOT_PUBLISHED", "标准版本未发布");
        }
        if (v.effectiveTo() != null && c.effectiveFrom().isAfter(v.effectiveTo())) {
            throw ProblemException.conflict("VERSION_ENDED", "该版本已于 " + v.effectiveTo() + " 废止，不能再批准其本地条款");
        }
        ClauseRow target = null;
        int sort;
        if (c.kind() == LocalChange.Kind.CORRECT) {
            target = repo.clause(c.targetClauseId()).orElseThrow();
            for (ClauseRow other : repo.corrections(target.id())) {
                boolean overlaps = (other.effectiveTo() == null || !other.effectiveTo().isBefore(c.effectiveFrom()))
                        && (c.effectiveTo() == null || !other.effectiveFrom().isAfter(c.effectiveTo()));
                if (overlaps) {
                    throw ProblemException.conflict("CORRECTION_OVERLAP", "条款 " + target.clauseNo()
                            + " 在该期间已有批准的本地修正（" + other.localDocNo() + "）");
                }
            }
            sort = target.sortOrder();
        } else {
            if (clauseTaken(c.versionId(), c.clauseNo())) {
                throw ProblemException.conflict("CLAUSE_NO_TAKEN", "该版本已有条款号 " + c.clauseNo());
            }
            sort = 1_000_000 + jdbc.sql("select count(*) from std_clause where version_id = :v and origin = 'LOCAL'")
                    .param("v", c.versionId()).query(Integer.class).single();
        }
        UUID clauseId = UUID.randomUUID();
        jdbc.sql("""
                insert into std_clause (id, version_id, category_code, clause_no, summary, confidence, note, industry_codes,
                    special_operation, sort_order, origin, local_change_id, corrects_clause_id, effective_from,
                    effective_to, local_doc_no)
                values (:id, :v, :category, :no, :summary, :confidence, :note, cast(:industries as text[]), :special,
                    :sort, 'LOCAL', :change, :corrects, :from, :to, :docNo)""")
                .param("id", clauseId).param("v", c.versionId()).param("category", c.categoryCode())
                .param("no", c.clauseNo()).param("summary", c.summary()).param("confidence", Confidence.CONFIRMED.name())
                .param("note", (c.kind() == LocalChange.Kind.CORRECT ? "本地修正：" : "本地补充：") + c.reason())
                .param("industries", LibraryRepository.textArray(c.industryCodes()))
                .param("special", c.specialOperation()).param("sort", sort).param("change", c.id())
                .param("corrects", target == null ? null : target.id()).param("from", c.effectiveFrom())
                .param("to", c.effectiveTo()).param("docNo", c.docNo()).update();
        decide(c, to, note, clauseId, user);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("status", Arrays.asList(c.status().name(), to.name()));
        facts.put("clause", clauseId.toString());
        facts.put("clauseNo", c.clauseNo());
        if (note != null && !note.isBlank()) {
            facts.put("note", note.strip());
        }
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "std_local_change", id, facts));
        return find(id).orElseThrow();
    }

    @Transactional
    public LocalChange reject(UUID id, String reason, CurrentUser user) {
        requireApprover(user);
        if (reason == null || reason.isBlank()) {
            throw invalid(List.of(new FieldProblem("reason", "退回须说明理由")));
        }
        if (reason.strip().length() > 1000) {
            throw invalid(List.of(new FieldProblem("reason", "理由不能超过1000个字符")));
        }
        LocalChange c = lock(id).orElseThrow(LocalChanges::notFound);
        LocalChange.Status to = c.reject();
        decide(c, to, reason.strip(), null, user);
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "std_local_change", id,
                Map.of("status", Arrays.asList(c.status().name(), to.name()), "reason", reason.strip())));
        return find(id).orElseThrow();
    }

    @Transactional
    public LocalChange withdraw(UUID id, CurrentUser user) {
        LocalChange c = lock(id).filter(x -> visible(x, user)).orElseThrow(LocalChanges::notFound);
        if (!user.can(Permission.STANDARD_DRAFT) || !c.unitId().equals(user.unitId())) {
            throw ProblemException.forbidden("FORBIDDEN", "只能撤回本单位起草的本地条款");
        }
        LocalChange.Status to = c.withdraw();
        decide(c, to, "起草单位撤回", null, user);
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "std_local_change", id,
                Map.of("status", Arrays.asList(c.status().name(), to.name()))));
        return find(id).orElseThrow();
    }

    /** The city office sees every change; a member unit its own unit's. */
    public List<LocalChange> list(CurrentUser user, LocalChange.Status status) {
        StringBuilder sql = new StringBuilder("select * from std_local_change where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!user.can(Permission.STANDARD_APPROVE)) {
            if (!user.can(Permission.STANDARD_DRAFT) || user.unitId() == null) {
                return List.of();
            }
            sql.append(" and unit_id = :unit");
            params.put("unit", user.unitId());
        }
        if (status != null) {
            sql.append(" and status = :status");
            params.put("status", status.name());
        }
        sql.append(" order by (status = 'PENDING') desc, drafted_at desc limit 500");
        return jdbc.sql(sql.toString()).params(params).query(LocalChanges::map).list();
    }

    public View view(UUID id, CurrentUser user) {
        LocalChange c = find(id).filter(x -> visible(x, user)).orElseThrow(LocalChanges::notFound);
        VersionRow v = repo.version(c.versionId()).orElseThrow();
        ClauseRow target = c.targetClauseId() == null ? null : repo.clause(c.targetClauseId()).orElse(null);
        return new View(c, v, target, history(id));
    }

    public long pendingCount() {
        return jdbc.sql("select count(*) from std_local_change where status = 'PENDING'").query(Long.class).single();
    }

    static boolean visible(LocalChange c, CurrentUser user) {
        return user.can(Permission.STANDARD_APPROVE)
                || (user.can(Permission.STANDARD_DRAFT) && c.unitId() != null && c.unitId().equals(user.unitId()));
    }

    public Optional<LocalChange> find(UUID id) {
        return jdbc.sql("select * from std_local_change where id = :id").param("id", id).query(LocalChanges::map).optional();
    }

    public List<LocalChange.Transition> history(UUID id) {
        return jdbc.sql("select * from std_local_change_transition where change_id = :id order by id")
                .param("id", id).query((rs, n) -> new LocalChange.Transition(rs.getLong("id"),
                        rs.getObject("change_id", UUID.class),
                        rs.getString("from_status") == null ? null : LocalChange.Status.valueOf(rs.getString("from_status")),
                        LocalChange.Status.valueOf(rs.getString("to_status")), rs.getObject("actor_id", UUID.class),
                        rs.getString("actor"), rs.getTimestamp("at").toInstant(), rs.getString("reason")))
                .list();
    }

    private void requireScope(VersionRow v, List<String> clauseIndustries, CurrentUser user) {
        Set<String> scope = user.scope().industryCodes();
        if (scope == null) {
            return;
        }
        if (v.industryCodes().stream().noneMatch(scope::contains)) {
            throw ProblemException.forbidden("STANDARD_OUT_OF_SCOPE", "只能为本单位监管的行业领域起草本地条款");
        }
        List<String> effective = clauseIndustries.isEmpty() && !v.allIndustries() ? v.industryCodes() : clauseIndustries;
        List<String> outside = effective.stream().filter(c -> !scope.contains(c)).toList();
        if (!outside.isEmpty()) {
            throw ProblemException.forbidden("STANDARD_OUT_OF_SCOPE", "适用行业 " + String.join("、", outside)
                    + " 不在本单位监管范围内，请指定本单位监管的适用行业");
        }
    }

    private static void requireApprover(CurrentUser user) {
        if (!user.can(Permission.STANDARD_APPROVE)) {
            throw ProblemException.forbidden("FORBIDDEN", "只有市安委办可以审批本地条款");
        }
    }

    private boolean clauseTaken(UUID versionId, String clauseNo) {
        return jdbc.sql("select count(*) from std_clause where version_id = :v and clause_no = :no and corrects_clause_id is null")
                .param("v", versionId).param("no", clauseNo).query(Long.class).single() > 0;
    }

    private void decide(LocalChange c, LocalChange.Status to, String note, UUID clauseId, CurrentUser user) {
        jdbc.sql("""
                update std_local_change set status = :to, decided_by = :by, decided_at = :now, decision_note = :note,
                    clause_id = :clause where id = :id""")
                .param("to", to.name()).param("by", user.username()).param("now", Timestamp.from(clock.instant()))
                .param("note", note == null || note.isBlank() ? null : note.strip()).param("clause", clauseId)
                .param("id", c.id()).update();
        transition(c.id(), c.status(), to, user, note);
    }

    private void transition(UUID id, LocalChange.Status from, LocalChange.Status to, CurrentUser user, String reason) {
        jdbc.sql("""
                insert into std_local_change_transition (change_id, from_status, to_status, actor_id, actor, at, reason)
                values (:id, :from, :to, :actorId, :actor, :at, :reason)""")
                .param("id", id).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("actorId", user.id()).param("actor", user.username() + (user.unitName() == null ? "" : "（" + user.unitName() + "）"))
                .param("at", Timestamp.from(clock.instant()))
                .param("reason", reason == null || reason.isBlank() ? null : reason.strip()).update();
    }

    private Optional<LocalChange> lock(UUID id) {
        return jdbc.sql("select * from std_local_change where id = :id for update").param("id", id)
                .query(LocalChanges::map).optional();
    }

    static ProblemException notFound() {
        return ProblemException.notFound("LOCAL_CHANGE_NOT_FOUND", "本地条款不存在");
    }

    private static ProblemException invalid(List<FieldProblem> problems) {
        String summary = problems.stream().map(p -> p.message()).collect(Collectors.joining("；"));
        return new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", summary, problems);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(String value, String field, String label, int max, boolean required,
                               List<FieldProblem> problems) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, label + "不能为空"));
            }
            return null;
        }
        if (v.length() > max) {
            problems.add(new FieldProblem(field, label + "不能超过" + max + "个字符"));
        }
        return v;
    }

    static LocalChange map(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new LocalChange(rs.getObject("id", UUID.class), LocalChange.Kind.valueOf(rs.getString("kind")),
                LocalChange.Status.valueOf(rs.getString("status")), rs.getObject("version_id", UUID.class),
                rs.getObject("target_clause_id", UUID.class), rs.getString("clause_no"), rs.getString("category_code"),
                rs.getString("summary"), LibraryRepository.strings(rs.getArray("industry_codes")),
                rs.getString("special_operation"), rs.getString("doc_no"), rs.getString("reason"),
                rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class),
                rs.getObject("drafted_by_id", UUID.class), rs.getString("drafted_by"), rs.getObject("unit_id", UUID.class),
                rs.getString("unit_name"), rs.getTimestamp("drafted_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("decision_note"),
                rs.getObject("clause_id", UUID.class));
    }
}
