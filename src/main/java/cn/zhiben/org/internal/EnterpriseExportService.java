package cn.zhiben.org.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The enterprise list as .xlsx: the search's filters, the caller's scope, masked numbers, streamed row by row. */
@Service
public class EnterpriseExportService {

    private final EnterpriseRepository repository;
    private final EnterpriseService enterprises;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;

    EnterpriseExportService(EnterpriseRepository repository, EnterpriseService enterprises, AuditLog audit,
                            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The audit entry is committed before the first byte goes out, so an export that is cut off half-way is
     * still on record.
     */
    public void export(CurrentUser user, EnterpriseCriteria criteria, OutputStream out) {
        EnterpriseReference ref = enterprises.reference();
        tx.executeWithoutResult(s -> {
            long rows = repository.count(criteria, user.scope());
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("rows", rows);
            facts.put("filters", filters(criteria));
            audit.record(AuditEntry.success(AuditAction.EXPORT, EnterpriseService.ENTITY, null, facts));
        });
        readOnly.executeWithoutResult(s -> {
            try {
                EnterpriseWorkbooks.export(out, sink -> repository.stream(criteria, user.scope(), "e.name, e.id",
                        row -> sink.accept(EnterpriseView.of(row, ref))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Map<String, Object> filters(EnterpriseCriteria c) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (c.keyword() != null) {
            m.put("keyword", c.keyword());
        }
        if (c.regionCode() != null) {
            m.put("regionCode", c.regionCode());
        }
        if (c.industryCode() != null) {
            m.put("industryCode", c.industryCode());
        }
        if (c.status() != null) {
            m.put("status", c.status().name());
        }
        if (c.scale() != null) {
            m.put("scale", c.scale().name());
        }
        if (c.grade() != null) {
            m.put("grade", c.grade().name());
        }
        if (c.demo() != null) {
            m.put("demo", c.demo());
        }
        return m;
    }
}
