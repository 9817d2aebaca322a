package cn.zhiben.org.internal;

import cn.zhiben.org.EnterpriseScale;
import cn.zhiben.org.EnterpriseStatus;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.SpecialOperation;
import cn.zhiben.org.StandardizationGrade;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.RegionCodes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** SQL for org_enterprise. Every read takes the caller's data scope and applies it in the query. */
@Repository
public class EnterpriseRepository {

    /** Columns a search may be ordered by, as the API names them. */
    static final Map<String, String> SORTABLE = Map.of(
            "name", "e.name", "uscc", "e.uscc", "region", "e.region_code", "industry", "e.industry_code",
            "status", "e.status", "scale", "e.scale", "grade", "e.standardization_grade",
            "createdAt", "e.created_at", "updatedAt", "e.updated_at");

    private static final String COLUMNS = """
            e.id, e.name, e.uscc, e.region_code, e.zone_code, e.industry_code, e.scale, e.status, e.standardization_grade,
            e.address, e.longitude, e.latitude, e.principal_name, e.principal_mobile_enc, e.principal_mobile_mask,
            e.controller_name, e.controller_mobile_enc, e.controller_mobile_mask, e.special_operations, e.demo, e.version,
            e.created_at, e.created_by, e.updated_at, e.updated_by""";
    private static final String INSERT = """
            insert into org_enterprise (id, name, uscc, region_code, zone_code, industry_code, scale, status,
                standardization_grade, address, longitude, latitude, principal_name, principal_mobile_enc,
                principal_mobile_mask, controller_name, controller_mobile_enc, controller_mobile_mask, special_operations,
                demo, version, created_at, created_by, updated_at, updated_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final NamedParameterJdbcTemplate streaming;
    private final IndustryCatalog industries;

    EnterpriseRepository(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, IndustryCatalog industries) {
        this.jdbc = jdbc;
        this.template = template;
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        // PostgreSQL streams with a cursor only inside a transaction and with a fetch size
        fetching.setFetchSize(500);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        this.industries = industries;
    }

    public Optional<EnterpriseRow> find(UUID id, DataScope scope) {
        DataScope.Sql s = scope.toSql("e.id", "e.region_code", "e.zone_code", "e.industry_code");
        return jdbc.sql("select " + COLUMNS + " from org_enterprise e where e.id = :id and " + s.where())
                .params(s.params()).param("id", id).query(EnterpriseRepository::map).optional();
    }

    public List<EnterpriseRow> search(EnterpriseCriteria c, DataScope scope, int page, int size, String orderBy) {
        Where w = where(c, scope);
        return jdbc.sql("select " + COLUMNS + " from org_enterprise e where " + w.sql + " order by " + orderBy
                        + " limit :limit offset :offset")
                .params(w.params).param("limit", size).param("offset", (long) page * size)
                .query(EnterpriseRepository::map).list();
    }

    public long count(EnterpriseCriteria c, DataScope scope) {
        Where w = where(c, scope);
        return jdbc.sql("select count(*) from org_enterprise e where " + w.sql).params(w.params).query(Long.class).single();
    }

    /** Streams the matching rows in order; call inside a transaction so PostgreSQL uses a cursor. */
    public void stream(EnterpriseCriteria c, DataScope scope, String orderBy, Consumer<EnterpriseRow> consumer) {
        Where w = where(c, scope);
        streaming.query("select " + COLUMNS + " from org_enterprise e where " + w.sql + " order by " + orderBy,
                new MapSqlParameterSource(w.params), (RowCallbackHandler) rs -> consumer.accept(map(rs, 0)));
    }

    public boolean usccTaken(String uscc, UUID except) {
        return jdbc.sql("select exists(select 1 from org_enterprise where uscc = :u and id is distinct from :id)")
                .param("u", uscc).param("id", except, Types.OTHER).query(Boolean.class).single();
    }

    /** Which of these codes are already registered. */
    public Set<String> existingUsccs(Collection<String> usccs) {
        Set<String> out = new HashSet<>();
        List<String> all = List.copyOf(usccs);
        for (int i = 0; i < all.size(); i += 1000) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 1000));
            out.addAll(jdbc.sql("select uscc from org_enterprise where uscc in (:u)").param("u", chunk).query(String.class).list());
        }
        return out;
    }

    public boolean anyDemo() {
        return jdbc.sql("select exists(select 1 from org_enterprise where demo)").query(Boolean.class).single();
    }

    public void insert(EnterpriseRow r) {
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement(INSERT);
            bindInsert(ps, con, r);
            return ps;
        });
    }

    /**
     * Inserts rows in batches, skipping (not failing on) rows whose credit code was registered meanwhile.
     *
     * @return the ids of rows skipped for a taken credit code
     */
    public Set<UUID> insertAllSkippingTakenUscc(List<EnterpriseRow> rows, Consumer<Integer> progress) {
        Set<UUID> skipped = new HashSet<>();
        String sql = INSERT + " on conflict (uscc) do nothing";
        int done = 0;
        for (int i = 0; i < rows.size(); i += 500) {
            List<EnterpriseRow> batch = rows.subList(i, Math.min(rows.size(), i + 500));
            int[][] counts = template.batchUpdate(sql, batch, batch.size(), (ps, r) ->
                    bindInsert(ps, ps.getConnection(), r));
            int k = 0;
            for (int[] chunk : counts) {
                for (int n : chunk) {
                    if (n == 0) {
                        skipped.add(batch.get(k).id());
                    }
                    k++;
                }
            }
            done += batch.size();
            progress.accept(done);
        }
        return skipped;
    }

    /** @return false when the row was changed (or removed) since the given version */
    public boolean update(EnterpriseRow r, int expectedVersion) {
        return jdbc.sql("""
                        update org_enterprise set name = :name, uscc = :uscc, region_code = :region, zone_code = :zone,
                            industry_code = :industry, scale = :scale, status = :status, standardization_grade = :grade,
                            address = :address, longitude = :lon, latitude = :lat, principal_name = :pName,
                            principal_mobile_enc = :pEnc, principal_mobile_mask = :pMask, controller_name = :cName,
                            controller_mobile_enc = :cEnc, controller_mobile_mask = :cMask,
                            special_operations = string_to_array(:ops, ','), version = version + 1,
                            updated_at = :at, updated_by = :by
                        where id = :id and version = :version""")
                .param("name", r.name()).param("uscc", r.uscc()).param("region", r.regionCode())
                .param("zone", r.zoneCode(), Types.VARCHAR).param("industry", r.industryCode())
                .param("scale", r.scale().name()).param("status", r.status().name()).param("grade", r.grade().name())
                .param("address", r.address(), Types.VARCHAR).param("lon", r.longitude(), Types.NUMERIC)
                .param("lat", r.latitude(), Types.NUMERIC).param("pName", r.principalName())
                .param("pEnc", r.principalMobileEnc()).param("pMask", r.principalMobileMask())
                .param("cName", r.controllerName(), Types.VARCHAR).param("cEnc", r.controllerMobileEnc(), Types.VARCHAR)
                .param("cMask", r.controllerMobileMask(), Types.VARCHAR)
                .param("ops", String.join(",", r.specialOperations().stream().map(Enum::name).toList()))
                .param("at", Timestamp.from(r.updatedAt())).param("by", r.updatedBy())
                .param("id", r.id()).param("version", expectedVersion)
                .update() == 1;
    }

    public Map<String, Long> countByStatus(DataScope scope) {
        DataScope.Sql s = scope.toSql("e.id", "e.region_code", "e.zone_code", "e.industry_code");
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("select e.status, count(*) from org_enterprise e where " + s.where() + " group by e.status")
                .params(s.params()).query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    private static void bindInsert(PreparedStatement ps, Connection con, EnterpriseRow r) throws SQLException {
        int i = 1;
        ps.setObject(i++, r.id());
        ps.setString(i++, r.name());
        ps.setString(i++, r.uscc());
        ps.setString(i++, r.regionCode());
        ps.setString(i++, r.zoneCode());
        ps.setString(i++, r.industryCode());
        ps.setString(i++, r.scale().name());
        ps.setString(i++, r.status().name());
        ps.setString(i++, r.grade().name());
        ps.setString(i++, r.address());
        ps.setBigDecimal(i++, r.longitude());
        ps.setBigDecimal(i++, r.latitude());
        ps.setString(i++, r.principalName());
        ps.setString(i++, r.principalMobileEnc());
        ps.setString(i++, r.principalMobileMask());
        ps.setString(i++, r.controllerName());
        ps.setString(i++, r.controllerMobileEnc());
        ps.setString(i++, r.controllerMobileMask());
        Array ops = con.createArrayOf("text", r.specialOperations().stream().map(Enum::name).toArray());
        ps.setArray(i++, ops);
        ps.setBoolean(i++, r.demo());
        ps.setInt(i++, r.version());
        ps.setTimestamp(i++, Timestamp.from(r.createdAt()));
        ps.setString(i++, r.createdBy());
        ps.setTimestamp(i++, Timestamp.from(r.updatedAt()));
        ps.setString(i, r.updatedBy());
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(EnterpriseCriteria c, DataScope scope) {
        DataScope.Sql s = scope.toSql("e.id", "e.region_code", "e.zone_code", "e.industry_code");
        StringBuilder sql = new StringBuilder(s.where());
        Map<String, Object> params = new LinkedHashMap<>(s.params());
        if (c.keyword() != null && !c.keyword().isBlank()) {
            String kw = c.keyword().trim();
            sql.append(" and (e.name ilike :kw or e.uscc::text ilike :kw)");
            params.put("kw", "%" + kw.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (c.regionCode() != null && !c.regionCode().isBlank()) {
            if (RegionCodes.isAdministrative(c.regionCode())) {
                sql.append(" and e.region_code like :fRegion");
                params.put("fRegion", RegionCodes.subtreePrefix(c.regionCode()) + "%");
            } else {
                sql.append(" and e.zone_code = :fZone");
                params.put("fZone", c.regionCode());
            }
        }
        if (c.industryCode() != null && !c.industryCode().isBlank()) {
            Set<String> codes = industries.withDescendants(List.of(c.industryCode()));
            if (codes.isEmpty()) {
                sql.append(" and false");
            } else {
                sql.append(" and e.industry_code in (:fIndustries)");
                params.put("fIndustries", new ArrayList<>(codes));
            }
        }
        if (c.status() != null) {
            sql.append(" and e.status = :fStatus");
            params.put("fStatus", c.status().name());
        }
        if (c.scale() != null) {
            sql.append(" and e.scale = :fScale");
            params.put("fScale", c.scale().name());
        }
        if (c.grade() != null) {
            sql.append(" and e.standardization_grade = :fGrade");
            params.put("fGrade", c.grade().name());
        }
        if (c.demo() != null) {
            sql.append(" and e.demo = :fDemo");
            params.put("fDemo", c.demo());
        }
        return new Where(sql.toString(), params);
    }

    static EnterpriseRow map(ResultSet rs, int n) throws SQLException {
        Array opsArray = rs.getArray("special_operations");
        List<SpecialOperation> ops = opsArray == null ? List.of() : Arrays.stream((Object[]) opsArray.getArray())
                .map(o -> SpecialOperation.valueOf(o.toString())).toList();
        return new EnterpriseRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("uscc"),
                rs.getString("region_code"), rs.getString("zone_code"), rs.getString("industry_code"),
                EnterpriseScale.valueOf(rs.getString("scale")), EnterpriseStatus.valueOf(rs.getString("status")),
                StandardizationGrade.valueOf(rs.getString("standardization_grade")), rs.getString("address"),
                rs.getBigDecimal("longitude"), rs.getBigDecimal("latitude"), rs.getString("principal_name"),
                rs.getString("principal_mobile_enc"), rs.getString("principal_mobile_mask"), rs.getString("controller_name"),
                rs.getString("controller_mobile_enc"), rs.getString("controller_mobile_mask"), ops, rs.getBoolean("demo"),
                rs.getInt("version"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
