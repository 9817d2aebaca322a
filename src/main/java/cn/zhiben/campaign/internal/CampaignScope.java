package cn.zhiben.campaign.internal;

import cn.zhiben.platform.security.CurrentUser;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What campaign records an account may see, as a SQL condition over a record's addressee columns: the city office
 * everything; a county office everything addressed inside its county (itself and its departments); a unit or county
 * department only what is addressed to it. Anything else is outside the scope and answers 404 like a missing record.
 */
public final class CampaignScope {

    private CampaignScope() {
    }

    public record Sql(String where, Map<String, Object> params) {
    }

    public static Sql of(CurrentUser user, String unitColumn, String regionColumn) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (user == null || !user.ready()) {
            return new Sql("false", p);
        }
        String region = user.scope().regionCode();
        switch (user.role()) {
            case CITY_OFFICE -> {
                return new Sql("true", p);
            }
            case COUNTY_OFFICE -> {
                if (region == null) {
                    return new Sql("false", p);
                }
                p.put("scopeCounty", region);
                return new Sql(regionColumn + " = :scopeCounty", p);
            }
            case MEMBER_UNIT -> {
                if (user.unitId() == null) {
                    return new Sql("false", p);
                }
                p.put("scopeUnit", user.unitId());
                return new Sql(unitColumn + " = :scopeUnit and " + regionColumn + " is null", p);
            }
            case COUNTY_UNIT -> {
                if (user.unitId() == null || region == null) {
                    return new Sql("false", p);
                }
                p.put("scopeUnit", user.unitId());
                p.put("scopeCounty", region);
                return new Sql(unitColumn + " = :scopeUnit and " + regionColumn + " = :scopeCounty", p);
            }
            default -> {
                return new Sql("false", p);
            }
        }
    }

    /** The same rule in Java, for one addressee. */
    public static boolean covers(CurrentUser user, Addressee a) {
        if (user == null || !user.ready()) {
            return false;
        }
        return switch (user.role()) {
            case CITY_OFFICE -> true;
            case COUNTY_OFFICE -> user.scope().regionCode() != null && user.scope().regionCode().equals(a.regionCode());
            default -> a.heldBy(user);
        };
    }

    /** Whether the account takes part in the campaign at all (offices, units, county departments). */
    public static boolean participant(CurrentUser user) {
        return Addressee.of(user).isPresent() && user.ready();
    }
}
