package cn.zhiben.inspections.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Numbers of enforcement documents, per unit, document type and year: "{机关代字}{文书代字}〔{年}〕{序号}号", e.g.
 * 晋泽应急检记〔2026〕12号. The pattern is the practice of public enforcement software, not a rule (reference §3 [P]); the
 * authority prefix is data per unit (insp_doc_prefix) with a default built from the county and the unit's name.
 * Gap-free: the increment locks the sequence row until the transaction that uses the number commits, and rolls back
 * with it — so a number is never skipped and never given twice, also under concurrency.
 */
@Component
public class DocumentNumbers {

    /** The documents this module numbers (文书代字 as in public enforcement software; configurable only via the prefix). */
    public enum DocType {
        INSPECTION_RECORD("检记", "现场检查记录"),
        RECTIFICATION_ORDER("责改", "责令限期整改指令书"),
        PENALTY("罚", "行政处罚决定书"),
        REINSPECTION("复查", "整改复查意见书");

        private final String code;
        private final String title;

        DocType(String code, String title) {
            this.code = code;
            this.title = title;
        }

        public String code() {
            return code;
        }

        public String title() {
            return title;
        }
    }

    private final JdbcClient jdbc;
    private final UnitCatalog units;
    private final RegionCatalog regions;
    private final AuditLog audit;
    private final Clock clock;

    DocumentNumbers(JdbcClient jdbc, UnitCatalog units, RegionCatalog regions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Takes the next number; must run inside the transaction that stores the document. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String next(UnitRef unit, DocType type, int year) {
        int n = jdbc.sql("""
                insert into insp_doc_sequence (unit_id, unit_county, doc_type, year, last_value) values (:u, :c, :t, :y, 1)
                on conflict (unit_id, unit_county, doc_type, year)
                do update set last_value = insp_doc_sequence.last_value + 1 returning last_value""")
                .param("u", unit.unitId()).param("c", unit.county()).param("t", type.name()).param("y", year)
                .query(Integer.class).single();
        return format(prefix(unit), type, year, n);
    }

    static String format(String prefix, DocType type, int year, int n) {
        return prefix + type.code() + "〔" + year + "〕" + n + "号";
    }

    public String prefix(UnitRef unit) {
        return configured(unit).orElseGet(() -> defaultPrefix(unit));
    }

    public Optional<String> configured(UnitRef unit) {
        return jdbc.sql("select prefix from insp_doc_prefix where unit_id = :u and unit_county = :c")
                .param("u", unit.unitId()).param("c", unit.county()).query(String.class).optional();
    }

    /**
     * Our default: 晋 + 市 (city level) or the county's first character + the unit's name without 市 and 局/管理局, e.g.
     * 市应急管理局 → 晋市应急, in 泽州县 → 晋泽应急. A unit sets its real 代字 on the settings page.
     */
    public String defaultPrefix(UnitRef unit) {
        String name = units.find(unit.unitId()).map(CommitteeUnit::shortName).orElse("");
        String core = name.replaceFirst("^市", "").replaceFirst("(管理局|局|委员会|委|办公室|办)$", "");
        String place = unit.regionCode() == null ? "市"
                : regions.find(unit.regionCode()).map(r -> r.name().substring(0, 1)).orElse("");
        return "晋" + place + core;
    }

    /** A unit sets its own prefix (1–12 characters, no brackets: they belong to the year). */
    @Transactional
    public void setPrefix(UnitRef unit, String prefix) {
        String p = prefix == null ? "" : prefix.strip();
        if (p.isEmpty() || p.length() > 12 || p.matches(".*[〔〕\\[\\]()（）\\s].*")) {
            throw ProblemException.badRequest("DOCUMENT_PREFIX_INVALID", "机关代字须为 1–12 个字符，不含括号和空格");
        }
        String before = prefix(unit);
        jdbc.sql("""
                insert into insp_doc_prefix (unit_id, unit_county, prefix, updated_at, updated_by) values (:u, :c, :p, :at, :by)
                on conflict (unit_id, unit_county) do update set prefix = :p, updated_at = :at, updated_by = :by""")
                .param("u", unit.unitId()).param("c", unit.county()).param("p", p)
                .param("at", Timestamp.from(clock.instant())).param("by", CurrentUser.require().username()).update();
        audit.record(AuditEntry.success(AuditAction.UPDATE, "document-prefix", unit.unitId() + "/" + unit.county(),
                AuditLog.diff(Map.of("prefix", before), Map.of("prefix", p))));
    }
}
