package cn.zhiben.standards.internal;

import cn.zhiben.standards.ClauseOrigin;
import cn.zhiben.standards.Confidence;
import cn.zhiben.standards.StandardClause;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One row of std_clause with its category. */
public record ClauseRow(UUID id, UUID versionId, String categoryCode, String categoryName, String categoryGroup,
                        int categoryOrder, String clauseNo, String summary, Confidence confidence, String note,
                        String related, List<String> industryCodes, String specialOperation, int sortOrder,
                        ClauseOrigin origin, UUID localChangeId, UUID correctsClauseId, LocalDate effectiveFrom,
                        LocalDate effectiveTo, String localDocNo) {

    public ClauseRow {
        industryCodes = List.copyOf(industryCodes);
    }

    /** The clause as other modules see it: applicability and validity combined with its version's. */
    public StandardClause toClause(VersionRow v) {
        List<String> industries = industryCodes.isEmpty() ? v.industryCodes() : industryCodes;
        boolean all = v.allIndustries() && industryCodes.isEmpty();
        return new StandardClause(id, v.ref(), clauseNo, categoryCode, categoryName, categoryGroup, summary, confidence,
                origin, industries, all, specialOperation, later(v.effectiveFrom(), effectiveFrom),
                earlier(v.effectiveTo(), effectiveTo), correctsClauseId, localDocNo, note, related);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : (a.isAfter(b) ? a : b);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : (a.isBefore(b) ? a : b);
    }
}
