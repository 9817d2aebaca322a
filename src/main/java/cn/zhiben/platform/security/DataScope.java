package cn.zhiben.platform.security;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What business data an account may see: every condition that is set must hold.
 *
 * @param business      false for the administrators, who see no business data at all
 * @param regionCode    a region subtree (administrative code) or a management area; null = the whole city
 * @param industryCodes the industries (already expanded to their sub-industries); null = all
 * @param enterpriseId  one enterprise; null = any
 * @param enterpriseIds a set of enterprises (an expert's assignments); null = any, empty = none
 */
public record DataScope(boolean business, String regionCode, Set<String> industryCodes, UUID enterpriseId,
                        Set<UUID> enterpriseIds) implements Serializable {

    public DataScope {
        industryCodes = industryCodes == null ? null : Set.copyOf(industryCodes);
        enterpriseIds = enterpriseIds == null ? null : Set.copyOf(enterpriseIds);
    }

    public DataScope(boolean business, String regionCode, Set<String> industryCodes, UUID enterpriseId) {
        this(business, regionCode, industryCodes, enterpriseId, null);
    }

    public static DataScope city() {
        return new DataScope(true, null, null, null);
    }

    public static DataScope region(String regionCode) {
        return new DataScope(true, regionCode, null, null);
    }

    public static DataScope industries(Set<String> industryCodes) {
        return new DataScope(true, null, industryCodes, null);
    }

    public static DataScope regionIndustries(String regionCode, Set<String> industryCodes) {
        return new DataScope(true, regionCode, industryCodes, null);
    }

    public static DataScope enterprise(UUID enterpriseId) {
        return new DataScope(true, null, null, enterpriseId);
    }

    /** The enterprises an expert is assigned to (issue 9 item 2c); an empty set sees nothing. */
    public static DataScope enterprises(Set<UUID> enterpriseIds) {
        return new DataScope(true, null, null, null, enterpriseIds == null ? Set.of() : enterpriseIds);
    }

    public static DataScope none() {
        return new DataScope(false, null, null, null);
    }

    public boolean wholeCity() {
        return business && regionCode == null && industryCodes == null && enterpriseId == null && enterpriseIds == null;
    }

    /** Whether an enterprise at this place, of this industry, is inside the scope. */
    public boolean covers(UUID enterpriseId, String enterpriseRegion, String enterpriseZone, String industryCode) {
        if (!business) {
            return false;
        }
        if (this.enterpriseId != null && !this.enterpriseId.equals(enterpriseId)) {
            return false;
        }
        if (enterpriseIds != null && !enterpriseIds.contains(enterpriseId)) {
            return false;
        }
        if (regionCode != null && !coversRegion(enterpriseRegion, enterpriseZone)) {
            return false;
        }
        return industryCodes == null || industryCodes.contains(industryCode);
    }

    public boolean coversRegion(String region, String zone) {
        if (regionCode == null) {
            return business;
        }
        if (!RegionCodes.isAdministrative(regionCode)) {
            return regionCode.equals(zone);
        }
        return RegionCodes.contains(regionCode, region);
    }

    /**
     * The scope as a SQL condition over the given columns, with named parameters, for JdbcClient / NamedParameterJdbcTemplate.
     * Columns that a table lacks may be null if the scope cannot need them (e.g. reference tables).
     */
    public Sql toSql(String enterpriseIdColumn, String regionColumn, String zoneColumn, String industryColumn) {
        return toSql(enterpriseIdColumn, regionColumn, zoneColumn, industryColumn, null);
    }

    /**
     * As {@link #toSql(String, String, String, String)} for records that belong to a second field beside their
     * enterprise's industry (a fire hazard in a coal mine): the industry condition holds if either column matches.
     */
    public Sql toSql(String enterpriseIdColumn, String regionColumn, String zoneColumn, String industryColumn,
                     String secondIndustryColumn) {
        if (!business) {
            return new Sql("false", Map.of());
        }
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (enterpriseId != null) {
            where.append(" and ").append(enterpriseIdColumn).append(" = :scopeEnterprise");
            params.put("scopeEnterprise", enterpriseId);
        }
        if (enterpriseIds != null) {
            if (enterpriseIds.isEmpty()) {
                return new Sql("false", Map.of());
            }
            where.append(" and ").append(enterpriseIdColumn).append(" in (:scopeEnterprises)");
            params.put("scopeEnterprises", List.copyOf(enterpriseIds));
        }
        if (regionCode != null) {
            if (RegionCodes.isAdministrative(regionCode)) {
                where.append(" and ").append(regionColumn).append(" like :scopeRegion");
                params.put("scopeRegion", RegionCodes.subtreePrefix(regionCode) + "%");
            } else {
                where.append(" and ").append(zoneColumn).append(" = :scopeZone");
                params.put("scopeZone", regionCode);
            }
        }
        if (industryCodes != null) {
            if (industryCodes.isEmpty()) {
                return new Sql("false", Map.of());
            }
            if (secondIndustryColumn == null) {
                where.append(" and ").append(industryColumn).append(" in (:scopeIndustries)");
            } else {
                where.append(" and (").append(industryColumn).append(" in (:scopeIndustries) or ")
                        .append(secondIndustryColumn).append(" in (:scopeIndustries))");
            }
            params.put("scopeIndustries", List.copyOf(industryCodes));
        }
        return new Sql(where.toString(), params);
    }

    /** A WHERE fragment and its parameters. */
    public record Sql(String where, Map<String, Object> params) {
    }
}
