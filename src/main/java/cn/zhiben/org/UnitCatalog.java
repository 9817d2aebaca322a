package cn.zhiben.org;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read access to the committee's member units. */
@Service
public class UnitCatalog {

    private static final String SELECT = """
            select u.id, u.name, u.short_name, u.category, c.name as category_name, u.sort_order, u.active
            from org_unit u join org_unit_category c on c.code = u.category""";
    private final JdbcClient jdbc;

    UnitCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CommitteeUnit> all() {
        return jdbc.sql(SELECT + " order by u.sort_order").query(UnitCatalog::map).list();
    }

    public Optional<CommitteeUnit> find(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where u.id = :id").param("id", id).query(UnitCatalog::map).optional();
    }

    /** By the plan's name, its short name, or a current name (alias, e.g. 国家金融监督管理总局晋城监管分局). */
    public Optional<CommitteeUnit> findByName(String name) {
        return jdbc.sql(SELECT + " where u.name = :n or u.short_name = :n"
                        + " or u.id in (select unit_id from org_unit_alias where alias = :n) order by u.sort_order limit 1")
                .param("n", name).query(UnitCatalog::map).optional();
    }

    private static CommitteeUnit map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CommitteeUnit(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("short_name"),
                rs.getInt("category"), rs.getString("category_name"), rs.getInt("sort_order"), rs.getBoolean("active"));
    }
}
