package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static cn.zhiben.hazards.HazardStatus.*;
import static cn.zhiben.hazards.internal.Cond.*;

/**
 * Who may do what to a hazard now: the one source the aggregate's verbs, the forms a page offers and the inbox all ask
 * ({@link #may}, {@link #require}, {@link #who}/{@link #state} as SQL). Each verb has a state condition (the states it
 * moves from) and an authority condition (who, judged on the hazard's level, field and listing). The caller must also
 * see the hazard at all: data scope is applied by the queries (404). Sources: docs/hazard-rules.md.
 *
 * @param maxExtensions              extensions a hazard may get (our inference; issue 8 default 2)
 * @param acknowledgeDays            days an enterprise has to acknowledge a major hazard found by others (our inference, default 3)
 * @param confirmDepartmentDays      days for the first level of 两级确认 (our inference)
 * @param confirmPrincipalDays       days for the second level (our inference)
 * @param planDays                   days from being reported to a filed rectification plan (our inference)
 * @param reviewDays                 days for the on-site review of a sign-off request (令第16号 第二十三条 [P]: 10 days)
 * @param coalResumptionDays         days for the acceptance of a coal mine's resumption (煤矿安全生产条例 第四十八条: 20 days)
 * @param delistingConfirmDays       days the listing body has to confirm 摘牌 after the department's sign-off (our inference)
 */
