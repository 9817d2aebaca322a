package cn.zhiben.hazards.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.platform.security.CurrentUser;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** The filtered hazard list as .xlsx, streamed row by row so a large export does not sit in memory. */
@Component
public class HazardsExport {

    private static final String[] HEADERS = {"编号", "企业", "所在地", "行业领域", "渠道", "等级", "状态", "判定条款", "隐患描述",
            "发现日期", "整改期限", "逾期", "挂牌督办", "存量/增量", "自查未发现", "历史导入"};
    private final HazardQueries queries;
    private final HazardNames names;
    private final AuditLog audit;

    HazardsExport(HazardQueries queries, HazardNames names, AuditLog audit) {
        this.queries = queries;
        this.names = names;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public void write(CurrentUser user, HazardQueries.Filter filter, HazardQueries.Sort sort, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("隐患清单");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
            }
            // names looked up once for the whole export, not per row
            HazardNames.Snapshot lookup = names.snapshot();
            int[] n = {0};
            queries.stream(user.scope(), filter, sort, r -> {
                Row row = sheet.createRow(++n[0]);
                int c = 0;
                row.createCell(c++).setCellValue(r.number());
                row.createCell(c++).setCellValue(r.enterpriseName());
                row.createCell(c++).setCellValue(lookup.region(r.regionCode()));
                row.createCell(c++).setCellValue(lookup.industry(r.industryCode()));
                row.createCell(c++).setCellValue(r.channel().label());
                row.createCell(c++).setCellValue(r.grade().label());
                row.createCell(c++).setCellValue(r.status().label());
                row.createCell(c++).setCellValue(r.clauseLabel() == null ? "" : r.clauseLabel());
                row.createCell(c++).setCellValue(r.description());
                row.createCell(c++).setCellValue(r.foundOn().toString());
                row.createCell(c++).setCellValue(r.deadline() == null ? "" : r.deadline().toString());
                row.createCell(c++).setCellValue(r.overdue() ? "是" : "否");
                row.createCell(c++).setCellValue(r.listingLevel() == null ? "" : r.listingLevel().label());
                row.createCell(c++).setCellValue(r.stock() ? "存量" : "增量");
                row.createCell(c++).setCellValue(r.selfCheckMissed() ? "是" : "");
                row.createCell(c).setCellValue(r.imported() ? "是" : "");
            });
            audit.recordIndependently(AuditEntry.success(AuditAction.EXPORT, "hazard", null, Map.of("rows", n[0])));
            wb.write(out);
            wb.dispose();
        }
    }
}
