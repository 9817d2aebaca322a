package cn.zhiben.tipoffs.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.org.Region;
import cn.zhiben.platform.security.CurrentUser;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.stream.Collectors;

/** The tip-off list as .xlsx: what the case is and where it stands — never who reported it (only 实名/匿名). */
@Component
public class TipoffExport {

    private static final String[] HEADERS = {"举报编号", "渠道", "类别", "实名/匿名", "被举报单位", "所在地", "状态", "收到日期",
            "当前期限", "逾期", "核查结论"};
    private final TipoffQueries queries;
    private final TipoffRepository repo;
    private final RegionCatalog regions;
    private final AuditLog audit;

    TipoffExport(TipoffQueries queries, TipoffRepository repo, RegionCatalog regions, AuditLog audit) {
        this.queries = queries;
        this.repo = repo;
        this.regions = regions;
        this.audit = audit;
    }

    public void write(CurrentUser u, TipoffQueries.Filter filter, OutputStream out) throws IOException {
        Map<String, String> names = regions.all().stream().collect(Collectors.toMap(Region::code, Region::name));
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("举报清单");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
            }
            int n = 0;
            for (TipoffQueries.Row r : queries.list(u, filter, 500)) {
                Tipoff t = repo.findUnscoped(r.id()).orElseThrow();
                Row row = sheet.createRow(++n);
                int c = 0;
                row.createCell(c++).setCellValue(r.number());
                row.createCell(c++).setCellValue(t.channel.label());
                row.createCell(c++).setCellValue(t.category.label());
                row.createCell(c++).setCellValue(t.anonymous ? "匿名" : "实名");
                row.createCell(c++).setCellValue(r.enterpriseName());
                row.createCell(c++).setCellValue(names.getOrDefault(r.regionCode(), r.regionCode()));
                row.createCell(c++).setCellValue(r.statusLabel());
                row.createCell(c++).setCellValue(r.receivedOn().toString());
                row.createCell(c++).setCellValue(r.due() == null ? "" : r.due().toString());
                row.createCell(c++).setCellValue(r.overdue() ? "是" : "否");
                row.createCell(c).setCellValue(t.finding == null ? "" : t.finding.label());
            }
            audit.recordIndependently(AuditEntry.success(AuditAction.EXPORT, "tipoff", null, Map.of("rows", n)));
            wb.write(out);
            wb.dispose();
        }
    }
}
