package cn.zhiben.identity.internal;

import cn.zhiben.org.Region;
import cn.zhiben.platform.security.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What scope each role is built from (Role.ScopeKind), as the administrator must fill it in. */
class UserScopeRulesTests {

    @ParameterizedTest(name = "{0}: region {1}, unit {2}, enterprise {3}")
    @CsvSource(delimiter = '|', textBlock = """
            CITY_OFFICE   | -                | false | false
            EXPERT        | -                | false | false
            SYS_ADMIN     | -                | false | false
            SEC_ADMIN     | -                | false | false
            AUDIT_ADMIN   | -                | false | false
            COUNTY_OFFICE | COUNTY ZONE      | false | false
            TOWNSHIP      | TOWNSHIP         | false | false
            COUNTY_UNIT   | COUNTY           | true  | false
            MEMBER_UNIT   | -                | true  | false
            ENTERPRISE    | -                | false | true
            """)
    void requirementPerRole(Role role, String levels, boolean unit, boolean enterprise) {
        Set<Region.Level> expected = levels.equals("-") ? EnumSet.noneOf(Region.Level.class)
                : Arrays.stream(levels.split(" ")).map(Region.Level::valueOf).collect(Collectors.toSet());
        var req = UserScopeRules.requirement(role);
        assertThat(req.regionLevels()).isEqualTo(expected);
        assertThat(req.unit()).isEqualTo(unit);
        assertThat(req.enterprise()).isEqualTo(enterprise);
    }
}
