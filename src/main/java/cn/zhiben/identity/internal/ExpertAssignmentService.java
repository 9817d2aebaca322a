package cn.zhiben.identity.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.identity.ExpertAssignments;
import cn.zhiben.identity.ExpertAssignmentsChanged;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ExpertAssignments} over idn_expert_assignment. Every change is audited and announced, so signed-in principals
 * (whose scope is built from the assignments) are rebuilt on their next request.
 */
@Service
public class ExpertAssignmentService implements ExpertAssignments {

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final EnterpriseDirectory enterprises;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExpertAssignmentService(JdbcClient jdbc, UserRepository users, EnterpriseDirectory enterprises, AuditLog audit,
                            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.enterprises = enterprises;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** One assignment as the user page lists it. */
    public record Assignment(UUID id, UUID enterpriseId, String enterpriseName, LocalDate from, LocalDate to,
                             String sourceRef, Instant createdAt, String createdBy, Instant revokedAt, String revokedBy) {
        public boolean activeOn(LocalDate day) {
            return revokedAt == null && !day.isBefore(from) && !day.isAfter(to);
        }
    }

    @Override
    @Transactional
    public void assign(UUID expertUserId, UUID enterpriseId, LocalDate from, LocalDate to, String sourceRef) {
        UserAccount expert = users.findById(expertUserId).filter(u -> u.role() == Role.EXPERT)
                .orElseThrow(() -> ProblemException.badRequest("EXPERT_NOT_FOUND", "专家账号不存在"));
        EnterpriseRef enterprise = enterprises.find(enterpriseId)
                .orElseThrow(() -> ProblemException.badRequest("ENTERPRISE_NOT_FOUND", "企业不存在"));
        if (from == null || to == null || to.isBefore(from)) {
            throw ProblemException.badRequest("ASSIGNMENT_PERIOD_INVALID", "指派期限无效：结束日期不能早于开始日期");
        }
        if (sourceRef == null || sourceRef.isBlank() || sourceRef.length() > 200) {
            throw ProblemException.badRequest("ASSIGNMENT_SOURCE_REQUIRED", "指派须注明来源记录");
        }
        Optional<Assignment> existing = bySource(sourceRef);
        if (existing.isPresent() && existing.get().revokedAt() == null && existing.get().enterpriseId().equals(enterpriseId)
                && existing.get().from().equals(from) && existing.get().to().equals(to)) {
            return;
        }
        Instant now = clock.instant();
        String by = CurrentUser.current().map(CurrentUser::username).orElse("system");
        jdbc.sql("""
                insert into idn_expert_assignment (id, expert_user_id, enterprise_id, valid_from, valid_to, source_ref,
                    created_at, created_by)
                values (:id, :expert, :enterprise, :from, :to, :ref, :now, :by)
                on conflict (source_ref) do update set expert_user_id = excluded.expert_user_id,
                    enterprise_id = excluded.enterprise_id, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                    revoked_at = null, revoked_by = null""")
                .param("id", UUID.randomUUID()).param("expert", expertUserId).param("enterprise", enterpriseId)
                .param("from", from).param("to", to).param("ref", sourceRef.strip()).param("now", Timestamp.from(now))
                .param("by", by).update();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("expert", expert.username());
        summary.put("enterprise", enterprise.name());
        summary.put("period", from + " — " + to);
        summary.put("source", sourceRef.strip());
        audit.record(AuditEntry.success(existing.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE,
                "expert-assignment", expertUserId, summary));
        events.publishEvent(new ExpertAssignmentsChanged(expertUserId));
    }

    @Override
    @Transactional
    public void revoke(String sourceRef) {
        Optional<Assignment> existing = sourceRef == null ? Optional.empty() : bySource(sourceRef);
        if (existing.isEmpty() || existing.get().revokedAt() != null) {
            return;
        }
        UUID expert = jdbc.sql("""
                update idn_expert_assignment set revoked_at = :now, revoked_by = :by
                where source_ref = :ref returning expert_user_id""")
                .param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentUser.current().map(CurrentUser::username).orElse("system"))
                .param("ref", sourceRef).query(UUID.class).single();
        audit.record(AuditEntry.success(AuditAction.DELETE, "expert-assignment", expert,
                Map.of("enterprise", existing.get().enterpriseName(), "source", sourceRef)));
        events.publishEvent(new ExpertAssignmentsChanged(expert));
    }

    @Override
    public List<UUID> enterprisesOf(UUID expertUserId, LocalDate on) {
        return jdbc.sql("""
                select distinct enterprise_id from idn_expert_assignment
                where expert_user_id = :e and revoked_at is null and valid_from <= :on and valid_to >= :on
                order by enterprise_id""")
                .param("e", expertUserId).param("on", on).query(UUID.class).list();
    }

    /** An expert's assignments, newest first, with enterprise names. */
    public List<Assignment> of(UUID expertUserId) {
        return jdbc.sql("""
                select id, enterprise_id, valid_from, valid_to, source_ref, created_at, created_by, revoked_at, revoked_by
                from idn_expert_assignment where expert_user_id = :e order by created_at desc, id""")
                .param("e", expertUserId).query(this::map).list();
    }

    private Optional<Assignment> bySource(String sourceRef) {
        return jdbc.sql("""
                select id, enterprise_id, valid_from, valid_to, source_ref, created_at, created_by, revoked_at, revoked_by
                from idn_expert_assignment where source_ref = :r""")
                .param("r", sourceRef.strip()).query(this::map).optional();
    }

    private Assignment map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID enterprise = rs.getObject("enterprise_id", UUID.class);
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Assignment(rs.getObject("id", UUID.class), enterprise,
                enterprises.find(enterprise).map(EnterpriseRef::name).orElse(enterprise.toString()),
                rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to").toLocalDate(), rs.getString("source_ref"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by"));
    }
}
