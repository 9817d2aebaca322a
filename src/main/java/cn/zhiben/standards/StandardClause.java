package cn.zhiben.standards;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A clause with the version it belongs to, also after that version was superseded.
 *
 * @param industryCodes     industries (with their sub-industries) the clause applies to
 * @param allIndustries     applies to every unit whatever its industry (fire)
 * @param specialOperation  applies only to enterprises recording this special operation, or null
 * @param validFrom         first day the clause applied (version and clause dates combined), null if unknown
 * @param validTo           last day it applied, null while in force
 * @param correctsClauseId  for a local correction: the clause it replaces from validFrom
 */
public record StandardClause(UUID id, StandardVersionRef version, String clauseNo, String categoryCode,
                             String categoryName, String categoryGroup, String summary, Confidence confidence,
                             ClauseOrigin origin, List<String> industryCodes, boolean allIndustries,
                             String specialOperation, LocalDate validFrom, LocalDate validTo, UUID correctsClauseId,
                             String localDocNo, String note, String related) {

    public StandardClause {
        industryCodes = List.copyOf(industryCodes);
    }

    /** Within its own and its version's validity on this date (a local correction may still replace it). */
    public boolean validOn(LocalDate date) {
        return version.published() && (validFrom == null || !date.isBefore(validFrom))
                && (validTo == null || !date.isAfter(validTo));
    }

    /** Whether it applies to an enterprise of this industry with these special operations (dates aside). */
    public boolean appliesTo(String industryCode, java.util.Set<String> specialOperations) {
        if (specialOperation != null && (specialOperations == null || !specialOperations.contains(specialOperation))) {
            return false;
        }
        if (allIndustries) {
            return true;
        }
        return industryCode != null && industryCodes.stream().anyMatch(c -> covers(c, industryCode));
    }

    /** Industry codes are dot-hierarchical: indtrade covers indtrade.metallurgy. */
    public static boolean covers(String code, String industryCode) {
        return industryCode.equals(code) || industryCode.startsWith(code + ".");
    }
}
