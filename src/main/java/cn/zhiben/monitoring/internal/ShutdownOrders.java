package cn.zhiben.monitoring.internal;

import cn.zhiben.hazards.HazardDirectory;
import cn.zhiben.inspections.InspectionEvents;
import cn.zhiben.platform.PlatformConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Shutdown orders in force, from two sources: open hazards whose rectification requires a full or partial shutdown
 * (令第16号 Art. 16, via {@link HazardDirectory#activeShutdowns}), and enforcement decisions ordering production to
 * stop until the department lifts the order (安全生产法第65条第3项, the inspections module's events). Listeners are
 * idempotent: an event delivered twice, or a lift before its order, leaves the same rows.
 */
@Component
public class ShutdownOrders {

    private final JdbcClient jdbc;
    private final HazardDirectory hazards;
    private final Clock clock;

    ShutdownOrders(JdbcClient jdbc, HazardDirectory hazards, Clock clock) {
        this.jdbc = jdbc;
        this.hazards = hazards;
        this.clock = clock;
    }

    public record Order(String sourceKey, UUID enterpriseId, String origin, String label, boolean partial,
                        LocalDate since, LocalDate liftedOn) {
    }

    @ApplicationModuleListener
    void on(InspectionEvents.ShutdownOrdered e) {
        ordered(e);
    }

    @ApplicationModuleListener
    void on(InspectionEvents.ShutdownLifted e) {
        lifted(e);
    }

    @Transactional
    public void ordered(InspectionEvents.ShutdownOrdered e) {
        jdbc.sql("""
                insert into mon_shutdown (source_key, enterprise_id, origin, label, partial, since, updated_at)
                values (:k, :e, 'DECISION', :label, :partial, :since, :now)
                on conflict (source_key) do update set partial = excluded.partial, since = excluded.since,
                    label = excluded.label, updated_at = excluded.updated_at
                where mon_shutdown.lifted_on is null""")
                .param("k", "decision:" + e.decisionId()).param("e", e.enterpriseId())
                .param("label", "执法决定" + (e.partial() ? "责令局部停产停业" : "责令停产停业整顿"))
                .param("partial", e.partial()).param("since", e.from()).param("now", Timestamp.from(clock.instant())).update();
    }

    @Transactional
    public void lifted(InspectionEvents.ShutdownLifted e) {
        jdbc.sql("""
                insert into mon_shutdown (source_key, enterprise_id, origin, label, partial, since, lifted_on, updated_at)
                values (:k, :e, 'DECISION', '执法决定停产停业', false, :on, :on, :now)
                on conflict (source_key) do update set lifted_on = excluded.lifted_on, updated_at = excluded.updated_at""")
                .param("k", "decision:" + e.decisionId()).param("e", e.enterpriseId()).param("on", e.on())
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** Mirrors the hazards' shutdown orders: new ones added, ones no longer active marked lifted today. */
    @Transactional
    public void syncHazards() {
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        Timestamp now = Timestamp.from(clock.instant());
        List<HazardDirectory.ShutdownOrder> active = hazards.activeShutdowns(null);
        for (HazardDirectory.ShutdownOrder o : active) {
            jdbc.sql("""
                    insert into mon_shutdown (source_key, enterprise_id, origin, label, partial, since, updated_at)
                    values (:k, :e, 'HAZARD', :label, :partial, :since, :now)
                    on conflict (source_key) do update set lifted_on = null, partial = excluded.partial, label = excluded.label,
                        updated_at = excluded.updated_at
                    where mon_shutdown.lifted_on is not null or mon_shutdown.partial <> excluded.partial""")
                    .param("k", "hazard:" + o.hazardId()).param("e", o.enterpriseId())
                    .param("label", "隐患 " + o.number() + " " + o.shutdown().label())
                    .param("partial", o.shutdown() == cn.zhiben.hazards.Shutdown.PARTIAL)
                    .param("since", o.since() == null ? today : o.since()).param("now", now).update();
        }
        Set<String> keys = active.stream().map(o -> "hazard:" + o.hazardId()).collect(Collectors.toSet());
        List<String> open = jdbc.sql("select source_key from mon_shutdown where origin = 'HAZARD' and lifted_on is null")
                .query(String.class).list();
        for (String k : open) {
            if (!keys.contains(k)) {
                jdbc.sql("update mon_shutdown set lifted_on = :d, updated_at = :now where source_key = :k")
                        .param("d", today).param("now", now).param("k", k).update();
            }
        }
    }

    /** The orders in force for an enterprise on a day (empty: none). */
    public List<Order> inForce(UUID enterpriseId, LocalDate day) {
        return jdbc.sql("""
                select source_key, enterprise_id, origin, label, partial, since, lifted_on from mon_shutdown
                where enterprise_id = :e and since <= :d and (lifted_on is null or lifted_on > :d) order by since""")
                .param("e", enterpriseId).param("d", day).query((rs, n) -> new Order(rs.getString(1),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class))).list();
    }
}
