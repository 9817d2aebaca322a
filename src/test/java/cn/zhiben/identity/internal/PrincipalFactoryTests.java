package cn.zhiben.identity.internal;

import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.util.unit.DataSize;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Outside demo mode the three administrators must enrol TOTP before anything else (等保 8.1.4.1 d); demo mode waives it. */
class PrincipalFactoryTests {

    private static PrincipalFactory factory(boolean demo) {
        var platform = new PlatformProperties(demo, false, null,
                new PlatformProperties.Db(new PlatformProperties.Embedded("./data/pg", 15432, "zhiben", 10, true)),
                new PlatformProperties.Crypto(null, "./key"), new PlatformProperties.Web(DataSize.ofMegabytes(1)));
        UnitCatalog units = mock(UnitCatalog.class);
        when(units.find(any())).thenReturn(Optional.empty());
        return new PrincipalFactory(mock(IndustryCatalog.class), units, mock(cn.zhiben.org.RegionCatalog.class), platform,
                mock(cn.zhiben.identity.ExpertAssignments.class), java.time.Clock.systemUTC());
    }

    private static UserAccount account(Role role, boolean totp, boolean mustChange) {
        Instant now = Instant.parse("2026-11-29T00:00:00Z");
        return new UserAccount(UUID.randomUUID(), "u1", "测试", role, null, null, null, null, "{noop}x", now, mustChange,
                totp ? "secret" : null, totp, 0, null, true, false, null, now, "test", now, UUID.randomUUID(), 0, null);
    }

    @Test
    void administratorWithoutTotpMustEnrolOutsideDemoMode() {
        CurrentUser u = factory(false).principal(account(Role.SEC_ADMIN, false, false));
        assertThat(u.pending()).containsExactly(CurrentUser.Pending.TOTP_ENROLLMENT);
        assertThat(PrincipalFactory.authorities(u)).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_SEC_ADMIN", "PENDING");
    }

    @Test
    void enrolledAdministratorIsReady() {
        CurrentUser u = factory(false).principal(account(Role.AUDIT_ADMIN, true, false));
        assertThat(u.ready()).isTrue();
        assertThat(PrincipalFactory.authorities(u)).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_AUDIT_ADMIN", "PERM_AUDIT_READ");
    }

    @Test
    void demoModeWaivesTheAdministratorsTotp() {
        assertThat(factory(true).principal(account(Role.SYS_ADMIN, false, false)).ready()).isTrue();
    }

    @Test
    void businessAccountsNeedNoTotpButMustChangeAOneTimePassword() {
        assertThat(factory(false).principal(account(Role.CITY_OFFICE, false, false)).ready()).isTrue();
        assertThat(factory(false).principal(account(Role.CITY_OFFICE, false, true)).pending())
                .containsExactly(CurrentUser.Pending.PASSWORD_CHANGE);
    }
}
