package cn.zhiben.tipoffs;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.inspections.InspectionEvents;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.tipoffs.internal.RewardService;
import cn.zhiben.tipoffs.internal.TipoffCodes;
import cn.zhiben.tipoffs.internal.TipoffService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * From the fine to the paid reward: the inspections module's DecisionIssued (published here as that module will publish
 * it) fixes the fine; the reward is computed by the rule in force, approved by a second person within the budget, paid,
 * and the reporter sees it with the tracking code.
 */
class TipoffRewardIntegrationTests extends TipoffTestSupport {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    private void publish(InspectionEvents.DecisionIssued e) {
        tx.executeWithoutResult(s -> events.publishEvent(e));
    }

    private InspectionEvents.DecisionIssued decision(UUID decisionId, UUID hazardId, long enterpriseFine, long personFine) {
        return new InspectionEvents.DecisionIssued(decisionId, "泽应急罚〔2026〕" + decisionId.toString().substring(0, 4) + "号",
                unitId("市应急管理局"), "140525", enterpriseOf("qiye"), "140525", "mine.coal", UUID.randomUUID(),
                List.of(hazardId), Set.of(InspectionEvents.Measure.FINE), enterpriseFine, personFine, today(), Instant.now());
    }

    private long fineOf(UUID tipoff) {
        return jdbc.sql("select coalesce(fine_fen, 0) from tip_tipoff where id = :t").param("t", tipoff).query(Long.class).single();
    }

    private long awaitFine(UUID tipoff, long expected) throws InterruptedException {
        for (int i = 0; i < 100 && fineOf(tipoff) != expected; i++) {
            Thread.sleep(100);
        }
        return fineOf(tipoff);
    }

