package cn.zhiben.campaign;

import cn.zhiben.campaign.internal.Addressee;
import cn.zhiben.campaign.internal.CalendarService;
import cn.zhiben.campaign.internal.CampaignScope;
import cn.zhiben.campaign.internal.DispatchKind;
import cn.zhiben.campaign.internal.DispatchService;
import cn.zhiben.campaign.internal.EvaluationRule;
import cn.zhiben.campaign.internal.EvaluationService;
import cn.zhiben.campaign.internal.Evaluation;
import cn.zhiben.campaign.internal.PracticalItemService;
import cn.zhiben.campaign.internal.ProgrammeRepository;
import cn.zhiben.campaign.internal.ProgrammeService;
import cn.zhiben.campaign.internal.ReferencePlan;
import cn.zhiben.campaign.internal.ReportService;
import cn.zhiben.campaign.internal.SupervisionKind;
import cn.zhiben.campaign.internal.SupervisionService;
import cn.zhiben.campaign.internal.TaskService;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.support.SampleFiles;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The campaign objects the access table asks about (docs/access-table.md), made once per test JVM through the real
 * verbs as the demo accounts, in a programme of their own: for each demo addressee (the three member units, the two
 * county offices, the county department zezhou-yingji) a task, a report, a dispatch copy and a supervision record, each
 * with an attachment and then brought to a final state (done, accepted, closed), so the table's writes are refused by
 * the state (409) after the right was checked, and change nothing. Also a dropped 办实事 item per office and a closed
 * evaluation scheme.
 */
final class CampaignAccessData {

    /** One object of a kind, with the addressee whose accounts hold it, and its path values. */
    record Entry(Addressee addressee, Map<String, String> values) {
    }

    static final class Kind {
        final List<Entry> entries = new ArrayList<>();

        void add(Addressee a, Object... kv) {
            Map<String, String> v = new LinkedHashMap<>();
            for (int i = 0; i < kv.length; i += 2) {
                v.put((String) kv[i], String.valueOf(kv[i + 1]));
            }
            entries.add(new Entry(a, v));
        }

        /** The caller's own object (the city office: any); empty for accounts outside the campaign. */
        Optional<Map<String, String>> inside(CurrentUser caller) {
            if (!CampaignScope.participant(caller)) {
                return Optional.empty();
            }
            return entries.stream().filter(e -> e.addressee().heldBy(caller)).findFirst()
                    .or(() -> entries.stream().filter(e -> CampaignScope.covers(caller, e.addressee())).findFirst())
                    .map(Entry::values);
        }

        /** An object the caller does not see; empty for the city office, which sees all. */
        Optional<Map<String, String>> outside(CurrentUser caller) {
            return entries.stream().filter(e -> !CampaignScope.covers(caller, e.addressee())).findFirst().map(Entry::values);
        }

        Map<String, String> any() {
            return entries.get(0).values();
        }
    }

    static final Kind TASKS = new Kind();
    static final Kind TASK_FILES = new Kind();
    static final Kind REPORTS = new Kind();
    static final Kind REPORT_FILES = new Kind();
    static final Kind DISPATCHES = new Kind();
    static final Kind DISPATCH_FILES = new Kind();
    static final Kind RECORDS = new Kind();
    static final Kind RECORD_FILES = new Kind();
    static final Kind PRACTICAL = new Kind();
    static final Kind EVALUATION_TARGETS = new Kind();
    static final Map<String, String> PROGRAMME = new LinkedHashMap<>();

    private static boolean made;

    private CampaignAccessData() {
    }

    record Services(ProgrammeService programmes, ProgrammeRepository programmeRepository, CalendarService calendar,
                    TaskService tasks, ReportService reports, DispatchService dispatches, SupervisionService supervision,
                    PracticalItemService practical, EvaluationService evaluations, AccountDirectory accounts,
                    UnitCatalog units, JdbcClient jdbc, Clock clock) {
    }

    static synchronized void make(Services s) {
        if (made) {
            return;
        }
        made = true;
        new Maker(s).make();
    }

    private static final class Maker {
        private final Services s;
        private UUID programme;

        Maker(Services s) {
            this.s = s;
        }

        private <T> T as(String username, Supplier<T> work) {
            return s.accounts().runAs(username, work);
        }

        private void as(String username, Runnable work) {
            as(username, () -> {
                work.run();
                return null;
            });
        }

        private UUID unit(String name) {
            return s.units().findByName(name).orElseThrow().id();
        }

        private int version(String table, UUID id) {
            return s.jdbc().sql("select version from " + table + " where id = :id").param("id", id).query(Integer.class).single();
        }

