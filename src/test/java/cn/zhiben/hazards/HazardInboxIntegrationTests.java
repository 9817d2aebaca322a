package cn.zhiben.hazards;

import cn.zhiben.hazards.internal.HazardQueries;
import cn.zhiben.hazards.internal.HazardService;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 待我处理 and the home figures: scope-filtered SQL that mirrors who may act on what. */
class HazardInboxIntegrationTests extends HazardPageTestSupport {

    @Autowired
    HazardQueries queries;
    @Autowired
    HazardService service;

    private CurrentUser enterprise(CurrentUser.EnterprisePosition position) {
        return new CurrentUser(UUID.randomUUID(), "t", "t", Role.ENTERPRISE, DataScope.enterprise(coalMine()), null, null,
                Set.of(), position);
    }

    private static CurrentUser government(Role role, DataScope scope) {
        return new CurrentUser(UUID.randomUUID(), "t", "t", role, scope, null, null, Set.of());
    }

    /** Ids in a group, read with no row limit so other tests' hazards cannot push ours out. */
    private List<UUID> group(CurrentUser user, LocalDate today, HazardQueries.Awaiting kind) {
        return queries.awaiting(user, today, 100_000).stream().filter(g -> g.kind() == kind)
                .flatMap(g -> g.rows().stream()).map(HazardQueries.Row::id).toList();
    }

    @Test
    void theEnterpriseWaitsForTheConfirmationAtItsOwnLevel() throws Exception {
        UUID id = selfReported(coalClause(41), unique("两级确认"));
        CurrentUser safety = enterprise(CurrentUser.EnterprisePosition.SAFETY_MANAGER);
        CurrentUser principal = enterprise(CurrentUser.EnterprisePosition.PRINCIPAL);
        assertThat(group(safety, today(), HazardQueries.Awaiting.CONFIRMATION)).contains(id);
        assertThat(group(principal, today(), HazardQueries.Awaiting.CONFIRMATION)).doesNotContain(id);
        String token = token("qiye");
        act(token, id, "confirm-department", with("version", version(token, id)));
        assertThat(group(safety, today(), HazardQueries.Awaiting.CONFIRMATION)).doesNotContain(id);
        assertThat(group(principal, today(), HazardQueries.Awaiting.CONFIRMATION)).contains(id);
        // another enterprise's accounts never see it
        CurrentUser other = new CurrentUser(UUID.randomUUID(), "t", "t", Role.ENTERPRISE,
                DataScope.enterprise(enterpriseOf("qiye-huagong")), null, null, Set.of(), CurrentUser.EnterprisePosition.PRINCIPAL);
        assertThat(group(other, today(), HazardQueries.Awaiting.CONFIRMATION)).doesNotContain(id);
    }

    @Test
    void rectificationShowsUpWhenTheDeadlineIsWithinAWeekOrPassed() throws Exception {
        String token = token("qiye");
        UUID soon = reported(coalClause(42));
        act(token, soon, "plan", plan(version(token, soon), today().plusDays(6)));
        UUID later = reported(coalClause(43));
        act(token, later, "plan", plan(version(token, later), today().plusDays(30)));
        UUID toPlan = reported(coalClause(44));
        CurrentUser safety = enterprise(CurrentUser.EnterprisePosition.SAFETY_MANAGER);
        assertThat(group(safety, today(), HazardQueries.Awaiting.RECTIFICATION_DUE)).contains(soon).doesNotContain(later, toPlan);
        assertThat(group(safety, today(), HazardQueries.Awaiting.PLAN)).contains(toPlan).doesNotContain(soon);

        // past the deadline the overdue job marks it; the county office watches overdue hazards of its county
        clock.set(clock.instant().plus(Duration.ofDays(7)));
        service.markOverdue();
        LocalDate later8 = today();
        assertThat(group(safety, later8, HazardQueries.Awaiting.RECTIFICATION_DUE)).contains(soon);
        CurrentUser zezhou = government(Role.COUNTY_OFFICE, DataScope.region("140525"));
        CurrentUser gaoping = government(Role.COUNTY_OFFICE, DataScope.region("140581"));
        assertThat(group(zezhou, later8, HazardQueries.Awaiting.OVERDUE)).contains(soon).doesNotContain(later);
        assertThat(group(gaoping, later8, HazardQueries.Awaiting.OVERDUE)).doesNotContain(soon);
        // a department without the office's watch has no overdue group at all
        CurrentUser unit = government(Role.COUNTY_UNIT, DataScope.regionIndustries("140525", Set.of("mine.coal")));
        assertThat(queries.awaiting(unit, later8, 10).stream().map(HazardQueries.InboxGroup::kind))
                .doesNotContain(HazardQueries.Awaiting.OVERDUE, HazardQueries.Awaiting.LISTED, HazardQueries.Awaiting.PLAN);
    }

