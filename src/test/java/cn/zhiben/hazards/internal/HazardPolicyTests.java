package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may sign off, decide an extension, evaluate and delist (issue 8), for every role and unit category at county and
 * city level, on an unlisted, a county-listed, a city-listed and a province-listed coal-mine hazard. The rules' sources
 * are in each row's last column and in docs/hazard-rules.md.
 */
class HazardPolicyTests {

    private static final HazardPolicy POLICY = HazardPolicy.defaults();

    /** A hazard's facts in a given state, listed or not: the coal field, the enterprise's own industry. */
    record Facts(HazardStatus status, Grade grade, ListingLevel listingLevel, boolean extensionPending, int extensionCount,
                 UUID possibleDuplicateOf, UUID finderUserId, String industryCode, String fieldCode, LocalDate deadline,
                 String accountabilityStatus, boolean overdue, boolean stepOverdue, boolean reviewOverdue) implements HazardFacts {
    }

    private static Facts coal(HazardStatus status, String listing) {
        return new Facts(status, Grade.MAJOR, "NONE".equals(listing) ? null : ListingLevel.valueOf(listing),
                status == HazardStatus.RECTIFYING, 0, null, UUID.randomUUID(), "mine.coal", null,
                LocalDate.of(2026, 12, 20), null, false, false, false);
    }

    /**
     * @param who       ENTERPRISE, PRINCIPAL, TOWNSHIP, EXPERT, CITY_OFFICE, COUNTY_OFFICE, or a unit: CITY/COUNTY + category
     *                  (1–4) + LEAD (leads the coal field) / SUP (co-operates on it) / NONE
     */
    private static Caller caller(String who) {
        String[] p = who.split("-");
        Set<String> coal = Set.of("mine", "mine.coal");
        return switch (p[0]) {
            case "ENTERPRISE" -> plain(Role.ENTERPRISE, CurrentUser.EnterprisePosition.SAFETY_MANAGER);
            case "PRINCIPAL" -> plain(Role.ENTERPRISE, CurrentUser.EnterprisePosition.PRINCIPAL);
            case "TOWNSHIP", "EXPERT", "CITY_OFFICE", "COUNTY_OFFICE", "SYS_ADMIN" -> plain(Role.valueOf(p[0]), null);
            default -> {
                Role role = p[0].equals("CITY") ? Role.MEMBER_UNIT : Role.COUNTY_UNIT;
                int category = Integer.parseInt(p[1]);
                Set<String> supervised = p[2].equals("NONE") ? Set.of() : coal;
                Set<String> signOff = p[2].equals("LEAD") ? Set.of("mine.coal") : Set.of();
                yield new Caller(UUID.randomUUID(), who, role, null, UUID.randomUUID(), category, supervised, signOff, POLICY);
            }
        };
    }

    private static Caller plain(Role role, CurrentUser.EnterprisePosition position) {
        return new Caller(UUID.randomUUID(), role.label(), role, position, null, 0, Set.of(), Set.of(), POLICY);
    }

