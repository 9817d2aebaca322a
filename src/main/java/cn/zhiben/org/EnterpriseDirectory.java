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

    /** The special operations as codes (DUST_EXPLOSION, …), the form hazard standards match clauses on. */
    public java.util.Set<String> specialOperationCodes(UUID id) {
        if (id == null) {
            return java.util.Set.of();
        }
        return specialOperations(id).stream().map(Enum::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
