package cn.zhiben.analytics;

import cn.zhiben.analytics.internal.AnalyticsQueries;
import cn.zhiben.analytics.internal.AnalyticsQueries.Dimension;
import cn.zhiben.analytics.internal.Filter;
import cn.zhiben.analytics.internal.HazardReadModel;
import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardSnapshot;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hazard read models from snapshots: totals agree across breakdowns, the stock boundary, idempotence, and hazards
 * moving between buckets. Synthetic snapshots in a fictional city (region codes 1499…) inside a rolled-back transaction,
 * so they meet no other test's data and leave nothing behind.
 */
class AnalyticsReadModelIntegrationTests extends IntegrationTest {

    static final String CITY = "149900";
    static final List<String> INDUSTRIES = List.of("mine.coal", "hazchem.production", "indtrade.machinery", "fireworks");

    @Autowired
    HazardReadModel model;
    @Autowired
    AnalyticsQueries queries;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    PlatformTransactionManager tm;

    /** Runs as the city office in a transaction that is rolled back. */
    void rolledBack(Consumer<Void> body) {
        TransactionTemplate tx = new TransactionTemplate(tm);
        tx.executeWithoutResult(status -> {
            accounts.runAs("city", () -> {
                body.accept(null);
                return null;
            });
            status.setRollbackOnly();
        });
    }

    static HazardSnapshot snapshot(UUID id, int version, String region, String industry, Grade grade, HazardStatus status,
                                   Channel channel, ListingLevel listing, boolean overdue, LocalDate foundOn,
                                   Instant doneAt) {
        return new HazardSnapshot(id, version, "T-" + id.toString().substring(0, 8), UUID.nameUUIDFromBytes(region.getBytes()),
                "测试企业" + region, region, null, industry, null, channel, grade, status, listing, overdue, foundOn,
                foundOn.plusDays(30), !foundOn.isAfter(LocalDate.of(2023, 12, 31)), null, Instant.parse("2026-01-01T00:00:00Z"),
                null, null, null, status == HazardStatus.SIGNED_OFF ? doneAt : null,
                status == HazardStatus.CLOSED ? doneAt : null, Instant.parse("2026-01-01T00:00:00Z"));
    }

    static Filter city() {
        return new Filter(CITY, null, null, null, null, null, null, null, null, null, null, null);
    }

    long total(Dimension by, Filter f) {
        var b = queries.breakdown(by, f);
        assertThat(b.rows().stream().mapToLong(AnalyticsQueries.Row::count).sum()).isEqualTo(b.total());
        return b.total();
    }

