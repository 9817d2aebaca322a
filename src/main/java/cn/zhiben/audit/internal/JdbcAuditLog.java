package cn.zhiben.audit.internal;

import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.RequestInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Appends hash-chained rows, each sealed with an HMAC under the audit key kept outside the database (decision 0004).
 * A transaction-scoped advisory lock serialises appends so that sequence numbers are gap-free and each row's
 * predecessor is the row committed before it.
 * Retention: the application never deletes or changes a row (a trigger refuses it), so the log is kept for as long as
 * the database is, above the six months the Cybersecurity Law art. 21 and 等保 8.1.4.3 ask for. Archiving old rows
 * is a database operation that must keep the chain verifiable (see docs/identity-and-audit.md).
 */
@Service
class JdbcAuditLog implements AuditLog {

    /** Arbitrary but fixed key of the advisory lock that guards the chain head. */
    static final long CHAIN_LOCK = 0x7a686962656e01L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditKey key;

    JdbcAuditLog(JdbcClient jdbc, Clock clock, AuditKey key) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.key = key;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        append(entry);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordIndependently(AuditEntry entry) {
        append(entry);
    }

    private void append(AuditEntry entry) {
        AuditEntry.Actor actor = entry.actor() != null ? entry.actor() : CurrentUser.current()
                .map(u -> new AuditEntry.Actor(u.id(), u.username(), u.role().name(), RequestInfo.clientAddress()))
                .orElse(new AuditEntry.Actor(null, null, null, RequestInfo.clientAddress()));
        String address = actor.clientAddress() != null ? actor.clientAddress() : RequestInfo.clientAddress();
        jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", CHAIN_LOCK).query().singleRow();
        var head = jdbc.sql("select seq, hash from audit_log order by seq desc limit 1")
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}).optional();
        long seq = head.map(h -> (Long) h[0] + 1).orElse(1L);
        String prev = head.map(h -> (String) h[1]).orElse(AuditHash.GENESIS);
        String changes = entry.changes().isEmpty() ? null : JSON.writeValueAsString(entry.changes());
        AuditRow row = new AuditRow(seq, UUID.randomUUID(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
                actor.userId(), actor.username(), actor.role(), address, entry.action().name(), entry.entityType(),
                entry.entityId(), changes, entry.success() ? "SUCCESS" : "FAILURE", entry.detail(), prev, null,
                AuditHash.HMAC);
        String hash = row.computeHash(key);
        jdbc.sql("""
                insert into audit_log (seq, id, occurred_at, actor_id, actor_username, actor_role, client_address, action,
                                       entity_type, entity_id, changes, result, detail, prev_hash, hash, hash_version)
                values (:seq, :id, :at, :actorId, :actorUsername, :actorRole, :address, :action,
                        :entityType, :entityId, :changes, :result, :detail, :prev, :hash, :version)""")
                .param("seq", row.seq()).param("id", row.id())
                .param("at", java.sql.Timestamp.from(row.occurredAt()))
                .param("actorId", row.actorId()).param("actorUsername", row.actorUsername())
                .param("actorRole", row.actorRole()).param("address", row.clientAddress())
                .param("action", row.action()).param("entityType", row.entityType()).param("entityId", row.entityId())
                .param("changes", row.changes()).param("result", row.result()).param("detail", row.detail())
                .param("prev", prev).param("hash", hash).param("version", row.hashVersion())
                .update();
    }
}
