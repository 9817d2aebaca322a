package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardEvents;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HazardStateMachineTests {

    private static final Instant AT = Instant.parse("2026-03-01T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private final HazardActor enterprise = new HazardActor(UUID.randomUUID(), "安全科", Role.ENTERPRISE);
    private final HazardActor official = new HazardActor(UUID.randomUUID(), "监管科", Role.COUNTY_UNIT);

    private Hazard major(Channel channel) {
        Hazard.Facts f = new Hazard.Facts(UUID.randomUUID(), "140525100", null, "mine.coal", channel, Grade.MAJOR,
                UUID.randomUUID(), "主要通风机无备用", "中央风井", LocalDate.of(2026, 2, 27), "张工", Shutdown.PARTIAL, false);
        return channel == Channel.SELF_INSPECTION
                ? Hazard.selfReported(UUID.randomUUID(), "140525-2026-000001", f, enterprise, AT, false, null)
                : Hazard.registered(UUID.randomUUID(), "140525-2026-000001", f, official, AT, null);
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
        h.confirmByPrincipal(enterprise, AT);
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
        h.evaluate(enterprise, AT, "经评估整改到位");
        if (target == HazardStatus.EVALUATED) {
            return h;
        }
        h.requestSignOff(enterprise, AT, TODAY.plusDays(10));
        if (target == HazardStatus.SIGN_OFF_REQUESTED) {
            return h;
        }
        h.signOff(official, AT, ListingLevel.COUNTY, "现场核查合格");
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
        h.confirmByPrincipal(enterprise, AT);
        assertThat(h.status().reported()).isTrue();
        assertThat(h.pendingEvents()).anyMatch(e -> e instanceof HazardEvents.HazardReported);
    }

    @Test
    void supervisionFoundHazardWaitsForTheEnterpriseToAcknowledge() {
        Hazard h = major(Channel.SUPERVISION);
        assertThat(h.status()).isEqualTo(HazardStatus.PENDING_ACKNOWLEDGEMENT);
        assertThatThrownBy(() -> h.confirmByDepartment(enterprise, AT)).isInstanceOf(IllegalTransitionException.class);
        h.acknowledge(enterprise, AT);
        assertThat(h.status()).isEqualTo(HazardStatus.REPORTED);
    }

    /** Every verb tried in every state where it is not allowed answers an illegal transition, and changes nothing. */
    @ParameterizedTest
    @EnumSource(value = HazardStatus.class, names = {"CLOSED", "MERGED"}, mode = EnumSource.Mode.EXCLUDE)
    void everyVerbOutsideItsStateIsRefused(HazardStatus state) {
        Map<HazardStatus, Consumer<Hazard>> legal = Map.of(
                HazardStatus.PENDING_DEPARTMENT_CONFIRMATION, h -> h.confirmByDepartment(enterprise, AT),
                HazardStatus.PENDING_PRINCIPAL_CONFIRMATION, h -> h.confirmByPrincipal(enterprise, AT),
                HazardStatus.PENDING_ACKNOWLEDGEMENT, h -> h.acknowledge(enterprise, AT),
                HazardStatus.REPORTED, h -> h.filePlan(enterprise, AT, TODAY.plusDays(5), TODAY),
                HazardStatus.RECTIFYING, h -> h.complete(enterprise, AT, "完成"),
                HazardStatus.COMPLETED, h -> h.evaluate(enterprise, AT, "合格"),
                HazardStatus.EVALUATED, h -> h.requestSignOff(enterprise, AT, TODAY.plusDays(10)),
                HazardStatus.SIGN_OFF_REQUESTED, h -> h.signOff(official, AT, ListingLevel.COUNTY, "合格"));
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
    void extensionMovesTheDeadlineOnlyWhenApproved() {
        Hazard h = majorAt(HazardStatus.RECTIFYING);
        LocalDate original = h.deadline();
        h.requestExtension(enterprise, AT, original.plusDays(20), "设备到货延迟");
        assertThat(h.extensionPending()).isTrue();
        assertThatThrownBy(() -> h.requestExtension(enterprise, AT, original.plusDays(30), "再次申请"))
                .isInstanceOf(IllegalTransitionException.class);
        h.decideExtension(official, AT, false, original.plusDays(20), "理由不充分", TODAY);
        assertThat(h.deadline()).isEqualTo(original);
        h.requestExtension(enterprise, AT, original.plusDays(20), "补充说明：供货合同见附件");
        h.decideExtension(official, AT, true, original.plusDays(20), "同意", TODAY);
        assertThat(h.deadline()).isEqualTo(original.plusDays(20));
        assertThat(h.extensionPending()).isFalse();
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
        assertThat(h.markOverdue(AT, deadline, "市级")).isFalse();
        assertThat(h.markOverdue(AT, deadline.plusDays(1), "市级")).isTrue();
        assertThat(h.overdue()).isTrue();
        assertThat(h.markOverdue(AT, deadline.plusDays(2), "市级")).as("idempotent").isFalse();
        assertThat(h.pendingEvents()).filteredOn(e -> e instanceof HazardEvents.HazardOverdue).hasSize(1);
    }

    @Test
    void anUnreviewedSignOffRequestIsEscalatedOnceTheDayAfterItsReviewPeriod() {
        Hazard h = majorAt(HazardStatus.RECTIFYING);
        h.complete(enterprise, AT, "完成");
        h.evaluate(enterprise, AT, "评估合格");
        assertThat(h.markReviewOverdue(AT, TODAY.plusDays(30), "市级")).as("not awaiting review").isFalse();
        LocalDate due = TODAY.plusDays(10);
        h.requestSignOff(enterprise, AT, due);
        assertThat(h.markReviewOverdue(AT, due, "市级")).as("the due day itself is in time").isFalse();
        assertThat(h.markReviewOverdue(AT, due.plusDays(1), "市级")).isTrue();
        assertThat(h.reviewOverdue()).isTrue();
        assertThat(h.status()).isEqualTo(HazardStatus.SIGN_OFF_REQUESTED);
        assertThat(h.markReviewOverdue(AT, due.plusDays(2), "市级")).as("idempotent").isFalse();
        assertThat(h.pendingEvents()).filteredOn(e -> e instanceof HazardEvents.HazardReviewOverdue).hasSize(1);
        assertThat(h.newTransitions()).last().extracting(Transition::action).isEqualTo(HazardAction.MARK_REVIEW_OVERDUE);

        // sent back, then asked again: a new review period, escalated again only when that one runs out
        h.rejectSignOff(official, AT, ListingLevel.COUNTY, "现场复核不合格", null, due.plusDays(2));
        assertThat(h.reviewOverdue()).isFalse();
        h.complete(enterprise, AT, "再次完成");
        h.evaluate(enterprise, AT, "再次评估合格");
        LocalDate due2 = due.plusDays(20);
        h.requestSignOff(enterprise, AT, due2);
        assertThat(h.markReviewOverdue(AT, due2, "市级")).isFalse();
        assertThat(h.markReviewOverdue(AT, due2.plusDays(1), "市级")).isTrue();
    }

    @Test
    void approvedExtensionClearsOverdue() {
        Hazard h = majorAt(HazardStatus.RECTIFYING);
        LocalDate late = h.deadline().plusDays(3);
        h.markOverdue(AT, late, "市级");
        h.requestExtension(enterprise, AT, late.plusDays(10), "材料延误");
        h.decideExtension(official, AT, true, late.plusDays(10), "同意", late);
        assertThat(h.overdue()).isFalse();
    }

    @Test
    void listedHazardCanOnlyBeSignedOffAtItsListingLevel() {
        Hazard h = majorAt(HazardStatus.REPORTED);
        h.list(official, AT, ListingLevel.CITY, "晋市安办督〔2026〕3号", null, TODAY.plusDays(60));
        h.filePlan(enterprise, AT, TODAY.plusDays(40), TODAY);
        h.complete(enterprise, AT, "完成");
        h.evaluate(enterprise, AT, "第三方评估合格");
        h.requestSignOff(enterprise, AT, TODAY.plusDays(10));
        assertThatThrownBy(() -> h.signOff(official, AT, ListingLevel.COUNTY, "县级审核"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_LISTING_LEVEL_REQUIRED"));
        assertThat(h.status()).isEqualTo(HazardStatus.SIGN_OFF_REQUESTED);
        // nor sent back by a lower level
        assertThatThrownBy(() -> h.rejectSignOff(official, AT, ListingLevel.COUNTY, "县级不通过", null, TODAY))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_LISTING_LEVEL_REQUIRED"));
        assertThat(h.status()).isEqualTo(HazardStatus.SIGN_OFF_REQUESTED);
        h.signOff(official, AT, ListingLevel.CITY, "市级审核合格");
        assertThat(h.status()).isEqualTo(HazardStatus.SIGNED_OFF);
    }

    @Test
    void listingNeedsADocumentNumberAndCannotBeRepeated() {
        Hazard h = majorAt(HazardStatus.RECTIFYING);
        assertThatThrownBy(() -> h.list(official, AT, ListingLevel.COUNTY, " ", null, TODAY.plusDays(5)))
                .isInstanceOf(ProblemException.class);
        h.list(official, AT, ListingLevel.COUNTY, "泽安办督〔2026〕1号", null, TODAY.plusDays(5));
        assertThat(h.deadline()).as("listing deadline tightens the deadline").isEqualTo(TODAY.plusDays(5));
        assertThatThrownBy(() -> h.list(official, AT, ListingLevel.CITY, "晋市安办督〔2026〕9号", null, TODAY.plusDays(5)))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void rejectedSignOffGoesBackToRectification() {
        Hazard h = majorAt(HazardStatus.SIGN_OFF_REQUESTED);
        h.rejectSignOff(official, AT, ListingLevel.COUNTY, "备用风机未联调", TODAY.plusDays(15), TODAY);
        assertThat(h.status()).isEqualTo(HazardStatus.RECTIFYING);
        assertThat(h.deadline()).isEqualTo(TODAY.plusDays(15));
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
        later.reopen(official, AT, "抽查发现仍未更换", TODAY.plusDays(2), TODAY);
        assertThat(later.status()).isEqualTo(HazardStatus.RECTIFYING);
    }

    @Test
    void majorHazardNeedsAClause() {
        Hazard.Facts f = new Hazard.Facts(UUID.randomUUID(), "140525100", null, "mine.coal", Channel.SELF_INSPECTION,
                Grade.MAJOR, null, "x", "y", TODAY, "z", Shutdown.NONE, false);
        assertThatThrownBy(() -> Hazard.selfReported(UUID.randomUUID(), "n", f, enterprise, AT, false, null))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_CLAUSE_REQUIRED"));
    }

    @Test
    void mergingKeepsBothTimelines() {
        Hazard a = majorAt(HazardStatus.RECTIFYING);
        Hazard.Facts f = new Hazard.Facts(a.enterpriseId(), "140525100", null, "mine.coal", Channel.SUPERVISION, Grade.MAJOR,
                a.clauseId(), "同一问题", "中央风井", TODAY, "检查组", Shutdown.NONE, false);
        Hazard b = Hazard.registered(UUID.randomUUID(), "140525-2026-000002", f, official, AT, null);
        b.mergeInto(a, official, AT, "同一条款同一地点");
        assertThat(b.status()).isEqualTo(HazardStatus.MERGED);
        assertThat(a.status()).isEqualTo(HazardStatus.RECTIFYING);
        assertThat(a.newTransitions()).last().extracting(Transition::action).isEqualTo(HazardAction.MERGE);
        assertThatThrownBy(() -> b.attached(official, AT, "x.pdf")).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void stockMeansFoundOnOrBeforeTheEndOf2023() {
        Hazard.Facts old = new Hazard.Facts(UUID.randomUUID(), "140525100", null, "mine.coal", Channel.SUPERVISION, Grade.MAJOR,
                UUID.randomUUID(), "x", "y", LocalDate.of(2023, 12, 31), "z", Shutdown.NONE, false);
        assertThat(Hazard.registered(UUID.randomUUID(), "n", old, official, AT, null).stock()).isTrue();
        Hazard.Facts newer = new Hazard.Facts(UUID.randomUUID(), "140525100", null, "mine.coal", Channel.SUPERVISION, Grade.MAJOR,
                UUID.randomUUID(), "x", "y", LocalDate.of(2024, 1, 1), "z", Shutdown.NONE, false);
        assertThat(Hazard.registered(UUID.randomUUID(), "n", newer, official, AT, null).stock()).isFalse();
    }

    @Test
    void terminalStatesAreExactlyTheEndsOfTheLoop() {
        assertThat(EnumSet.allOf(HazardStatus.class).stream().filter(HazardStatus::terminal))
                .containsExactlyInAnyOrder(HazardStatus.SIGNED_OFF, HazardStatus.CLOSED, HazardStatus.MERGED);
    }
}
