package cn.zhiben.hazards.web;

import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.internal.HazardQueries;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.ui.HomePanel;
import cn.zhiben.platform.ui.HomePanelContributor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Issue 10 item 15: the state of the hazards by county on the city's home page (by township on a county's), until the
 * analytics dashboard exists. Each figure is counted with the very filter of the list it links to, so they agree.
 */
@Component
class HazardRegionTable implements HomePanelContributor {

    /** A column: its heading, the list filter it counts, and that filter as list parameters. */
    record Column(String label, HazardQueries.Filter filter, String query) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("未销号", filter(Grade.MAJOR, null, null, null), "grade=MAJOR&open=true"),
            // open and overdue, exactly as the home card 逾期未整改 counts and links it, so the total row equals the card
            new Column("逾期", new HazardQueries.Filter(null, null, null, null, null, null, null, true, null, null, true, null,
                    null, null, null, null, null, null, null), "overdue=true&open=true"),
            new Column("挂牌", filter(null, true, null, null), "listed=true&open=true"),
            new Column("待批延期", filter(null, null, true, null), "extensionPending=true&open=true"),
            new Column("待审核销号", filter(null, null, null, HazardStatus.SIGN_OFF_REQUESTED), "status=SIGN_OFF_REQUESTED"));

    /** Open hazards (or those in the one status) of the grade, listed, with an extension pending — what is set. */
    private static HazardQueries.Filter filter(Grade grade, Boolean listed, Boolean extensionPending, HazardStatus status) {
        return new HazardQueries.Filter(null, null, null, grade, status == null ? null : EnumSet.of(status), listed, null,
                null, null, null, status == null ? Boolean.TRUE : null, null, null, null, null, null, null,
                extensionPending, null);
    }

    /** One row: a county or township (code null: the total of the user's scope) and its figures with their links. */
    record Row(String name, String code, List<Cell> cells) {
    }

    record Cell(long count, String href) {
    }

    record Table(String by, List<String> columns, List<Row> rows) {
    }

    private final HazardQueries queries;
    private final RegionCatalog regions;

    HazardRegionTable(HazardQueries queries, RegionCatalog regions) {
        this.queries = queries;
        this.regions = regions;
    }

    @Override
    public List<HomePanel> panels(CurrentUser user) {
        if (!user.can(Permission.BUSINESS_READ) || !user.scope().business()) {
            return List.of();
        }
        List<Region> units;
        int prefix;
        String by;
        if ((user.role() == Role.CITY_OFFICE || user.role() == Role.MEMBER_UNIT) && user.scope().regionCode() == null) {
            units = regions.byLevel(Region.Level.COUNTY);
            prefix = 6;
            by = "县（市、区）";
        } else if ((user.role() == Role.COUNTY_OFFICE || user.role() == Role.COUNTY_UNIT)
                && RegionCodes.isAdministrative(user.scope().regionCode()) && user.scope().regionCode().length() == 6) {
            units = regions.children(user.scope().regionCode()).stream()
                    .filter(r -> r.level() == Region.Level.TOWNSHIP).toList();
            prefix = 9;
            by = "乡镇（街道）";
        } else {
            return List.of();
        }
        List<Map<String, Long>> counts = COLUMNS.stream()
                .map(c -> queries.countByRegion(user.scope(), c.filter(), prefix)).toList();
        List<Row> rows = new ArrayList<>();
        for (Region r : units) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                cells.add(new Cell(counts.get(i).getOrDefault(r.code().substring(0, Math.min(prefix, r.code().length())), 0L),
                        "/hazards?region=" + r.code() + "&" + COLUMNS.get(i).query()));
            }
            rows.add(new Row(r.name(), r.code(), cells));
        }
        List<Cell> total = new ArrayList<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            total.add(new Cell(counts.get(i).values().stream().mapToLong(Long::longValue).sum(), "/hazards?" + COLUMNS.get(i).query()));
        }
        rows.add(new Row("合计", null, total));
        return List.of(new HomePanel("各" + by + "隐患治理情况", "hazards/home-panels", "regions",
                new Table(by, COLUMNS.stream().map(Column::label).toList(), rows), 10));
    }
}
