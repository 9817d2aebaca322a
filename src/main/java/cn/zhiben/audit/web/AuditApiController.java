package cn.zhiben.audit.web;

import cn.zhiben.audit.AuditVerification;
import cn.zhiben.audit.internal.AuditFilter;
import cn.zhiben.audit.internal.AuditPage;
import cn.zhiben.audit.internal.AuditQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** The audit log for the audit administrator only (三员分立, 等保 GB/T 22239-2019 8.1.4.3). */
@Tag(name = "审计日志", description = "审计管理员查询、校验、导出审计日志")
@RestController
@PreAuthorize("hasAuthority('PERM_AUDIT_READ')")
class AuditApiController {

    private final AuditQueries queries;
    private final Clock clock;

    AuditApiController(AuditQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Operation(summary = "查询审计日志（最新在前）；时间为 ISO 8601，未带时区按北京时间")
    @GetMapping("/api/v1/audit")
    AuditPage search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                     @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                     @RequestParam(required = false) String result, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, @RequestParam(required = false) String clientAddress,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queries.search(AuditFilter.parse(actor, action, entityType, entityId, result, from, to, clientAddress, page, size));
    }

    @Operation(summary = "校验审计日志哈希链的完整性")
    @GetMapping("/api/v1/audit/verify")
    AuditVerification verify() {
        return queries.verify();
    }

    @Operation(summary = "导出符合条件的审计日志（.xlsx）；导出本身记入审计")
    @GetMapping("/api/v1/audit/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                  @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                                  @RequestParam(required = false) String result, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to, @RequestParam(required = false) String clientAddress) {
        AuditFilter f = AuditFilter.parse(actor, action, entityType, entityId, result, from, to, clientAddress, 0, 1);
        return AuditDownload.xlsx(queries.export(f), clock);
    }
}
