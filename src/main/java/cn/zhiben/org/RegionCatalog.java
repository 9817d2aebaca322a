package cn.zhiben.org;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** Read access to the region reference data (loaded by migrations). */
@Service
public class RegionCatalog {

    private static final String SELECT = """
            select code, name, full_name, level, division_type, parent_code, administrative, sort_order, center_lon, center_lat
            from org_region""";
    private final JdbcClient jdbc;

    RegionCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Region> all() {
        return jdbc.sql(SELECT + " order by sort_order, code").query(RegionCatalog::map).list();
    }

    public Optional<Region> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where code = :code").param("code", code).query(RegionCatalog::map).optional();
    }

    public List<Region> byLevel(Region.Level level) {
        return jdbc.sql(SELECT + " where level = :level order by sort_order, code").param("level", level.name())
                .query(RegionCatalog::map).list();
    }

    public List<Region> children(String parentCode) {
        return jdbc.sql(SELECT + " where parent_code = :p order by sort_order, code").param("p", parentCode)
                .query(RegionCatalog::map).list();
    }

    private static Region map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Region(rs.getString("code"), rs.getString("name"), rs.getString("full_name"),
                Region.Level.valueOf(rs.getString("level")), rs.getString("division_type"), rs.getString("parent_code"),
                rs.getBoolean("administrative"), rs.getInt("sort_order"), rs.getBigDecimal("center_lon"),
                rs.getBigDecimal("center_lat"));
    }
}
