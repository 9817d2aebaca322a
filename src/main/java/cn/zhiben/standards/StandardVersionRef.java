package cn.zhiben.standards;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A version of a standard, as a judgement cites it.
 *
 * @param effectiveFrom null when the source gives no date of entry into force
 * @param effectiveTo   the last day it applied, or null while in force
 * @param overlay       a statutory classification shown beside a standard, not a list of determination situations
 */
public record StandardVersionRef(UUID id, String standardCode, String standardName, String name, String edition,
                                 String issuer, String docNo, String legalNature, LocalDate effectiveFrom,
                                 LocalDate effectiveTo, boolean published, boolean partial, boolean overlay) {

    public boolean inForceOn(LocalDate date) {
        return published && (effectiveFrom == null || !date.isBefore(effectiveFrom))
                && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** Name and document number, the way a judgement cites the source. */
    public String citation() {
        return docNo == null || docNo.isBlank() ? name : name + "（" + docNo + "）";
    }
}