    @Test
    void supervisorsReviewAtTheListingLevelAndDecideExtensions() throws Exception {
        UUID review = awaitingSignOff(coalClause(45));
        CurrentUser countyUnit = government(Role.COUNTY_UNIT, DataScope.regionIndustries("140525", Set.of("mine.coal")));
        CurrentUser cityUnit = government(Role.MEMBER_UNIT, DataScope.industries(Set.of("mine.coal")));
        assertThat(group(countyUnit, today(), HazardQueries.Awaiting.SIGN_OFF_REVIEW)).contains(review);
        assertThat(group(cityUnit, today(), HazardQueries.Awaiting.SIGN_OFF_REVIEW)).contains(review);
        // a city listing reserves the review for the city level
        String city = token("city");
        act(city, review, "listing", with("version", version(city, review), "documentNumber", unique("晋安办督"),
                "deadline", today().plusDays(20).toString())).andExpect(status().isOk());
        assertThat(group(countyUnit, today(), HazardQueries.Awaiting.SIGN_OFF_REVIEW)).doesNotContain(review);
        assertThat(group(cityUnit, today(), HazardQueries.Awaiting.SIGN_OFF_REVIEW)).contains(review);
        CurrentUser cityOffice = government(Role.CITY_OFFICE, DataScope.city());
        assertThat(group(cityOffice, today(), HazardQueries.Awaiting.LISTED)).contains(review);
        // the review date orders the group: earliest due first
        List<HazardQueries.Row> rows = queries.awaiting(cityUnit, today(), 100_000).stream()
                .filter(g -> g.kind() == HazardQueries.Awaiting.SIGN_OFF_REVIEW).findFirst().orElseThrow().rows();
        assertThat(rows).extracting(HazardQueries.Row::reviewDueOn).isSortedAccordingTo(java.util.Comparator.naturalOrder());

        UUID extension = reported(coalClause(46));
        String token = token("qiye");
        act(token, extension, "plan", plan(version(token, extension), today().plusDays(10)));
        act(token, extension, "extension-request", with("version", version(token, extension),
                "deadline", today().plusDays(30).toString(), "reason", "停电检修"));
        assertThat(group(countyUnit, today(), HazardQueries.Awaiting.EXTENSION_DECISION)).contains(extension);
        assertThat(group(government(Role.COUNTY_UNIT, DataScope.regionIndustries("140581", Set.of("mine.coal"))), today(),
                HazardQueries.Awaiting.EXTENSION_DECISION)).doesNotContain(extension);
    }

    @Test
    void theCountCountsEachWaitingHazardOnce() throws Exception {
        UUID review = awaitingSignOff(coalClause(47));
        String county = token("zezhou");
        act(county, review, "listing", with("version", version(county, review), "documentNumber", unique("泽安办督"),
                "deadline", today().plusDays(20).toString())).andExpect(status().isOk());
        // a county office reviews it (sign-off) and watches it (listed): two groups, one hazard
        CurrentUser office = government(Role.COUNTY_OFFICE, DataScope.region("140525"));
        List<HazardQueries.InboxGroup> groups = queries.awaiting(office, today(), 100_000);
        Set<UUID> distinct = new HashSet<>();
        groups.forEach(g -> g.rows().forEach(r -> distinct.add(r.id())));
        assertThat(groups.stream().filter(g -> g.rows().stream().anyMatch(r -> r.id().equals(review))).count()).isEqualTo(2);
        assertThat(queries.awaitingCount(office, today())).isEqualTo(distinct.size());
        groups.forEach(g -> assertThat(g.count()).isEqualTo(g.rows().size()));
        // an account with no hazard work has nothing waiting
        assertThat(queries.awaitingCount(government(Role.EXPERT, DataScope.city()), today())).isZero();
    }

    @Test
    void theHomeFiguresAndTheBoardFollowTheScope() throws Exception {
        UUID id = reported(coalClause(48));
        HazardQueries.Figures before = queries.figures(DataScope.region("140525"));
        HazardQueries.Figures otherBefore = queries.figures(DataScope.region("140581"));
        String county = token("zezhou");
        act(county, id, "listing", with("version", version(county, id), "documentNumber", unique("泽安办督"),
                "deadline", today().plusDays(20).toString())).andExpect(status().isOk());
        HazardQueries.Figures after = queries.figures(DataScope.region("140525"));
        assertThat(after.listed()).isEqualTo(before.listed() + 1);
        assertThat(after.openMajor()).isGreaterThanOrEqualTo(1);
        assertThat(queries.figures(DataScope.region("140581")).listed()).isEqualTo(otherBefore.listed());
        // the board is public; only the hazard's own scope may open it
        var zezhouBoard = queries.listingBoard(200, DataScope.region("140525"));
        var gaopingBoard = queries.listingBoard(200, DataScope.region("140581"));
        assertThat(zezhouBoard).filteredOn(e -> e.hazardId().equals(id)).first()
                .satisfies(e -> assertThat(e.viewable()).isTrue()).satisfies(e -> assertThat(e.reason()).contains("县级挂牌督办"));
        assertThat(gaopingBoard).filteredOn(e -> e.hazardId().equals(id)).first().satisfies(e -> assertThat(e.viewable()).isFalse());
    }

    @Test
    void anEvaluationMustNameItsKindAndAThirdPartyItsOrganisation() throws Exception {
        UUID id = reported(coalClause(49));
        String token = token("qiye");
        act(token, id, "plan", plan(version(token, id), today().plusDays(10)));
        act(token, id, "complete", with("version", version(token, id), "summary", "完成"));
        act(token, id, "evaluation", with("version", version(token, id), "kind", "GUESS", "conclusion", "合格",
                "evaluatedOn", today().toString()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("HAZARD_EVALUATION_KIND_INVALID"));
        act(token, id, "evaluation", with("version", version(token, id), "kind", "THIRD_PARTY", "conclusion", "合格",
                "evaluatedOn", today().toString()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("HAZARD_EVALUATION_ORGANISATION_REQUIRED"));
        act(token, id, "evaluation", with("version", version(token, id), "kind", "THIRD_PARTY", "organisation", "某安全评价公司",
                "conclusion", "合格", "evaluatedOn", today().toString())).andExpect(status().isOk());
    }
}
