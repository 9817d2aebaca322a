package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HazardRulesTests {

    private static CurrentUser user(Role role) {
        return new CurrentUser(UUID.randomUUID(), "u", "u", role, DataScope.city(), null, null, Set.of());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void theReportFormOffersExactlyTheChannelsTheServiceAccepts(Role role) {
        CurrentUser u = user(role);
        List<Channel> offered = HazardRules.reportChannels(u);
        for (Channel c : Channel.values()) {
            if (c == Channel.SELF_INSPECTION) {
                assertThat(offered.contains(c)).isEqualTo(role == Role.ENTERPRISE);
                if (role != Role.ENTERPRISE) {
                    assertThatThrownBy(() -> HazardRules.requireReporter(u, c)).hasMessageContaining("只有企业账号可以自查上报");
                }
            } else if (offered.contains(c)) {
                assertThatCode(() -> HazardRules.requireReporter(u, c)).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> HazardRules.requireReporter(u, c)).hasMessageContaining(c.label());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ENTERPRISE", "EXPERT", "TOWNSHIP", "COUNTY_UNIT", "SYS_ADMIN"})
    void eachRoleReportsThroughItsOwnChannels(Role role) {
        List<Channel> expected = switch (role) {
            case ENTERPRISE -> List.of(Channel.SELF_INSPECTION);
            case EXPERT -> List.of(Channel.EXPERT);
            case TOWNSHIP, COUNTY_UNIT -> List.of(Channel.SUPERVISION, Channel.TIP_OFF, Channel.EXPERT, Channel.MONITORING, Channel.ASSIGNED);
            default -> List.of();
        };
        assertThat(HazardRules.reportChannels(user(role))).containsExactlyElementsOf(expected);
    }
}
