package cn.zhiben.inspections.internal;

import cn.zhiben.inspections.InspectionsProperties;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Plan item 32: 对…"零处罚"、"只检查不处罚"等执法"宽松软虚"的政府和部门进行约谈通报. Per unit and period: inspections
 * completed (lead or joint), major findings, those without any decision of the unit on the inspection or the hazard,
 * decisions, penalty decisions and fines. Listed for 约谈 (definitions in docs/inspections.md, thresholds configurable):
 * <ul>
 *   <li>重大隐患未作处理 — at least {@code zeroPenaltyMinMajor} major findings without a decision;</li>
 *   <li>只检查不处罚 — at least {@code zeroPenaltyMinInspections} inspections and no penalty decision.</li>
 * </ul>
 */
@Component
public class ZeroPenaltyWatch {

    private final JdbcClient jdbc;
    private final UnitNames units;
    private final InspectionsProperties properties;

    ZeroPenaltyWatch(JdbcClient jdbc, UnitNames units, InspectionsProperties properties) {
        this.jdbc = jdbc;
        this.units = units;
        this.properties = properties;
    }

    public record UnitFigures(UnitRef unit, String unitName, long inspections, long majorFindings, long unhandledMajor,
                              long decisions, long penalties, long fineFen) {

        public boolean majorWithoutDecision(int minMajor) {
            return unhandledMajor >= minMajor;
        }

        public boolean inspectionsWithoutPenalty(int minInspections) {
            return inspections >= minInspections && penalties == 0;
        }
    }

    public record Watch(LocalDate from, LocalDate to, int minMajor, int minInspections, List<UnitFigures> units,
                        List<UnitFigures> listed) {
    }

    public Watch watch(CurrentUser user, LocalDate from, LocalDate to, Integer minMajor, Integer minInspections) {
        if (from == null || to == null || to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw ProblemException.badRequest("WATCH_RANGE_INVALID", "请选择不超过一年的起止日期");
        }
        int major = minMajor == null ? properties.zeroPenaltyMinMajor() : minMajor;
        int inspections = minInspections == null ? properties.zeroPenaltyMinInspections() : minInspections;
        if (major < 1 || inspections < 1) {
            throw ProblemException.badRequest("WATCH_THRESHOLD_INVALID", "阈值须为正整数");
        }
        List<UnitFigures> all = jdbc.sql("""
                with insp as (
                    select i.id, i.unit_id, coalesce(i.unit_region_code, '') as c from insp_inspection i
                    where i.status = 'COMPLETED' and i.inspected_on between :from and :to
                    union
                    select i.id, u.unit_id, coalesce(u.unit_region_code, '') from insp_inspection i
                    join insp_inspection_unit u on u.inspection_id = i.id
                    where i.status = 'COMPLETED' and i.inspected_on between :from and :to),
                dec as (
                    select d.id, d.unit_id, coalesce(d.unit_region_code, '') as c, d.kind, d.fine_fen from insp_decision d
                    where d.decided_on between :from and :to),
                k as (select distinct unit_id, c from insp union select distinct unit_id, c from dec)
                select k.unit_id, k.c,
                    (select count(*) from insp x where x.unit_id = k.unit_id and x.c = k.c) as inspections,
                    (select count(*) from insp_finding f join insp x on x.id = f.inspection_id
                      where x.unit_id = k.unit_id and x.c = k.c and f.grade = 'MAJOR') as major,
                    (select count(*) from insp_finding f join insp x on x.id = f.inspection_id
                      where x.unit_id = k.unit_id and x.c = k.c and f.grade = 'MAJOR'
                        and not exists (select 1 from insp_decision d where d.unit_id = k.unit_id
                          and coalesce(d.unit_region_code, '') = k.c
                          and (d.inspection_id = f.inspection_id
                            or exists (select 1 from insp_decision_hazard h where h.decision_id = d.id and h.hazard_id = f.hazard_id)))
                    ) as unhandled,
                    (select count(*) from dec where dec.unit_id = k.unit_id and dec.c = k.c) as decisions,
                    (select count(*) from dec where dec.unit_id = k.unit_id and dec.c = k.c and dec.kind = 'PENALTY') as penalties,
                    (select coalesce(sum(fine_fen), 0) from dec where dec.unit_id = k.unit_id and dec.c = k.c) as fines
                from k""")
                .param("from", from).param("to", to)
                .query((rs, n) -> {
                    UnitRef u = new UnitRef(rs.getObject(1, UUID.class), rs.getString(2));
                    return new UnitFigures(u, units.name(u), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            rs.getLong(7), rs.getLong(8));
                }).list().stream().filter(f -> sees(user, f.unit()))
                .sorted(Comparator.comparing((UnitFigures f) -> f.unit().regionCode() == null ? "" : f.unit().regionCode())
                        .thenComparing(UnitFigures::unitName))
                .toList();
        List<UnitFigures> listed = all.stream()
                .filter(f -> f.majorWithoutDecision(major) || f.inspectionsWithoutPenalty(inspections)).toList();
        return new Watch(from, to, major, inspections, all, listed);
    }

    /** The city office sees every unit, a county office its county's, a unit itself (a city unit also its branches). */
    static boolean sees(CurrentUser user, UnitRef unit) {
        return switch (user.role()) {
            case CITY_OFFICE -> true;
            case COUNTY_OFFICE -> user.scope().regionCode() != null && user.scope().regionCode().equals(unit.regionCode());
            case MEMBER_UNIT -> unit.unitId().equals(user.unitId());
            case COUNTY_UNIT -> unit.unitId().equals(user.unitId()) && user.scope().regionCode() != null
                    && user.scope().regionCode().equals(unit.regionCode());
            default -> false;
        };
    }

    /** Who may look at the watch at all: the offices and the units (each its part). */
    public static boolean mayView(CurrentUser user) {
        return user.role() == Role.CITY_OFFICE || user.role() == Role.COUNTY_OFFICE || user.role() == Role.MEMBER_UNIT
                || user.role() == Role.COUNTY_UNIT;
    }
}
