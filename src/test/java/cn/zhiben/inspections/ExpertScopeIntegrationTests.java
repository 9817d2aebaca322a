package cn.zhiben.inspections;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.HazardDirectory;
import cn.zhiben.identity.Accounts;
import cn.zhiben.identity.ExpertAssignments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * An expert's data scope follows its assignments to inspections (issue 12 with issue 9 item 2c): assigned, the expert
 * sees the inspected enterprise for the inspection's planned period and records findings there; after the period, or
 * once the inspection is cancelled or the expert dismissed, the enterprise is out of its scope again (404 like a missing
 * one).
 */
class ExpertScopeIntegrationTests extends InspectionTestSupport {

    @Autowired
    ExpertAssignments assignments;

    @Autowired
    HazardDirectory hazards;

    @Test
    void anExpertAssignedToAnInspectionHasTheEnterpriseInScopeForTheInspectionsPeriodAndLosesItAfterOnCancelOrDismissal() throws Exception {
        Accounts.Account account = Accounts.createReady(mvc, token("secadmin"), "EXPERT", null, null);
        String expertToken = Accounts.token(mvc, account.username(), account.password());
        List<String> roots = jdbc.sql("select code from org_industry where parent_code is null order by code").query(String.class).list();
        UUID expert = UUID.fromString(ok(postJson(token("zezhou-yingji"), "/api/v1/experts", map("name", "范围测试专家",
                "username", account.username(), "organisation", "范围测试中心", "specialities", roots,
                "termFrom", today().minusYears(1), "termTo", today().plusYears(1)))).get("id").asString());
        UUID enterprise = enterprise("泽州示范钢铁");
        LocalDate to = today().plusDays(5);

        UUID first = arrange(enterprise, to);
        assertThat(assignments.enterprisesOf(account.id(), today())).doesNotContain(enterprise);
        assertThat(status(expertToken, enterprise)).isEqualTo(404);

        ok(postJson(token("zezhou-yingji"), "/api/v1/inspections/" + first + "/experts", map("expertId", expert)));
        assertThat(assignments.enterprisesOf(account.id(), today())).containsExactly(enterprise);
        assertThat(assignments.enterprisesOf(account.id(), to)).containsExactly(enterprise);
        assertThat(assignments.enterprisesOf(account.id(), to.plusDays(1))).isEmpty();
        assertThat(status(expertToken, enterprise)).isEqualTo(200);
        // the expert records a finding there: it becomes a hazard through the expert channel
        start(first);
        UUID clause = clauses("zezhou-zf3", first).get(0);
        UUID finding = UUID.fromString(ok(postJson(expertToken, "/api/v1/inspections/" + first + "/findings", map("grade", "GENERAL",
                "clauseId", clause, "description", "专家发现：安全警示标志缺失", "location", "炼钢车间", "deadline", today().plusDays(20))))
                .get("findingId").asString());
        assertThat(hazards.fromSource("inspections", finding.toString())).singleElement()
                .satisfies(h -> assertThat(h.channel()).isEqualTo(Channel.EXPERT));

        // the day after the inspection's period the enterprise is out of the expert's scope
        clock.advance(Duration.ofDays(6));
        assertThat(status(Accounts.token(mvc, account.username(), account.password()), enterprise)).isEqualTo(404);
        clock.reset();

        // a cancelled inspection takes its enterprise out at once
        UUID chemical = enterprise("晋城示范煤化工");
        UUID second = arrange(chemical, to);
        ok(postJson(token("zezhou-yingji"), "/api/v1/inspections/" + second + "/experts", map("expertId", expert)));
        assertThat(assignments.enterprisesOf(account.id(), today())).containsExactlyInAnyOrder(enterprise, chemical);
        assertThat(status(expertToken, chemical)).isEqualTo(200);
        // another unit that sees the inspection in its own scope (the county's fire brigade) may not cancel it
        assertThat(postJson(token("zezhou-xiaofang"), "/api/v1/inspections/" + second + "/cancel", map("version",
                version("zezhou-yingji", second), "reason", "测试")).andReturn().getResponse().getStatus()).isEqualTo(403);
        ok(postJson(token("zezhou-yingji"), "/api/v1/inspections/" + second + "/cancel", map("version", version("zezhou-yingji", second),
                "reason", "测试：检查取消")));
        assertThat(assignments.enterprisesOf(account.id(), today())).containsExactly(enterprise);
        assertThat(status(expertToken, chemical)).isEqualTo(404);

        // a dismissed expert leaves the inspections still on, and their enterprises leave its scope
        ok(postJson(token("zezhou-yingji"), "/api/v1/experts/" + expert + "/status", map("status", "DISMISSED", "reason", "测试：解聘")));
        assertThat(assignments.enterprisesOf(account.id(), today())).isEmpty();
        assertThat(status(expertToken, enterprise)).isEqualTo(404);
    }

    private UUID arrange(UUID enterprise, LocalDate to) throws Exception {
        return UUID.fromString(ok(postJson(token("zezhou-yingji"), "/api/v1/inspections", map("enterpriseId", enterprise,
                "kind", "ROUTINE", "officerIds", List.of(officer("zezhou-zf3"), officer("zezhou-zf4")),
                "plannedFrom", today(), "plannedTo", to))).get("id").asString());
    }

    private void start(UUID id) throws Exception {
        ok(postJson(token("zezhou-zf3"), "/api/v1/inspections/" + id + "/start", map("version", version("zezhou-zf3", id),
                "place", "生产现场")));
    }

    private int status(String token, UUID enterprise) throws Exception {
        return mvc.perform(auth(get("/api/v1/enterprises/" + enterprise), token)).andReturn().getResponse().getStatus();
    }
}
