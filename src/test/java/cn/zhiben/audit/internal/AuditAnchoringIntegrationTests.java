package cn.zhiben.audit.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.audit.AuditVerification;
import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a database superuser can do around the append-only trigger, and that verification now sees it (issue 9 item 4,
 * decision 0004): rows are sealed with an HMAC whose key is not in the database, and signed checkpoints outside the
 * database show when the newest rows were deleted. Every tampering runs in a transaction that is rolled back, so the
 * shared log stays intact for the other tests.
 */
class AuditAnchoringIntegrationTests extends IntegrationTest {

    @Autowired
    AuditLog audit;
    @Autowired
    AuditChainVerifier verifier;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    AuditKey key;
    @Autowired
    PlatformTransactionManager transactions;

    private long appendRows(int n) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (int i = 0; i < n; i++) {
            tx.executeWithoutResult(s -> audit.record(AuditEntry.success(AuditAction.UPDATE, "test", UUID.randomUUID(),
                    Map.of("n", 1))));
        }
        return head();
    }

    private long head() {
        return jdbc.sql("select max(seq) from audit_log").query(Long.class).single();
    }

    /** Runs the tampering and the verification in one transaction, rolled back afterwards; the chain head is locked. */
    private AuditVerification tampered(Runnable tampering) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Supplier<AuditVerification> work = () -> {
            jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", JdbcAuditLog.CHAIN_LOCK).query().singleRow();
            jdbc.sql("alter table audit_log disable trigger audit_log_append_only").update();
            tampering.run();
            return verifier.verify();
        };
        AuditVerification[] out = new AuditVerification[1];
        tx.executeWithoutResult(status -> {
            out[0] = work.get();
            status.setRollbackOnly();
        });
        return out[0];
    }

    @Test
    void newRowsAreSealedWithTheKeyedHash() {
        long seq = appendRows(1);
        assertThat(jdbc.sql("select hash_version from audit_log where seq = :s").param("s", seq).query(Short.class).single())
                .isEqualTo(AuditHash.HMAC);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aRowRewrittenWithAPlainHashAsBeforeTheAnchoringIsFound() {
        long seq = appendRows(1);
        AuditVerification v = tampered(() -> {
            // what a superuser without the key can do: change the row and recompute a hash the old way
            jdbc.sql("update audit_log set detail = '已篡改' where seq = :s").param("s", seq).update();
            AuditRow row = row(seq);
            jdbc.sql("update audit_log set hash = :h where seq = :s")
                    .param("h", new AuditRow(row.seq(), row.id(), row.occurredAt(), row.actorId(), row.actorUsername(),
                            row.actorRole(), row.clientAddress(), row.action(), row.entityType(), row.entityId(), row.changes(),
                            row.result(), row.detail(), row.prevHash(), null, AuditHash.SHA256).computeHash(key))
                    .param("s", seq).update();
        });
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenSeq()).isEqualTo(seq);
        assertThat(v.reason()).contains("内容校验码不符");

        AuditVerification downgraded = tampered(() -> {
            AuditRow row = row(seq);
            String plain = new AuditRow(row.seq(), row.id(), row.occurredAt(), row.actorId(), row.actorUsername(),
                    row.actorRole(), row.clientAddress(), row.action(), row.entityType(), row.entityId(), row.changes(),
                    row.result(), row.detail(), row.prevHash(), null, AuditHash.SHA256).computeHash(key);
            jdbc.sql("update audit_log set hash = :h, hash_version = 1 where seq = :s").param("h", plain).param("s", seq).update();
        });
        assertThat(downgraded.intact()).isFalse();
        assertThat(downgraded.reason()).contains("校验方式被降级");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void deletingTheNewestRowsIsFoundThroughTheCheckpoint() {
        long last = appendRows(3);
        assertThat(checkpoints.write()).hasValueSatisfying(c -> assertThat(c.seq()).isEqualTo(last));
        assertThat(checkpoints.write()).as("nothing new to checkpoint").isEmpty();
        AuditVerification v = tampered(() -> jdbc.sql("delete from audit_log where seq > :s").param("s", last - 2).update());
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenSeq()).isEqualTo(last - 1);
        assertThat(v.reason()).contains("最新记录被删除").contains("检查点记录到第 " + last + " 条").contains("只到第 " + (last - 2) + " 条");
        assertThat(v.lastCheckpointSeq()).isEqualTo(last);

        AuditVerification intact = verifier.verify();
        assertThat(intact.intact()).isTrue();
        assertThat(intact.checkpoints()).isPositive();
        assertThat(intact.reason()).contains("检查点");
    }

    @Test
    void rewritingACheckpointedRowIsFoundEvenWhenTheChainIsRebuiltAfterIt() {
        long last = appendRows(2);
        checkpoints.write();
        // the chain from the checkpointed row on, replaced by rows the attacker sealed the old way: the chain alone
        // would see only the downgrade; the checkpoint names the rewrite
        AuditVerification v = tampered(() -> jdbc.sql("update audit_log set hash = :h where seq = :s")
                .param("h", "f".repeat(64)).param("s", last).update());
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenSeq()).isEqualTo(last);
    }

    @Test
    void aForgedOrDamagedCheckpointLineIsReported() throws Exception {
        appendRows(1);
        checkpoints.write();
        byte[] original = Files.readAllBytes(key.checkpointFile());
        try {
            long seq = head();
            Files.writeString(key.checkpointFile(), "{\"seq\":" + (seq + 100) + ",\"hash\":\"" + "0".repeat(64)
                    + "\",\"rowAt\":\"2026-12-01T00:00:00Z\",\"writtenAt\":\"2026-12-01T00:00:00Z\",\"host\":\"x\",\"mac\":\"00\"}\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            AuditVerification v = verifier.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.reason()).contains("签名无效");
        } finally {
            Files.write(key.checkpointFile(), original);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    private AuditRow row(long seq) {
        return jdbc.sql("""
                select seq, id, occurred_at, actor_id, actor_username, actor_role, client_address, action, entity_type,
                       entity_id, changes, result, detail, prev_hash, hash, hash_version from audit_log where seq = :s""")
                .param("s", seq)
                .query((rs, n) -> new AuditRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                        rs.getString(14), rs.getString(15), rs.getShort(16)))
                .single();
    }
}
