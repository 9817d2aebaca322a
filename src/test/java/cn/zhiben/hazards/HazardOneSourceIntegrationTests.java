package cn.zhiben.hazards;

import cn.zhiben.hazards.internal.Caller;
import cn.zhiben.hazards.internal.Callers;
import cn.zhiben.hazards.internal.HazardAction;
import cn.zhiben.hazards.internal.HazardActions;
import cn.zhiben.hazards.internal.HazardDetails;
import cn.zhiben.hazards.internal.HazardQueries;
import cn.zhiben.hazards.internal.HazardService;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One source for what a role may do (issue 10): for every state of the loop and every kind of account, the verbs the
 * detail page and the API offer are exactly those the verbs accept, and the inbox lists a hazard exactly when one of the
 * verbs it waits for is offered. Each verb is really run, as the account, in a transaction that is rolled back.
 */
class HazardOneSourceIntegrationTests extends HazardTestSupport {

    @Autowired
    HazardService service;
    @Autowired
    HazardQueries queries;
    @Autowired
    Callers callers;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    cn.zhiben.hazards.internal.HazardOffers offers;

    /** One account per kind that can see the demo coal mine, plus accounts that cannot. */
    private static final List<String> ACCOUNTS = List.of("qiye", "qiye-fzr", "zezhou", "zezhou-nengyuan", "zezhou-yingji",
            "zezhou-xiaofang", "city", "nengyuan", "yingji", "xiaofang", "zhuanjia", "gaoping", "nancun", "qiye-huagong");

    private static final String PLACE = "一号井口（一源测试）";

    /** An open major hazard at the same place: what a fixture may be merged into. */
    private UUID mergeTarget;

    @Test
    void whatIsOfferedIsWhatTheVerbAcceptsAndWhatTheInboxLists() throws Exception {
        Map<String, UUID> fixtures = fixtures();
        UUID target = mergeTarget;
        List<String> mismatches = new ArrayList<>();
        int[] attempts = {0};
        for (String username : ACCOUNTS) {
            accounts.runAs(username, () -> {
                CurrentUser user = CurrentUser.require();
                Caller caller = callers.of(user);
                for (var fixture : fixtures.entrySet()) {
                    UUID id = fixture.getValue();
                    var row = queries.find(id, user.scope());
                    Set<HazardAction> offered = EnumSet.noneOf(HazardAction.class);
                    row.ifPresent(r -> offered.addAll(offers.offer(r, user, caller).actions()));
                    Set<HazardAction> accepted = EnumSet.noneOf(HazardAction.class);
                    // outside the scope one verb shows the 404; inside, every verb is tried
                    List<HazardAction> verbs = row.isPresent() ? HazardActions.OFFERED : List.of(HazardAction.ACKNOWLEDGE);
                    for (HazardAction verb : verbs) {
                        attempts[0]++;
                        if (accepts(username, id, verb, row.map(HazardQueries.Row::grade).orElse(Grade.MAJOR), target)) {
                            accepted.add(verb);
                        }
                    }
                    if (!offered.equals(accepted)) {
                        mismatches.add(username + " on " + fixture.getKey() + ": offered " + offered + ", accepted " + accepted);
                    }
                    Set<HazardQueries.Awaiting> inbox = EnumSet.noneOf(HazardQueries.Awaiting.class);
                    inbox.addAll(queries.awaitingGroups(id, user, caller, today()));
                    for (HazardQueries.Awaiting group : HazardQueries.Awaiting.values()) {
                        if (group.verbs().isEmpty()) {
                            continue;
                        }
                        boolean expected = group.verbs().stream().anyMatch(offered::contains)
                                && (group != HazardQueries.Awaiting.RECTIFICATION_DUE || dueSoon(row.orElseThrow()));
                        if (inbox.contains(group) != expected) {
                            mismatches.add(username + " on " + fixture.getKey() + ": inbox " + group + " " + inbox.contains(group)
                                    + " but offered " + offered);
                        }
                    }
                }
                return null;
            });
        }
        assertThat(mismatches).as("%d verb attempts", attempts[0]).isEmpty();
        assertThat(fixtures).hasSizeGreaterThanOrEqualTo(18);
    }

