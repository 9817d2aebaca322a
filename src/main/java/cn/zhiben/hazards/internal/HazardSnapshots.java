package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardEvents;
import cn.zhiben.hazards.HazardSnapshot;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The hazard as read models see it: one query for the snapshot published on every save and for the stream a rebuild
 * reads, so a rebuilt read model equals one kept up by events.
 */
@Component
class HazardSnapshots {

    private static final String SELECT = """
            select h.id, h.version, h.number, h.enterprise_id, h.enterprise_name, h.region_code, h.zone_code,
                   h.industry_code, h.field_code, h.channel, h.grade, h.status, h.listing_level, h.overdue, h.found_on,
                   h.deadline, h.stock, h.merged_into, h.created_at, h.reported_at, h.updated_at,
                   t.dept_at, t.principal_at, t.signed_at, t.closed_at
            from hz_hazard h left join lateral (
                select max(x.at) filter (where x.action = 'CONFIRM_DEPARTMENT') dept_at,
                       max(x.at) filter (where x.action = 'CONFIRM_PRINCIPAL') principal_at,
                       max(x.at) filter (where x.to_status = 'SIGNED_OFF') signed_at,
                       max(x.at) filter (where x.to_status = 'CLOSED') closed_at
                from hz_transition x where x.hazard_id = h.id) t on true
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final ApplicationEventPublisher events;

    HazardSnapshots(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager tm, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(5_000);
        this.readOnly = new TransactionTemplate(tm);
        this.readOnly.setReadOnly(true);
        this.events = events;
    }

    /** Publishes the hazard as just saved (inside the saving transaction, so the outbox records it with the save). */
    void publish(UUID hazardId) {
        jdbc.sql(SELECT + " where h.id = :id").param("id", hazardId).query(HazardSnapshots::map).optional()
                .ifPresent(s -> events.publishEvent(new HazardEvents.HazardChanged(s)));
    }

    void forEach(Consumer<HazardSnapshot> consumer) {
        // a cursor needs a transaction (PostgreSQL streams with a fetch size only outside auto-commit)
        readOnly.executeWithoutResult(tx -> streaming.query(SELECT + " order by h.id",
                rs -> { consumer.accept(map(rs, 0)); }));
    }

    static HazardSnapshot map(ResultSet rs, int n) throws SQLException {
        String level = rs.getString("listing_level");
        java.sql.Date deadline = rs.getDate("deadline");
        return new HazardSnapshot(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getString("number"),
                rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"), rs.getString("region_code"),
                rs.getString("zone_code"), rs.getString("industry_code"), rs.getString("field_code"),
                Channel.valueOf(rs.getString("channel")), Grade.valueOf(rs.getString("grade")),
                HazardStatus.valueOf(rs.getString("status")), level == null ? null : ListingLevel.valueOf(level),
                rs.getBoolean("overdue"), rs.getDate("found_on").toLocalDate(),
                deadline == null ? null : deadline.toLocalDate(), rs.getBoolean("stock"),
                rs.getObject("merged_into", UUID.class), instant(rs, "created_at"), instant(rs, "reported_at"),
                instant(rs, "dept_at"), instant(rs, "principal_at"), instant(rs, "signed_at"), instant(rs, "closed_at"),
                instant(rs, "updated_at"));
    }

    private static java.time.Instant instant(ResultSet rs, String c) throws SQLException {
        Timestamp t = rs.getTimestamp(c);
        return t == null ? null : t.toInstant();
    }
}
