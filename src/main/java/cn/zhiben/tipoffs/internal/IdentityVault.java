package cn.zhiben.tipoffs.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reporter's sealed identity (安监总财〔2018〕19号: the reporter's information is kept confidential; 安全生产法 Art. 74
 * protects reporters). Only an account the security administrator has specially authorised (a grant, not a role:
 * an account keeps its one role, and the grant is given and taken back by the 安全管理员 under 三员分立) may open it, for a
 * purpose it states; each opening is recorded here and in the audit log, neither of which holds the identity itself.
 */
@Service
public class IdentityVault {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;
    private final IdentitySeal seal;
    private final AuditLog audit;
    private final Clock clock;
    private final TipoffRepository tipoffs;
    private final AccountDirectory accounts;

    IdentityVault(JdbcClient jdbc, IdentitySeal seal, AuditLog audit, Clock clock, TipoffRepository tipoffs,
                  AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.audit = audit;
        this.clock = clock;
        this.tipoffs = tipoffs;
        this.accounts = accounts;
    }

    /** What a named reporter gives: to be contacted and paid. */
    public record ReporterIdentity(String name, String idNumber, String phone, String bankName, String bankAccount) {
    }

    public record Grant(UUID userId, String username, Instant grantedAt, String note) {
    }

    public record Access(String username, String purpose, Instant at) {
    }

    void store(UUID tipoffId, ReporterIdentity identity) {
        jdbc.sql("insert into tip_identity (tipoff_id, sealed, created_at) values (:t, :s, :at)")
                .param("t", tipoffId).param("s", seal.seal(tipoffId, JSON.writeValueAsString(identity)))
                .param("at", Timestamp.from(clock.instant())).update();
    }

    /** Whether this account may open sealed identities now (the one source pages and the API ask). */
    public boolean mayOpen(CurrentUser u) {
        return u.ready() && (u.role() == Role.CITY_OFFICE || u.role() == Role.COUNTY_OFFICE) && activeGrant(u.id());
    }

    private boolean activeGrant(UUID userId) {
        return jdbc.sql("select exists (select 1 from tip_identity_grant where user_id = :u and revoked_at is null)")
                .param("u", userId).query(Boolean.class).single();
    }

    @Transactional
    public ReporterIdentity open(UUID tipoffId, String purpose) {
        CurrentUser u = CurrentUser.require();
        if (!mayOpen(u)) {
            throw ProblemException.forbidden("TIPOFF_IDENTITY_FORBIDDEN", "查看举报人身份须经安全管理员专门授权");
        }
        if (purpose == null || purpose.isBlank() || purpose.trim().length() < 4 || purpose.length() > 500) {
            throw ProblemException.badRequest("TIPOFF_IDENTITY_PURPOSE_REQUIRED", "请写明查看举报人身份的用途（4 至 500 字）");
        }
        tipoffs.find(tipoffId, TipoffRules.scope(u)).orElseThrow(TipoffRepository::notFound);
        Optional<String> sealed = jdbc.sql("select sealed from tip_identity where tipoff_id = :t").param("t", tipoffId)
                .query(String.class).optional();
        if (sealed.isEmpty()) {
            throw ProblemException.notFound("TIPOFF_ANONYMOUS", "该举报为匿名举报，没有登记举报人身份");
        }
        jdbc.sql("insert into tip_identity_access (id, tipoff_id, user_id, username, purpose, at) values (:id, :t, :u, :n, :p, :at)")
                .param("id", UUID.randomUUID()).param("t", tipoffId).param("u", u.id()).param("n", u.username())
                .param("p", purpose.trim()).param("at", Timestamp.from(clock.instant())).update();
        audit.record(AuditEntry.success(AuditAction.VIEW_PERSONAL_DATA, "tipoff-identity", tipoffId,
                Map.of("purpose", purpose.trim())));
        return JSON.readValue(seal.open(tipoffId, sealed.get()), ReporterIdentity.class);
    }

