package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardDirectory;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.RegionCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link HazardDirectory} over the hazards table; read-only, no scope (callers scope their own records). */
@Service
class HazardDirectoryQueries implements HazardDirectory {

    private static final String OPEN = HazardStatus.openSql("h.status");
    private static final String COUNTED = HazardStatus.countedSql("h.status");
    /** A shutdown order is not in force while the enterprise's report awaits confirmation, nor once it is signed off. */
    private static final java.util.Set<HazardStatus> NO_ORDER_IN_FORCE = java.util.EnumSet.of(
            HazardStatus.PENDING_DEPARTMENT_CONFIRMATION, HazardStatus.PENDING_PRINCIPAL_CONFIRMATION,
            HazardStatus.SIGNED_OFF_PENDING_DELISTING);

    private final JdbcClient jdbc;
    private final HazardSnapshots snapshots;

    HazardDirectoryQueries(JdbcClient jdbc, HazardSnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    @Override
    public void forEachSnapshot(java.util.function.Consumer<cn.zhiben.hazards.HazardSnapshot> consumer) {
        snapshots.forEach(consumer);
    }

    @Override
    public Optional<HazardSummary> find(UUID hazardId) {
        return jdbc.sql("select h.* from hz_hazard h where h.id = :id").param("id", hazardId)
                .query(HazardDirectoryQueries::summary).optional();
    }

    @Override
    public List<HazardSummary> fromSource(String sourceModule, String sourceRef) {
        return jdbc.sql("select h.* from hz_hazard h where h.source_module = :m and h.source_ref = :r order by h.created_at")
                .param("m", sourceModule).param("r", sourceRef).query(HazardDirectoryQueries::summary).list();
    }

    @Override
    public List<ShutdownOrder> activeShutdowns(UUID enterpriseIdOrNull) {
        return jdbc.sql("""
                select h.id, h.number, h.enterprise_id, h.shutdown, h.found_on from hz_hazard h
                where h.shutdown <> 'NONE' and %s and h.status not in %s and (cast(:e as uuid) is null or h.enterprise_id = :e)
                order by h.enterprise_id, h.found_on""".formatted(OPEN, HazardStatus.sqlList(NO_ORDER_IN_FORCE)))
                .param("e", enterpriseIdOrNull)
                .query((rs, n) -> new ShutdownOrder(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getObject("enterprise_id", UUID.class), Shutdown.valueOf(rs.getString("shutdown")),
                        rs.getDate("found_on").toLocalDate()))
                .list();
    }

    @Override
    public Figures figures(String regionCodeOrNull, Set<String> industryCodesOrNull, LocalDate from, LocalDate to) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> p = new LinkedHashMap<>();
        if (regionCodeOrNull != null) {
            where.append(" and h.region_code like :region");
            p.put("region", RegionCodes.subtreePrefix(regionCodeOrNull) + "%");
        }
        if (industryCodesOrNull != null) {
            if (industryCodesOrNull.isEmpty()) {
                return new Figures(0, 0, 0, 0, 0, 0, 0);
            }
            // a hazard counts for the fields of both its enterprise and the standard it was judged against
            where.append(" and (h.industry_code in (:industries) or h.field_code in (:industries))");
            p.put("industries", List.copyOf(industryCodesOrNull));
        }
        var zone = PlatformConfiguration.ZONE;
        p.put("from", from);
        p.put("to", to);
        p.put("fromAt", Timestamp.from(from.atStartOfDay(zone).toInstant()));
        p.put("toAt", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        return jdbc.sql("""
                select count(*) filter (where h.found_on between :from and :to and %s),
                       count(*) filter (where h.found_on between :from and :to and %1$s and h.grade = 'MAJOR'),
                       (select count(distinct t.hazard_id) from hz_transition t join hz_hazard x on x.id = t.hazard_id
                          where x.status = 'SIGNED_OFF' and t.action in ('SIGN_OFF', 'CONFIRM_DELISTING')
                            and t.to_status = 'SIGNED_OFF' and t.at >= :fromAt and t.at < :toAt and %s),
                       (select count(distinct t.hazard_id) from hz_transition t join hz_hazard x on x.id = t.hazard_id
                          where t.action in ('CLOSE', 'FIX_ON_SPOT') and t.at >= :fromAt and t.at < :toAt and %s),
                       count(*) filter (where %s and h.grade = 'MAJOR'),
                       count(*) filter (where %s and h.overdue),
                       count(*) filter (where %s and h.listing_level is not null)
                from hz_hazard h where %s""".formatted(COUNTED, where.toString().replace("h.", "x."),
                        where.toString().replace("h.", "x."), OPEN, OPEN, OPEN, where))
                .params(p)
                .query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7)))
                .single();
    }

    private static HazardSummary summary(ResultSet rs, int n) throws SQLException {
        String level = rs.getString("listing_level");
        java.sql.Date deadline = rs.getDate("deadline");
        return new HazardSummary(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"), rs.getString("region_code"),
                rs.getString("industry_code"), Grade.valueOf(rs.getString("grade")), Channel.valueOf(rs.getString("channel")),
                HazardStatus.valueOf(rs.getString("status")), level == null ? null : ListingLevel.valueOf(level),
                rs.getBoolean("overdue"), rs.getDate("found_on").toLocalDate(),
                deadline == null ? null : deadline.toLocalDate(), Shutdown.valueOf(rs.getString("shutdown")),
                rs.getObject("clause_id", UUID.class), rs.getString("clause_label"), rs.getString("source_module"),
                rs.getString("source_ref"), rs.getString("field_code"), rs.getBoolean("determination"));
    }
}
