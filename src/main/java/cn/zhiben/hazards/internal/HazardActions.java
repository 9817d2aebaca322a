package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * The verbs the current user may take on a hazard in its current state: what the detail page offers as forms and the
 * inbox counts as waiting. Mirrors {@link HazardRules} and {@link Hazard}'s state checks; the service still enforces both.
 */
public final class HazardActions {

    private HazardActions() {
    }

    public static List<HazardAction> available(HazardQueries.Row h, CurrentUser user) {
        List<HazardAction> out = new ArrayList<>();
        HazardStatus s = h.status();
        if (user.role() == Role.ENTERPRISE) {
            boolean principal = user.enterprisePosition() == CurrentUser.EnterprisePosition.PRINCIPAL;
            switch (s) {
                case PENDING_DEPARTMENT_CONFIRMATION -> {
                    if (!principal) {
                        out.add(HazardAction.CONFIRM_DEPARTMENT);
                    }
                }
                case PENDING_PRINCIPAL_CONFIRMATION -> {
                    if (principal) {
                        out.add(HazardAction.CONFIRM_PRINCIPAL);
                        out.add(HazardAction.RETURN_FOR_CORRECTION);
                    }
                }
                case PENDING_ACKNOWLEDGEMENT -> out.add(HazardAction.ACKNOWLEDGE);
                case REPORTED -> out.add(HazardAction.FILE_PLAN);
                case RECTIFYING -> {
                    out.add(HazardAction.REPORT_PROGRESS);
                    if (!h.extensionPending() && h.deadline() != null) {
                        out.add(HazardAction.REQUEST_EXTENSION);
                    }
                    out.add(h.grade() == Grade.GENERAL ? HazardAction.CLOSE : HazardAction.COMPLETE);
                }
                case COMPLETED -> out.add(HazardAction.EVALUATE);
                case EVALUATED -> out.add(HazardAction.REQUEST_SIGN_OFF);
                default -> {
                }
            }
        }
        var level = HazardRules.governmentLevel(user.role());
        if (level.isPresent()) {
            if (s == HazardStatus.RECTIFYING && h.extensionPending()) {
                out.add(HazardAction.APPROVE_EXTENSION);
                out.add(HazardAction.REFUSE_EXTENSION);
            }
            if (s == HazardStatus.SIGN_OFF_REQUESTED && (h.listingLevel() == null || h.listingLevel() == level.get())) {
                out.add(HazardAction.SIGN_OFF);
                out.add(HazardAction.REJECT_SIGN_OFF);
            }
            if (!s.terminal()) {
                out.add(HazardAction.MERGE);
                if (h.possibleDuplicateOf() != null) {
                    out.add(HazardAction.DISMISS_DUPLICATE);
                }
            }
        }
        if (s == HazardStatus.CLOSED && h.grade() == Grade.GENERAL && (level.isPresent() || user.role() == Role.TOWNSHIP)) {
            out.add(HazardAction.REOPEN);
        }
        ListingLevel office = switch (user.role()) {
            case CITY_OFFICE -> ListingLevel.CITY;
            case COUNTY_OFFICE -> ListingLevel.COUNTY;
            default -> null;
        };
        if (office != null && h.grade() == Grade.MAJOR && s.reported() && !s.terminal()) {
            if (h.listingLevel() == null) {
                out.add(HazardAction.LIST);
            } else if (h.listingLevel() == office) {
                out.add(HazardAction.DELIST);
            }
        }
        if (s != HazardStatus.MERGED && (user.role() == Role.ENTERPRISE || level.isPresent()
                || user.role() == Role.TOWNSHIP || user.role() == Role.EXPERT)) {
            out.add(HazardAction.ATTACH);
        }
        return out;
    }
}
