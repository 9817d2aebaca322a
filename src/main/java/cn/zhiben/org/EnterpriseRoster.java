package cn.zhiben.org;

import cn.zhiben.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Array;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The enterprises of a sector inside a data scope, for modules that count what every enterprise of it owes (e.g. the
 * people module: every principal of a mine must be trained). A sector is a set of industry codes and/or special
 * operations; an enterprise belongs to it if either matches. Closed enterprises (关闭取缔) owe nothing and are left out.
 */
@Service
public class EnterpriseRoster {

    private final JdbcClient jdbc;

    EnterpriseRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An enterprise with what sector counts need: place, industry, special operations, status and principal's name. */
    public record Member(EnterpriseRef ref, EnterpriseStatus status, Set<SpecialOperation> specialOperations,
                         String principalName) {

        public UUID id() {
            return ref.id();
        }
    }

    /**
     * @param industryCodes exact codes (expand sub-industries first); null: any industry
     * @param operations    special operations; null or empty: none asked for. With both given, either one matches
     */
    public List<Member> members(DataScope scope, Collection<String> industryCodes, Collection<SpecialOperation> operations) {
        DataScope.Sql s = scope.toSql("id", "region_code", "zone_code", "industry_code");
        StringBuilder where = new StringBuilder("status <> 'CLOSED' and ").append(s.where());
        Map<String, Object> params = new LinkedHashMap<>(s.params());
        boolean byIndustry = industryCodes != null && !industryCodes.isEmpty();
        boolean byOperation = operations != null && !operations.isEmpty();
        if (industryCodes != null && industryCodes.isEmpty() && !byOperation) {
            return List.of();
        }
        if (byIndustry || byOperation) {
            where.append(" and (");
            if (byIndustry) {
                where.append("industry_code in (:sectorIndustries)");
                params.put("sectorIndustries", List.copyOf(industryCodes));
            }
            if (byOperation) {
                where.append(byIndustry ? " or " : "").append("special_operations && string_to_array(:sectorOps, ',')");
                params.put("sectorOps", String.join(",", operations.stream().map(Enum::name).toList()));
            }
            where.append(")");
        }
        return jdbc.sql("""
                        select id, name, uscc, region_code, zone_code, industry_code, demo, status, special_operations,
                               principal_name
                        from org_enterprise where""" + " " + where + " order by region_code, name, id")
                .params(params)
                .query((rs, n) -> {
                    Array ops = rs.getArray("special_operations");
                    Set<SpecialOperation> set = EnumSet.noneOf(SpecialOperation.class);
                    if (ops != null) {
                        Arrays.stream((Object[]) ops.getArray()).map(o -> SpecialOperation.valueOf(o.toString())).forEach(set::add);
                    }
                    return new Member(new EnterpriseRef(rs.getObject("id", UUID.class), rs.getString("name"),
                            rs.getString("uscc"), rs.getString("region_code"), rs.getString("zone_code"),
                            rs.getString("industry_code"), rs.getBoolean("demo")),
                            EnterpriseStatus.valueOf(rs.getString("status")), set, rs.getString("principal_name"));
                })
                .list();
    }
}
