package cn.zhiben.org;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Read access to the industry tree and its supervisors. */
@Service
public class IndustryCatalog {

    private final JdbcClient jdbc;

    IndustryCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Industry> all() {
        Map<String, List<Industry.Supervisor>> supervisors = new HashMap<>();
        jdbc.sql("""
                select s.industry_code, s.unit_id, u.name, s.role, s.basis, s.inferred from org_industry_supervisor s
                join org_unit u on u.id = s.unit_id order by s.role desc, u.sort_order""")
                .query(rs -> {
                    supervisors.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Industry.Supervisor(
                            rs.getObject(2, UUID.class), rs.getString(3), Industry.Role.valueOf(rs.getString(4)),
                            rs.getString(5), rs.getBoolean(6)));
                });
        return jdbc.sql("""
                select code, name, parent_code, plan_ref, assignable, sort_order, active, revision
                from org_industry order by sort_order""")
                .query((rs, n) -> new Industry(rs.getString("code"), rs.getString("name"), rs.getString("parent_code"),
                        rs.getString("plan_ref"), rs.getBoolean("assignable"), rs.getInt("sort_order"),
                        rs.getBoolean("active"), rs.getInt("revision"),
                        List.copyOf(supervisors.getOrDefault(rs.getString("code"), List.of()))))
                .list();
    }

    public Optional<Industry> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return all().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The given codes and every code below them. */
    public Set<String> withDescendants(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql("""
                with recursive t(code) as (
                    select code from org_industry where code in (:codes)
                    union select i.code from org_industry i join t on i.parent_code = t.code)
                select code from t""").param("codes", List.copyOf(codes)).query(String.class).list());
    }

    /** Industries a unit leads or co-operates on, with their sub-industries: a member unit's data scope. */
    public Set<String> supervisedBy(UUID unitId) {
        List<String> direct = jdbc.sql("select industry_code from org_industry_supervisor where unit_id = :u")
                .param("u", unitId).query(String.class).list();
        return withDescendants(direct);
    }
}
