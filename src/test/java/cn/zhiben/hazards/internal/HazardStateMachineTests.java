package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardEvents;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HazardStateMachineTests {

    private static final Instant AT = Instant.parse("2026-03-01T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final HazardPolicy POLICY = HazardPolicy.defaults();
    private final Caller enterprise = caller(Role.ENTERPRISE, 0, CurrentUser.EnterprisePosition.SAFETY_MANAGER);
    private final Caller principal = caller(Role.ENTERPRISE, 0, CurrentUser.EnterprisePosition.PRINCIPAL);
    /** 泽州县能源局: leads the coal field at county level. */
    private final Caller countyLead = new Caller(UUID.randomUUID(), "县能源局", Role.COUNTY_UNIT, null, UUID.randomUUID(), 1,
            Set.of("mine", "mine.coal"), Set.of("mine.coal"), POLICY);
    /** 市能源局: the same at city level. */
    private final Caller cityLead = new Caller(UUID.randomUUID(), "市能源局", Role.MEMBER_UNIT, null, UUID.randomUUID(), 1,
            Set.of("mine", "mine.coal"), Set.of("mine.coal"), POLICY);
    private final Caller countyOffice = caller(Role.COUNTY_OFFICE, 0, null);
    private final Caller cityOffice = caller(Role.CITY_OFFICE, 0, null);

    private static Caller caller(Role role, int category, CurrentUser.EnterprisePosition position) {
        return new Caller(UUID.randomUUID(), role.label(), role, position, null, category, Set.of(), Set.of(), POLICY);
    }

    private Hazard major(Channel channel) {
        Hazard.Facts f = new Hazard.Facts(UUID.randomUUID(), "140525100", null, "mine.coal", channel, Grade.MAJOR,
                UUID.randomUUID(), "主要通风机无备用", "中央风井", LocalDate.of(2026, 2, 27), "张工", Shutdown.PARTIAL, false);
        return channel == Channel.SELF_INSPECTION
                ? Hazard.selfReported(UUID.randomUUID(), "140525-2026-000001", f, enterprise, AT, false, null)
                : Hazard.registered(UUID.randomUUID(), "140525-2026-000001", f, countyLead, AT, null);
    }

    /** A major self-reported hazard walked to the given status along the legal path. */
    private Hazard majorAt(HazardStatus target) {
        Hazard h = major(Channel.SELF_INSPECTION);
        if (target == HazardStatus.PENDING_DEPARTMENT_CONFIRMATION) {
            return h;
        }
        h.confirmByDepartment(enterprise, AT);
        if (target == HazardStatus.PENDING_PRINCIPAL_CONFIRMATION) {
            return h;
        }
        h.confirmByPrincipal(principal, AT);
        if (target == HazardStatus.REPORTED) {
            return h;
        }
        h.filePlan(enterprise, AT, TODAY.plusDays(30), TODAY);
        if (target == HazardStatus.RECTIFYING) {
            return h;
        }
        h.complete(enterprise, AT, "已增设备用主要通风机");
        if (target == HazardStatus.COMPLETED) {
            return h;
        }
        h.evaluate(enterprise, AT, new HazardDetails.EvaluationInput("SELF", null, "经评估整改到位", TODAY));
        if (target == HazardStatus.EVALUATED) {
            return h;
        }
        h.requestSignOff(enterprise, AT);
        if (target == HazardStatus.SIGN_OFF_REQUESTED) {
            return h;
        }
        h.signOff(countyLead, AT, "现场核查合格");
        return h;
    }

    @Test
    void majorSelfReportedHazardWalksTheWholeLoop() {
        Hazard h = majorAt(HazardStatus.SIGNED_OFF);
        assertThat(h.status()).isEqualTo(HazardStatus.SIGNED_OFF);
        assertThat(h.newTransitions()).extracting(Transition::action).containsExactly(
                HazardAction.REPORT, HazardAction.CONFIRM_DEPARTMENT, HazardAction.CONFIRM_PRINCIPAL, HazardAction.FILE_PLAN,
                HazardAction.COMPLETE, HazardAction.EVALUATE, HazardAction.REQUEST_SIGN_OFF, HazardAction.SIGN_OFF);
        assertThat(h.pendingEvents()).hasAtLeastOneElementOfType(HazardEvents.HazardReported.class)
                .hasAtLeastOneElementOfType(HazardEvents.RectificationPlanFiled.class)
                .hasAtLeastOneElementOfType(HazardEvents.HazardSignedOff.class);
    }

    @Test
    void majorHazardCountsAsReportedOnlyAfterThePrincipalConfirms() {
        Hazard h = majorAt(HazardStatus.PENDING_PRINCIPAL_CONFIRMATION);
        assertThat(h.status().reported()).isFalse();
        assertThat(h.pendingEvents()).noneMatch(e -> e instanceof HazardEvents.HazardReported);
        h.confirmByPrincipal(principal, AT);
        assertThat(h.status().reported()).isTrue();
        assertThat(h.pendingEvents()).anyMatch(e -> e instanceof HazardEvents.HazardReported);
    }

    @Test
    void supervisionFoundHazardWaitsForTheEnterpriseToAcknowledge() {
        Hazard h = major(Channel.SUPERVISION);
        assertThat(h.status()).isEqualTo(HazardStatus.PENDING_ACKNOWLEDGEMENT);
        assertThat(h.stepDueOn()).as("acknowledgement deadline").isEqualTo(TODAY.plusDays(POLICY.acknowledgeDays()));
        assertThatThrownBy(() -> h.confirmByDepartment(enterprise, AT)).isInstanceOf(IllegalTransitionException.class);
        h.acknowledge(enterprise, AT);
        assertThat(h.status()).isEqualTo(HazardStatus.REPORTED);
        assertThat(h.stepDueOn()).as("plan deadline").isEqualTo(TODAY.plusDays(POLICY.planDays()));
    }

    /** Every verb tried in every state where it is not allowed answers an illegal transition, and changes nothing. */
    @ParameterizedTest
    @EnumSource(value = HazardStatus.class, names = {"CLOSED", "MERGED", "WITHDRAWN", "SIGNED_OFF_PENDING_DELISTING"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyVerbOutsideItsStateIsRefused(HazardStatus state) {
        Map<HazardStatus, Consumer<Hazard>> legal = Map.of(
                HazardStatus.PENDING_DEPARTMENT_CONFIRMATION, h -> h.confirmByDepartment(enterprise, AT),
                HazardStatus.PENDING_PRINCIPAL_CONFIRMATION, h -> h.confirmByPrincipal(principal, AT),
                HazardStatus.PENDING_ACKNOWLEDGEMENT, h -> h.acknowledge(enterprise, AT),
                HazardStatus.REPORTED, h -> h.filePlan(enterprise, AT, TODAY.plusDays(5), TODAY),
                HazardStatus.RECTIFYING, h -> h.complete(enterprise, AT, "完成"),
                HazardStatus.COMPLETED, h -> h.evaluate(enterprise, AT, new HazardDetails.EvaluationInput("SELF", null, "合格", TODAY)),
                HazardStatus.EVALUATED, h -> h.requestSignOff(enterprise, AT),
                HazardStatus.SIGN_OFF_REQUESTED, h -> h.signOff(countyLead, AT, "合格"));
        for (var verb : legal.entrySet()) {
            if (verb.getKey() == state) {
                continue;
            }
            Hazard h = state == HazardStatus.PENDING_ACKNOWLEDGEMENT ? major(Channel.SUPERVISION) : majorAt(state);
            int steps = h.newTransitions().size();
            assertThatThrownBy(() -> verb.getValue().accept(h))
                    .as("%s in %s", verb.getKey(), state)
                    .isInstanceOf(IllegalTransitionException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_ILLEGAL_TRANSITION"));
            assertThat(h.status()).isEqualTo(state);
            assertThat(h.newTransitions()).hasSize(steps);
        }
    }

    @Test
    void extensionMovesTheDeadlineOnlyWhenApprovedAndIsLimited() {
        Hazard h = majorAt(HazardStatus.RECTIFYING);
        LocalDate original = h.deadline();
        h.requestExtension(enterprise, AT, original.plusDays(20), "设备到货延迟");
        assertThat(h.extensionPending()).isTrue();
        assertThatThrownBy(() -> h.requestExtension(enterprise, AT, original.plusDays(30), "再次申请"))
                .isInstanceOf(IllegalTransitionException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_EXTENSION_PENDING"));
        h.decideExtension(countyLead, AT, false, original.plusDays(20), "理由不充分", TODAY);
        assertThat(h.deadline()).isEqualTo(original);
        h.requestExtension(enterprise, AT, original.plusDays(20), "补充说明：供货合同见附件");
        h.decideExtension(countyLead, AT, true, original.plusDays(20), "同意", TODAY);
        assertThat(h.deadline()).isEqualTo(original.plusDays(20));
        h.requestExtension(enterprise, AT, original.plusDays(30), "安装调试");
        h.decideExtension(countyLead, AT, true, original.plusDays(30), "同意", TODAY);
        assertThat(h.extensionCount()).isEqualTo(2);
        // issue 8: limited (default 2) — a refused one does not count
        assertThatThrownBy(() -> h.requestExtension(enterprise, AT, original.plusDays(40), "第三次"))
                .isInstanceOf(IllegalTransitionException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_EXTENSION_LIMIT"));
    }

    @Test
    void anApprovedExtensionOfAListedHazardMovesTheListingDeadlineAndIsDecidedAtTheListingLevel() {
        Hazard h = majorAt(HazardStatus.REPORTED);
        h.list(cityOffice, AT, ListingLevel.CITY, "晋安办督〔2026〕3号", null, TODAY.plusDays(30), false);
        h.filePlan(enterprise, AT, TODAY.plusDays(30), TODAY);
        h.requestExtension(enterprise, AT, TODAY.plusDays(50), "停产检修窗口");
        // a county unit cannot extend a city-listed hazard (issue 8)
        assertThatThrownBy(() -> h.decideExtension(countyLead, AT, true, TODAY.plusDays(50), "同意", TODAY))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_LISTING_LEVEL_REQUIRED"));
        h.decideExtension(cityLead, AT, true, TODAY.plusDays(50), "同意", TODAY);
        assertThat(h.deadline()).isEqualTo(TODAY.plusDays(50));
        assertThat(h.listingDeadline()).isEqualTo(TODAY.plusDays(50));
    }

    @Test
    void extensionMustMoveTheDeadlineLater() {
        Hazard h = majorAt(HazardStatus.RECTIFYING);
        assertThatThrownBy(() -> h.requestExtension(enterprise, AT, h.deadline(), "同一天"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_EXTENSION_DATE_INVALID"));
    }

    @Test
    void overdueStartsTheDayAfterTheDeadline() {
        Hazard h = majorAt(HazardStatus.RECTIFYING);
        LocalDate deadline = h.deadline();
        assertThat(h.markOverdue(AT, deadline)).isFalse();
        assertThat(h.markOverdue(AT, deadline.plusDays(1))).isTrue();
        assertThat(h.overdue()).isTrue();
        assertThat(h.markOverdue(AT, deadline.plusDays(2))).as("idempotent").isFalse();
        assertThat(h.pendingEvents()).filteredOn(e -> e instanceof HazardEvents.HazardOverdue).hasSize(1);
    }

    @Test
    void anUnreviewedSignOffRequestIsEscalatedOnceTheDayAfterItsReviewPeriod() {
        Hazard h = major(Channel.SELF_INSPECTION);
        Hazard.Facts f = new Hazard.Facts(UUID.randomUUID(), "140525100", null, "indtrade.building", Channel.SELF_INSPECTION,
                Grade.MAJOR, UUID.randomUUID(), "x", "y", TODAY, "z", Shutdown.NONE, false);
        Caller building = new Caller(UUID.randomUUID(), "县应急局", Role.COUNTY_UNIT, null, UUID.randomUUID(), 1,
                Set.of("indtrade", "indtrade.building"), Set.of("indtrade.building"), POLICY);
        h = Hazard.selfReported(UUID.randomUUID(), "n", f, enterprise, AT, false, null);
        h.confirmByDepartment(enterprise, AT);
        h.confirmByPrincipal(principal, AT);
        h.filePlan(enterprise, AT, TODAY.plusDays(30), TODAY);
        h.complete(enterprise, AT, "完成");
        h.evaluate(enterprise, AT, new HazardDetails.EvaluationInput("SELF", null, "评估合格", TODAY));
        assertThat(h.markReviewOverdue(AT, TODAY.plusDays(30))).as("not awaiting review").isFalse();
        h.requestSignOff(enterprise, AT);
        LocalDate due = TODAY.plusDays(POLICY.reviewDays());
        assertThat(h.reviewDueOn()).isEqualTo(due);
        assertThat(h.markReviewOverdue(AT, due)).as("the due day itself is in time").isFalse();
        assertThat(h.markReviewOverdue(AT, due.plusDays(1))).isTrue();
        assertThat(h.reviewOverdue()).isTrue();
        assertThat(h.status()).isEqualTo(HazardStatus.SIGN_OFF_REQUESTED);
        assertThat(h.markReviewOverdue(AT, due.plusDays(2))).as("idempotent").isFalse();
        assertThat(h.pendingEvents()).filteredOn(e -> e instanceof HazardEvents.HazardReviewOverdue).hasSize(1);
        assertThat(h.newTransitions()).last().extracting(Transition::action).isEqualTo(HazardAction.MARK_REVIEW_OVERDUE);
        h.rejectSignOff(building, AT, "现场复核不合格", null, TODAY);
        assertThat(h.reviewOverdue()).isFalse();
    }

    @Test
    void aCoalMineUnderShutdownHasTwentyDaysForItsResumptionAcceptance() {
        // 煤矿安全生产条例 第四十八条
        Hazard h = majorAt(HazardStatus.SIGN_OFF_REQUESTED);
        assertThat(h.reviewDueOn()).isEqualTo(TODAY.plusDays(20));
        assertThat(h.newTransitions()).last().extracting(Transition::reason).asString().contains("复产验收");
        assertThat(h.markReviewOverdue(AT, TODAY.plusDays(21))).isTrue();
        assertThat(h.newTransitions()).last().extracting(Transition::reason).asString().startsWith("复产验收期限");
    }

    @Test
    void anUnacknowledgedMajorHazardIsEscalatedAndProceedsAsAcknowledged() {
        Hazard h = major(Channel.SUPERVISION);
        LocalDate due = h.stepDueOn();
        assertThat(h.markStepOverdue(POLICY, AT, due)).isFalse();
        assertThat(h.markStepOverdue(POLICY, AT, due.plusDays(1))).isTrue();
        assertThat(h.status()).isEqualTo(HazardStatus.REPORTED);
        assertThat(h.newTransitions()).extracting(Transition::action)
                .endsWith(HazardAction.MARK_STEP_OVERDUE, HazardAction.ACKNOWLEDGED_BY_DEFAULT);
        assertThat(h.pendingEvents()).hasAtLeastOneElementOfType(HazardEvents.HazardStepOverdue.class)
                .hasAtLeastOneElementOfType(HazardEvents.HazardReported.class);
        assertThat(h.stepDueOn()).as("the plan's deadline runs").isEqualTo(due.plusDays(1).plusDays(POLICY.planDays()));
        assertThat(h.markStepOverdue(POLICY, AT, due.plusDays(2))).as("once").isFalse();
    }

    @Test
    void aListedHazardIsSignedOffByTheDepartmentThenTheListingBodyConfirmsTheDelisting() {
        Hazard h = majorAt(HazardStatus.REPORTED);
        h.list(countyOffice, AT, ListingLevel.COUNTY, "泽安办督〔2026〕3号", null, TODAY.plusDays(60), true);
        h.filePlan(enterprise, AT, TODAY.plusDays(40), TODAY);
        h.complete(enterprise, AT, "完成");
        h.evaluate(enterprise, AT, new HazardDetails.EvaluationInput("SELF", null, "合格", TODAY, null, "技术科 王某；专家 李某"));
        h.requestSignOff(enterprise, AT);
        assertThatThrownBy(() -> h.signOff(cityLead, AT, "市级审核"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_LISTING_LEVEL_REQUIRED"));
        h.signOff(countyLead, AT, "县级现场审核合格");
        assertThat(h.status()).isEqualTo(HazardStatus.SIGNED_OFF_PENDING_DELISTING);
        assertThat(h.listingLevel()).as("still listed until the listing body confirms").isEqualTo(ListingLevel.COUNTY);
        assertThatThrownBy(() -> h.confirmDelisting(cityOffice, AT, null)).isInstanceOf(ProblemException.class);
        h.confirmDelisting(countyOffice, AT, "督办结束");
        assertThat(h.status()).isEqualTo(HazardStatus.SIGNED_OFF);
        assertThat(h.listingLevel()).isNull();
        assertThat(h.listingEndedLevel()).isEqualTo(ListingLevel.COUNTY);
        assertThat(h.pendingEvents()).hasAtLeastOneElementOfType(HazardEvents.HazardDelisted.class)
                .filteredOn(e -> e instanceof HazardEvents.HazardSignedOff).hasSize(1);
    }

    @Test
    void aListedHazardUnderShutdownIsEvaluatedByAQualifiedThirdPartyUnlessTheListingBodyFoundTheEnterpriseAble() {
        // 令第16号 第十八条
        Hazard h = majorAt(HazardStatus.REPORTED);
        h.list(countyOffice, AT, ListingLevel.COUNTY, "泽安办督〔2026〕4号", null, TODAY.plusDays(60), false);
        h.filePlan(enterprise, AT, TODAY.plusDays(40), TODAY);
        h.complete(enterprise, AT, "完成");
        assertThat(h.thirdPartyEvaluationRequired()).isTrue();
        assertThatThrownBy(() -> h.evaluate(enterprise, AT, new HazardDetails.EvaluationInput("SELF", null, "合格", TODAY, null, "技术科")))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_THIRD_PARTY_EVALUATION_REQUIRED"));
        assertThatThrownBy(() -> h.evaluate(enterprise, AT, new HazardDetails.EvaluationInput("THIRD_PARTY", "某评价公司", "合格", TODAY, null, null)))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_EVALUATION_ORGANISATION_REQUIRED"));
        h.evaluate(enterprise, AT, new HazardDetails.EvaluationInput("THIRD_PARTY", "某评价公司", "合格", TODAY, "APJ-（晋）-001", null));
        assertThat(h.status()).isEqualTo(HazardStatus.EVALUATED);
    }

    @Test
    void listingNeedsADocumentNumberAndCannotBeRepeatedButTheCityRaisesIt() {
        Hazard h = majorAt(HazardStatus.RECTIFYING);
        assertThatThrownBy(() -> h.list(countyOffice, AT, ListingLevel.COUNTY, " ", null, TODAY.plusDays(5), false))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> h.list(countyOffice, AT, ListingLevel.CITY, "泽安办督〔2026〕1号", null, TODAY.plusDays(5), false))
                .as("a county office lists at county level").isInstanceOf(ProblemException.class);
        h.list(countyOffice, AT, ListingLevel.COUNTY, "泽安办督〔2026〕1号", null, TODAY.plusDays(5), false);
        assertThat(h.deadline()).as("listing deadline tightens the deadline").isEqualTo(TODAY.plusDays(5));
        assertThatThrownBy(() -> h.list(cityOffice, AT, ListingLevel.CITY, "晋安办督〔2026〕9号", null, TODAY.plusDays(5), false))
                .isInstanceOf(IllegalTransitionException.class);
        // 提级督办 (issue 10 item 14), and 督办提醒 to the county first
        assertThatThrownBy(() -> h.raiseListing(countyOffice, AT, ListingLevel.CITY, "x", null, TODAY.plusDays(5), false))
                .isInstanceOf(ProblemException.class);
        h.remind(cityOffice, AT, "请加快整改进度，每周报告");
        h.raiseListing(cityOffice, AT, ListingLevel.CITY, "晋安办督〔2026〕9号", null, TODAY.plusDays(4), false);
        assertThat(h.listingLevel()).isEqualTo(ListingLevel.CITY);
        assertThat(h.deadline()).isEqualTo(TODAY.plusDays(4));
        assertThat(h.newTransitions()).extracting(Transition::action).endsWith(HazardAction.REMIND, HazardAction.RAISE_LISTING);
        assertThat(h.pendingEvents()).hasAtLeastOneElementOfType(HazardEvents.SupervisionReminded.class);
        h.raiseListing(cityOffice, AT, ListingLevel.PROVINCE, "晋政安办〔2026〕2号（省级）", null, TODAY.plusDays(4), false);
        assertThat(h.listingLevel()).isEqualTo(ListingLevel.PROVINCE);
    }

    @Test
    void listingNeverWaitsForTheAcknowledgement() {
        Hazard h = major(Channel.TIP_OFF);
        h.list(countyOffice, AT, ListingLevel.COUNTY, "泽安办督〔2026〕7号", null, TODAY.plusDays(30), false);
        assertThat(h.listingLevel()).isEqualTo(ListingLevel.COUNTY);
        assertThat(h.status()).isEqualTo(HazardStatus.PENDING_ACKNOWLEDGEMENT);
    }

    @Test
    void aReportNotYetConfirmedIsWithdrawnByItsReporterWithAReason() {
        Hazard h = majorAt(HazardStatus.PENDING_PRINCIPAL_CONFIRMATION);
        Caller colleague = caller(Role.ENTERPRISE, 0, CurrentUser.EnterprisePosition.SAFETY_MANAGER);
        assertThatThrownBy(() -> h.withdraw(colleague, AT, "误报")).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_ACTION_FORBIDDEN"));
        assertThatThrownBy(() -> h.withdraw(enterprise, AT, " ")).isInstanceOf(ProblemException.class);
        h.withdraw(enterprise, AT, "经复核为误报，现场已有备用风机");
        assertThat(h.status()).isEqualTo(HazardStatus.WITHDRAWN);
        assertThat(h.newTransitions()).last().satisfies(t -> {
            assertThat(t.action()).isEqualTo(HazardAction.WITHDRAW);
            assertThat(t.reason()).contains("误报");
        });
        Hazard confirmed = majorAt(HazardStatus.REPORTED);
        assertThatThrownBy(() -> confirmed.withdraw(enterprise, AT, "误报")).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void anOfficialRegradesWithAReasonOnTheTimeline() {
        Hazard h = majorAt(HazardStatus.RECTIFYING);
        assertThatThrownBy(() -> h.regrade(enterprise, AT, Grade.GENERAL, "x", null, false, null, TODAY.plusDays(5), TODAY))
                .isInstanceOf(ProblemException.class);
        h.regrade(countyLead, AT, Grade.GENERAL, "经复核不构成重大事故隐患", null, false, null, TODAY.plusDays(5), TODAY);
        assertThat(h.grade()).isEqualTo(Grade.GENERAL);
        assertThat(h.status()).isEqualTo(HazardStatus.RECTIFYING);
        UUID clause = UUID.randomUUID();
        h.regrade(countyLead, AT, Grade.MAJOR, "复查发现属重大事故隐患", clause, false, null, null, TODAY);
        assertThat(h.grade()).isEqualTo(Grade.MAJOR);
        assertThat(h.clauseId()).isEqualTo(clause);
        assertThat(h.status()).as("a major hazard needs a plan").isEqualTo(HazardStatus.REPORTED);
        assertThat(h.newTransitions()).filteredOn(t -> t.action() == HazardAction.REGRADE).hasSize(2)
                .allSatisfy(t -> assertThat(t.reason()).contains("→"));
    }

    @Test
    void generalHazardsAreFixedOnTheSpotOrClosedByTheEnterpriseAndCanBeReopened() {
        Hazard.Facts f = new Hazard.Facts(UUID.randomUUID(), "140525100", null, "indtrade.machinery", Channel.SELF_INSPECTION,
                Grade.GENERAL, null, "灭火器压力不足", "一号车间", TODAY, "李工", Shutdown.NONE, false);
        Hazard onSpot = Hazard.selfReported(UUID.randomUUID(), "n1", f, enterprise, AT, true, null);
        assertThat(onSpot.status()).isEqualTo(HazardStatus.CLOSED);
        Hazard later = Hazard.selfReported(UUID.randomUUID(), "n2", f, enterprise, AT, false, TODAY.plusDays(3));
        assertThat(later.status()).isEqualTo(HazardStatus.RECTIFYING);
        later.complete(enterprise, AT, "已更换");
        assertThat(later.status()).isEqualTo(HazardStatus.CLOSED);
        later.reopen(countyOffice, AT, "抽查发现仍未更换", TODAY.plusDays(2), TODAY);
        assertThat(later.status()).isEqualTo(HazardStatus.RECTIFYING);
    }

    @Test
    void majorHazardNeedsAClauseOrADetermination() {
        Hazard.Facts f = new Hazard.Facts(UUID.randomUUID(), "140525100", null, "mine.coal", Channel.SELF_INSPECTION,
                Grade.MAJOR, null, "x", "y", TODAY, "z", Shutdown.NONE, false);
        assertThatThrownBy(() -> Hazard.selfReported(UUID.randomUUID(), "n", f, enterprise, AT, false, null))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_CLAUSE_REQUIRED"));
        Hazard.Facts determined = new Hazard.Facts(UUID.randomUUID(), "140525100", null, "mine.coal", Channel.SELF_INSPECTION,
                Grade.MAJOR, null, "x", "y", TODAY, "z", Shutdown.NONE, false, "fire", true);
        Hazard h = Hazard.selfReported(UUID.randomUUID(), "n", determined, enterprise, AT, false, null);
        assertThat(h.determination()).isTrue();
        assertThat(h.fieldCode()).isEqualTo("fire");
        assertThat(h.primaryField()).isEqualTo("fire");
    }

    @Test
    void mergingNeedsARealDuplicateAndCarriesTheListingAndTheStricterDeadline() {
        Hazard a = majorAt(HazardStatus.RECTIFYING);
        Hazard.Facts f = new Hazard.Facts(a.enterpriseId(), "140525100", null, "mine.coal", Channel.SUPERVISION, Grade.MAJOR,
                a.clauseId(), "同一问题", "中央 风井", TODAY, "检查组", Shutdown.NONE, false);
        Hazard b = Hazard.registered(UUID.randomUUID(), "140525-2026-000002", f, countyLead, AT, null);
        b.list(countyOffice, AT, ListingLevel.COUNTY, "泽安办督〔2026〕5号", null, TODAY.plusDays(10), false);
        Hazard.Facts other = new Hazard.Facts(a.enterpriseId(), "140525100", null, "mine.coal", Channel.SUPERVISION,
                Grade.MAJOR, UUID.randomUUID(), "另一问题", "主井", TODAY, "检查组", Shutdown.NONE, false);
        Hazard c = Hazard.registered(UUID.randomUUID(), "140525-2026-000003", other, countyLead, AT, null);
        assertThatThrownBy(() -> c.mergeInto(a, countyLead, AT, "看起来一样"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_MERGE_NOT_DUPLICATE"));
        assertThatThrownBy(() -> b.mergeInto(a, countyLead, AT, " ")).isInstanceOf(ProblemException.class);
        b.mergeInto(a, countyLead, AT, "同一条款同一地点");
        assertThat(b.status()).isEqualTo(HazardStatus.MERGED);
        assertThat(a.status()).isEqualTo(HazardStatus.RECTIFYING);
        assertThat(a.listingLevel()).as("the listing carries over").isEqualTo(ListingLevel.COUNTY);
        assertThat(a.deadline()).as("the stricter deadline").isEqualTo(TODAY.plusDays(10));
        assertThat(a.newTransitions()).last().extracting(Transition::action).isEqualTo(HazardAction.MERGE);
        assertThatThrownBy(() -> b.attached(countyLead, AT, "x.pdf")).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aCityListedHazardIsNotMergedByTheCounty() {
        // issue 9 item 2a: decided at or above the listing level of both
        Hazard a = majorAt(HazardStatus.RECTIFYING);
        Hazard.Facts f = new Hazard.Facts(a.enterpriseId(), "140525100", null, "mine.coal", Channel.SUPERVISION, Grade.MAJOR,
                a.clauseId(), "同一问题", "中央风井", TODAY, "检查组", Shutdown.NONE, false);
        Hazard listed = Hazard.registered(UUID.randomUUID(), "140525-2026-000004", f, cityLead, AT, null);
        listed.list(cityOffice, AT, ListingLevel.CITY, "晋安办督〔2026〕8号", null, TODAY.plusDays(10), false);
        assertThatThrownBy(() -> listed.mergeInto(a, countyOffice, AT, "重复"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_LISTING_LEVEL_REQUIRED"));
        assertThatThrownBy(() -> a.mergeInto(listed, countyOffice, AT, "重复"))
                .as("nor the other way round").isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_LISTING_LEVEL_REQUIRED"));
        listed.mergeInto(a, cityOffice, AT, "重复登记");
        assertThat(a.listingLevel()).isEqualTo(ListingLevel.CITY);
    }

    @Test
    void aMajorHazardFoundByOthersAndMissedByTheEnterpriseOpensAnAccountabilityRecordClosedByTheCounty() {
        Hazard h = major(Channel.EXPERT);
        h.selfCheckMissed(AT, "自查未发现");
        assertThat(h.accountabilityStatus()).isEqualTo("OPEN");
        assertThat(h.pendingEvents()).hasAtLeastOneElementOfType(HazardEvents.AccountabilityOpened.class);
        assertThatThrownBy(() -> h.closeAccountability(enterprise, AT, "已追责")).isInstanceOf(ProblemException.class);
        h.closeAccountability(countyOffice, AT, "对矿长约谈，对安全科长罚款");
        assertThat(h.accountabilityStatus()).isEqualTo("CLOSED");
        assertThatThrownBy(() -> h.closeAccountability(countyOffice, AT, "再次")).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void stockMeansFoundOnOrBeforeTheEndOf2023() {
        Hazard.Facts old = new Hazard.Facts(UUID.randomUUID(), "140525100", null, "mine.coal", Channel.SUPERVISION, Grade.MAJOR,
                UUID.randomUUID(), "x", "y", LocalDate.of(2023, 12, 31), "z", Shutdown.NONE, false);
        assertThat(Hazard.registered(UUID.randomUUID(), "n", old, countyLead, AT, null).stock()).isTrue();
        Hazard.Facts newer = new Hazard.Facts(UUID.randomUUID(), "140525100", null, "mine.coal", Channel.SUPERVISION, Grade.MAJOR,
                UUID.randomUUID(), "x", "y", LocalDate.of(2024, 1, 1), "z", Shutdown.NONE, false);
        assertThat(Hazard.registered(UUID.randomUUID(), "n", newer, countyLead, AT, null).stock()).isFalse();
    }

    @Test
    void terminalStatesAreExactlyTheEndsOfTheLoop() {
        assertThat(EnumSet.allOf(HazardStatus.class).stream().filter(HazardStatus::terminal))
                .containsExactlyInAnyOrder(HazardStatus.SIGNED_OFF, HazardStatus.CLOSED, HazardStatus.MERGED,
                        HazardStatus.WITHDRAWN);
    }
}
