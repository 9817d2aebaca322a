package cn.zhiben.hazards;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Read access to hazards for other modules. No data scope is applied here: the calling module applies its own scope
 * to its own records and shows only hazards linked to records its user may see.
 */
public interface HazardDirectory {

    /**
     * @param fieldCode     the field of the standard it was judged against when that differs from the enterprise's
     *                      industry (fire, special equipment), or null
     * @param determination a major hazard determined without a listed clause (综合判定 / 专家论证)
     */
    record HazardSummary(UUID id, String number, UUID enterpriseId, String enterpriseName, String regionCode,
                         String industryCode, Grade grade, Channel channel, HazardStatus status, ListingLevel listingLevel,
                         boolean overdue, LocalDate foundOn, LocalDate deadline, Shutdown shutdown, UUID clauseId,
                         String clauseLabel, String sourceModule, String sourceRef, String fieldCode,
                         boolean determination) {
    }

    /** A hazard whose rectification requires production to stop (令第16号 Art. 16), while it is open. */
    record ShutdownOrder(UUID hazardId, String number, UUID enterpriseId, Shutdown shutdown, LocalDate since) {
    }

    /**
     * Counts for a period, as monthly progress reports and summaries cite them.
     *
     * @param found         hazards found in the period (found_on), all grades, merged and withdrawn ones excluded
     * @param majorFound    of those, major
     * @param signedOff     major hazards signed off in the period
     * @param closed        general hazards closed in the period
     * @param openMajor     major hazards open now (not signed off, closed or merged)
     * @param overdue       hazards overdue now
     * @param listed        hazards listed for supervision now
     */
    record Figures(long found, long majorFound, long signedOff, long closed, long openMajor, long overdue, long listed) {
    }

    Optional<HazardSummary> find(UUID hazardId);

    /** Hazards registered from one record of another module (usually one). */
    List<HazardSummary> fromSource(String sourceModule, String sourceRef);

    /** Open hazards with a full or partial shutdown, for one enterprise or (null) all. */
    List<ShutdownOrder> activeShutdowns(UUID enterpriseIdOrNull);

    /**
     * Figures for a region subtree (null: the whole city) and a set of industry codes (null: all) — a hazard counts for
     * its enterprise's industry and for the field of the standard it was judged against — found or decided between
     * from and to inclusive (Asia/Shanghai dates).
     */
    Figures figures(String regionCodeOrNull, Set<String> industryCodesOrNull, LocalDate from, LocalDate to);
}
