package cn.zhiben.people.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.platform.security.CurrentUser;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The register as .xlsx: the list's filters and the caller's scope, numbers masked exactly as on the page (the full
 * numbers never leave through an export). The audit entry is committed before the first byte goes out.
 */
@Service
public class RegisterExport {

    static final List<String> HEADERS = List.of("姓名", "身份证号（脱敏）", "手机号（脱敏）", "企业", "人员类别", "用工形式", "岗位",
            "岗位类别", "特种作业类别", "入职日期", "离职日期", "在岗", "持证问题", "禁止岗位用工");

    private final RegisterService register;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    RegisterExport(RegisterService register, AuditLog audit, PlatformTransactionManager transactions) {
        this.register = register;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    public void export(CurrentUser user, RegisterRepository.Criteria criteria, OutputStream out) {
        PeopleRules.require(PeopleRules.reads(user), "PEOPLE_READ_FORBIDDEN", "当前账号不能查看人员信息");
        tx.executeWithoutResult(s -> {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("rows", register.search(user, criteria, 0, 1).total());
            // the keyword is often a person's name: masked like names in every audit summary
            facts.put("keyword", criteria.keyword() == null ? null : PeopleMasks.name(criteria.keyword()));
            audit.record(AuditEntry.success(AuditAction.EXPORT, RegisterService.EMPLOYMENT, null, facts));
        });
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("人员名册");
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                head.createCell(i).setCellValue(HEADERS.get(i));
            }
            int r = 1;
            for (int page = 0; ; page++) {
                RegisterService.Page<RegisterService.EntryView> p = register.search(user, criteria, page, RegisterService.MAX_PAGE_SIZE);
                for (RegisterService.EntryView e : p.items()) {
                    Row row = sheet.createRow(r++);
                    int c = 0;
                    row.createCell(c++).setCellValue(e.name());
                    row.createCell(c++).setCellValue(e.idNumber());
                    row.createCell(c++).setCellValue(e.mobile() == null ? "" : e.mobile());
                    row.createCell(c++).setCellValue(e.enterpriseName());
                    row.createCell(c++).setCellValue(String.join("、", e.roles().stream().map(RegisterService.Option::label).toList()));
                    row.createCell(c++).setCellValue(e.employmentType().label());
                    row.createCell(c++).setCellValue(e.post() == null ? "" : e.post());
                    row.createCell(c++).setCellValue(e.postKind().label());
                    row.createCell(c++).setCellValue(e.operationType() == null ? "" : e.operationType().label());
                    row.createCell(c++).setCellValue(String.valueOf(e.startedOn()));
                    row.createCell(c++).setCellValue(e.endedOn() == null ? "" : e.endedOn().toString());
                    row.createCell(c++).setCellValue(e.onDuty() ? "在岗" : e.offPost() ? "离岗再培训" : "否");
                    row.createCell(c++).setCellValue(String.join("；", e.certificateGaps()));
                    row.createCell(c).setCellValue(e.forbiddenPost() == null ? "" : e.forbiddenPost());
                }
                if (!p.hasNext()) {
                    break;
                }
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
