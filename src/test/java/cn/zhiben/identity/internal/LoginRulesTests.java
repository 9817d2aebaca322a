package cn.zhiben.identity.internal;

import cn.zhiben.platform.security.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginRulesTests {

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SYS_ADMIN", "SEC_ADMIN", "AUDIT_ADMIN"})
    void theThreeAdministratorsNeedTotpOutsideDemoMode(Role role) {
        assertThat(LoginRules.totpRequired(role, false)).isTrue();
        assertThat(LoginRules.totpRequired(role, true)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SYS_ADMIN", "SEC_ADMIN", "AUDIT_ADMIN"}, mode = EnumSource.Mode.EXCLUDE)
    void businessRolesMayChooseTotp(Role role) {
        assertThat(LoginRules.totpRequired(role, false)).isFalse();
        assertThat(LoginRules.totpRequired(role, true)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void lockMessageRoundsRemainingTimeUp() {
        Instant now = Instant.parse("2026-11-29T00:00:00Z");
        assertThat(LoginService.minutesLeft(now, now.plusSeconds(600))).isEqualTo(10);
        assertThat(LoginService.minutesLeft(now, now.plusSeconds(599))).isEqualTo(10);
        assertThat(LoginService.minutesLeft(now, now.plusSeconds(541))).isEqualTo(10);
        assertThat(LoginService.minutesLeft(now, now.plusSeconds(540))).isEqualTo(9);
        assertThat(LoginService.minutesLeft(now, now.plusSeconds(1))).isEqualTo(1);
    }
}
