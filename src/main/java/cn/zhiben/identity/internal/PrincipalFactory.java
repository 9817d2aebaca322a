package cn.zhiben.identity.internal;

import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.Permission;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Builds the signed-in principal — role, data scope, pending duties — from an account. */
@Component
public class PrincipalFactory {

    private final IndustryCatalog industries;
    private final UnitCatalog units;
    private final RegionCatalog regions;
    private final PlatformProperties platform;
    private final cn.zhiben.identity.ExpertAssignments assignments;
    private final java.time.Clock clock;

    PrincipalFactory(IndustryCatalog industries, UnitCatalog units, RegionCatalog regions, PlatformProperties platform,
                     cn.zhiben.identity.ExpertAssignments assignments, java.time.Clock clock) {
        this.industries = industries;
        this.units = units;
        this.regions = regions;
        this.platform = platform;
        this.assignments = assignments;
        this.clock = clock;
    }

    public CurrentUser principal(UserAccount u) {
        DataScope scope = switch (u.role().scopeKind()) {
            case CITY -> DataScope.city();
            case REGION -> DataScope.region(u.regionCode());
            case UNIT_INDUSTRIES -> DataScope.industries(industries.supervisedBy(u.unitId()));
            case REGION_UNIT_INDUSTRIES -> DataScope.regionIndustries(u.regionCode(), industries.supervisedBy(u.unitId()));
            case ENTERPRISE -> DataScope.enterprise(u.enterpriseId());
            // an expert works for the enterprises assigned to it today (issue 9 item 2c)
            case ASSIGNED_ENTERPRISES -> DataScope.enterprises(java.util.Set.copyOf(assignments.enterprisesOf(u.id(),
                    java.time.LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE)))));
            case NONE -> DataScope.none();
        };
        Set<CurrentUser.Pending> pending = EnumSet.noneOf(CurrentUser.Pending.class);
        if (u.mustChangePassword()) {
            pending.add(CurrentUser.Pending.PASSWORD_CHANGE);
        }
        if (totpRequired(u) && !u.totpEnabled()) {
            pending.add(CurrentUser.Pending.TOTP_ENROLLMENT);
        }
        String unitName = unitName(u);
        return new CurrentUser(u.id(), u.username(), u.displayName(), u.role(), scope, u.unitId(), unitName, pending,
                u.enterprisePosition());
    }

    /** The unit the account works for, as it calls itself: a county unit is the county's department (UnitNames). */
    String unitName(UserAccount u) {
        String unit = units.find(u.unitId()).map(CommitteeUnit::name).orElse(null);
        if (u.role() != cn.zhiben.platform.security.Role.COUNTY_UNIT || unit == null) {
            return unit;
        }
        return UnitNames.countyDepartment(regions.find(u.regionCode()).map(cn.zhiben.org.Region::name).orElse(null), unit);
    }

    /** TOTP is required of the three administrators, except in demo mode. */
    public boolean totpRequired(UserAccount u) {
        return LoginRules.totpRequired(u.role(), platform.demo());
    }

    public static List<GrantedAuthority> authorities(CurrentUser user) {
        List<GrantedAuthority> out = new ArrayList<>();
        out.add(new SimpleGrantedAuthority(user.role().authority()));
        if (user.ready()) {
            for (Permission p : user.role().permissions()) {
                out.add(new SimpleGrantedAuthority(p.authority()));
            }
        } else {
            out.add(new SimpleGrantedAuthority("PENDING"));
        }
        return out;
    }
}
