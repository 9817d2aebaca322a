package cn.zhiben.audit.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.audit.AuditVerification;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading the audit log: search, export. Only the audit administrator may (三员分立, 等保 GB/T 22239-2019 8.1.4.3);
 * an export is itself audited.
 */
@Service
public class AuditQueries {

    /** Beyond this the export is refused: narrow the time range instead. */
    public static final int EXPORT_LIMIT = 50_000;
    private static final int SUMMARY_MAX = 300;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(PlatformConfiguration.ZONE);
    private static final String COLUMNS = """
            select seq, id, occurred_at, actor_id, actor_username, actor_role, client_address, action, entity_type,
                   entity_id, changes, result, detail, hash from audit_log""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AuditChainVerifier verifier;
    private final AuditReadable readable;

    AuditQueries(JdbcClient jdbc, AuditLog audit, AuditChainVerifier verifier, AuditReadable readable) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.verifier = verifier;
        this.readable = readable;
    }

    /** The entity types the modules name, code -> Chinese name, for the page's filter. */
    public Map<String, String> entityTypes() {
        return readable.entityTypes();
    }

    /** Recomputes the whole chain; names the first row that does not fit. */
    public AuditVerification verify() {
        requireAuditor();
        return verifier.verify();
    }

    @Transactional(readOnly = true)
    public AuditPage search(AuditFilter f) {
        requireAuditor();
        Where w = where(f);
        long total = jdbc.sql("select count(*) from audit_log" + w.sql()).params(w.params()).query(Long.class).single();
        AuditReadable.Session session = readable.session();
        List<AuditRecord> items = jdbc.sql(COLUMNS + w.sql() + " order by seq desc limit :limit offset :offset")
                .params(w.params()).param("limit", f.size()).param("offset", (long) f.page() * f.size())
                .query((rs, n) -> map(rs, session)).list();
        return new AuditPage(items, f.page(), f.size(), total);
    }

    /** The filtered log as an .xlsx workbook, newest first; the export is recorded as EXPORT with its conditions. */
    @Transactional
    public byte[] export(AuditFilter f) {
        requireAuditor();
        Where w = where(f);
        long total = jdbc.sql("select count(*) from audit_log" + w.sql()).params(w.params()).query(Long.class).single();
        if (total > EXPORT_LIMIT) {
            throw ProblemException.unprocessable("EXPORT_TOO_LARGE",
                    "符合条件的记录有 " + total + " 条，超过单次导出上限 " + EXPORT_LIMIT + " 条，请缩小时间范围后再导出");
        }
        AuditReadable.Session session = readable.session();
        List<AuditRecord> rows = jdbc.sql(COLUMNS + w.sql() + " order by seq desc").params(w.params())
                .query((rs, n) -> map(rs, session)).list();
        byte[] xlsx = workbook(rows);
        Map<String, Object> facts = new LinkedHashMap<>(f.asMap());
        facts.put("rows", rows.size());
        audit.record(AuditEntry.success(AuditAction.EXPORT, "audit_log", null, facts));
        return xlsx;
    }

    static void requireAuditor() {
        if (!CurrentUser.require().can(Permission.AUDIT_READ)) {
            throw ProblemException.forbidden("FORBIDDEN", "只有审计管理员可以查看审计日志");
        }
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(AuditFilter f) {
        StringBuilder sql = new StringBuilder(" where true");
        Map<String, Object> p = new LinkedHashMap<>();
        if (f.actor() != null) {
            sql.append(" and actor_username = :actor");
            p.put("actor", f.actor());
        }
        if (f.action() != null) {
            sql.append(" and action = :action");
            p.put("action", f.action().name());
        }
        if (f.entityType() != null) {
            sql.append(" and entity_type = :entityType");
            // the Chinese name works as well as the code ("隐患" or "hazard")
            p.put("entityType", readable.entityTypeCode(f.entityType()));
        }
        if (f.entityId() != null) {
            sql.append(" and entity_id = :entityId");
            p.put("entityId", f.entityId());
        }
        if (f.result() != null) {
            sql.append(" and result = :result");
            p.put("result", f.result());
        }
        if (f.from() != null) {
            sql.append(" and occurred_at >= :from");
            p.put("from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and occurred_at < :to");
            p.put("to", Timestamp.from(f.to()));
        }
        if (f.clientAddress() != null) {
            sql.append(" and client_address like :address escape '\\'");
            p.put("address", f.clientAddress().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Where(sql.toString(), p);
    }

    private static AuditRecord map(ResultSet rs, AuditReadable.Session session) throws SQLException {
        String role = rs.getString("actor_role");
        String action = rs.getString("action");
        String changesText = rs.getString("changes");
        JsonNode changes = null;
        if (changesText != null) {
            try {
                changes = JSON.readTree(changesText);
            } catch (RuntimeException e) {
                changes = null;
            }
        }
        String entityType = rs.getString("entity_type");
        String entityId = rs.getString("entity_id");
        return new AuditRecord(rs.getLong("seq"), rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("actor_id", UUID.class), rs.getString("actor_username"), role, roleLabel(role),
                rs.getString("client_address"), action, actionLabel(action), entityType, session.typeLabel(entityType),
                entityId, session.name(entityType, entityId), changes, session.summary(entityType, changes, changesText),
                changesText, rs.getString("result"), rs.getString("detail"), rs.getString("hash"));
    }

    static String roleLabel(String role) {
        if (role == null) {
            return null;
        }
        try {
            return Role.valueOf(role).label();
        } catch (IllegalArgumentException e) {
            return role;
        }
    }

    static String actionLabel(String action) {
        try {
            return AuditAction.valueOf(action).label();
        } catch (IllegalArgumentException e) {
            return action;
        }
    }

    private static byte[] workbook(List<AuditRecord> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet("审计日志");
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            // readable columns first, then the values exactly as recorded (and hashed)
            String[] titles = {"序号", "时间（北京时间）", "账号", "角色", "客户端地址", "操作", "对象类型", "对象编号（原值）",
                    "对象", "内容", "结果", "说明", "对象类型（原值）", "内容（原值）", "哈希"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
                header.getCell(i).setCellStyle(head);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (AuditRecord a : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(a.seq());
                row.createCell(1).setCellValue(SECONDS.format(a.occurredAt()));
                row.createCell(2).setCellValue(nz(a.actorUsername()));
                row.createCell(3).setCellValue(nz(a.actorRoleLabel()));
                row.createCell(4).setCellValue(nz(a.clientAddress()));
                row.createCell(5).setCellValue(nz(a.actionLabel()));
                row.createCell(6).setCellValue(nz(a.entityTypeLabel()));
                row.createCell(7).setCellValue(nz(a.entityId()));
                row.createCell(8).setCellValue(nz(a.entityName()));
                row.createCell(9).setCellValue(nz(a.summary()));
                row.createCell(10).setCellValue("SUCCESS".equals(a.result()) ? "成功" : "失败");
                row.createCell(11).setCellValue(nz(a.detail()));
                row.createCell(12).setCellValue(nz(a.entityType()));
                row.createCell(13).setCellValue(nz(a.rawChanges()));
                row.createCell(14).setCellValue(nz(a.hash()));
            }
            int[] widths = {8, 20, 14, 12, 16, 12, 14, 38, 24, 60, 6, 40, 16, 60, 66};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
