package cn.zhiben.identity.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.identity.IdentityProperties;
import cn.zhiben.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class BootstrapAdminTests {

    private final UserRepository users = mock(UserRepository.class);
    private final AuditLog audit = mock(AuditLog.class);
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);

    private BootstrapAdmin bootstrap(String adminPassword) {
        var properties = new IdentityProperties(Duration.ofMinutes(15), Duration.ofHours(12), 5, Duration.ofMinutes(10), 5, adminPassword);
        return new BootstrapAdmin(users, encoder, properties, audit, clock);
    }

    @Test
    void operatorsPasswordIsUsedAndNotForcedToChange() {
        when(users.exists("admin")).thenReturn(false);
        bootstrap("Operator#2026").run(null);

        ArgumentCaptor<UserAccount> created = ArgumentCaptor.forClass(UserAccount.class);
        verify(users).insert(created.capture());
        UserAccount a = created.getValue();
        assertThat(a.username()).isEqualTo("admin");
        assertThat(a.role()).isEqualTo(Role.SEC_ADMIN);
        assertThat(a.mustChangePassword()).isFalse();
        assertThat(a.enabled()).isTrue();
        assertThat(a.demo()).isFalse();
        assertThat(encoder.matches("Operator#2026", a.passwordHash())).isTrue();
        verify(users).updatePasswordHistoryOnly(eq(a.id()), eq(a.passwordHash()), any());
        ArgumentCaptor<AuditEntry> entry = ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit).record(entry.capture());
        assertThat(entry.getValue().action()).isEqualTo(AuditAction.CREATE);
        assertThat(entry.getValue().actor().username()).isEqualTo("system");
    }

    @Test
    void withoutOperatorsPasswordARandomOneMustBeChanged() {
        when(users.exists("admin")).thenReturn(false);
        bootstrap("").run(null);

        ArgumentCaptor<UserAccount> created = ArgumentCaptor.forClass(UserAccount.class);
        verify(users).insert(created.capture());
        assertThat(created.getValue().mustChangePassword()).isTrue();
        assertThat(encoder.matches("", created.getValue().passwordHash())).isFalse();
    }

    @Test
    void generatedPasswordsMeetThePolicyAndDiffer() {
        BootstrapAdmin.Plan a = BootstrapAdmin.plan(null);
        BootstrapAdmin.Plan b = BootstrapAdmin.plan("  ");
        assertThat(a.mustChange()).isTrue();
        assertThat(PasswordPolicy.violations(a.password(), "admin")).isEmpty();
        assertThat(a.password()).isNotEqualTo(b.password());
    }

    @Test
    void weakOperatorsPasswordStopsTheStart() {
        when(users.exists("admin")).thenReturn(false);
        assertThatThrownBy(() -> bootstrap("admin12345").run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ZHIBEN_ADMIN_PASSWORD 不符合密码策略");
        verify(users, never()).insert(any());
    }

    @Test
    void doesNothingWhenAdminExists() {
        when(users.exists("admin")).thenReturn(true);
        bootstrap("Operator#2026").run(null);
        verify(users, never()).insert(any());
        verify(users, never()).updatePasswordHistoryOnly(any(), anyString(), any());
        verifyNoInteractions(audit);
    }
}
