package cn.zhiben.identity;

import cn.zhiben.identity.internal.ExpertAssignmentService;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.support.FixtureCalls;
import cn.zhiben.support.ScopeSamples;
import cn.zhiben.support.UnscopedAccessFixture;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * "identity-expert-assignment" of the access table: an expert account of its own, made by the security administrator,
 * assigned to the demo coal mine for a month — so revoking the assignment touches no demo account's scope. Accounts
 * are not scoped: every caller "sees" it. Values: id (the expert), assignmentId.
 */
class ExpertAssignmentAccessFixture extends UnscopedAccessFixture {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ExpertAssignmentService assignments;
    private final Clock clock;
    private final FixtureCalls calls;
    private Map<String, String> values;

    ExpertAssignmentAccessFixture(MockMvc mvc, JdbcClient jdbc, ExpertAssignmentService assignments, Clock clock) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.assignments = assignments;
        this.clock = clock;
        this.calls = new FixtureCalls(mvc);
    }

    @Override
    public String name() {
        return "identity-expert-assignment";
    }

    @Override
    public void prepare() throws Exception {
        UUID expert = Accounts.create(mvc, calls.token("secadmin"), "EXPERT", null, null).id();
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        assignments.assign(expert, ScopeSamples.enterpriseOf(jdbc, "qiye"), today, today.plusMonths(1),
                "access-table:" + expert);
        UUID assignment = assignments.of(expert).get(0).id();
        values = Map.of("id", expert.toString(), "assignmentId", assignment.toString());
    }

    @Override
    public Map<String, String> any() {
        return values;
    }
}
