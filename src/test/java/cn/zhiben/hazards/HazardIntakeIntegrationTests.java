package cn.zhiben.hazards;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Another module registers its findings as hazards: once per source record, linked both ways, inside the user's scope. */
class HazardIntakeIntegrationTests extends HazardTestSupport {

    @Autowired
    HazardIntake intake;
    @Autowired
    HazardDirectory directory;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    SelfCheckEvidence selfCheckEvidence;

    private HazardIntake.ExternalFinding finding(String ref, UUID enterprise) {
        return new HazardIntake.ExternalFinding("inspections", ref, "检查记录 测试〔2026〕1号 第1项", "/inspections/" + ref,
                enterprise, Channel.SUPERVISION, Grade.MAJOR, coalClause(7), "主要通风机无备用风机", "中央风井",
                today().minusDays(1), "泽州县应急管理局 王某、李某", Shutdown.PARTIAL, null);
    }

    @Test
    void aRetriedRegistrationReturnsTheFirstHazardAndConcurrentRetriesMakeOne() throws Exception {
        String ref = UUID.randomUUID().toString();
        UUID mine = coalMine();
        List<Callable<HazardIntake.Registered>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> accounts.runAs("zezhou-yingji", () -> intake.register(finding(ref, mine))));
        }
        List<HazardIntake.Registered> results = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<HazardIntake.Registered> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(results).extracting(HazardIntake.Registered::hazardId).containsOnly(results.get(0).hazardId());
        assertThat(results).filteredOn(HazardIntake.Registered::created).hasSize(1);
        assertThat(directory.fromSource("inspections", ref)).singleElement().satisfies(s -> {
            assertThat(s.channel()).isEqualTo(Channel.SUPERVISION);
            assertThat(s.status()).isEqualTo(HazardStatus.PENDING_ACKNOWLEDGEMENT);
            assertThat(s.enterpriseId()).isEqualTo(mine);
        });
        String token = token("zezhou-yingji");
        var d = detail(token, results.get(0).hazardId());
        assertThat(d.at("/hazard/sourcePath").asString()).isEqualTo("/inspections/" + ref);
        assertThat(directory.activeShutdowns(mine)).extracting(HazardDirectory.ShutdownOrder::hazardId)
                .contains(results.get(0).hazardId()); // a department's shutdown order holds before the enterprise signs
    }

    @Test
    void registrationFollowsTheSameRulesAndScopeAsAReport() {
        UUID mine = coalMine();
        // another county's department cannot see the Zezhou mine: the same 404 as the API gives
        assertThatThrownBy(() -> accounts.runAs("gaoping", () -> intake.register(finding(UUID.randomUUID().toString(), mine))))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("ENTERPRISE_NOT_FOUND"));
        // an enterprise cannot register an external finding
        assertThatThrownBy(() -> accounts.runAs("qiye", () -> intake.register(finding(UUID.randomUUID().toString(), mine))))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("HAZARD_ACTION_FORBIDDEN"));
    }

    @Test
    void figuresCountWhatIsFoundInThePeriodAndWhatIsOpenNow() {
        UUID mine = coalMine();
        String county = "140525";
        var otherCountyBefore = directory.figures("140581", null, today().minusDays(1), today());
        var before = directory.figures(county, null, today().minusDays(1), today());
        var mineOnly = directory.figures(county, java.util.Set.of("no.such.industry"), today().minusDays(1), today());
        accounts.runAs("zezhou-yingji", () -> intake.register(finding(UUID.randomUUID().toString(), mine)));
        var after = directory.figures(county, null, today().minusDays(1), today());
        assertThat(after.found()).isEqualTo(before.found() + 1);
        assertThat(after.majorFound()).isEqualTo(before.majorFound() + 1);
        assertThat(after.openMajor()).isEqualTo(before.openMajor() + 1);
        assertThat(directory.figures(county, java.util.Set.of("no.such.industry"), today().minusDays(1), today()))
                .isEqualTo(mineOnly);
        assertThat(directory.figures("140581", null, today().minusDays(1), today())).as("高平 is another county")
                .isEqualTo(otherCountyBefore);
    }

    @Test
    void selfCheckEvidenceFlagsTheHazardOnceWithTheEvidenceOnItsTimeline() throws Exception {
        UUID mine = coalMine();
        var registered = accounts.runAs("zezhou-yingji", () -> intake.register(finding(UUID.randomUUID().toString(), mine)));
        String ref = UUID.randomUUID().toString();
        String evidence = "2026-11-12 企业级自查覆盖该条款，记录为合格";
        assertThat(selfCheckEvidence.record(registered.hazardId(), "inspections", ref, evidence)).isTrue();
        assertThat(selfCheckEvidence.record(registered.hazardId(), "inspections", ref, evidence)).isFalse();
        var d = detail(token("zezhou-yingji"), registered.hazardId());
        assertThat(d.at("/hazard/row/selfCheckMissed").asBoolean()).isTrue();
        var steps = new ArrayList<String>();
        d.at("/hazard/timeline").forEach(t -> steps.add(t.get("action").asString() + ":" + t.path("reason").asString()));
        assertThat(steps).containsOnlyOnce("SELF_CHECK_EVIDENCE:" + evidence);
        assertThatThrownBy(() -> selfCheckEvidence.record(UUID.randomUUID(), "inspections", UUID.randomUUID().toString(), evidence))
                .isInstanceOf(ProblemException.class);
    }
}
