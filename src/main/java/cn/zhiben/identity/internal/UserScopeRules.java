package cn.zhiben.identity.internal;

import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which scope fields an account of each role must have, and checks that the given ones exist and fit:
 * a county office a county (or the development zone, a management area), a township a township, a county unit a county
 * and a committee unit, a member unit a committee unit, an enterprise account an enterprise; the others nothing.
 */
@Component
public class UserScopeRules {

    public static final String CODE = "USER_SCOPE_INVALID";

    /** @param regionLevels the levels the region must be of; empty = no region */
    public record Requirement(Set<Region.Level> regionLevels, boolean unit, boolean enterprise) {
        public boolean region() {
            return !regionLevels.isEmpty();
        }
    }

    /** The account's scope as stored. */
    public record Scope(String regionCode, UUID unitId, UUID enterpriseId, CurrentUser.EnterprisePosition enterprisePosition) {
    }

    private final RegionCatalog regions;
    private final UnitCatalog units;
    private final EnterpriseDirectory enterprises;

    UserScopeRules(RegionCatalog regions, UnitCatalog units, EnterpriseDirectory enterprises) {
        this.regions = regions;
        this.units = units;
        this.enterprises = enterprises;
    }

    public static Requirement requirement(Role role) {
        return switch (role) {
            case COUNTY_OFFICE -> new Requirement(EnumSet.of(Region.Level.COUNTY, Region.Level.ZONE), false, false);
            case TOWNSHIP -> new Requirement(EnumSet.of(Region.Level.TOWNSHIP), false, false);
            case COUNTY_UNIT -> new Requirement(EnumSet.of(Region.Level.COUNTY), true, false);
            case MEMBER_UNIT -> new Requirement(EnumSet.noneOf(Region.Level.class), true, false);
            case ENTERPRISE -> new Requirement(EnumSet.noneOf(Region.Level.class), false, true);
            case CITY_OFFICE, EXPERT, SYS_ADMIN, SEC_ADMIN, AUDIT_ADMIN ->
                    new Requirement(EnumSet.noneOf(Region.Level.class), false, false);
        };
    }

    /** The scope of an account of this role, or a 400 USER_SCOPE_INVALID naming every field that is wrong. */
    public Scope check(Role role, String regionCode, UUID unitId, UUID enterpriseId) {
        return check(role, regionCode, unitId, enterpriseId, null);
    }

    /**
     * As {@link #check(Role, String, UUID, UUID)}, with the enterprise account's position in the two-level confirmation
     * (an enterprise account without one is its safety management department).
     */
    public Scope check(Role role, String regionCode, UUID unitId, UUID enterpriseId, CurrentUser.EnterprisePosition position) {
        Requirement req = requirement(role);
        String region = regionCode == null || regionCode.isBlank() ? null : regionCode.trim();
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        String roleName = "「" + role.label() + "」";
        if (req.region()) {
            if (region == null) {
                problems.add(new ProblemException.FieldProblem("regionCode", roleName + "账号须选择" + regionWanted(req)));
            } else {
                Optional<Region> r = regions.find(region);
                if (r.isEmpty()) {
                    problems.add(new ProblemException.FieldProblem("regionCode", "行政区划代码 " + region + " 不存在"));
                } else if (!req.regionLevels().contains(r.get().level())) {
                    problems.add(new ProblemException.FieldProblem("regionCode",
                            r.get().name() + "（" + region + "）不是" + regionWanted(req) + "，不能作为" + roleName + "账号的区划"));
                }
            }
        } else if (region != null) {
            problems.add(new ProblemException.FieldProblem("regionCode", roleName + "账号不设行政区划，请勿填写"));
        }
        if (req.unit()) {
            if (unitId == null) {
                problems.add(new ProblemException.FieldProblem("unitId", roleName + "账号须选择所属成员单位（决定监管的行业领域）"));
            } else {
                Optional<CommitteeUnit> u = units.find(unitId);
                if (u.isEmpty()) {
                    problems.add(new ProblemException.FieldProblem("unitId", "成员单位不存在"));
                } else if (!u.get().active()) {
                    problems.add(new ProblemException.FieldProblem("unitId", u.get().name() + " 已停用，不能再分配账号"));
                }
            }
        } else if (unitId != null) {
            problems.add(new ProblemException.FieldProblem("unitId", roleName + "账号不设成员单位，请勿填写"));
        }
        if (req.enterprise()) {
            if (enterpriseId == null) {
                problems.add(new ProblemException.FieldProblem("enterpriseId", roleName + "账号须指定所属企业"));
            } else if (enterprises.find(enterpriseId).isEmpty()) {
                problems.add(new ProblemException.FieldProblem("enterpriseId", "企业不存在"));
            }
        } else if (enterpriseId != null) {
            problems.add(new ProblemException.FieldProblem("enterpriseId", roleName + "账号不设所属企业，请勿填写"));
        }
        if (!req.enterprise() && position != null) {
            problems.add(new ProblemException.FieldProblem("enterprisePosition", roleName + "账号不设企业岗位，请勿填写"));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, CODE,
                    "数据范围与角色不符：" + String.join("；", problems.stream().map(ProblemException.FieldProblem::message).toList()),
                    problems);
        }
        return new Scope(req.region() ? region : null, req.unit() ? unitId : null, req.enterprise() ? enterpriseId : null,
                req.enterprise() ? (position == null ? CurrentUser.EnterprisePosition.SAFETY_MANAGER : position) : null);
    }

    private static String regionWanted(Requirement req) {
        Set<Region.Level> l = req.regionLevels();
        if (l.contains(Region.Level.ZONE)) {
            return "县（市、区）或开发区";
        }
        if (l.contains(Region.Level.TOWNSHIP)) {
            return "乡镇（街道）";
        }
        return "县（市、区）";
    }
}
