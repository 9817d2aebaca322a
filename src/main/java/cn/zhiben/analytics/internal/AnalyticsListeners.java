package cn.zhiben.analytics.internal;

import cn.zhiben.campaign.CampaignEvents;
import cn.zhiben.hazards.HazardEvents;
import cn.zhiben.inspections.InspectionEvents;
import cn.zhiben.platform.PlatformConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;

/**
 * Keeps the read models up to date from the other modules' events. Every handler is idempotent: hazards by (id,
 * version), inspection facts by their own ids, dispatches by (dispatch, addressee).
 */
@Component
class AnalyticsListeners {

    private final HazardReadModel hazards;
    private final JdbcClient jdbc;
    /** Incremental cost per hazard event (docs/benchmarks.md reads it from /actuator/metrics). */
    private final Timer applyTimer;

    AnalyticsListeners(HazardReadModel hazards, JdbcClient jdbc, MeterRegistry meters) {
        this.hazards = hazards;
        this.jdbc = jdbc;
        this.applyTimer = Timer.builder("zhiben.analytics.hazard.apply").description("applying one hazard snapshot")
                .publishPercentiles(0.5, 0.95).register(meters);
    }

    @ApplicationModuleListener
    void on(HazardEvents.HazardChanged e) {
        applyTimer.record(() -> hazards.apply(e.snapshot()));
    }

    /** 部门两个指标, first: major hazards found by a unit's own inspections (plan item 6). */
    @ApplicationModuleListener
    void on(InspectionEvents.FindingMade e) {
        insertFact("F:" + e.findingId(), "FINDING", e.unitId(), e.unitRegionCode(), e.regionCode(), e.industryCode(),
                e.major(), e.hazardId() == null ? 0 : 1, 0, LocalDate.ofInstant(e.at(), PlatformConfiguration.ZONE),
                Timestamp.from(e.at()));
    }

    /** 部门两个指标, second: enforcement decisions (plan item 6: 执法检查和行政处罚). */
    @ApplicationModuleListener
    void on(InspectionEvents.DecisionIssued e) {
        insertFact("D:" + e.decisionId(), "DECISION", e.unitId(), e.unitRegionCode(), e.regionCode(), e.industryCode(),
                e.hazardIds() != null && !e.hazardIds().isEmpty(), e.hazardIds() == null ? 0 : e.hazardIds().size(),
                e.enterpriseFineFen() + e.personFineFen(), e.decidedOn(), Timestamp.from(e.at()));
    }

    private void insertFact(String id, String kind, java.util.UUID unit, String unitRegion, String region,
                            String industry, boolean major, int hazardCount, long fine, LocalDate on, Timestamp at) {
        jdbc.sql("""
                insert into an_inspection_fact (fact_id, kind, unit_id, unit_region, region_code, industry_code, major,
                    hazard_count, fine_fen, on_date, at)
                values (:id, :kind, :unit, :unitRegion, :region, :industry, :major, :hc, :fine, :on, :at)
                on conflict (fact_id) do nothing""")
                .param("id", id).param("kind", kind).param("unit", unit)
                .param("unitRegion", unitRegion == null ? "" : unitRegion).param("region", region)
                .param("industry", industry).param("major", major).param("hc", hazardCount).param("fine", fine)
                .param("on", on).param("at", at).update();
    }

    /** 安委会两级调度: a dispatch sent (plan item 6). */
    @ApplicationModuleListener
    void on(CampaignEvents.DispatchSent e) {
        jdbc.sql("""
                insert into an_dispatch (dispatch_id, addressee_id, kind, from_level, unit_id, region_code, due_on, sent_at)
                values (:d, :a, :kind, :from, :unit, :region, :due, :at)
                on conflict (dispatch_id, addressee_id) do update set kind = excluded.kind, from_level = excluded.from_level,
                  unit_id = excluded.unit_id, region_code = excluded.region_code, due_on = excluded.due_on,
                  sent_at = excluded.sent_at""")
                .param("d", e.dispatchId()).param("a", e.addresseeId()).param("kind", e.kind())
                .param("from", e.fromLevel()).param("unit", e.unitId())
                .param("region", e.regionCode() == null ? "" : e.regionCode()).param("due", e.dueOn())
                .param("at", Timestamp.from(e.at())).update();
    }

    /** Answered (possibly before the sent event is seen: the row is created and completed when it arrives). */
    @ApplicationModuleListener
    void on(CampaignEvents.DispatchAnswered e) {
        ensureDispatch(e.dispatchId(), e.addresseeId(), e.unitId(), e.regionCode(), e.at());
        jdbc.sql("update an_dispatch set answered_at = :at, answered_on_time = :onTime where dispatch_id = :d and addressee_id = :a")
                .param("at", Timestamp.from(e.at())).param("onTime", e.onTime()).param("d", e.dispatchId())
                .param("a", e.addresseeId()).update();
    }

    @ApplicationModuleListener
    void on(CampaignEvents.DispatchOverdue e) {
        ensureDispatch(e.dispatchId(), e.addresseeId(), e.unitId(), e.regionCode(), e.at());
        jdbc.sql("update an_dispatch set overdue = true, due_on = :due where dispatch_id = :d and addressee_id = :a")
                .param("due", e.dueOn()).param("d", e.dispatchId()).param("a", e.addresseeId()).update();
    }

    private void ensureDispatch(java.util.UUID d, java.util.UUID a, java.util.UUID unit, String region, java.time.Instant at) {
        jdbc.sql("""
                insert into an_dispatch (dispatch_id, addressee_id, kind, from_level, unit_id, region_code, due_on, sent_at)
                values (:d, :a, '', '', :unit, :region, :due, :at) on conflict (dispatch_id, addressee_id) do nothing""")
                .param("d", d).param("a", a).param("unit", unit).param("region", region == null ? "" : region)
                .param("due", LocalDate.ofInstant(at, PlatformConfiguration.ZONE)).param("at", Timestamp.from(at)).update();
    }
}
