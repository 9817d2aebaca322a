package cn.zhiben.tipoffs.internal;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who may see and do what with a tip-off: the one source the API, the pages and the access table follow.
 * <ul>
 * <li>Triage (受理, 不予受理, 移交, 并案) is the safety committee office's: the city office for every tip-off, a county
 * office for those in its county (安全生产法 Art. 73 obliges the departments; which office triages is our inference).</li>
 * <li>Verification is the handling unit's — the unit that leads supervision of the industry (三管三必须, 安全生产法 Art. 10)
 * at the level it was routed to. Enterprises, townships and experts see no tip-off at all (retaliation protection,
 * 安监总财〔2018〕19号: the reporter's information is kept confidential).</li>
 * </ul>
 */
public final class TipoffRules {

    private TipoffRules() {
    }

    /** Roles that take tip-offs by phone, letter or visit (12350 is run by the emergency management bureaus). */
    public static boolean mayRegister(CurrentUser u) {
        return u.ready() && switch (u.role()) {
            case CITY_OFFICE, COUNTY_OFFICE, MEMBER_UNIT, COUNTY_UNIT -> true;
            default -> false;
        };
    }

    /** Sees tip-offs at all (lists, figures, menu). */
    public static boolean mayRead(CurrentUser u) {
        return mayRegister(u);
    }

    /** The caller, if it may read tip-offs; else 403 (pages and API ask this before they touch a request). */
    public static CurrentUser requireReader(CurrentUser u) {
        if (!mayRead(u)) {
            throw denied("当前账号不能查看举报");
        }
        return u;
    }

    /** The tip-offs a user sees, as SQL over tip_tipoff aliased t. */
    public static Sql scope(CurrentUser u) {
        Map<String, Object> p = new LinkedHashMap<>();
        String where = switch (u.role()) {
            case CITY_OFFICE -> "true";
            case COUNTY_OFFICE -> {
                p.put("scopeRegion", RegionCodes.subtreePrefix(u.scope().regionCode()) + "%");
                yield "(t.region_code like :scopeRegion or t.unit_region_code like :scopeRegion)";
            }
            case MEMBER_UNIT -> {
                p.put("scopeUnit", u.unitId());
                yield "t.unit_id = :scopeUnit";
            }
            case COUNTY_UNIT -> {
                p.put("scopeUnit", u.unitId());
                p.put("scopeRegion", RegionCodes.subtreePrefix(u.scope().regionCode()) + "%");
                yield "(t.unit_id = :scopeUnit and t.unit_region_code like :scopeRegion)";
            }
            default -> "false";
        };
        if (u.unitId() == null && (u.role() == Role.MEMBER_UNIT || u.role() == Role.COUNTY_UNIT)) {
            return new Sql("false", Map.of());
        }
        return new Sql(where, p);
    }

    public record Sql(String where, Map<String, Object> params) {
    }

    /** The office that triages this tip-off: the city office always, a county office inside its county. */
    public static boolean isTriageOffice(CurrentUser u, Tipoff t) {
        return switch (u.role()) {
            case CITY_OFFICE -> true;
            case COUNTY_OFFICE -> RegionCodes.contains(u.scope().regionCode(), t.regionCode);
            default -> false;
        };
    }

    /** An account of the unit handling the tip-off, at the level it was routed to. */
    public static boolean isHandlingUnit(CurrentUser u, Tipoff t) {
        if (t.unitId == null || !Objects.equals(u.unitId(), t.unitId)) {
            return false;
        }
        return switch (u.role()) {
            case MEMBER_UNIT -> t.unitRegionCode == null;
            case COUNTY_UNIT -> t.unitRegionCode != null && RegionCodes.contains(u.scope().regionCode(), t.unitRegionCode);
            default -> false;
        };
    }

    /** Where a county office may route: only inside its county, at county level. A city office anywhere. */
    public static void requireRoutingAllowed(CurrentUser u, Tipoff.Routing r) {
        if (u.role() == Role.COUNTY_OFFICE && (r.unitRegionCode() == null
                || !RegionCodes.contains(u.scope().regionCode(), r.unitRegionCode()))) {
            throw denied("县级安委办只能交办本县（市、区）的承办单位；需市级办理的请转交市安委办");
        }
    }

    /** The verbs this user may take on this tip-off now (state and right together). */
    public static List<TipoffAction> available(CurrentUser u, Tipoff t) {
        List<TipoffAction> out = new ArrayList<>();
        boolean office = isTriageOffice(u, t);
        boolean unit = isHandlingUnit(u, t);
        switch (t.status) {
            case RECEIVED -> {
                if (office) {
                    out.addAll(List.of(TipoffAction.ACCEPT, TipoffAction.REJECT, TipoffAction.MERGE, TipoffAction.TRANSFER));
                }
            }
            case VERIFYING -> {
                if (unit) {
                    out.add(TipoffAction.CONCLUDE);
                }
                if (unit || office) {
                    out.add(TipoffAction.HAND_OVER);
                    out.add(TipoffAction.TRANSFER);
                }
            }
            case CONCLUDED -> {
                if (unit || office) {
                    out.add(TipoffAction.REPLY);
                }
            }
            default -> {
            }
        }
        if (unit && t.hazardRegistrable()) {
            out.add(TipoffAction.REGISTER_HAZARD);
        }
        return out;
    }

    public static void require(CurrentUser u, Tipoff t, TipoffAction action) {
        boolean office = isTriageOffice(u, t);
        boolean unit = isHandlingUnit(u, t);
        boolean allowed = switch (action) {
            case ACCEPT, REJECT, MERGE -> office;
            case TRANSFER, HAND_OVER, REPLY -> office || unit;
            case CONCLUDE, REGISTER_HAZARD -> unit;
            default -> false;
        };
        if (!allowed) {
            throw denied(switch (action) {
                case ACCEPT, REJECT, MERGE -> "受理、不予受理和并案由市安委办或本县（市、区）安委办办理";
                case CONCLUDE, REGISTER_HAZARD -> "核查结论和登记隐患须由承办单位办理";
                default -> "当前账号不能办理该举报";
            });
        }
    }

    /** Rewards: proposed by the handling unit or the office, decided and paid by the office of the level (两人审批). */
    public static boolean mayProposeReward(CurrentUser u, Tipoff t) {
        return isTriageOffice(u, t) || isHandlingUnit(u, t);
    }

    public static boolean mayDecideReward(CurrentUser u, Tipoff t) {
        if (t.unitRegionCode == null) {
            return u.role() == Role.CITY_OFFICE;
        }
        return u.role() == Role.CITY_OFFICE
                || (u.role() == Role.COUNTY_OFFICE && RegionCodes.contains(u.scope().regionCode(), t.unitRegionCode));
    }

    /**
     * The reward ledger of a unit at a level (region null: city level): the city office sees all, a county office its
     * county's units, a unit its own — the units whose tip-offs {@link #scope} shows them.
     */
    public static boolean seesLedgerOf(CurrentUser u, UUID unitId, String unitRegionCode) {
        return switch (u.role()) {
            case CITY_OFFICE -> true;
            case COUNTY_OFFICE -> unitRegionCode != null && RegionCodes.contains(u.scope().regionCode(), unitRegionCode);
            case MEMBER_UNIT -> unitId.equals(u.unitId());
            case COUNTY_UNIT -> unitId.equals(u.unitId()) && unitRegionCode != null
                    && RegionCodes.contains(u.scope().regionCode(), unitRegionCode);
            default -> false;
        };
    }

    /** Budgets: the city office for every unit, a county office for its county's units. */
    public static boolean maySetBudget(CurrentUser u, String regionCode) {
        return u.role() == Role.CITY_OFFICE
                || (u.role() == Role.COUNTY_OFFICE && regionCode != null && RegionCodes.contains(u.scope().regionCode(), regionCode));
    }

    static ProblemException denied(String message) {
        return ProblemException.forbidden("TIPOFF_ACTION_FORBIDDEN", message);
    }
}
