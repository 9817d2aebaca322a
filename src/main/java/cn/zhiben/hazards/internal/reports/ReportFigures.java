package cn.zhiben.hazards.internal.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What an enterprise's hazard report states for a period, taken from its own hazards when the report is prepared and
 * kept as prepared (the principal signs exactly this).
 *
 * @param found              hazards found in the period (merged duplicates not counted)
 * @param foundGeneral       of those, general
 * @param foundMajor         of those, major
 * @param foundBySelf        of those, found by the enterprise's own inspection
 * @param foundByOthers      of those, found by supervision, tip-offs, experts, monitoring or a higher authority
 * @param closedGeneral      general hazards rectified and closed in the period (whenever found)
 * @param signedOffMajor     major hazards signed off in the period (whenever found)
 * @param foundAndRectified  of the hazards found in the period, those closed or signed off by its end
 * @param openGeneral        general hazards open at the end of the period
 * @param openMajor          major hazards open at the end of the period
 * @param majors             every major hazard open at some time in the period, with where it stood at its end
 */
public record ReportFigures(long found, long foundGeneral, long foundMajor, long foundBySelf, long foundByOthers,
                            long closedGeneral, long signedOffMajor, long foundAndRectified, long openGeneral,
                            long openMajor, List<Major> majors) {

    public ReportFigures {
        majors = List.copyOf(majors);
    }

    /** Rectified share of the period's own findings, in per cent with one decimal; null when nothing was found. */
    public Double rectificationRate() {
        return found == 0 ? null : Math.round(foundAndRectified * 1000.0 / found) / 10.0;
    }

    /**
     * A major hazard of the period.
     *
     * @param statusAtEnd  the label of its state at the end of the period
     * @param closedAtEnd  signed off (or merged away) by the end of the period
     * @param listingLevel label of its listing, or null
     */
    public record Major(UUID hazardId, String number, LocalDate foundOn, String channel, String description,
                        String basis, String statusAtEnd, boolean closedAtEnd, LocalDate deadline, String listingLevel) {
    }
}
