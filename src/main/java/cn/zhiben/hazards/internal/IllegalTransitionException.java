package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A verb that the hazard's current state does not allow: 409. */
public class IllegalTransitionException extends ProblemException {

    public IllegalTransitionException(HazardStatus current, HazardAction action) {
        super(HttpStatus.CONFLICT, "HAZARD_ILLEGAL_TRANSITION",
                "隐患当前状态为「" + current.label() + "」，不能执行「" + action.label() + "」");
    }

    public IllegalTransitionException(String code, String message) {
        super(HttpStatus.CONFLICT, code, message);
    }

    /** The refusal of a verb whose state condition failed, naming the sub-state that failed where there is one. */
    static IllegalTransitionException of(HazardFacts h, HazardAction verb, HazardPolicy policy) {
        boolean inState = switch (verb) {
            case REQUEST_EXTENSION, APPROVE_EXTENSION, REFUSE_EXTENSION -> h.status() == HazardStatus.RECTIFYING;
            case LIST, DELIST, RAISE_LISTING, REMIND -> HazardPolicy.LISTABLE.contains(h.status());
            case DISMISS_DUPLICATE, REGRADE -> !h.status().terminal();
            default -> false;
        };
        if (inState) {
            switch (verb) {
                case REQUEST_EXTENSION -> {
                    if (h.extensionPending()) {
                        return new IllegalTransitionException("HAZARD_EXTENSION_PENDING", "已有待审批的延期申请");
                    }
                    if (h.extensionCount() >= policy.maxExtensions()) {
                        return new IllegalTransitionException("HAZARD_EXTENSION_LIMIT",
                                "该隐患已延期 " + h.extensionCount() + " 次，达到上限（" + policy.maxExtensions() + " 次），不能再申请延期");
                    }
                    return new IllegalTransitionException("HAZARD_NO_DEADLINE", "该隐患没有整改期限，无需延期");
                }
                case APPROVE_EXTENSION, REFUSE_EXTENSION -> {
                    return new IllegalTransitionException("HAZARD_NO_EXTENSION_PENDING", "没有待审批的延期申请");
                }
                case LIST -> {
                    if (h.listingLevel() != null) {
                        return new IllegalTransitionException("HAZARD_ALREADY_LISTED", "该隐患已" + h.listingLevel().label());
                    }
                }
                case DELIST, REMIND, RAISE_LISTING -> {
                    if (h.listingLevel() == null) {
                        return new IllegalTransitionException("HAZARD_NOT_LISTED", "该隐患未挂牌督办");
                    }
                    if (verb == HazardAction.RAISE_LISTING) {
                        return new IllegalTransitionException("HAZARD_LISTING_AT_TOP", "该隐患已" + h.listingLevel().label() + "，不能再提级");
                    }
                    if (verb == HazardAction.REMIND) {
                        return new IllegalTransitionException("HAZARD_NOT_COUNTY_LISTED", "督办提醒用于县级挂牌督办的隐患");
                    }
                }
                case DISMISS_DUPLICATE -> {
                    return new IllegalTransitionException("HAZARD_NOT_FLAGGED_DUPLICATE", "该隐患没有疑似重复标记");
                }
                case REGRADE -> {
                    if (h.listingLevel() != null) {
                        return new IllegalTransitionException("HAZARD_LISTED", "该隐患已" + h.listingLevel().label() + "，须先摘牌再调整等级");
                    }
                }
                default -> {
                }
            }
        }
        if (verb == HazardAction.CLOSE_ACCOUNTABILITY) {
            return new IllegalTransitionException("HAZARD_NO_OPEN_ACCOUNTABILITY", "该隐患没有待办结的责任倒查");
        }
        return new IllegalTransitionException(h.status(), verb);
    }
}
