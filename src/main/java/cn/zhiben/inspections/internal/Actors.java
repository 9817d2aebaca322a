package cn.zhiben.inspections.internal;

import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** The {@link Actor} of the current request: the account with its unit, its officer entry (valid today) and expert entry. */
@Component
public class Actors {

    private final OfficerRegister officers;
    private final ExpertPool experts;
    private final Clock clock;

    Actors(OfficerRegister officers, ExpertPool experts, Clock clock) {
        this.officers = officers;
        this.experts = experts;
        this.clock = clock;
    }

    public Actor current() {
        return of(CurrentUser.require());
    }

    public Actor of(CurrentUser user) {
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        UnitRef unit = UnitRef.of(user).orElse(null);
        UUID officerId = unit == null ? null : officers.byUser(user.id())
                .filter(o -> o.unit().equals(unit) && o.validOn(today)).map(Officer::id).orElse(null);
        UUID expertId = user.role() == cn.zhiben.platform.security.Role.EXPERT
                ? experts.byUser(user.id()).filter(e -> e.status() == ExpertPool.Status.ACTIVE).map(ExpertPool.Expert::id).orElse(null)
                : null;
        return new Actor(user.id(), user.displayName(), user.role(), unit, officerId, expertId, user.enterpriseId(), user);
    }
}
