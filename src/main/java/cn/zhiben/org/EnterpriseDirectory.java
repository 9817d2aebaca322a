package cn.zhiben.org;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Lookup of enterprises by id or credit code, for other modules (no data-scope filtering: callers apply their own). */
@Service
public class EnterpriseDirectory {

    private static final String SELECT = "select id, name, uscc, region_code, zone_code, industry_code, demo from org_enterprise";
    private final JdbcClient jdbc;
    private final cn.zhiben.platform.crypto.FieldEncryptor encryptor;

    EnterpriseDirectory(JdbcClient jdbc, cn.zhiben.platform.crypto.FieldEncryptor encryptor) {
        this.jdbc = jdbc;
        this.encryptor = encryptor;
    }

    public Optional<EnterpriseRef> find(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(EnterpriseDirectory::map).optional();
    }

    public Optional<EnterpriseRef> findByUscc(String uscc) {
        return jdbc.sql(SELECT + " where uscc = :u").param("u", uscc).query(EnterpriseDirectory::map).optional();
    }

    /** Demo enterprises of an industry (or its sub-industries), by name. */
    public List<EnterpriseRef> demoEnterprises(String industryPrefix) {
        return jdbc.sql(SELECT + " where demo and (industry_code = :p or industry_code like :sub) order by name")
                .param("p", industryPrefix).param("sub", industryPrefix + ".%").query(EnterpriseDirectory::map).list();
    }

    /**
     * The enterprises inside a data scope that are not closed (关闭取缔), by region and name: those who owe the reports
     * and checks other modules track (e.g. the quarterly hazard report).
     */
    public List<EnterpriseRef> notClosed(cn.zhiben.platform.security.DataScope scope) {
        var s = scope.toSql("id", "region_code", "zone_code", "industry_code");
        return jdbc.sql(SELECT + " where status <> 'CLOSED' and " + s.where() + " order by region_code, name")
                .params(s.params()).query(EnterpriseDirectory::map).list();
    }

    /** The special operations an enterprise carries out, which decide the special clauses of hazard standards that apply. */
    public java.util.Set<SpecialOperation> specialOperations(UUID id) {
        java.util.Set<SpecialOperation> out = java.util.EnumSet.noneOf(SpecialOperation.class);
        jdbc.sql("select unnest(special_operations) from org_enterprise where id = :id").param("id", id)
                .query(String.class).list().forEach(s -> out.add(SpecialOperation.valueOf(s)));
        return out;
    }

    /** The people a major hazard must be notified to (plan item 25): principal responsible person and actual controller. */
    public record Contacts(String principalName, String principalMobile, String controllerName, String controllerMobile) {
    }

    /**
     * Decrypted contact numbers, for sending notifications only. Showing them to a user goes through the audited
     * contacts endpoint instead.
     */
    public Optional<Contacts> contactsForNotification(UUID id) {
        return jdbc.sql("""
                select principal_name, principal_mobile_enc, controller_name, controller_mobile_enc
                from org_enterprise where id = :id""").param("id", id)
                .query((rs, n) -> new Contacts(rs.getString(1), encryptor.decrypt(rs.getString(2)), rs.getString(3),
                        rs.getString(4) == null ? null : encryptor.decrypt(rs.getString(4))))
                .optional();
    }

    private static EnterpriseRef map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new EnterpriseRef(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("uscc"),
                rs.getString("region_code"), rs.getString("zone_code"), rs.getString("industry_code"), rs.getBoolean("demo"));
    }

    /**
     * What a selection of enterprises (e.g. the candidates of a random inspection draw) needs to know: place, industry,
     * whether it is producing, size and standardization grade, and who answers for it on documents.
     */
    public record Profile(UUID id, String name, String uscc, String regionCode, String zoneCode, String industryCode,
                          EnterpriseStatus status, EnterpriseScale scale, StandardizationGrade grade, String address,
                          String principalName, boolean demo) {

        public EnterpriseRef ref() {
            return new EnterpriseRef(id, name, uscc, regionCode, zoneCode, industryCode, demo);
        }
    }

    private static final String PROFILE = """
            select id, name, uscc, region_code, zone_code, industry_code, status, scale, standardization_grade, address,
                   principal_name, demo from org_enterprise""";

    public Optional<Profile> profile(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql(PROFILE + " where id = :id").param("id", id).query(EnterpriseDirectory::profile).optional();
    }

    /**
     * The enterprises inside a data scope (the caller's), optionally narrowed to a region subtree and a set of industry
     * codes (exact codes; expand sub-industries first), ordered by id so that a selection is reproducible.
     */
    public List<Profile> profiles(cn.zhiben.platform.security.DataScope scope, String regionCodeOrNull,
                                  java.util.Collection<String> industryCodesOrNull) {
        var sql = scope.toSql("id", "region_code", "zone_code", "industry_code");
        StringBuilder where = new StringBuilder(sql.where());
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>(sql.params());
        if (regionCodeOrNull != null) {
            if (cn.zhiben.platform.security.RegionCodes.isAdministrative(regionCodeOrNull)) {
                where.append(" and region_code like :region");
                params.put("region", cn.zhiben.platform.security.RegionCodes.subtreePrefix(regionCodeOrNull) + "%");
            } else {
                where.append(" and zone_code = :region");
                params.put("region", regionCodeOrNull);
            }
        }
        if (industryCodesOrNull != null) {
            if (industryCodesOrNull.isEmpty()) {
                return List.of();
            }
            where.append(" and industry_code in (:industries)");
            params.put("industries", List.copyOf(industryCodesOrNull));
        }
        return jdbc.sql(PROFILE + " where " + where + " order by id").params(params).query(EnterpriseDirectory::profile).list();
    }

    private static Profile profile(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Profile(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("uscc"),
                rs.getString("region_code"), rs.getString("zone_code"), rs.getString("industry_code"),
                EnterpriseStatus.valueOf(rs.getString("status")), EnterpriseScale.valueOf(rs.getString("scale")),
                StandardizationGrade.valueOf(rs.getString("standardization_grade")), rs.getString("address"),
                rs.getString("principal_name"), rs.getBoolean("demo"));
    }

    /** The special operations as codes (DUST_EXPLOSION, …), the form hazard standards match clauses on. */
    public java.util.Set<String> specialOperationCodes(UUID id) {
        if (id == null) {
            return java.util.Set.of();
        }
        return specialOperations(id).stream().map(Enum::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
