package cn.zhiben.audit.internal;

import cn.zhiben.audit.AuditVerification;
import cn.zhiben.platform.PlatformConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recomputes every row's hash in sequence order (the keyed HMAC since the chain was anchored) and compares the rows
 * with the signed checkpoints kept outside the database; names the first row that does not fit, or the first missing
 * one when the newest rows were deleted.
 */
@Service
public class AuditChainVerifier {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(PlatformConfiguration.ZONE);

    private final JdbcTemplate jdbc;
    private final AuditKey key;
    private final AuditCheckpoints checkpoints;

    AuditChainVerifier(JdbcTemplate jdbc, AuditKey key, AuditCheckpoints checkpoints) {
        this.jdbc = jdbc;
        this.key = key;
        this.checkpoints = checkpoints;
    }

    @Transactional(readOnly = true)
    public AuditVerification verify() {
        List<AuditCheckpoints.Line> lines = checkpoints.read();
        Map<Long, AuditCheckpoints.Checkpoint> expected = new HashMap<>();
        AuditCheckpoints.Line damaged = null;
        for (AuditCheckpoints.Line l : lines) {
            if (l.checkpoint() == null) {
                damaged = damaged == null ? l : damaged;
            } else {
                expected.merge(l.checkpoint().seq(), l.checkpoint(),
                        (a, b) -> a.writtenAt().isAfter(b.writtenAt()) ? a : b);
            }
        }
        AuditCheckpoints.Checkpoint newest = expected.values().stream()
                .max(Comparator.comparingLong(AuditCheckpoints.Checkpoint::seq)).orElse(null);
        var state = new Object() {
            long checked;
            long expectedSeq = 1;
            String prev = AuditHash.GENESIS;
            boolean keyed;
            Broken broken;
        };
        jdbc.setFetchSize(2000);
        jdbc.query("""
                select seq, id, occurred_at, actor_id, actor_username, actor_role, client_address, action, entity_type,
                       entity_id, changes, result, detail, prev_hash, hash, hash_version from audit_log order by seq""", rs -> {
            if (state.broken != null) {
                return;
            }
            AuditRow row = new AuditRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(),
                    rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                    rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                    rs.getString(14), rs.getString(15), rs.getShort(16));
            state.checked++;
            AuditCheckpoints.Checkpoint cp = expected.get(row.seq());
            if (row.seq() != state.expectedSeq) {
                state.broken = new Broken(row.seq(), row.id(),
                        "序号不连续：缺少第 " + state.expectedSeq + " 条至第 " + (row.seq() - 1) + " 条（记录被删除）");
            } else if (!row.prevHash().equals(state.prev)) {
                state.broken = new Broken(row.seq(), row.id(), "前序哈希不符：与上一条记录的哈希不一致");
            } else if (state.keyed && row.hashVersion() != AuditHash.HMAC) {
                state.broken = new Broken(row.seq(), row.id(), "校验方式被降级：密钥校验启用后的记录不得再用无密钥的哈希");
            } else if (!row.computeHash(key).equals(row.hash())) {
                state.broken = new Broken(row.seq(), row.id(), row.hashVersion() == AuditHash.HMAC
                        ? "内容校验码不符：该条记录的内容已被改动（或审计密钥与写入时不同）"
                        : "内容哈希不符：该条记录的内容已被改动");
            } else if (cp != null && !cp.hash().equals(row.hash())) {
                state.broken = new Broken(row.seq(), row.id(), "与 " + TIME.format(cp.writtenAt())
                        + " 写入的检查点不符：该条及其后的记录在检查点之后被改写");
            }
            state.keyed |= row.hashVersion() == AuditHash.HMAC;
            state.prev = row.hash();
            state.expectedSeq = row.seq() + 1;
        });
        long lastSeq = state.expectedSeq - 1;
        if (state.broken == null && newest != null && newest.seq() > lastSeq) {
            state.broken = new Broken(lastSeq + 1, null, "最新记录被删除：" + TIME.format(newest.writtenAt()) + " 写入的检查点记录到第 "
                    + newest.seq() + " 条，数据库中只到第 " + lastSeq + " 条");
        }
        if (state.broken == null && damaged != null) {
            state.broken = new Broken(null, null, "检查点文件第 " + damaged.number() + " 行无法识别或签名无效（文件被改动，或审计密钥与写入时不同）");
        }
        int valid = expected.size();
        Long newestSeq = newest == null ? null : newest.seq();
        java.time.Instant newestAt = newest == null ? null : newest.writtenAt();
        if (state.broken != null) {
            return new AuditVerification(false, state.checked, state.broken.seq(), state.broken.id(), state.broken.reason(),
                    valid, newestSeq, newestAt);
        }
        String reason = "审计日志完整，未发现篡改" + (newest == null ? "（尚无检查点：最新记录被删除还无法发现）"
                : "（与 " + valid + " 个检查点一致；最近的检查点为第 " + newest.seq() + " 条，" + TIME.format(newest.writtenAt()) + "）");
        return new AuditVerification(true, state.checked, null, null, reason, valid, newestSeq, newestAt);
    }

    private record Broken(Long seq, UUID id, String reason) {
    }
}
