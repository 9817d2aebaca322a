package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the rules of {@link HazardPolicy} read of a hazard: the aggregate itself and a list row both answer, so the verb,
 * the offered forms and the inbox ask the same questions of the same facts.
 */
public interface HazardFacts {

    HazardStatus status();

    Grade grade();

    ListingLevel listingLevel();

    boolean extensionPending();

    int extensionCount();

    UUID possibleDuplicateOf();

    UUID finderUserId();

    String industryCode();

    /** The field of the standard it was judged against when that differs from the enterprise's industry, or null. */
    String fieldCode();

    LocalDate deadline();

    /** Rectification past its deadline, escalated. */
    boolean overdue();

    /** The step it waits in (confirmation, acknowledgement, plan, 摘牌) past its deadline, escalated. */
    boolean stepOverdue();

    boolean reviewOverdue();

    /** OPEN, CLOSED or null: the 责任倒查 record. */
    String accountabilityStatus();

    /** The field whose lead department reviews it: the standard's field, else the enterprise's industry. */
    default String primaryField() {
        return fieldCode() != null ? fieldCode() : industryCode();
    }
}
