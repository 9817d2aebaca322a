package cn.zhiben.standards.internal;

import cn.zhiben.standards.ClauseOrigin;
import cn.zhiben.standards.Confidence;
import cn.zhiben.standards.StandardClause;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Read models of the library, shared by the API (as JSON) and the pages. */
public final class LibraryViews {

    private LibraryViews() {
    }

    /** What applied to an industry field (or everything) on a date. */
    public record LibraryAt(LocalDate date, String industryCode, String industryName, List<VersionDetail> standards) {
    }

    public record VersionDetail(VersionSummary version, List<CategoryBlock> categories, List<VersionLink> chain) {
        public int shownClauses() {
            return categories.stream().mapToInt(c -> c.clauses().size()).sum();
        }
    }

    /**
     * A version's metadata.
     *
     * @param clauseCount      national clauses of the version
     * @param unconfirmedCount of those, the ones marked unconfirmed
     * @param localCount       approved local clauses and corrections
     * @param record           who recorded and who published the version, and when
     */
    public record VersionSummary(UUID id, String standardCode, String standardName, String kind, String edition,
                                 String name, String issuer, String docNo, String legalNature, LocalDate effectiveFrom,
                                 LocalDate effectiveTo, String datesNote, String status, List<String> industryCodes,
                                 List<String> industryNames, boolean allIndustries, boolean partial, String partialNote,
                                 boolean possiblySuperseded, List<String> caveats, Confidence metadataConfidence,
                                 String metadataNote, String source, VersionLink supersedes, VersionLink supersededBy,
                                 VersionLink overlayOf, int clauseCount, int unconfirmedCount, int localCount,
                                 List<String> record) {

        public boolean draft() {
            return VersionRow.DRAFT.equals(status);
        }

        public boolean overlay() {
            return "OVERLAY".equals(kind);
        }

        public boolean inForceOn(LocalDate date) {
            return !draft() && (effectiveFrom == null || !date.isBefore(effectiveFrom))
                    && (effectiveTo == null || !date.isAfter(effectiveTo));
        }
    }

    public record VersionLink(UUID id, String name, String edition, String docNo, LocalDate effectiveFrom,
                              LocalDate effectiveTo, String status) {
        static VersionLink of(VersionRow v) {
            return v == null ? null : new VersionLink(v.id(), v.name(), v.edition(), v.docNo(), v.effectiveFrom(),
                    v.effectiveTo(), v.status());
        }
    }

    public record CategoryBlock(String code, String name, String group, String note, List<ClauseItem> clauses) {
    }

    /**
     * A clause as listed.
     *
     * @param inForce   applies on the date of the listing (validity, and not replaced by a local correction)
     * @param replacedBy the local correction in force that replaces it on that date, if any
     */
    public record ClauseItem(UUID id, String clauseNo, String summary, Confidence confidence, ClauseOrigin origin,
                             List<String> industryCodes, boolean allIndustries, String specialOperation,
                             String specialOperationLabel, LocalDate validFrom, LocalDate validTo, String note,
                             String related, UUID correctsClauseId, String localDocNo, boolean inForce,
                             UUID replacedBy) {

        static ClauseItem of(StandardClause c, boolean inForce, UUID replacedBy) {
            return new ClauseItem(c.id(), c.clauseNo(), c.summary(), c.confidence(), c.origin(), c.industryCodes(),
                    c.allIndustries(), c.specialOperation(), SpecialOperations.label(c.specialOperation()),
                    c.validFrom(), c.validTo(), c.note(), c.related(), c.correctsClauseId(), c.localDocNo(), inForce,
                    replacedBy);
        }

        public boolean unconfirmed() {
            return confidence == Confidence.UNCONFIRMED;
        }

        public boolean local() {
            return origin == ClauseOrigin.LOCAL;
        }
    }

    /** Two versions side by side, matched by clause number (national clauses only). */
    public record Comparison(VersionSummary from, VersionSummary to, List<ClauseItem> added, List<ClauseItem> removed,
                             List<Change> changed, int unchanged) {
    }

    public record Change(String clauseNo, ClauseItem before, ClauseItem after, List<String> fields) {
    }

    public record SearchResult(String query, LocalDate date, String industryCode, List<StandardClause> hits,
                               boolean truncated) {
    }
}