    private boolean dueSoon(HazardQueries.Row r) {
        return r.deadline() != null && (r.overdue() || !r.deadline().isAfter(today().plusDays(7)));
    }

    /** Runs the verb as the current account in a transaction that is always rolled back; whether the verb took it. */
    private boolean accepts(String username, UUID id, HazardAction verb, Grade grade, UUID target) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            status.setRollbackOnly();
            int v = jdbc.sql("select version from hz_hazard where id = :id").param("id", id).query(Integer.class).single();
            try {
                run(id, v, verb, grade, target);
                return true;
            } catch (ProblemException e) {
                HttpStatus s = e.status();
                if (s == HttpStatus.FORBIDDEN || s == HttpStatus.NOT_FOUND || s == HttpStatus.CONFLICT) {
                    return false;
                }
                throw new AssertionError(username + " " + verb + " on " + id + ": " + e.code() + " " + e.getMessage(), e);
            } catch (Exception e) {
                throw new AssertionError(username + " " + verb + " on " + id, e);
            }
        }));
    }

    /** Each verb with input that is valid whenever the verb is allowed at all. */
    private void run(UUID id, int v, HazardAction verb, Grade grade, UUID target) throws Exception {
        LocalDate today = today();
        switch (verb) {
            case CONFIRM_DEPARTMENT -> service.confirmByDepartment(id, v);
            case CONFIRM_PRINCIPAL -> service.confirmByPrincipal(id, v);
            case RETURN_FOR_CORRECTION -> service.returnForCorrection(id, v, "请补充隐患部位");
            case WITHDRAW -> service.withdraw(id, v, "误报");
            case ACKNOWLEDGE -> service.acknowledge(id, v);
            case FILE_PLAN -> service.filePlan(id, v, new HazardDetails.PlanInput("目标", "措施", 100, "物资", "机构", "责任人",
                    today.plusDays(20), "安全措施", "预案", "临时措施"));
            case REPORT_PROGRESS -> service.reportProgress(id, v, "进展");
            case REQUEST_EXTENSION -> {
                LocalDate d = jdbc.sql("select deadline from hz_hazard where id = :id").param("id", id).query(LocalDate.class).optional()
                        .orElse(today);
                service.requestExtension(id, v, (d == null ? today : d).plusDays(30), "设备到货");
            }
            case APPROVE_EXTENSION -> service.decideExtension(id, v, true, "同意");
            case REFUSE_EXTENSION -> service.decideExtension(id, v, false, "不同意");
            case COMPLETE -> {
                if (grade != Grade.MAJOR) {
                    throw ProblemException.conflict("NOT_MAJOR", "一般隐患不走完成评估");
                }
                service.complete(id, v, "完成");
            }
            case CLOSE -> {
                if (grade != Grade.GENERAL) {
                    throw ProblemException.conflict("NOT_GENERAL", "重大隐患不直接关闭");
                }
                service.complete(id, v, "完成");
            }
            case EVALUATE -> service.evaluate(id, v, new HazardDetails.EvaluationInput("THIRD_PARTY", "某评价公司", "合格",
                    today, "APJ-001", null));
            case REQUEST_SIGN_OFF -> service.requestSignOff(id, v);
            case SIGN_OFF -> service.signOff(id, v, "合格");
            case REJECT_SIGN_OFF -> service.rejectSignOff(id, v, "不合格", null);
            case CONFIRM_DELISTING -> service.confirmDelisting(id, v, null);
            case REFUSE_DELISTING -> service.refuseDelisting(id, v, "不同意", null);
            case LIST -> service.list(id, v, new HazardService.ListingInput("督〔2026〕1号", null, today.plusDays(30)));
            case RAISE_LISTING -> {
                String level = jdbc.sql("select listing_level from hz_hazard where id = :id").param("id", id).query(String.class)
                        .optional().orElse(null);
                service.raiseListing(id, v, new HazardService.ListingInput("督〔2026〕2号", null, today.plusDays(30),
                        "COUNTY".equals(level) ? ListingLevel.CITY : ListingLevel.PROVINCE, false));
            }
            case REMIND -> service.remind(id, v, "请加快整改");
            case DELIST -> service.delist(id, v, "不再督办的理由");
            case REGRADE -> service.regrade(id, v, grade == Grade.MAJOR
                    ? new HazardService.RegradeInput(Grade.GENERAL, "复核为一般隐患", null, null, today.plusDays(10))
                    : new HazardService.RegradeInput(Grade.MAJOR, "复核为重大隐患", coalClause(60), null, null));
            case REOPEN -> service.reopen(id, v, "抽查不合格", today.plusDays(5));
            case MERGE -> service.merge(id, v, target, "同一部位重复登记");
            case DISMISS_DUPLICATE -> service.dismissDuplicate(id, v, "不是重复");
            case CLOSE_ACCOUNTABILITY -> service.closeAccountability(id, v, "已倒查");
            case ATTACH -> service.attachFile(id, "FOUND", new MockMultipartFile("file", "现场.png", "image/png",
                    HazardLifecycleIntegrationTests.PNG));
            default -> throw new IllegalStateException("no way to run " + verb);
        }
    }

    /** A hazard at the demo coal mine in every state (and listing) of the loop, all at one place. */
    private Map<String, UUID> fixtures() throws Exception {
        Map<String, UUID> f = new LinkedHashMap<>();
        String safety = token("qiye");
        String principal = token("qiye-fzr");
        String county = token("zezhou");
        String city = token("city");
        String lead = token("zezhou-nengyuan");
        String cityLead = token("nengyuan");
        mergeTarget = at(reportedHere(coalClause(61)), safety, "plan", plan(0, today().plusDays(30)));

        UUID pending = selfReport(coalClause(62));
        f.put("pending-department", pending);
        UUID principalPending = selfReport(coalClause(63));
        act(safety, principalPending, "confirm-department", with("version", version(safety, principalPending)));
        f.put("pending-principal", principalPending);
        var external = majorSelfReport(coalMine(), coalClause(64));
        external.put("channel", "SUPERVISION");
        external.put("location", PLACE);
        f.put("pending-acknowledgement", UUID.fromString(created(lead, external).get("id").asString()));
        f.put("reported", reportedHere(coalClause(65)));
        UUID extension = reportedHere(coalClause(66));
        at(extension, safety, "plan", plan(0, today().plusDays(5)));
        at(extension, safety, "extension-request", with("deadline", today().plusDays(20).toString(), "reason", "设备到货"));
        f.put("rectifying-extension", extension);
        UUID completed = reportedHere(coalClause(67));
        at(completed, safety, "plan", plan(0, today().plusDays(20)));
        at(completed, safety, "complete", with("summary", "完成"));
        f.put("completed", completed);
        UUID evaluated = reportedHere(coalClause(68));
        at(evaluated, safety, "plan", plan(0, today().plusDays(20)));
        at(evaluated, safety, "complete", with("summary", "完成"));
        at(evaluated, safety, "evaluation", with("kind", "SELF", "conclusion", "合格", "evaluatedOn", today().toString()));
        f.put("evaluated", evaluated);
        f.put("review-unlisted", toReview(reportedHere(coalClause(69)), null, null));
        f.put("review-county", toReview(reportedHere(coalClause(70)), county, "COUNTY"));
        f.put("review-city", toReview(reportedHere(coalClause(71)), city, "CITY"));
        UUID delisting = toReview(reportedHere(coalClause(72)), county, "COUNTY");
        at(delisting, lead, "sign-off", with("opinion", "合格"));
        f.put("awaiting-delisting", delisting);
        UUID province = reportedHere(coalClause(73));
        at(province, city, "listing", with("documentNumber", "省督〔2026〕1号", "deadline", today().plusDays(30).toString(),
                "level", "PROVINCE"));
        at(province, safety, "plan", plan(0, today().plusDays(20)));
        f.put("rectifying-province", province);
        UUID countyListed = reportedHere(coalClause(74));
        at(countyListed, county, "listing", with("documentNumber", "泽督〔2026〕1号", "deadline", today().plusDays(30).toString()));
        at(countyListed, safety, "plan", plan(0, today().plusDays(6)));
        f.put("rectifying-county", countyListed);
        var general = majorSelfReport(coalMine(), coalClause(75));
        general.put("grade", "GENERAL");
        general.remove("clauseId");
        general.put("location", PLACE);
        general.put("deadline", today().plusDays(4).toString());
        UUID generalOpen = UUID.fromString(created(safety, general).get("id").asString());
        f.put("general-rectifying", generalOpen);
        general.put("fixedOnSpot", true);
        general.remove("deadline");
        f.put("general-closed", UUID.fromString(created(safety, general).get("id").asString()));
        f.put("flagged-duplicate", selfReport(coalClause(61)));
        UUID signedOff = toReview(reportedHere(coalClause(76)), null, null);
        at(signedOff, lead, "sign-off", with("opinion", "合格"));
        f.put("signed-off", signedOff);
        UUID withdrawn = selfReport(coalClause(77));
        at(withdrawn, safety, "withdrawal", with("reason", "误报"));
        f.put("withdrawn", withdrawn);
        // a fire hazard at the coal mine: the fire field's too
        var fire = majorSelfReport(coalMine(), coalClause(0));
        fire.remove("clauseId");
        fire.put("channel", "SUPERVISION");
        fire.put("location", PLACE);
        fire.put("determination", with("versionId", fireVersion(), "experts", List.of("甲 某消防支队", "乙 某技术服务公司", "丙 某应急局"),
                "opinion", "综合判定为重大火灾隐患"));
        f.put("fire-acknowledgement", UUID.fromString(created(token("zezhou-xiaofang"), fire).get("id").asString()));
        assertThat(f.values()).doesNotContainNull();
        return f;
    }

    private UUID fireVersion() {
        return standards.checklist(coalMine(), today()).standards().stream().filter(s -> "fire".equals(s.standardCode()))
                .findFirst().orElseThrow().id();
    }

    private UUID selfReport(UUID clause) throws Exception {
        var body = majorSelfReport(coalMine(), clause);
        body.put("location", PLACE);
        return UUID.fromString(created(token("qiye"), body).get("id").asString());
    }

    private UUID reportedHere(UUID clause) throws Exception {
        UUID id = selfReport(clause);
        at(id, token("qiye"), "confirm-department", with());
        at(id, token("qiye-fzr"), "confirm-principal", with());
        return id;
    }

    private UUID toReview(UUID id, String lister, String level) throws Exception {
        String safety = token("qiye");
        if (lister != null) {
            at(id, lister, "listing", with("documentNumber", "督〔2026〕" + level, "deadline", today().plusDays(40).toString(),
                    "level", level, "selfEvaluation", true));
        }
        at(id, safety, "plan", plan(0, today().plusDays(20)));
        at(id, safety, "complete", with("summary", "完成"));
        at(id, safety, "evaluation", with("kind", "SELF", "conclusion", "合格", "evaluatedOn", today().toString(),
                "experts", "技术科 王某"));
        at(id, safety, "sign-off-request", with());
        return id;
    }

    /** A verb through the API with the current version filled in; fails the test if refused. */
    private UUID at(UUID id, String token, String verb, Map<String, Object> body) throws Exception {
        Map<String, Object> b = new LinkedHashMap<>(body);
        b.put("version", version(token, id));
        var r = act(token, id, verb, b).andReturn().getResponse();
        assertThat(r.getStatus()).as(verb + ": " + r.getContentAsString()).isEqualTo(200);
        return id;
    }
}