        void make() {
            LocalDate today = LocalDate.now(s.clock().withZone(CampaignTestSupport.SHANGHAI));
            int year = today.getYear();
            UUID yingji = unit("市应急管理局");
            Map<String, Addressee> holders = new LinkedHashMap<>();
            holders.put("yingji", Addressee.cityUnit(yingji));
            holders.put("nengyuan", Addressee.cityUnit(unit("市能源局")));
            holders.put("zhujian", Addressee.cityUnit(unit("市住房和城乡建设局")));
            holders.put("zezhou", Addressee.countyOffice("140525"));
            holders.put("gaoping", Addressee.countyOffice("140581"));
            holders.put("zezhou-yingji", Addressee.countyUnit(yingji, "140525"));

            programme = as("city", () -> {
                UUID reference = s.programmeRepository().findByCode(ReferencePlan.CODE).orElseThrow().id();
                UUID id = s.programmes().copy(reference, new ProgrammeService.CopyInput("ACCESS-" + System.nanoTime() % 1_000_000,
                        "访问表检查方案", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), LocalDate.of(year, 1, 1), "访问表检查"));
                s.programmeRepository().structure(id).forEach(a -> a.measures().forEach(m -> s.programmes().checkMeasure(id, m.id())));
                s.programmes().activate(id);
                return id;
            });
            UUID measure = s.programmeRepository().structure(programme).get(0).measures().get(0).id();
            PROGRAMME.put("id", programme.toString());
            PROGRAMME.put("measureId", measure.toString());
            PROGRAMME.put("programme", programme.toString());
            PROGRAMME.put("year", String.valueOf(year));

            // the county office breaks one of its tasks down to its department of emergency management
            UUID countyTask = taskOf(holders.get("zezhou"));
            as("zezhou", () -> s.tasks().delegate(countyTask, version("cmp_task", countyTask), List.of(yingji)));

            as("city", () -> s.calendar().open(s.programmes().get(programme), today));
            for (Map.Entry<String, Addressee> h : holders.entrySet()) {
                String holder = h.getKey();
                Addressee a = h.getValue();
                task(holder, a, today);
                report(holder, a);
                dispatch(holder, a, today);
                record(holder, a, today);
            }
            practical("city", Addressee.CITY_OFFICE, year, today);
            practical("zezhou", holders.get("zezhou"), year, today);
            practical("gaoping", holders.get("gaoping"), year, today);
            evaluation(year, today, holders);
        }

        private UUID taskOf(Addressee a) {
            return s.jdbc().sql("""
                            select id from cmp_task where programme_id = :p and unit_id is not distinct from cast(:u as uuid)
                              and region_code is not distinct from :r and status <> 'DONE' order by created_at, id limit 1""")
                    .param("p", programme).param("u", a.unitId() == null ? null : a.unitId().toString())
                    .param("r", a.regionCode()).query(UUID.class).single();
        }

        private void task(String holder, Addressee a, LocalDate today) {
            UUID id = taskOf(a);
            UUID file = as(holder, () -> s.tasks().attach(id, SampleFiles.part("file", "png")).id());
            as(holder, () -> s.tasks().complete(id, version("cmp_task", id), "访问表检查：已完成", today));
            TASKS.add(a, "id", id, "version", version("cmp_task", id), "unitId", a.unitId() == null ? unit("市应急管理局") : a.unitId());
            TASK_FILES.add(a, "attachmentId", file);
        }

        private void report(String holder, Addressee a) {
            UUID id = s.jdbc().sql("""
                            select id from cmp_report where programme_id = :p and unit_id is not distinct from cast(:u as uuid)
                              and region_code is not distinct from :r order by due_on, id limit 1""")
                    .param("p", programme).param("u", a.unitId() == null ? null : a.unitId().toString())
                    .param("r", a.regionCode()).query(UUID.class).optional().orElse(null);
            if (id == null) {
                return; // an addressee with no report of its own (a county department)
            }
            UUID file = as(holder, () -> s.reports().attach(id, SampleFiles.part("file", "png")).id());
            as(holder, () -> s.reports().submit(id, version("cmp_report", id), "访问表检查：本期工作进展。", null));
            String office = a.kind() == Addressee.Kind.COUNTY_UNIT ? "zezhou" : "city";
            as(office, () -> s.reports().accept(id, version("cmp_report", id), "访问表检查"));
            REPORTS.add(a, "id", id, "version", version("cmp_report", id));
            REPORT_FILES.add(a, "attachmentId", file);
        }