    /** The phone of a named reporter, for the system's own messages to them (never shown). */
    Optional<String> phoneForNotification(UUID tipoffId) {
        return jdbc.sql("select sealed from tip_identity where tipoff_id = :t").param("t", tipoffId).query(String.class)
                .optional().map(s -> JSON.readValue(seal.open(tipoffId, s), ReporterIdentity.class).phone());
    }

    public List<Access> accesses(UUID tipoffId) {
        CurrentUser u = CurrentUser.require();
        if (!mayOpen(u)) {
            throw ProblemException.forbidden("TIPOFF_IDENTITY_FORBIDDEN", "查看举报人身份须经安全管理员专门授权");
        }
        tipoffs.find(tipoffId, TipoffRules.scope(u)).orElseThrow(TipoffRepository::notFound);
        return jdbc.sql("select username, purpose, at from tip_identity_access where tipoff_id = :t order by at")
                .param("t", tipoffId).query((rs, n) -> new Access(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    // ---- grants (security administrator) ----

    private static void requireSecurityAdmin(CurrentUser u) {
        if (!u.can(Permission.USER_ADMIN)) {
            throw ProblemException.forbidden("TIPOFF_GRANT_FORBIDDEN", "举报人身份查看授权由安全管理员办理");
        }
    }

    public List<Grant> grants() {
        requireSecurityAdmin(CurrentUser.require());
        return jdbc.sql("select user_id, username, granted_at, note from tip_identity_grant where revoked_at is null order by granted_at")
                .query((rs, n) -> new Grant(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
    }

    /** Authorises an active account; only the offices that triage tip-offs may be authorised (our inference). */
    @Transactional
    public void grant(String grantee, String note) {
        CurrentUser u = CurrentUser.require();
        requireSecurityAdmin(u);
        if (grantee == null || grantee.isBlank()) {
            throw ProblemException.badRequest("TIPOFF_GRANT_USER_REQUIRED", "请填写被授权的用户名");
        }
        AccountDirectory.Account account = accounts.findByUsername(grantee.trim()).filter(AccountDirectory.Account::enabled)
                .orElseThrow(() -> ProblemException.badRequest("TIPOFF_GRANT_USER_UNKNOWN", "账号不存在或已停用"));
        UUID userId = account.id();
        String username = account.username();
        if (account.role() != Role.CITY_OFFICE && account.role() != Role.COUNTY_OFFICE) {
            throw ProblemException.badRequest("TIPOFF_GRANT_ROLE_INVALID", "只能授权市、县安委办的账号查看举报人身份");
        }
        if (note == null || note.isBlank()) {
            throw ProblemException.badRequest("TIPOFF_GRANT_NOTE_REQUIRED", "请写明授权依据（如授权文件）");
        }
        jdbc.sql("delete from tip_identity_grant where user_id = :u and revoked_at is not null").param("u", userId).update();
        int n = jdbc.sql("""
                insert into tip_identity_grant (user_id, username, granted_by, granted_at, note) values (:u, :n, :by, :at, :note)
                on conflict (user_id) do nothing""")
                .param("u", userId).param("n", username).param("by", u.id()).param("at", Timestamp.from(clock.instant()))
                .param("note", note.trim()).update();
        if (n == 0) {
            throw ProblemException.conflict("TIPOFF_GRANT_EXISTS", "该账号已获授权");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("grant", "tipoff-identity");
        facts.put("username", username);
        facts.put("note", note.trim());
        audit.record(AuditEntry.success(AuditAction.SECURITY, "tipoff-identity-grant", userId, facts));
    }

    @Transactional
    public void revoke(UUID userId) {
        CurrentUser u = CurrentUser.require();
        requireSecurityAdmin(u);
        int n = jdbc.sql("update tip_identity_grant set revoked_at = :at, revoked_by = :by where user_id = :u and revoked_at is null")
                .param("at", Timestamp.from(clock.instant())).param("by", u.id()).param("u", userId).update();
        if (n == 0) {
            throw ProblemException.notFound("TIPOFF_GRANT_NOT_FOUND", "该账号没有有效的授权");
        }
        audit.record(AuditEntry.success(AuditAction.SECURITY, "tipoff-identity-grant", userId, Map.of("revoked", true)));
    }
}
