package cn.zhiben.org.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.AccountReferences;
import cn.zhiben.org.LeadingGroupPosition;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The campaign's leading group (Attachment 1 of 晋市安委发〔2024〕6号): positions are fixed, the people holding them are
 * maintained by the city office. The user id links a member to a platform account, checked through
 * {@link AccountReferences} because accounts belong to the identity module, which depends on this one.
 */
@Service
public class LeadingGroupService {

    static final String ENTITY = "org_leading_group_member";
    private static final String SELECT = """
            select m.id, m.position, m.person_name, m.job_title, m.unit_id, u.name as unit_name, m.user_id, m.sort_order,
                   m.created_at, m.updated_at
            from org_leading_group_member m left join org_unit u on u.id = m.unit_id""";

    private final JdbcClient jdbc;
    private final UnitCatalog units;
    private final AuditLog audit;
    private final InputValidator validator;
    private final Clock clock;
    private final AccountReferences accounts;

    LeadingGroupService(JdbcClient jdbc, UnitCatalog units, AuditLog audit, InputValidator validator, Clock clock,
                        AccountReferences accounts) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
        this.accounts = accounts;
    }

    /** Everyone, in the order of Attachment 1: by position, then the given order. */
    public List<LeadingGroupMember> members() {
        return jdbc.sql(SELECT).query(LeadingGroupService::map).list().stream()
                .sorted(java.util.Comparator.comparing(LeadingGroupMember::position)
                        .thenComparingInt(LeadingGroupMember::sortOrder)
                        .thenComparing(LeadingGroupMember::createdAt))
                .toList();
    }

    public LeadingGroupMember one(UUID id) {
        return find(id).orElseThrow(LeadingGroupService::notFound);
    }

    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    @Transactional
    public LeadingGroupMember add(LeadingGroupDraft draft) {
        validate(draft);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        int order = draft.sortOrder() != null ? draft.sortOrder() : nextOrder(draft.position());
        jdbc.sql("""
                insert into org_leading_group_member (id, position, person_name, job_title, unit_id, user_id, sort_order,
                                                      created_at, updated_at)
                values (:id, :position, :name, :title, :unit, :user, :order, :now, :now)""")
                .param("id", id).param("position", draft.position().name()).param("name", draft.personName().strip())
                .param("title", draft.jobTitle().strip()).param("unit", draft.unitId()).param("user", draft.userId())
                .param("order", order).param("now", Timestamp.from(now))
                .update();
        LeadingGroupMember created = one(id);
        audit.record(AuditEntry.success(AuditAction.CREATE, ENTITY, id, AuditLog.diff(null, summary(created))));
        return created;
    }

    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    @Transactional
    public LeadingGroupMember update(UUID id, LeadingGroupDraft draft) {
        LeadingGroupMember before = lock(id);
        validate(draft);
        int order = draft.sortOrder() != null ? draft.sortOrder()
                : draft.position() == before.position() ? before.sortOrder() : nextOrder(draft.position());
        jdbc.sql("""
                update org_leading_group_member set position = :position, person_name = :name, job_title = :title,
                       unit_id = :unit, user_id = :user, sort_order = :order, updated_at = :now
                where id = :id""")
                .param("id", id).param("position", draft.position().name()).param("name", draft.personName().strip())
                .param("title", draft.jobTitle().strip()).param("unit", draft.unitId()).param("user", draft.userId())
                .param("order", order).param("now", Timestamp.from(clock.instant()))
                .update();
        LeadingGroupMember after = one(id);
        audit.record(AuditEntry.success(AuditAction.UPDATE, ENTITY, id, AuditLog.diff(summary(before), summary(after))));
        return after;
    }

    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    @Transactional
    public void remove(UUID id) {
        LeadingGroupMember before = lock(id);
        jdbc.sql("delete from org_leading_group_member where id = :id").param("id", id).update();
        audit.record(AuditEntry.success(AuditAction.DELETE, ENTITY, id, AuditLog.diff(summary(before), null)));
    }

    private void validate(LeadingGroupDraft draft) {
        validator.check(draft);
        if (draft.unitId() != null && units.find(draft.unitId()).isEmpty()) {
            throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "UNIT_NOT_FOUND",
                    "所选成员单位不存在", List.of(new ProblemException.FieldProblem("unitId", "成员单位不存在")));
        }
        if (draft.userId() != null && accounts.username(draft.userId()).isEmpty()) {
            throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "ACCOUNT_NOT_FOUND",
                    "所填平台账号不存在", List.of(new ProblemException.FieldProblem("userId", "平台账号不存在")));
        }
    }

    private LeadingGroupMember lock(UUID id) {
        jdbc.sql("select id from org_leading_group_member where id = :id for update").param("id", id)
                .query(UUID.class).optional().orElseThrow(LeadingGroupService::notFound);
        return one(id);
    }

    private int nextOrder(LeadingGroupPosition position) {
        int max = jdbc.sql("select coalesce(max(sort_order), 0) from org_leading_group_member where position = :p")
                .param("p", position.name()).query(Integer.class).single();
        return Math.min(max + 10, 9999);
    }

    private java.util.Optional<LeadingGroupMember> find(UUID id) {
        return jdbc.sql(SELECT + " where m.id = :id").param("id", id).query(LeadingGroupService::map).optional();
    }

    private static Map<String, Object> summary(LeadingGroupMember m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("position", m.position().label());
        out.put("personName", m.personName());
        out.put("jobTitle", m.jobTitle());
        out.put("unit", m.unitName());
        out.put("userId", m.userId() == null ? null : m.userId().toString());
        out.put("sortOrder", m.sortOrder());
        return out;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("LEADING_GROUP_MEMBER_NOT_FOUND", "领导小组成员不存在");
    }

    private static LeadingGroupMember map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        LeadingGroupPosition position = LeadingGroupPosition.valueOf(rs.getString("position"));
        return new LeadingGroupMember(rs.getObject("id", UUID.class), position, position.label(),
                rs.getString("person_name"), rs.getString("job_title"), rs.getObject("unit_id", UUID.class),
                rs.getString("unit_name"), rs.getObject("user_id", UUID.class), rs.getInt("sort_order"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