        private void dispatch(String holder, Addressee a, LocalDate today) {
            String sender = a.kind() == Addressee.Kind.COUNTY_UNIT ? "zezhou" : "city";
            DispatchService.Sent sent = as(sender, () -> s.dispatches().send(new DispatchService.SendInput(programme,
                    DispatchKind.DISPATCH, "访问表检查调度", "请报送进展。", today.plusDays(7), List.of(a), null, null)));
            UUID id = sent.recipientIds().get(0);
            UUID file = as(holder, () -> s.dispatches().attach(id, SampleFiles.part("file", "png")).id());
            as(holder, () -> s.dispatches().answer(id, version("cmp_dispatch_recipient", id), "访问表检查：已办理。"));
            as(sender, () -> s.dispatches().close(id, version("cmp_dispatch_recipient", id), "办结"));
            DISPATCHES.add(a, "id", id, "version", version("cmp_dispatch_recipient", id));
            DISPATCH_FILES.add(a, "attachmentId", file);
        }

        private void record(String holder, Addressee a, LocalDate today) {
            String issuer = a.kind() == Addressee.Kind.COUNTY_UNIT ? "zezhou" : "city";
            UUID id = as(issuer, () -> s.supervision().issue(new SupervisionService.IssueInput(programme, SupervisionKind.LETTER, a,
                    "访问表检查督办", "访问表检查：事实和要求。", today, "访问表〔" + today.getYear() + "〕1号", false, null, null)));
            UUID file = as(issuer, () -> s.supervision().attach(id, SampleFiles.part("file", "png")).id());
            as(holder, () -> s.supervision().feedback(id, version("cmp_supervision", id), "访问表检查：已整改。"));
            as(issuer, () -> s.supervision().close(id, version("cmp_supervision", id), "办结"));
            RECORDS.add(a, "id", id, "version", version("cmp_supervision", id));
            RECORD_FILES.add(a, "attachmentId", file);
        }

        private void practical(String office, Addressee owner, int year, LocalDate today) {
            UUID id = as(office, () -> s.practical().create(new PracticalItemService.NewItem(programme, year, "访问表检查事项",
                    "监管职责", null, LocalDate.of(year, 12, 31))));
            as(office, () -> s.practical().drop(id, version("cmp_practical_item", id), "访问表检查：撤销"));
            PRACTICAL.add(owner, "id", id, "version", version("cmp_practical_item", id));
        }

        private void evaluation(int year, LocalDate today, Map<String, Addressee> holders) {
            List<EvaluationService.TargetInput> targets = new ArrayList<>();
            holders.values().stream().filter(a -> a.kind() != Addressee.Kind.COUNTY_UNIT).forEach(a -> targets.add(
                    new EvaluationService.TargetInput(a.office() ? Evaluation.Group.COUNTY : Evaluation.Group.UNIT,
                            a.unitId(), a.regionCode(), null)));
            UUID scheme = as("city", () -> s.evaluations().create(new EvaluationService.SchemeInput(programme, year, "访问表检查评估",
                    today.plusDays(1), List.of(new EvaluationService.ItemInput("资料审查", null, new BigDecimal(100),
                    EvaluationRule.MANUAL, null, "材料")), targets)));
            as("city", () -> s.evaluations().open(scheme));
            UUID item = s.jdbc().sql("select id from cmp_eval_item where scheme_id = :s").param("s", scheme).query(UUID.class).single();
            for (Map.Entry<String, Addressee> h : holders.entrySet()) {
                Addressee a = h.getValue();
                if (a.kind() == Addressee.Kind.COUNTY_UNIT) {
                    continue;
                }
                UUID target = s.jdbc().sql("""
                                select id from cmp_eval_target where scheme_id = :s and unit_id is not distinct from cast(:u as uuid)
                                  and region_code is not distinct from :r""")
                        .param("s", scheme).param("u", a.unitId() == null ? null : a.unitId().toString()).param("r", a.regionCode())
                        .query(UUID.class).single();
                as(h.getKey(), () -> {
                    s.evaluations().saveSelf(scheme, target, List.of(new EvaluationService.SelfInput(item, new BigDecimal(100), "自评")));
                    s.evaluations().submitSelf(scheme, target);
                });
                as("city", () -> s.evaluations().score(scheme, target,
                        List.of(new EvaluationService.ScoreInput(item, new BigDecimal(100), null, null, "DOCUMENT_REVIEW"))));
                EVALUATION_TARGETS.add(a, "id", scheme, "targetId", target);
            }
            as("city", () -> {
                s.evaluations().publish(scheme);
                s.evaluations().close(scheme);
            });
            PROGRAMME.put("schemeId", scheme.toString());
        }
    }
}