    @Test
    void aDecisionsFineIsComputedIntoARewardThatASecondPersonApprovesAndTheReporterSees() throws Exception {
        JsonNode receipt = submitted(report("泽州示范巴公煤业有限公司", "140525", "mine.coal", "举报人某"));
        UUID id = idOf(receipt);
        Map<String, Object> accept = new LinkedHashMap<>();
        accept.put("unitId", unitId("市应急管理局").toString());
        accept.put("countyLevel", true);
        accept.put("enterpriseId", enterpriseOf("qiye").toString());
        act(token("zezhou"), id, "accept", accept).andExpect(status().isOk());
        String unit = token("zezhou-yingji");
        act(unit, id, "conclude", Map.of("finding", "TRUE", "conclusion", "属实")).andExpect(status().isOk());
        // before any fine there is nothing to compute
        mvc.perform(auth(post("/api/v1/tipoffs/" + id + "/reward"), unit)).andExpect(status().is(422))
                .andExpect(jsonPath("$.code").value("REWARD_NO_FINE"));
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("grade", "MAJOR");
        h.put("clauseId", coalClause(17).toString());
        UUID hazardId = UUID.fromString(json(act(unit, id, "hazard", h).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).get("hazardId").asString());

        UUID decisionId = UUID.randomUUID();
        publish(decision(decisionId, hazardId, 8_000_000, 1_000_000)); // CNY 80,000 + 10,000 on the principal
        assertThat(awaitFine(id, 9_000_000)).isEqualTo(9_000_000);
        publish(decision(decisionId, hazardId, 8_000_000, 1_000_000)); // redelivered: counted once
        Thread.sleep(500);
        assertThat(fineOf(id)).isEqualTo(9_000_000);

        JsonNode reward = json(mvc.perform(auth(post("/api/v1/tipoffs/" + id + "/reward"), unit)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(reward.get("amountFen").asLong()).isEqualTo(1_350_000); // 15 % of CNY 90,000
        assertThat(reward.get("ruleCode").asString()).isEqualTo("national");
        assertThat(reward.get("inputs").asString()).contains("\"fineFen\":9000000");
        String rewardId = reward.get("id").asString();

        // the proposer cannot approve; a unit cannot approve; the county office of the level can, within the budget
        mvc.perform(auth(post("/api/v1/tipoffs/rewards/" + rewardId + "/decision"), unit).contentType(MediaType.APPLICATION_JSON)
                .content("{\"approve\":true}")).andExpect(status().isForbidden());
        String zezhou = token("zezhou");
        int year = today().getYear();
        mvc.perform(auth(post("/api/v1/tipoffs/budgets"), zezhou).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("unitId", unitId("市应急管理局").toString(), "regionCode", "140525",
                        "year", year, "amountFen", 1_000_000)))).andExpect(status().isOk());
        mvc.perform(auth(post("/api/v1/tipoffs/rewards/" + rewardId + "/decision"), zezhou).contentType(MediaType.APPLICATION_JSON)
                .content("{\"approve\":true}")).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("REWARD_OVER_BUDGET"));
        mvc.perform(auth(post("/api/v1/tipoffs/budgets"), zezhou).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("unitId", unitId("市应急管理局").toString(), "regionCode", "140525",
                        "year", year, "amountFen", 50_000_000)))).andExpect(status().isOk());
        mvc.perform(auth(post("/api/v1/tipoffs/rewards/" + rewardId + "/decision"), zezhou).contentType(MediaType.APPLICATION_JSON)
                .content("{\"approve\":true}")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(auth(post("/api/v1/tipoffs/rewards/" + rewardId + "/payment"), zezhou).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("paidOn", today().toString(), "paymentRef", "国库集中支付 2026-0001"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PAID"));

        // the ledger of the unit for the year shows it against the budget
        JsonNode ledger = json(mvc.perform(auth(get("/api/v1/tipoffs/ledger?year=" + year), zezhou)).andReturn().getResponse().getContentAsString());
        boolean found = false;
        for (JsonNode l : ledger) {
            if (l.get("unitId").asString().equals(unitId("市应急管理局").toString()) && "140525".equals(l.get("unitRegionCode").asString())) {
                found = true;
                assertThat(l.get("budgetFen").asLong()).isEqualTo(50_000_000);
                assertThat(l.get("paidFen").asLong()).isGreaterThanOrEqualTo(1_350_000);
            }
        }
        assertThat(found).isTrue();

        // the reporter: reply, then the status check shows the outcome and the reward
        act(unit, id, "reply", Map.of("reason", "经核查属实，已依法处罚并登记为重大事故隐患督促整改。")).andExpect(status().isOk());
        JsonNode st = json(mvc.perform(from(post("/api/v1/public/tipoffs/status"), freshAddress()).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("trackingCode", receipt.get("trackingCode").asString(),
                        "secret", receipt.get("secret").asString())))).andReturn().getResponse().getContentAsString());
        assertThat(st.get("statusLabel").asString()).isEqualTo("已办结");
        assertThat(st.get("finding").asString()).isEqualTo("属实");
        assertThat(st.get("reward").asString()).contains("13,500.00 元").contains("已发放");
        // the named reporter got a text message about it (numbers masked in the log)
        assertThat(jdbc.sql("select count(*) from ntf_sms where source_key = :k").param("k", "tipoff-reward-paid:" + rewardId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMergedDuplicateIsNotRewarded() throws Exception {
        UUID first = acceptedCoalTipoff(null);
        String number = jdbc.sql("select number from tip_tipoff where id = :id").param("id", first).query(String.class).single();
        UUID dup = idOf(submitted(report("泽州示范巴公煤业有限公司", "140525", "mine.coal", "后来者")));
        act(token("zezhou"), dup, "merge", Map.of("into", number)).andExpect(status().isOk());
        mvc.perform(auth(post("/api/v1/tipoffs/" + dup + "/reward"), token("zezhou"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("REWARD_NOT_SUBSTANTIATED"));
    }

    @Autowired
    TipoffService tipoffs;
    @Autowired
    RewardService rewards;
    @Autowired
    AccountDirectory accounts;

    /** A concealed-accident tip-off in 泽州 verified by 泽州县应急管理局 with one death, its reward proposed (CNY 30,000). */
    private UUID proposedReward(UUID unit) {
        var receipt = accounts.runAs("zezhou", () -> tipoffs.registerByStaff(new TipoffService.Submission(
                TipoffCodes.Channel.HOTLINE, TipoffCodes.Category.CONCEALED_ACCIDENT,
                true, "预算并发检查企业", null, null, null, "瞒报一人死亡", "140525", null, null, null, null, null, null), List.of(), false));
        UUID id = jdbc.sql("select id from tip_tipoff where number = :n").param("n", receipt.number()).query(UUID.class).single();
        accounts.runAs("zezhou", () -> {
            tipoffs.accept(id, new TipoffService.AcceptCommand(unit, true, null, null, null,
                    "预算并发检查", null));
            return null;
        });
        return accounts.runAs("zezhou-yingji", () -> {
            tipoffs.conclude(id, new TipoffService.ConcludeCommand(
                    TipoffCodes.Finding.TRUE, "属实",
                    Map.of(TipoffCodes.AccidentLevel.GENERAL, 1), null));
            return rewards.propose(id).id();
        });
    }

    @Test
    void twoApprovalsAtOnceCannotBothSpendTheLastOfAUnitsBudget() throws Exception {
        UUID unit = unitId("市应急管理局");
        int year = today().getYear();
        UUID first = proposedReward(unit);
        UUID second = proposedReward(unit);
        long committed = accounts.runAs("city", () -> rewards.ledger(CurrentUser.require(), year)).stream()
                .filter(l -> l.unitId().equals(unit) && "140525".equals(l.unitRegionCode())).mapToLong(l -> l.committedFen())
                .findFirst().orElse(0);
        Long previousBudget = jdbc.sql("select amount_fen from tip_budget where unit_id = :u and region_code = '140525' and year = :y")
                .param("u", unit).param("y", year).query(Long.class).optional().orElse(null);
        accounts.runAs("zezhou", () -> {
            rewards.setBudget(new RewardService.BudgetCommand(unit, "140525", year, committed + 3_000_000));
            return null;
        });
        try {
            CountDownLatch firstDecided = new CountDownLatch(1);
            CountDownLatch secondDone = new CountDownLatch(1);
            AtomicReference<String> secondOutcome = new AtomicReference<>();
            Thread other = new Thread(() -> {
                try {
                    firstDecided.await();
                    accounts.runAs("zezhou", () -> rewards.decide(second,
                            new RewardService.Decision(true, null, null)));
                    secondOutcome.set("APPROVED");
                } catch (ProblemException e) {
                    secondOutcome.set(e.code());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    secondDone.countDown();
                }
            });
            other.start();
            // the first approval stays uncommitted while the second one is tried (up to 3 s: long enough to get past the check)
            tx.executeWithoutResult(s -> accounts.runAs("zezhou", () -> {
                rewards.decide(first, new RewardService.Decision(true, null, null));
                firstDecided.countDown();
                try {
                    secondDone.await(3, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            other.join(30_000);
            assertThat(secondOutcome.get()).isEqualTo("REWARD_OVER_BUDGET");
            assertThat(jdbc.sql("select status from tip_reward where id in (:a, :b) order by status").param("a", first)
                    .param("b", second).query(String.class).list()).containsExactly("APPROVED", "PROPOSED");
        } finally {
            if (previousBudget == null) {
                jdbc.sql("delete from tip_budget where unit_id = :u and region_code = '140525' and year = :y")
                        .param("u", unit).param("y", year).update();
            } else {
                jdbc.sql("update tip_budget set amount_fen = :a where unit_id = :u and region_code = '140525' and year = :y")
                        .param("a", previousBudget).param("u", unit).param("y", year).update();
            }
        }
    }
}