    @Test
    void totalsAgreeAcrossBreakdownsOnRandomData() {
        rolledBack(v -> {
            Random r = new Random(20261203);
            HazardStatus[] statuses = HazardStatus.values();
            List<HazardSnapshot> latest = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                UUID id = new UUID(0x1499L, i);
                int versions = 1 + r.nextInt(4);
                HazardSnapshot s = null;
                for (int ver = 0; ver < versions; ver++) {
                    // each version may move the hazard anywhere: status, grade, listing, overdue
                    String region = "1499" + "0" + (1 + r.nextInt(6)) + "00" + (1 + r.nextInt(3));
                    LocalDate found = LocalDate.of(2023, 1, 1).plusDays(r.nextInt(3 * 365));
                    HazardStatus st = statuses[r.nextInt(statuses.length)];
                    s = snapshot(id, ver, region, INDUSTRIES.get(r.nextInt(INDUSTRIES.size())),
                            r.nextBoolean() ? Grade.MAJOR : Grade.GENERAL, st, Channel.values()[r.nextInt(6)],
                            r.nextInt(4) == 0 ? ListingLevel.values()[r.nextInt(3)] : null, r.nextInt(5) == 0, found,
                            found.atStartOfDay(java.time.ZoneOffset.ofHours(8)).plusDays(r.nextInt(200)).toInstant());
                    model.apply(s);
                    if (r.nextInt(3) == 0) {
                        model.apply(s);   // redelivered
                    }
                }
                latest.add(s);
            }
            long expected = latest.stream().filter(s -> s.status() != HazardStatus.MERGED && s.status() != HazardStatus.WITHDRAWN).count();
            Filter f = city();
            for (Dimension d : List.of(Dimension.COUNTY, Dimension.TOWNSHIP, Dimension.INDUSTRY, Dimension.CHANNEL,
                    Dimension.GRADE, Dimension.STATUS, Dimension.LISTING, Dimension.OVERDUE, Dimension.STOCK)) {
                assertThat(total(d, f)).as("by %s", d).isEqualTo(expected);
            }
            // a period of whole months is answered from the monthly table, a custom range from the per-hazard table
            Filter months = new Filter(CITY, null, null, null, null, null, null, null, null, LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 12, 31), null);
            Filter days = new Filter(CITY, null, null, null, null, null, null, null, null, LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 12, 30), null);
            long in2024 = latest.stream().filter(s -> s.status() != HazardStatus.MERGED && s.status() != HazardStatus.WITHDRAWN
                    && s.foundOn().getYear() == 2024).count();
            long in2024butLastDay = latest.stream().filter(s -> s.status() != HazardStatus.MERGED
                    && s.status() != HazardStatus.WITHDRAWN && s.foundOn().getYear() == 2024
                    && !s.foundOn().equals(LocalDate.of(2024, 12, 31))).count();
            assertThat(queries.breakdown(Dimension.COUNTY, months).source()).isEqualTo("MONTH");
            assertThat(queries.breakdown(Dimension.COUNTY, days).source()).isEqualTo("FACT");
            for (Dimension d : List.of(Dimension.COUNTY, Dimension.INDUSTRY, Dimension.GRADE, Dimension.CHANNEL,
                    Dimension.MONTH, Dimension.STOCK)) {
                assertThat(total(d, months)).as("2024 by %s", d).isEqualTo(in2024);
                assertThat(total(d, days)).as("2024 less a day by %s", d).isEqualTo(in2024butLastDay);
            }
            // the cube agrees with the per-hazard rows it summarises
            assertThat(queries.hazards(f, "found", 1, 0).total()).isEqualTo(expected);
        });
    }

    @Test
    void stockEndsAt2023_12_31MidnightShanghai() {
        rolledBack(v -> {
            model.apply(snapshot(UUID.randomUUID(), 0, "149901001", "mine.coal", Grade.MAJOR, HazardStatus.RECTIFYING,
                    Channel.SUPERVISION, null, false, LocalDate.of(2023, 12, 31), null));
            model.apply(snapshot(UUID.randomUUID(), 0, "149901001", "mine.coal", Grade.MAJOR, HazardStatus.RECTIFYING,
                    Channel.SUPERVISION, null, false, LocalDate.of(2024, 1, 1), null));
            Map<String, Long> now = counts(queries.breakdown(Dimension.STOCK, city()));
            assertThat(now).containsEntry("true", 1L).containsEntry("false", 1L);
            Filter period = new Filter(CITY, null, null, null, null, null, null, null, null, LocalDate.of(2023, 12, 1),
                    LocalDate.of(2024, 1, 31), null);
            assertThat(counts(queries.breakdown(Dimension.STOCK, period))).containsEntry("true", 1L).containsEntry("false", 1L);
            Filter exact = new Filter(CITY, null, null, null, null, null, null, null, null, LocalDate.of(2023, 12, 31),
                    LocalDate.of(2024, 1, 1), null);
            assertThat(counts(queries.breakdown(Dimension.STOCK, exact))).containsEntry("true", 1L).containsEntry("false", 1L);
        });
    }

    static Map<String, Long> counts(AnalyticsQueries.Breakdown b) {
        Map<String, Long> m = new java.util.HashMap<>();
        b.rows().forEach(r -> m.put(r.key(), r.count()));
        return m;
    }

    @Test
    void aRedeliveredOrOlderSnapshotCountsOnce() {
        rolledBack(v -> {
            UUID id = UUID.randomUUID();
            HazardSnapshot v1 = snapshot(id, 1, "149902001", "mine.coal", Grade.MAJOR, HazardStatus.REPORTED,
                    Channel.SELF_INSPECTION, null, false, LocalDate.of(2025, 5, 5), null);
            HazardSnapshot v2 = snapshot(id, 2, "149902001", "mine.coal", Grade.MAJOR, HazardStatus.RECTIFYING,
                    Channel.SELF_INSPECTION, null, false, LocalDate.of(2025, 5, 5), null);
            assertThat(model.apply(v1)).isTrue();
            assertThat(model.apply(v1)).isFalse();
            assertThat(model.apply(v2)).isTrue();
            assertThat(model.apply(v1)).isFalse();   // late, older: ignored
            assertThat(model.apply(v2)).isFalse();
            assertThat(counts(queries.breakdown(Dimension.STATUS, city()))).isEqualTo(Map.of("RECTIFYING", 1L));
            Filter may = new Filter(CITY, null, null, null, null, null, null, null, null, LocalDate.of(2025, 5, 1),
                    LocalDate.of(2025, 5, 31), null);
            assertThat(queries.breakdown(Dimension.GRADE, may).total()).isEqualTo(1);
        });
    }

    @Test
    void versionsOfOneHazardArrivingTogetherAllApplyAndTheNewestWins() throws Exception {
        // listeners run in parallel: several versions of one hazard meet at its an_hazard row (committed, then removed)
        String region = "149909001";
        List<UUID> ids = new ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> applied = new ArrayList<>();
            for (int h = 0; h < 30; h++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                for (int version = 0; version < 6; version++) {
                    HazardSnapshot s = snapshot(id, version, region, "mine.coal", Grade.MAJOR,
                            version < 5 ? HazardStatus.RECTIFYING : HazardStatus.SIGNED_OFF, Channel.SELF_INSPECTION,
                            null, false, LocalDate.of(2026, 3, 3), Instant.parse("2026-04-01T02:00:00Z"));
                    applied.add(pool.submit(() -> model.apply(s)));
                }
            }
            for (var f : applied) {
                f.get();   // an exception in apply fails the test here
            }
            assertThat(jdbc.sql("select count(*) from an_hazard where region_code = :r and version = 5 and status = 'SIGNED_OFF'")
                    .param("r", region).query(Long.class).single()).isEqualTo(30);
            assertThat(jdbc.sql("select coalesce(sum(n), 0) from an_state_count where region_code = :r and status = 'SIGNED_OFF'")
                    .param("r", region).query(Long.class).single()).isEqualTo(30);
            assertThat(jdbc.sql("select coalesce(sum(n), 0) from an_state_count where region_code = :r and status <> 'SIGNED_OFF'")
                    .param("r", region).query(Long.class).single()).isZero();
        } finally {
            pool.shutdownNow();
            for (String t : List.of("an_hazard", "an_state_count", "an_found_month", "an_done_month")) {
                jdbc.sql("delete from " + t + " where region_code = :r").param("r", region).update();
            }
        }
    }

    @Test
    void mergedReopenedAndRegradedHazardsMoveBetweenBuckets() {
        rolledBack(v -> {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            LocalDate found = LocalDate.of(2025, 3, 10);
            Instant done = Instant.parse("2025-04-09T02:00:00Z");
            model.apply(snapshot(a, 0, "149903001", "mine.coal", Grade.MAJOR, HazardStatus.RECTIFYING, Channel.SUPERVISION,
                    null, false, found, null));
            model.apply(snapshot(b, 0, "149903001", "mine.coal", Grade.MAJOR, HazardStatus.SIGNED_OFF, Channel.SUPERVISION,
                    null, false, found, done));
            Filter major = new Filter(CITY, null, "MAJOR", null, null, null, null, null, null, null, null, null);
            assertThat(queries.breakdown(Dimension.GRADE, major).total()).isEqualTo(2);
            assertThat(queries.kpis(city()).signOffMedianDays()).isEqualTo(30);

            // a merged into b: a leaves every count (b stands for both)
            model.apply(snapshot(a, 1, "149903001", "mine.coal", Grade.MAJOR, HazardStatus.MERGED, Channel.SUPERVISION,
                    null, false, found, null));
            assertThat(counts(queries.breakdown(Dimension.STATUS, city()))).isEqualTo(Map.of("SIGNED_OFF", 1L));
            Filter march = new Filter(CITY, null, null, null, null, null, null, null, null, LocalDate.of(2025, 3, 1),
                    LocalDate.of(2025, 3, 31), null);
            assertThat(queries.breakdown(Dimension.GRADE, march).total()).isEqualTo(1);

            // b reopened by a spot check: back to open, out of the signed-off histogram
            model.apply(snapshot(b, 1, "149903001", "mine.coal", Grade.MAJOR, HazardStatus.RECTIFYING, Channel.SUPERVISION,
                    null, false, found, null));
            assertThat(counts(queries.breakdown(Dimension.STATUS, city()))).isEqualTo(Map.of("RECTIFYING", 1L));
            assertThat(queries.kpis(city()).signOffMedianDays()).isNull();
            assertThat(queries.kpis(city()).rectified()).isZero();

            // b regraded to general
            model.apply(snapshot(b, 2, "149903001", "mine.coal", Grade.GENERAL, HazardStatus.RECTIFYING, Channel.SUPERVISION,
                    null, false, found, null));
            assertThat(counts(queries.breakdown(Dimension.GRADE, city()))).isEqualTo(Map.of("GENERAL", 1L));
            assertThat(counts(queries.breakdown(Dimension.GRADE, march))).isEqualTo(Map.of("GENERAL", 1L));
        });
    }

    @Test
    void percentileIsNearestRank() {
        List<long[]> h = List.of(new long[]{1, 5}, new long[]{10, 4}, new long[]{100, 1});
        assertThat(invokePercentile(h, 0.5)).isEqualTo(1);
        assertThat(invokePercentile(h, 0.9)).isEqualTo(10);
        assertThat(invokePercentile(h, 1.0)).isEqualTo(100);
        assertThat(invokePercentile(List.of(), 0.5)).isNull();
    }

    static Integer invokePercentile(List<long[]> h, double q) {
        return AnalyticsQueries.percentile(h, q);
    }
}
