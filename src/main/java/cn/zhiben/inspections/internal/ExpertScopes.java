package cn.zhiben.inspections.internal;

import cn.zhiben.identity.ExpertAssignments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * An expert's data scope follows its assignments to inspections (issue 9 item 2c, issue 12): an expert account assigned
 * to an inspection (drawn or named) has the inspected enterprise in its scope for the inspection's planned period, and
 * loses it when the assignment is revoked (inspection cancelled, re-drawn, plan cancelled, expert suspended or
 * dismissed) or the period is over. The
 * identity module keeps the scope ({@link ExpertAssignments}); this is the one place of this module that tells it.
 */
@Component
class ExpertScopes {

    private final ExpertAssignments assignments;
    private final JdbcClient jdbc;

    ExpertScopes(ExpertAssignments assignments, JdbcClient jdbc) {
        this.assignments = assignments;
        this.jdbc = jdbc;
    }

    /** The identity module's source reference of one of our assignments (idempotent there on it). */
    static String sourceRef(UUID assignmentId) {
        return "inspections:expert-assignment:" + assignmentId;
    }

    /** An assignment was made: the expert's account (if it has one) sees the enterprise from..to. */
    void granted(UUID assignmentId, UUID expertUserId, UUID enterpriseId, LocalDate from, LocalDate to) {
        if (expertUserId != null) {
            assignments.assign(expertUserId, enterpriseId, from, to, sourceRef(assignmentId));
        }
    }

    /** Revokes the still open assignments of these inspections, in our table and in the expert's scope. */
    void revokeOpen(Collection<UUID> inspectionIds, String reason) {
        if (inspectionIds.isEmpty()) {
            return;
        }
        List<UUID> revoked = jdbc.sql("""
                update insp_expert_assignment set status = 'REVOKED', revoke_reason = :r
                where inspection_id in (:i) and status = 'ASSIGNED' returning id""")
                .param("r", reason).param("i", inspectionIds).query(UUID.class).list();
        revoked.forEach(id -> assignments.revoke(sourceRef(id)));
    }

    /** The expert is suspended or dismissed: its assignments to inspections not yet done end, and the scope with them. */
    void revokeOpenOfExpert(UUID expertId, String reason) {
        List<UUID> revoked = jdbc.sql("""
                update insp_expert_assignment a set status = 'REVOKED', revoke_reason = :r from insp_inspection i
                where i.id = a.inspection_id and a.expert_id = :e and a.status = 'ASSIGNED'
                  and i.status in ('PLANNED', 'IN_PROGRESS') returning a.id""")
                .param("r", reason).param("e", expertId).query(UUID.class).list();
        revoked.forEach(id -> assignments.revoke(sourceRef(id)));
    }
}
