package cn.zhiben.analytics.internal;

import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.RegionCodes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a figure is restricted to, besides the caller's scope. Every field null = no restriction.
 *
 * @param industries an industry with its sub-industries (a hazard counts for its enterprise's industry or the field of
 *                   the standard it was judged against)
 * @param open       true: not terminal; false: terminal
 * @param from       found on or after (Asia/Shanghai date)
 * @param to         found on or before
 */
public record Filter(String region, Set<String> industries, String grade, String channel, String status,
                     String listing, Boolean overdue, Boolean stock, Boolean open, LocalDate from, LocalDate to,
                     UUID enterpriseId, String industryExact, LocalDate doneFrom, LocalDate doneTo) {

    public Filter(String region, Set<String> industries, String grade, String channel, String status, String listing,
                  Boolean overdue, Boolean stock, Boolean open, LocalDate from, LocalDate to, UUID enterpriseId) {
        this(region, industries, grade, channel, status, listing, overdue, stock, open, from, to, enterpriseId, null,
                null, null);
    }

    public static Filter none() {
        return new Filter(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Needs the per-hazard table (an enterprise, an exact industry, a rectification date). */
    boolean needsFact() {
        return enterpriseId != null || industryExact != null || doneFrom != null || doneTo != null;
    }

    /** Whole months: a period table can answer (from is a 1st, to a month's last day). */
    boolean wholeMonths() {
        return (from == null || from.getDayOfMonth() == 1) && (to == null || to.plusDays(1).getDayOfMonth() == 1);
    }

    boolean period() {
        return from != null || to != null;
    }

    /** SQL over a read-model table with the standard column names; columns a table lacks are passed as null. */
    Sql sql(DataScope scope, Set<String> columns) {
        DataScope.Sql s = scope.toSql(columns.contains("enterprise_id") ? "enterprise_id" : "null", "region_code",
                "zone_code", "industry_code", "field_code");
        StringBuilder w = new StringBuilder(s.where());
        Map<String, Object> p = new LinkedHashMap<>(s.params());
        if (region != null) {
            if (RegionCodes.isAdministrative(region)) {
                w.append(" and region_code like :fRegion");
                p.put("fRegion", RegionCodes.subtreePrefix(region) + "%");
            } else {
                w.append(" and zone_code = :fZone");
                p.put("fZone", region);
            }
        }
        if (industries != null) {
            w.append(" and (industry_code in (:fInd) or field_code in (:fInd))");
            p.put("fInd", industries.isEmpty() ? List.of("-") : new ArrayList<>(industries));
        }
        eq(w, p, "grade", grade);
        eq(w, p, "channel", channel);
        if (status != null) {
            if (columns.contains("status")) {
                eq(w, p, "status", status);
            } else {
                eq(w, p, "bucket", Contribution.bucket(cn.zhiben.hazards.HazardStatus.valueOf(status)));
            }
        }
        if (listing != null) {
            eq(w, p, "listing_level", listing.equals("NONE") ? "" : listing);
        }
        if (overdue != null) {
            w.append(" and overdue = :fOverdue");
            p.put("fOverdue", overdue);
        }
        if (stock != null) {
            if (columns.contains("stock")) {
                w.append(" and stock = :fStock");
            } else {
                w.append(" and (found_month <= date '2023-12-01') = :fStock");
            }
            p.put("fStock", stock);
        }
        if (open != null) {
            if (columns.contains("status")) {
                w.append(open ? " and " + cn.zhiben.hazards.HazardStatus.openSql("status")
                        : " and " + cn.zhiben.hazards.HazardStatus.closedSql("status"));
            } else {
                w.append(open ? " and bucket = 'OPEN'" : " and bucket <> 'OPEN'");
            }
        }
        if (enterpriseId != null) {
            w.append(" and enterprise_id = :fEnterprise");
            p.put("fEnterprise", enterpriseId);
        }
        if (industryExact != null) {
            w.append(" and industry_code = :fIndustryExact");
            p.put("fIndustryExact", industryExact);
        }
        if (doneFrom != null || doneTo != null) {
            // rectified (signed off or closed) between the dates, Asia/Shanghai
            w.append(" and ((status = 'SIGNED_OFF' and (signed_off_at at time zone 'Asia/Shanghai')::date between :fDoneFrom and :fDoneTo)"
                    + " or (status = 'CLOSED' and (closed_at at time zone 'Asia/Shanghai')::date between :fDoneFrom and :fDoneTo))");
            p.put("fDoneFrom", doneFrom == null ? LocalDate.of(2000, 1, 1) : doneFrom);
            p.put("fDoneTo", doneTo == null ? LocalDate.of(2999, 12, 31) : doneTo);
        }
        String dateColumn = columns.contains("found_on") ? "found_on" : "found_month";
        if (from != null) {
            w.append(" and ").append(dateColumn).append(" >= :fFrom");
            p.put("fFrom", dateColumn.equals("found_on") ? from : from.withDayOfMonth(1));
        }
        if (to != null) {
            w.append(" and ").append(dateColumn).append(" <= :fTo");
            p.put("fTo", to);
        }
        return new Sql(w.toString(), p);
    }

    private static void eq(StringBuilder w, Map<String, Object> p, String column, String value) {
        if (value != null) {
            String name = "f_" + column;
            w.append(" and ").append(column).append(" = :").append(name);
            p.put(name, value);
        }
    }

    record Sql(String where, Map<String, Object> params) {
    }
}
