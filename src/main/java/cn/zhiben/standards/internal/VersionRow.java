package cn.zhiben.standards.internal;

import cn.zhiben.standards.Confidence;
import cn.zhiben.standards.StandardVersionRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One row of std_version with its standard (series). */
public record VersionRow(UUID id, UUID standardId, String standardCode, String standardName, int standardOrder,
                         String kind, UUID overlayOf, String edition, String name, String issuer, String docNo,
                         String legalNature, LocalDate effectiveFrom, LocalDate effectiveTo, String datesNote,
                         UUID supersedesId, List<String> industryCodes, boolean allIndustries, boolean partial,
                         String partialNote, boolean possiblySuperseded, String caveats, Confidence metadataConfidence,
                         String metadataNote, String source, String status, Instant createdAt, String createdBy,
                         UUID createdUnitId, Instant publishedAt, String publishedBy) {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";

    public VersionRow {
        industryCodes = List.copyOf(industryCodes);
    }

    public boolean published() {
        return PUBLISHED.equals(status);
    }

    public boolean overlay() {
        return "OVERLAY".equals(kind);
    }

    public boolean inForceOn(LocalDate date) {
        return ref().inForceOn(date);
    }

    /** Whether the version concerns this industry field: its industries cover it, or it lies above one of them. */
    public boolean concerns(String industryCode) {
        return allIndustries || industryCodes.stream().anyMatch(c ->
                cn.zhiben.standards.StandardClause.covers(c, industryCode) || cn.zhiben.standards.StandardClause.covers(industryCode, c));
    }

    public List<String> caveatLines() {
        return caveats == null || caveats.isBlank() ? List.of() : caveats.lines().filter(l -> !l.isBlank()).toList();
    }

    public StandardVersionRef ref() {
        return new StandardVersionRef(id, standardCode, standardName, name, edition, issuer, docNo, legalNature,
                effectiveFrom, effectiveTo, published(), partial, overlay());
    }
}
