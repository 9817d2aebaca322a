package cn.zhiben.hazards.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The verbs a caller may take on a hazard now — what the detail page offers as forms and the API lists — asked of
 * {@link HazardPolicy} verb by verb, the same rules the verbs themselves enforce and the inbox renders as SQL.
 */
public final class HazardActions {

    /** The verbs people take (creation and the daily job's steps are not offered). */
    public static final List<HazardAction> OFFERED = List.of(
            HazardAction.CONFIRM_DEPARTMENT, HazardAction.CONFIRM_PRINCIPAL, HazardAction.RETURN_FOR_CORRECTION,
            HazardAction.WITHDRAW, HazardAction.ACKNOWLEDGE, HazardAction.FILE_PLAN, HazardAction.REPORT_PROGRESS,
            HazardAction.REQUEST_EXTENSION, HazardAction.APPROVE_EXTENSION, HazardAction.REFUSE_EXTENSION,
            HazardAction.COMPLETE, HazardAction.CLOSE, HazardAction.EVALUATE, HazardAction.REQUEST_SIGN_OFF,
            HazardAction.SIGN_OFF, HazardAction.REJECT_SIGN_OFF, HazardAction.CONFIRM_DELISTING,
            HazardAction.REFUSE_DELISTING, HazardAction.LIST, HazardAction.RAISE_LISTING, HazardAction.REMIND,
            HazardAction.DELIST, HazardAction.REGRADE, HazardAction.REOPEN, HazardAction.MERGE,
            HazardAction.DISMISS_DUPLICATE, HazardAction.CLOSE_ACCOUNTABILITY, HazardAction.ATTACH);

    private HazardActions() {
    }

    public static List<HazardAction> available(HazardFacts h, Caller caller) {
        List<HazardAction> out = new ArrayList<>();
        for (HazardAction verb : OFFERED) {
            if (caller.policy().may(verb, h, caller)) {
                out.add(verb);
            }
        }
        return out;
    }
}
