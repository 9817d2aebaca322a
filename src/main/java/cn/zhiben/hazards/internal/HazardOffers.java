package cn.zhiben.hazards.internal;

import cn.zhiben.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * What a caller is offered on a hazard — the forms of the detail page and the API's {@code availableActions}: the verbs
 * {@link HazardPolicy} allows now, except a merge when the caller sees no real duplicate to merge into.
 */
@Component
public class HazardOffers {

    private final HazardQueries queries;

    HazardOffers(HazardQueries queries) {
        this.queries = queries;
    }

    /** @param mergeCandidates the open duplicates (same clause or place) the caller may merge this hazard into */
    public record Offer(List<HazardAction> actions, List<HazardQueries.Row> mergeCandidates) {
    }

    public Offer offer(HazardQueries.Row h, CurrentUser user, Caller caller) {
        List<HazardAction> actions = new ArrayList<>(HazardActions.available(h, caller));
        List<HazardQueries.Row> candidates = List.of();
        if (actions.contains(HazardAction.MERGE)) {
            Cond may = caller.policy().who(HazardAction.MERGE, caller);
            candidates = queries.mergeCandidates(user.scope(), h.id()).stream()
                    .filter(may::test)
                    // a major hazard is not merged into a general one
                    .filter(c -> h.grade() != cn.zhiben.hazards.Grade.MAJOR || c.grade() == cn.zhiben.hazards.Grade.MAJOR)
                    .toList();
            if (candidates.isEmpty()) {
                actions.remove(HazardAction.MERGE);
            }
        }
        return new Offer(List.copyOf(actions), candidates);
    }
}