    @ParameterizedTest(name = "{0} on a {1} hazard by {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # 审核销号: the category-1 department leading the field, at the hazard's level — 方案第24项
            SIGN_OFF | NONE     | COUNTY-1-LEAD  | true  | 县级牵头部门审核未挂牌隐患
            SIGN_OFF | COUNTY   | COUNTY-1-LEAD  | true  | 县级挂牌由县级审核
            SIGN_OFF | CITY     | COUNTY-1-LEAD  | false | 市级挂牌不由县级审核
            SIGN_OFF | PROVINCE | COUNTY-1-LEAD  | false | 省级挂牌不由县级审核
            SIGN_OFF | NONE     | CITY-1-LEAD    | false | 未挂牌隐患由县级审核
            SIGN_OFF | COUNTY   | CITY-1-LEAD    | false | 县级挂牌由县级审核
            SIGN_OFF | CITY     | CITY-1-LEAD    | true  | 市级挂牌由市级牵头部门审核
            SIGN_OFF | PROVINCE | CITY-1-LEAD    | true  | 省级挂牌在平台内由市级审核（本平台推定）
            SIGN_OFF | NONE     | COUNTY-1-SUP   | false | 配合部门不审核销号
            SIGN_OFF | CITY     | CITY-1-SUP     | false | 配合部门不审核销号
            SIGN_OFF | NONE     | COUNTY-2-LEAD  | false | 第二类（行业主管部门）不审核销号
            SIGN_OFF | CITY     | CITY-2-LEAD    | false | 第二类不审核销号
            SIGN_OFF | NONE     | COUNTY-3-SUP   | false | 第三类不审核销号
            SIGN_OFF | CITY     | CITY-3-SUP     | false | 第三类不审核销号
            SIGN_OFF | NONE     | COUNTY-4-NONE  | false | 第四类从不审核销号
            SIGN_OFF | CITY     | CITY-4-NONE    | false | 第四类从不审核销号
            SIGN_OFF | NONE     | COUNTY_OFFICE  | false | 安委办不代替部门审核（issue 8）
            SIGN_OFF | CITY     | CITY_OFFICE    | false | 安委办不代替部门审核
            SIGN_OFF | NONE     | ENTERPRISE     | false | 企业不销号
            SIGN_OFF | NONE     | PRINCIPAL      | false | 企业不销号
            SIGN_OFF | NONE     | TOWNSHIP       | false | 乡镇不销号
            SIGN_OFF | NONE     | EXPERT         | false | 专家不销号
            SIGN_OFF | NONE     | SYS_ADMIN      | false | 三员无业务权限
            # 延期: decided at the listing level (issue 8) — its office, or its lead department; unlisted by the county
            APPROVE_EXTENSION | NONE     | COUNTY-1-LEAD  | true  | 未挂牌由县级牵头部门审批
            APPROVE_EXTENSION | NONE     | COUNTY_OFFICE  | true  | 未挂牌由县级安委办审批
            APPROVE_EXTENSION | NONE     | CITY-1-LEAD    | false | 未挂牌不由市级审批
            APPROVE_EXTENSION | NONE     | CITY_OFFICE    | false | 未挂牌不由市级审批
            APPROVE_EXTENSION | COUNTY   | COUNTY-1-LEAD  | true  | 县级挂牌由县级审批
            APPROVE_EXTENSION | CITY     | COUNTY-1-LEAD  | false | 县级单位不能延长市级挂牌隐患（issue 8）
            APPROVE_EXTENSION | CITY     | COUNTY_OFFICE  | false | 县级不能延长市级挂牌隐患
            APPROVE_EXTENSION | CITY     | CITY-1-LEAD    | true  | 市级挂牌由市级牵头部门审批
            APPROVE_EXTENSION | CITY     | CITY_OFFICE    | true  | 市级挂牌由市安委办审批
            APPROVE_EXTENSION | PROVINCE | CITY-1-LEAD    | false | 省级挂牌由市安委办代为决定
            APPROVE_EXTENSION | PROVINCE | CITY_OFFICE    | true  | 省级挂牌由市安委办代为决定
            APPROVE_EXTENSION | NONE     | COUNTY-1-SUP   | false | 配合部门不审批
            APPROVE_EXTENSION | NONE     | COUNTY-2-LEAD  | false | 第二类不审批
            APPROVE_EXTENSION | NONE     | COUNTY-3-SUP   | false | 第三类不审批
            APPROVE_EXTENSION | CITY     | CITY-4-NONE    | false | 第四类不审批
            APPROVE_EXTENSION | NONE     | ENTERPRISE     | false | 企业不审批自己的延期
            APPROVE_EXTENSION | NONE     | TOWNSHIP       | false | 乡镇不审批
            APPROVE_EXTENSION | NONE     | EXPERT         | false | 专家不审批
            # 评估: the enterprise's own account records it (令第16号 第十八条); nobody else
            EVALUATE | NONE   | ENTERPRISE     | true  | 企业记录评估
            EVALUATE | CITY   | PRINCIPAL      | true  | 企业记录评估
            EVALUATE | NONE   | COUNTY-1-LEAD  | false | 部门不代企业评估
            EVALUATE | NONE   | CITY-1-LEAD    | false | 部门不代企业评估
            EVALUATE | NONE   | COUNTY_OFFICE  | false | 安委办不代企业评估
            EVALUATE | NONE   | CITY_OFFICE    | false | 安委办不代企业评估
            EVALUATE | NONE   | COUNTY-4-NONE  | false | 第四类不评估
            EVALUATE | NONE   | EXPERT         | false | 专家意见不等于企业评估记录
            EVALUATE | NONE   | TOWNSHIP       | false | 乡镇不评估
            # 摘牌 with a reason: the listing body (issue 8)
            DELIST | COUNTY   | COUNTY_OFFICE  | true  | 县级挂牌由县级安委办摘牌
            DELIST | COUNTY   | CITY_OFFICE    | false | 县级挂牌由县级安委办摘牌
            DELIST | CITY     | CITY_OFFICE    | true  | 市级挂牌由市安委办摘牌
            DELIST | CITY     | COUNTY_OFFICE  | false | 市级挂牌不由县级摘牌
            DELIST | PROVINCE | CITY_OFFICE    | true  | 省级挂牌由市安委办代为登记
            DELIST | COUNTY   | COUNTY-1-LEAD  | false | 部门不摘牌
            DELIST | CITY     | CITY-1-LEAD    | false | 部门不摘牌
            DELIST | CITY     | CITY-2-LEAD    | false | 第二类不摘牌
            DELIST | CITY     | CITY-3-SUP     | false | 第三类不摘牌
            DELIST | CITY     | CITY-4-NONE    | false | 第四类不摘牌
            DELIST | COUNTY   | ENTERPRISE     | false | 企业不摘牌
            DELIST | COUNTY   | TOWNSHIP       | false | 乡镇不摘牌
            DELIST | COUNTY   | EXPERT         | false | 专家不摘牌
            # 确认摘牌 after the sign-off: the listing body (issue 8, issue 10 item 3)
            CONFIRM_DELISTING | COUNTY   | COUNTY_OFFICE | true  | 县级挂牌由县级安委办确认
            CONFIRM_DELISTING | COUNTY   | COUNTY-1-LEAD | false | 部门销号后由挂牌机关确认
            CONFIRM_DELISTING | CITY     | CITY_OFFICE   | true  | 市级挂牌由市安委办确认
            CONFIRM_DELISTING | CITY     | COUNTY_OFFICE | false | 市级挂牌不由县级确认
            CONFIRM_DELISTING | PROVINCE | CITY_OFFICE   | true  | 省级挂牌由市安委办代为确认
            """, commentCharacter = '#')
    void whoMay(String verb, String listing, String who, boolean allowed, String because) {
        HazardAction action = HazardAction.valueOf(verb);
        HazardStatus state = switch (action) {
            case SIGN_OFF -> HazardStatus.SIGN_OFF_REQUESTED;
            case APPROVE_EXTENSION, DELIST -> HazardStatus.RECTIFYING;
            case EVALUATE -> HazardStatus.COMPLETED;
            case CONFIRM_DELISTING -> HazardStatus.SIGNED_OFF_PENDING_DELISTING;
            default -> throw new IllegalArgumentException(verb);
        };
        Facts h = coal(state, listing);
        assertThat(POLICY.may(action, h, caller(who))).as(because).isEqualTo(allowed);
    }

    /** A fire hazard in a coal mine is reviewed by the fire field's lead, not by the coal field's (issue 8). */
    @Test
    void aFireHazardInACoalMineIsSignedOffByTheFireDepartment() {
        Facts fire = new Facts(HazardStatus.SIGN_OFF_REQUESTED, Grade.MAJOR, null, false, 0, null, UUID.randomUUID(),
                "mine.coal", "fire", null, null, false, false, false);
        Caller countyFire = new Caller(UUID.randomUUID(), "县消防救援大队", Role.COUNTY_UNIT, null, UUID.randomUUID(), 1,
                Set.of("fire"), Set.of("fire"), POLICY);
        assertThat(POLICY.may(HazardAction.SIGN_OFF, fire, countyFire)).isTrue();
        assertThat(POLICY.may(HazardAction.SIGN_OFF, fire, caller("COUNTY-1-LEAD"))).isFalse();
    }

    /** The levels an office lists at, which the listing form offers and the verb accepts (方案第24项、第32项). */
    @ParameterizedTest(name = "{0} lists at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            CITY_OFFICE   | CITY,PROVINCE | 市安委办挂市级督办，或代省安委办登记省级挂牌
            COUNTY_OFFICE | COUNTY        | 县级安委办挂县级督办
            MEMBER_UNIT   | ''            | 部门不挂牌
            TOWNSHIP      | ''            | 乡镇不挂牌
            """)
    void officesListAtTheirLevel(Role role, String levels, String because) {
        assertThat(HazardPolicy.listingLevels(role)).as(because).containsExactlyElementsOf(levels.isEmpty() ? java.util.List.of()
                : java.util.Arrays.stream(levels.split(",")).map(ListingLevel::valueOf).toList());
    }

    /** The same two people of an enterprise confirm a hazard (两级确认) and prepare/sign its hazard report (令第16号 Art. 14). */
    @Test
    void theEnterprisesSafetyStaffTakeTheFirstStepAndItsPrincipalTheSecond() {
        assertThat(HazardPolicy.enterpriseSafetyStaff(Role.ENTERPRISE, CurrentUser.EnterprisePosition.SAFETY_MANAGER)).isTrue();
        assertThat(HazardPolicy.enterpriseSafetyStaff(Role.ENTERPRISE, CurrentUser.EnterprisePosition.PRINCIPAL)).isFalse();
        assertThat(HazardPolicy.enterprisePrincipal(Role.ENTERPRISE, CurrentUser.EnterprisePosition.PRINCIPAL)).isTrue();
        assertThat(HazardPolicy.enterprisePrincipal(Role.ENTERPRISE, CurrentUser.EnterprisePosition.SAFETY_MANAGER)).isFalse();
        assertThat(HazardPolicy.enterprisePrincipal(Role.TOWNSHIP, CurrentUser.EnterprisePosition.PRINCIPAL)).isFalse();
        assertThat(HazardPolicy.enterpriseSafetyStaff(Role.TOWNSHIP, null)).isFalse();
    }
}