public record HazardPolicy(int maxExtensions, int acknowledgeDays, int confirmDepartmentDays, int confirmPrincipalDays,
                           int planDays, int reviewDays, int coalResumptionDays, int delistingConfirmDays) {

    /** The defaults of zhiben.hazards.* (for tests and the pure aggregate). */
    public static HazardPolicy defaults() {
        return new HazardPolicy(2, 3, 2, 2, 10, 10, 20, 5);
    }

    /** States a major hazard may be listed in: reported or waiting for acknowledgement — listing never waits for it. */
    static final Set<HazardStatus> LISTABLE = EnumSet.of(PENDING_ACKNOWLEDGEMENT, REPORTED, RECTIFYING, COMPLETED,
            EVALUATED, SIGN_OFF_REQUESTED);
    static final Set<HazardStatus> UNCONFIRMED = EnumSet.of(PENDING_DEPARTMENT_CONFIRMATION,
            PENDING_PRINCIPAL_CONFIRMATION, PENDING_ACKNOWLEDGEMENT);

    // ---- the state each verb moves from ----

    /** The hazard's own condition for a verb: the states (and sub-states) it may be taken in. */
    public Cond state(HazardAction verb) {
        return switch (verb) {
            case CONFIRM_DEPARTMENT -> status(PENDING_DEPARTMENT_CONFIRMATION);
            case CONFIRM_PRINCIPAL, RETURN_FOR_CORRECTION -> status(PENDING_PRINCIPAL_CONFIRMATION);
            case WITHDRAW -> status(UNCONFIRMED);
            case ACKNOWLEDGE -> status(PENDING_ACKNOWLEDGEMENT);
            case FILE_PLAN -> status(REPORTED);
            case REPORT_PROGRESS -> status(RECTIFYING);
            case REQUEST_EXTENSION -> and(status(RECTIFYING), not(extensionPending()), deadlineSet(), extensionsBelow(maxExtensions));
            case APPROVE_EXTENSION, REFUSE_EXTENSION -> and(status(RECTIFYING), extensionPending());
            case COMPLETE -> and(status(RECTIFYING), grade(Grade.MAJOR));
            case CLOSE -> and(status(RECTIFYING), grade(Grade.GENERAL));
            case EVALUATE -> status(COMPLETED);
            case REQUEST_SIGN_OFF -> status(EVALUATED);
            case SIGN_OFF, REJECT_SIGN_OFF -> status(SIGN_OFF_REQUESTED);
            case CONFIRM_DELISTING, REFUSE_DELISTING -> status(SIGNED_OFF_PENDING_DELISTING);
            case LIST -> and(grade(Grade.MAJOR), status(LISTABLE), unlisted());
            case RAISE_LISTING -> and(status(LISTABLE), listingIn(EnumSet.of(ListingLevel.COUNTY, ListingLevel.CITY), false));
            case REMIND -> and(status(LISTABLE), listingIn(EnumSet.of(ListingLevel.COUNTY), false));
            case DELIST -> and(status(LISTABLE), listed());
            case REOPEN -> and(status(CLOSED), grade(Grade.GENERAL));
            case MERGE -> open();
            case DISMISS_DUPLICATE -> and(open(), flaggedDuplicate());
            case REGRADE -> and(status(PENDING_ACKNOWLEDGEMENT, REPORTED, RECTIFYING), unlisted());
            case CLOSE_ACCOUNTABILITY -> accountabilityOpen();
            case ATTACH -> not(status(MERGED, WITHDRAWN));
            default -> FALSE; // creation, system steps and evidence from other modules are not offered
        };
    }

    // ---- who ----

    /** One part of a verb's authority, with the refusal a caller who fails it gets. */
    record Part(Cond cond, String code, String message) {
    }

    /** The caller's authority for a verb, as the parts that must all hold (the first failing one is the refusal). */
    List<Part> parts(HazardAction verb, Caller c) {
        Role r = c.role();
        ListingLevel level = c.level().orElse(null);
        return switch (verb) {
            // 两级确认 (晋市安委发〔2024〕6号 item 6): the safety management department, then the principal
            case CONFIRM_DEPARTMENT -> List.of(part(enterpriseSafetyStaff(r, c.position()),
                    "安全管理部门确认须由企业安全管理人员账号完成"));
            case CONFIRM_PRINCIPAL, RETURN_FOR_CORRECTION -> List.of(part(enterprisePrincipal(r, c.position()),
                    "须由企业主要负责人账号确认"));
            // a report not yet confirmed is withdrawn by whoever made it (issue 8)
            case WITHDRAW -> List.of(new Part(reportedBy(c.userId()), "HAZARD_ACTION_FORBIDDEN", "只有报告人本人可以撤回"));
            // the enterprise rectifies its own hazard (令第16号 第十五条 治理方案, 第十八条 评估 [P])
            case ACKNOWLEDGE, FILE_PLAN, REPORT_PROGRESS, REQUEST_EXTENSION, COMPLETE, CLOSE, EVALUATE, REQUEST_SIGN_OFF ->
                    List.of(part(r == Role.ENTERPRISE, "只有企业账号可以执行此操作"));
            // 审核把关销号 (plan item 24): the category-1 department leading the hazard's field, at the hazard's level
            case SIGN_OFF, REJECT_SIGN_OFF -> List.of(
                    part(c.supervisoryDepartment(), "现场审核销号须由负有安全生产监督管理职责的部门进行"),
                    new Part(primaryFieldIn(c.signOffFields()), "HAZARD_ACTION_FORBIDDEN",
                            "现场审核销号须由牵头监管该隐患所属领域的部门进行"),
                    new Part(reviewLevel(level), "HAZARD_LISTING_LEVEL_REQUIRED", "须由与隐患挂牌级别相同的部门审核（未挂牌、县级挂牌由县级，市级、省级挂牌由市级）"));
            // the listing body confirms 摘牌 after the department's sign-off
            case CONFIRM_DELISTING, REFUSE_DELISTING, DELIST -> List.of(
                    part(c.office(), "摘牌须由挂牌的安委办确认"),
                    new Part(officeLevel(r), "HAZARD_LISTING_LEVEL_REQUIRED", "须由挂牌的同级安委办摘牌"));
            // extension of a listed hazard: only the listing level (issue 8); its office or lead department (本平台推定)
            case APPROVE_EXTENSION, REFUSE_EXTENSION -> List.of(new Part(or(
                    c.office() ? officeLevel(r) : FALSE,
                    c.supervisoryDepartment() ? and(primaryFieldIn(c.signOffFields()), departmentLevel(level)) : FALSE),
                    "HAZARD_LISTING_LEVEL_REQUIRED", "延期须由隐患挂牌级别的安委办或牵头监管部门审批（未挂牌的由县级）"));
            // 挂牌督办 (方案第24项、第32项)
            case LIST -> List.of(part(c.office(), "挂牌督办须由市或县（市、区）安委办操作"));
            // 提级督办、督办提醒 (issue 10 item 14)
            case RAISE_LISTING, REMIND -> List.of(part(r == Role.CITY_OFFICE, "提级督办和督办提醒由市安委办操作"));
            // spot checks of closed general hazards (本平台推定)
            case REOPEN -> List.of(new Part(or(c.office() || r == Role.TOWNSHIP ? TRUE : FALSE,
                    c.supervisoryDepartment() ? anyFieldIn(c.supervisedFields()) : FALSE),
                    "HAZARD_ACTION_FORBIDDEN", "须由监管部门、安委办或乡镇（街道）抽查"));
            // merging, clearing a duplicate flag, regrading: an official at or above the hazard's level (issue 9 item 2a)
            case MERGE, DISMISS_DUPLICATE, REGRADE -> List.of(
                    part(c.office() || c.supervisoryDepartment(), "须由安委办或负有安全生产监督管理职责的部门决定"),
                    new Part(c.supervisoryDepartment() ? anyFieldIn(c.supervisedFields()) : TRUE,
                            "HAZARD_ACTION_FORBIDDEN", "须由监管该隐患所属领域的部门决定"),
                    new Part(atOrAbove(c), "HAZARD_LISTING_LEVEL_REQUIRED", "须由不低于隐患挂牌级别的部门决定"));
            // 责任倒查 (plan item 23): the county and the supervising unit close it
            case CLOSE_ACCOUNTABILITY -> List.of(new Part(or(r == Role.COUNTY_OFFICE ? TRUE : FALSE,
                    c.supervisoryDepartment() ? anyFieldIn(c.supervisedFields()) : FALSE),
                    "HAZARD_ACTION_FORBIDDEN", "责任倒查由县级安委办或监管该领域的部门办结"));
            // evidence from whoever works on the hazard; an expert only within assigned enterprises, by scope (本平台推定)
            case ATTACH -> List.of(part(r == Role.ENTERPRISE || r == Role.TOWNSHIP || r == Role.EXPERT || c.level().isPresent(),
                    "当前账号不能上传附件"));
            default -> List.of(part(false, "当前账号不能执行此操作"));
        };
    }

    /**
     * The levels an office lists at (方案第24项、第32项; docs/hazard-rules.md): a county office at the county's, the city
     * office at the city's or, on the province's behalf, the province's; the first is the default. Empty for others.
     */
    public static List<ListingLevel> listingLevels(Role role) {
        return switch (role) {
            case CITY_OFFICE -> List.of(ListingLevel.CITY, ListingLevel.PROVINCE);
            case COUNTY_OFFICE -> List.of(ListingLevel.COUNTY);
            default -> List.of();
        };
    }

    // ---- an enterprise's two people: its safety staff take the first step, its principal the second ----

    /**
     * The first of an enterprise's two people: confirms a hazard first (两级确认, 晋市安委发〔2024〕6号 item 6) and prepares
     * the quarterly/annual hazard report (令第16号 Art. 14 [P]: the principal signs it). Not the principal, so one person
     * cannot take both steps.
     */
    public static boolean enterpriseSafetyStaff(Role role, CurrentUser.EnterprisePosition position) {
        return role == Role.ENTERPRISE && position != CurrentUser.EnterprisePosition.PRINCIPAL;
    }

    /** The second: the enterprise's principal (主要负责人) confirms a hazard as reported and signs the hazard report. */
    public static boolean enterprisePrincipal(Role role, CurrentUser.EnterprisePosition position) {
        return role == Role.ENTERPRISE && position == CurrentUser.EnterprisePosition.PRINCIPAL;
    }

    private static Part part(boolean allowed, String message) {
        return new Part(allowed ? TRUE : FALSE, "HAZARD_ACTION_FORBIDDEN", message);
    }

    /** Reviewed at the caller's level: county reviews the unlisted and county-listed, city the city- and province-listed. */
    private static Cond reviewLevel(ListingLevel callerLevel) {
        if (callerLevel == ListingLevel.CITY) {
            return listingIn(EnumSet.of(ListingLevel.CITY, ListingLevel.PROVINCE), false);
        }
        if (callerLevel == ListingLevel.COUNTY) {
            return listingIn(EnumSet.of(ListingLevel.COUNTY), true);
        }
        return FALSE;
    }

    /** A department decides at its own listing level only (a province listing is decided by the city office). */
    private static Cond departmentLevel(ListingLevel callerLevel) {
        if (callerLevel == ListingLevel.CITY) {
            return listingIn(EnumSet.of(ListingLevel.CITY), false);
        }
        if (callerLevel == ListingLevel.COUNTY) {
            return listingIn(EnumSet.of(ListingLevel.COUNTY), true);
        }
        return FALSE;
    }

    /** The office of the listing level: the city office for city and province listings, the county office otherwise. */
    private static Cond officeLevel(Role role) {
        return switch (role) {
            case CITY_OFFICE -> listingIn(EnumSet.of(ListingLevel.CITY, ListingLevel.PROVINCE), false);
            case COUNTY_OFFICE -> listingIn(EnumSet.of(ListingLevel.COUNTY), true);
            default -> FALSE;
        };
    }

    /** At or above the hazard's level: county for the unlisted and county-listed, a city department up to city, the city office all. */
    private static Cond atOrAbove(Caller c) {
        if (c.role() == Role.CITY_OFFICE) {
            return TRUE;
        }
        ListingLevel level = c.level().orElse(null);
        if (level == ListingLevel.CITY) {
            return listingIn(EnumSet.of(ListingLevel.COUNTY, ListingLevel.CITY), true);
        }
        if (level == ListingLevel.COUNTY) {
            return listingIn(EnumSet.of(ListingLevel.COUNTY), true);
        }
        return FALSE;
    }

    /** The caller's whole authority for a verb as one condition. */
    public Cond who(HazardAction verb, Caller c) {
        return and(parts(verb, c).stream().map(Part::cond).toArray(Cond[]::new));
    }

    /** Whether this caller may take this verb on this hazard now. */
    public boolean may(HazardAction verb, HazardFacts h, Caller c) {
        return state(verb).test(h) && who(verb, c).test(h);
    }

    /** 403 if the caller may not take the verb on this hazard at all. */
    public void requireAuthority(HazardAction verb, HazardFacts h, Caller c) {
        for (Part p : parts(verb, c)) {
            if (!p.cond().test(h)) {
                throw ProblemException.forbidden(p.code(), p.message());
            }
        }
    }

    /** 403 if the caller may not, 409 if the hazard's state does not allow the verb now. */
    public void require(HazardAction verb, HazardFacts h, Caller c) {
        requireAuthority(verb, h, c);
        if (!state(verb).test(h)) {
            throw IllegalTransitionException.of(h, verb, this);
        }
    }

    // ---- deadlines of the steps a hazard waits in ----

    /** The due date of the step a hazard enters on {@code today}, or null when the step has no deadline of its own here. */
    public LocalDate stepDue(HazardStatus status, LocalDate today) {
        return switch (status) {
            case PENDING_DEPARTMENT_CONFIRMATION -> today.plusDays(confirmDepartmentDays);
            case PENDING_PRINCIPAL_CONFIRMATION -> today.plusDays(confirmPrincipalDays);
            case PENDING_ACKNOWLEDGEMENT -> today.plusDays(acknowledgeDays);
            case REPORTED -> today.plusDays(planDays);
            case SIGNED_OFF_PENDING_DELISTING -> today.plusDays(delistingConfirmDays);
            default -> null;
        };
    }

    /** What the step's deadline is called on the timeline and in messages. */
    public static String stepLabel(HazardStatus status) {
        return switch (status) {
            case PENDING_DEPARTMENT_CONFIRMATION -> "安全管理部门确认";
            case PENDING_PRINCIPAL_CONFIRMATION -> "主要负责人确认";
            case PENDING_ACKNOWLEDGEMENT -> "企业签收";
            case REPORTED -> "制定整改方案";
            case SIGNED_OFF_PENDING_DELISTING -> "确认摘牌";
            default -> status.label();
        };
    }

    /** Review period of a sign-off request: a coal mine under shutdown asks for resumption acceptance (20 days). */
    public int reviewPeriod(String industryCode, cn.zhiben.hazards.Shutdown shutdown) {
        return resumptionAcceptance(industryCode, shutdown) ? coalResumptionDays : reviewDays;
    }

    /** 煤矿安全生产条例 第四十八条: a coal mine ordered to stop applies for resumption acceptance. */
    public static boolean resumptionAcceptance(String industryCode, cn.zhiben.hazards.Shutdown shutdown) {
        return industryCode != null && (industryCode.equals("mine.coal") || industryCode.startsWith("mine.coal."))
                && shutdown != null && shutdown != cn.zhiben.hazards.Shutdown.NONE;
    }
}
