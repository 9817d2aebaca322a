package cn.zhiben.hazards;

import cn.zhiben.hazards.internal.Callers;
import cn.zhiben.hazards.internal.HazardQueries;
import cn.zhiben.identity.AccountDirectory;
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
    @Autowired
    Callers callers;
    @Autowired
    AccountDirectory accounts;

    /** A demo account's principal, as after its login. */
    private CurrentUser user(String username) {
        return accounts.runAs(username, CurrentUser::require);
    }

    private CurrentUser enterprise(CurrentUser.EnterprisePosition position) {
        return user(position == CurrentUser.EnterprisePosition.PRINCIPAL ? "qiye-fzr" : "qiye");
    }

    private List<HazardQueries.InboxGroup> awaiting(CurrentUser user, LocalDate today) {
        return queries.awaiting(user, callers.of(user), today, 100_000);
    }

    private long count(CurrentUser user, LocalDate today) {
        return queries.awaitingCount(user, callers.of(user), today);
    }

    /** Ids in a group, read with no row limit so other tests' hazards cannot push ours out. */
    private List<UUID> group(CurrentUser user, LocalDate today, HazardQueries.Awaiting kind) {
        return awaiting(user, today).stream().filter(g -> g.kind() == kind)
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
        assertThat(group(user("qiye-huagong-fzr"), today(), HazardQueries.Awaiting.CONFIRMATION)).doesNotContain(id);
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
        CurrentUser zezhou = user("zezhou");
        CurrentUser gaoping = user("gaoping");
        assertThat(group(zezhou, later8, HazardQueries.Awaiting.OVERDUE)).contains(soon).doesNotContain(later);
        assertThat(group(gaoping, later8, HazardQueries.Awaiting.OVERDUE)).doesNotContain(soon);
        // a department without the office's watch has no overdue group at all
        CurrentUser unit = user("zezhou-nengyuan");
        assertThat(awaiting(unit, later8).stream().map(HazardQueries.InboxGroup::kind))
                .doesNotContain(HazardQueries.Awaiting.OVERDUE, HazardQueries.Awaiting.LISTED, HazardQueries.Awaiting.PLAN);
    }

    @Test
    void supervisorsReviewAtTheListingLevelAndDecideExtensions() throws Exception {
        UUID review = awaitingSignOff(coalClause(45));
        // the coal field's lead department reviews at the hazard's level: the county's for an unlisted hazard
        CurrentUser countyUnit = user("zezhou-nengyuan");
        CurrentUser cityUnit = user("nengyuan");
        assertThat(group(countyUnit, today(), HazardQueries.Awaiting.SIGN_OFF_REVIEW)).contains(review);
        assertThat(group(cityUnit, today(), HazardQueries.Awaiting.SIGN_OFF_REVIEW)).doesNotContain(review);
        assertThat(group(user("zezhou-yingji"), today(), HazardQueries.Awaiting.SIGN_OFF_REVIEW))
                .as("a co-operating department does not sign off").doesNotContain(review);
        // a city listing reserves the review for the city level
        String city = token("city");
        act(city, review, "listing", with("version", version(city, review), "documentNumber", unique("晋安办督"),
                "deadline", today().plusDays(20).toString())).andExpect(status().isOk());
        assertThat(group(countyUnit, today(), HazardQueries.Awaiting.SIGN_OFF_REVIEW)).doesNotContain(review);
        assertThat(group(cityUnit, today(), HazardQueries.Awaiting.SIGN_OFF_REVIEW)).contains(review);
        CurrentUser cityOffice = user("city");
        assertThat(group(cityOffice, today(), HazardQueries.Awaiting.LISTED)).contains(review);
        // the review date orders the group: earliest due first
        List<HazardQueries.Row> rows = awaiting(cityUnit, today()).stream()
                .filter(g -> g.kind() == HazardQueries.Awaiting.SIGN_OFF_REVIEW).findFirst().orElseThrow().rows();
        assertThat(rows).extracting(HazardQueries.Row::reviewDueOn).isSortedAccordingTo(java.util.Comparator.naturalOrder());

        UUID extension = reported(coalClause(46));
        String token = token("qiye");
        act(token, extension, "plan", plan(version(token, extension), today().plusDays(10)));
        act(token, extension, "extension-request", with("version", version(token, extension),
                "deadline", today().plusDays(30).toString(), "reason", "停电检修"));
        assertThat(group(countyUnit, today(), HazardQueries.Awaiting.EXTENSION_DECISION)).contains(extension);
        assertThat(group(user("zezhou"), today(), HazardQueries.Awaiting.EXTENSION_DECISION)).contains(extension);
        assertThat(group(cityUnit, today(), HazardQueries.Awaiting.EXTENSION_DECISION))
                .as("an unlisted hazard's extension is the county's").doesNotContain(extension);
        assertThat(group(user("gaoping"), today(), HazardQueries.Awaiting.EXTENSION_DECISION)).doesNotContain(extension);
    }

    @Test
    void theCountCountsEachWaitingHazardOnce() throws Exception {
        UUID listed = reported(coalClause(47));
        String county = token("zezhou");
        act(county, listed, "listing", with("version", version(county, listed), "documentNumber", unique("泽安办督"),
                "deadline", today().plusDays(20).toString())).andExpect(status().isOk());
        String safety = token("qiye");
        act(safety, listed, "plan", plan(version(safety, listed), today().plusDays(15))).andExpect(status().isOk());
        act(safety, listed, "extension-request", with("version", version(safety, listed),
                "deadline", today().plusDays(40).toString(), "reason", "设备供货")).andExpect(status().isOk());
        // the county office decides its extension and watches it (listed): two groups, one hazard
        CurrentUser office = user("zezhou");
        List<HazardQueries.InboxGroup> groups = awaiting(office, today());
        Set<UUID> distinct = new HashSet<>();
        groups.forEach(g -> g.rows().forEach(r -> distinct.add(r.id())));
        assertThat(groups.stream().filter(g -> g.rows().stream().anyMatch(r -> r.id().equals(listed))).count()).isEqualTo(2);
        assertThat(count(office, today())).isEqualTo(distinct.size());
        groups.forEach(g -> assertThat(g.count()).isEqualTo(g.rows().size()));
        // an account with no hazard work has nothing waiting
        assertThat(count(user("sysadmin"), today())).isZero();
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
                "conclusion", "合格", "evaluatedOn", today().toString()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("HAZARD_EVALUATION_ORGANISATION_REQUIRED"));
        act(token, id, "evaluation", with("version", version(token, id), "kind", "THIRD_PARTY", "organisation", "某安全评价公司",
                "qualification", "APJ-（晋）-010", "conclusion", "合格", "evaluatedOn", today().toString())).andExpect(status().isOk());
    }
}
