package cn.zhiben.identity.internal;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored requests of the two-person rule (idn_admin_request). */
@Repository
class AdminRequests {

    /** As stored. */
    record Row(UUID id, String kind, Role role, UUID targetUserId, String username, String displayName, String reason,
               String status, UUID requestedBy, String requestedByName, Instant requestedAt, Instant expiresAt,
               UUID decidedBy, String decidedByName, Instant decidedAt, String decisionReason) {

        AdminRequestView view(CurrentUser viewer) {
            boolean pending = "PENDING".equals(status);
            boolean approve = pending && AdminRoleRules.whyMayNotApprove(viewer, requestedBy, targetUserId).isEmpty();
            return new AdminRequestView(id, kind, AdminRequestView.kindLabel(kind), role.name(), role.label(), targetUserId,
                    username, displayName, reason, status, AdminRequestView.statusLabel(status), requestedByName, requestedAt,
                    expiresAt, decidedByName, decidedAt, decisionReason, approve, pending && viewer.id().equals(requestedBy));
        }
    }

    private static final String SELECT = """
            select id, kind, role, target_user_id, username, display_name, reason, status, requested_by, requested_by_name,
                   requested_at, expires_at, decided_by, decided_by_name, decided_at, decision_reason from idn_admin_request""";

    private final JdbcClient jdbc;

    AdminRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row r) {
        jdbc.sql("""
                insert into idn_admin_request (id, kind, role, target_user_id, username, display_name, reason, status,
                    requested_by, requested_by_name, requested_at, expires_at)
                values (:id, :kind, :role, :target, :username, :displayName, :reason, 'PENDING', :by, :byName, :at, :expires)""")
                .param("id", r.id()).param("kind", r.kind()).param("role", r.role().name()).param("target", r.targetUserId())
                .param("username", r.username()).param("displayName", r.displayName()).param("reason", r.reason())
                .param("by", r.requestedBy()).param("byName", r.requestedByName())
                .param("at", Timestamp.from(r.requestedAt())).param("expires", Timestamp.from(r.expiresAt())).update();
    }

    boolean pendingFor(String username) {
        return jdbc.sql("select exists (select 1 from idn_admin_request where status = 'PENDING' and username = :u)")
                .param("u", username).query(Boolean.class).single();
    }

    /** Requests nobody decided in time are over. */
    int expire(Instant now) {
        return jdbc.sql("update idn_admin_request set status = 'EXPIRED', decided_at = expires_at where status = 'PENDING' and expires_at <= :now")
                .param("now", Timestamp.from(now)).update();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(AdminRequests::map).optional();
    }

    Optional<Row> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(AdminRequests::map).optional();
    }

    List<Row> list(String status, int limit) {
        return jdbc.sql(SELECT + " where (cast(:status as text) is null or status = :status) order by requested_at desc limit :n")
                .param("status", status).param("n", limit).query(AdminRequests::map).list();
    }

    void decide(UUID id, String status, CurrentUser by, Instant at, String reason) {
        jdbc.sql("""
                update idn_admin_request set status = :status, decided_by = :by, decided_by_name = :byName, decided_at = :at,
                    decision_reason = :reason where id = :id and status = 'PENDING'""")
                .param("status", status).param("by", by.id()).param("byName", by.username()).param("at", Timestamp.from(at))
                .param("reason", reason).param("id", id).update();
    }

    /** After the account is made, the request points at it. */
    void target(UUID id, UUID userId) {
        jdbc.sql("update idn_admin_request set target_user_id = :u where id = :id").param("u", userId).param("id", id).update();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("kind"), Role.valueOf(rs.getString("role")),
                rs.getObject("target_user_id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("reason"), rs.getString("status"), rs.getObject("requested_by", UUID.class),
                rs.getString("requested_by_name"), rs.getTimestamp("requested_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), rs.getObject("decided_by", UUID.class), rs.getString("decided_by_name"),
                rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(), rs.getString("decision_reason"));
    }
}
