package cn.zhiben.analytics.internal;

import cn.zhiben.hazards.HazardSnapshot;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.platform.PlatformConfiguration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What one hazard adds to the counting tables: one row of an_state_count, one of an_found_month and, once rectified, one
 * of an_done_month. A new snapshot subtracts the previous one's contribution and adds its own, so a merged, reopened or
 * regraded hazard moves between buckets. The rebuild computes the same keys in SQL ({@link HazardReadModel#rebuild}).
 */
record Contribution(String region, String zone, String industry, String field, String grade, String status,
                    String channel, String listing, boolean overdue, boolean stock, LocalDate foundOn,
                    Instant signedOffAt, Instant closedAt) {

    static Contribution of(HazardSnapshot s) {
        return new Contribution(s.regionCode(), nz(s.zoneCode()), s.industryCode(), nz(s.fieldCode()), s.grade().name(),
                s.status().name(), s.channel().name(), s.listingLevel() == null ? "" : s.listingLevel().name(),
                s.overdue(), s.stock(), s.foundOn(), s.signedOffAt(), s.closedAt());
    }

    static Contribution of(ResultSet rs) throws SQLException {
        return new Contribution(rs.getString("region_code"), rs.getString("zone_code"), rs.getString("industry_code"),
                rs.getString("field_code"), rs.getString("grade"), rs.getString("status"), rs.getString("channel"),
                rs.getString("listing_level"), rs.getBoolean("overdue"), rs.getBoolean("stock"),
                rs.getDate("found_on").toLocalDate(), instant(rs.getTimestamp("signed_off_at")),
                instant(rs.getTimestamp("closed_at")));
    }

    /** OPEN, RECTIFIED (signed off or closed) or REMOVED (merged into another, withdrawn): found counts exclude REMOVED. */
    String bucket() {
        return bucket(HazardStatus.valueOf(status));
    }

    static String bucket(HazardStatus s) {
        return switch (s) {
            case SIGNED_OFF, CLOSED -> "RECTIFIED";
            case MERGED, WITHDRAWN -> "REMOVED";
            default -> "OPEN";
        };
    }

    /** When it was rectified, if it stands rectified now. */
    Instant doneAt() {
        return switch (HazardStatus.valueOf(status)) {
            case SIGNED_OFF -> signedOffAt;
            case CLOSED -> closedAt;
            default -> null;
        };
    }

    /** Keys (table + key values) with +1 each; the model adds them with a sign. */
    List<Key> keys() {
        List<Key> keys = new ArrayList<>(3);
        keys.add(new Key("S", List.of(region, zone, industry, field, grade, status, channel, listing, overdue, stock)));
        keys.add(new Key("F", List.of(region, zone, industry, field, grade, channel, foundOn.withDayOfMonth(1), bucket())));
        Instant done = doneAt();
        if (done != null) {
            LocalDate day = LocalDate.ofInstant(done, PlatformConfiguration.ZONE);
            int days = (int) Math.max(0, ChronoUnit.DAYS.between(foundOn, day));
            keys.add(new Key("D", List.of(region, zone, industry, field, grade, day.withDayOfMonth(1), days)));
        }
        return keys;
    }

    record Key(String table, List<Object> values) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return (table + values).compareTo(o.table + o.values);
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
