package cn.zhiben.audit.internal;

import cn.zhiben.audit.AuditVerification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** Recomputes every row's hash in sequence order and names the first row that does not fit. */
@Service
public class AuditChainVerifier {

    private final JdbcTemplate jdbc;

    AuditChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public AuditVerification verify() {
        var state = new Object() {
            long checked;
            long expectedSeq = 1;
            String prev = AuditHash.GENESIS;
            AuditVerification broken;
        };
        jdbc.setFetchSize(2000);
        jdbc.query("""
                select seq, id, occurred_at, actor_id, actor_username, actor_role, client_address, action, entity_type,
                       entity_id, changes, result, detail, prev_hash, hash from audit_log order by seq""", rs -> {
            if (state.broken != null) {
                return;
            }
            AuditRow row = new AuditRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(),
                    rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                    rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                    rs.getString(14), rs.getString(15));
            state.checked++;
            if (row.seq() != state.expectedSeq) {
                state.broken = new AuditVerification(false, state.checked, row.seq(), row.id(),
                        "序号不连续：缺少第 " + state.expectedSeq + " 条至第 " + (row.seq() - 1) + " 条（记录被删除）");
            } else if (!row.prevHash().equals(state.prev)) {
                state.broken = new AuditVerification(false, state.checked, row.seq(), row.id(),
                        "前序哈希不符：与上一条记录的哈希不一致");
            } else if (!row.computeHash().equals(row.hash())) {
                state.broken = new AuditVerification(false, state.checked, row.seq(), row.id(),
                        "内容哈希不符：该条记录的内容已被改动");
            }
            state.prev = row.hash();
            state.expectedSeq = row.seq() + 1;
        });
        return state.broken != null ? state.broken : new AuditVerification(true, state.checked, null, null, "审计日志完整，未发现篡改");
    }
}
