package cn.zhiben.org.internal;

import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The committee's member units (Attachment 2) in their four categories, each with the industries it supervises. */
@Service
public class UnitService {

    private final JdbcClient jdbc;

    UnitService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All four categories (or only the given one), each with its units in the plan's order. */
    public List<UnitView.Group> groups(Integer category) {
        if (category != null && (category < 1 || category > 4)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "参数 category 只能是 1、2、3、4 之一",
                    List.of(new ProblemException.FieldProblem("category", "只能是 1、2、3、4 之一")));
        }
        Map<Integer, String> names = new LinkedHashMap<>();
        jdbc.sql("select code, name from org_unit_category order by code")
                .query(rs -> {
                    names.put(rs.getInt(1), rs.getString(2));
                });
        Map<Integer, List<UnitView>> units = new LinkedHashMap<>();
        for (UnitView u : units()) {
            units.computeIfAbsent(u.category(), k -> new ArrayList<>()).add(u);
        }
        List<UnitView.Group> out = new ArrayList<>();
        names.forEach((code, name) -> {
            if (category == null || category.equals(code)) {
                List<UnitView> list = units.getOrDefault(code, List.of());
                out.add(new UnitView.Group(code, name, list.size(), List.copyOf(list)));
            }
        });
        return out;
    }

    public UnitView one(UUID id) {
        return units().stream().filter(u -> u.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("UNIT_NOT_FOUND", "成员单位不存在"));
    }

    /** Every unit, in the plan's order, with what it leads and co-operates on. */
    public List<UnitView> units() {
        Map<UUID, List<UnitView.IndustryRef>> leads = new HashMap<>();
        Map<UUID, List<UnitView.IndustryRef>> cooperates = new HashMap<>();
        jdbc.sql("""
                select s.unit_id, s.role, i.code, i.name from org_industry_supervisor s
                join org_industry i on i.code = s.industry_code order by i.sort_order""")
                .query(rs -> {
                    var target = "LEAD".equals(rs.getString(2)) ? leads : cooperates;
                    target.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new UnitView.IndustryRef(rs.getString(3), rs.getString(4)));
                });
        Map<UUID, List<UnitView.Alias>> aliases = new HashMap<>();
        jdbc.sql("select unit_id, alias, note from org_unit_alias order by alias")
                .query(rs -> {
                    aliases.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new UnitView.Alias(rs.getString(2), rs.getString(3)));
                });
        return jdbc.sql("""
                select u.id, u.name, u.short_name, u.category, c.name as category_name, u.sort_order, u.active
                from org_unit u join org_unit_category c on c.code = u.category order by u.sort_order""")
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new UnitView(id, rs.getString("name"), rs.getString("short_name"), rs.getInt("category"),
                            rs.getString("category_name"), rs.getInt("sort_order"), rs.getBoolean("active"),
                            List.copyOf(leads.getOrDefault(id, List.of())),
                            List.copyOf(cooperates.getOrDefault(id, List.of())),
                            List.copyOf(aliases.getOrDefault(id, List.of())));
                }).list();
    }
}
