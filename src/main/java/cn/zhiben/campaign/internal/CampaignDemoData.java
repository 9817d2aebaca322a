package cn.zhiben.campaign.internal;

import cn.zhiben.campaign.CampaignProperties;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The demo campaign (demo mode, first start only, {@code zhiben.campaign.demo-data=false} turns it off): the city's
 * plan checked and activated in January 2026, a year of work replayed up to today through the real verbs as the demo
 * accounts — tasks recorded and completed, monthly reports filed (most on time, a few late, a few still missing),
 * the three-year evaluation report, lists filed, dispatches answered, one escalated, supervision records, 办实事
 * lists and the 2026 evaluation in progress; year summaries due 12-05 partly in. Each step runs
 * {@link CampaignTime#at the moment it happened}, so dates, on-time flags and histories are what they would have been.
 * Units without a demo account file through the city office, which records reports received on paper (代录).
 * The whole story is one transaction: each verb's own transaction would commit (and fsync, on the durable
 * database) once per recorded step; and a start interrupted half-way leaves nothing behind, so the next start tells it again.
 */
@Component
@Order(40)
class CampaignDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CampaignDemoData.class);
    private static final int YEAR = 2026;

    private final PlatformProperties platform;
    private final CampaignProperties properties;
    private final ProgrammeService programmes;
    private final ProgrammeRepository programmeRepository;
    private final CalendarService calendar;
    private final TaskService tasks;
    private final ReportService reports;
    private final DispatchService dispatches;
    private final SupervisionService supervision;
    private final PracticalItemService practical;
    private final EvaluationService evaluations;
    private final AccountDirectory accounts;
    private final UnitCatalog units;
    private final EnterpriseDirectory enterprises;
    private final CampaignTime time;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Random random = new Random(20260105L);
    private Instant now;

    CampaignDemoData(PlatformProperties platform, CampaignProperties properties, ProgrammeService programmes,
                     ProgrammeRepository programmeRepository, CalendarService calendar, TaskService tasks,
                     ReportService reports, DispatchService dispatches, SupervisionService supervision,
                     PracticalItemService practical, EvaluationService evaluations, AccountDirectory accounts,
                     UnitCatalog units, EnterpriseDirectory enterprises, CampaignTime time, JdbcClient jdbc,
                     PlatformTransactionManager transactions) {
        this.platform = platform;
        this.properties = properties;
        this.programmes = programmes;
        this.programmeRepository = programmeRepository;
        this.calendar = calendar;
        this.tasks = tasks;
        this.reports = reports;
        this.dispatches = dispatches;
        this.supervision = supervision;
        this.practical = practical;
        this.evaluations = evaluations;
        this.accounts = accounts;
        this.units = units;
        this.enterprises = enterprises;
        this.time = time;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!platform.demo() || !properties.demoData()) {
            return;
        }
        Programme p = programmeRepository.findByCode(ReferencePlan.CODE).orElse(null);
        // the office left the plan as loaded: this is the first demo start
        if (p == null || p.status() != ProgrammeStatus.DRAFT || p.activatedAt != null) {
            return;
        }
        if (time.today().isBefore(LocalDate.of(YEAR, 2, 1))) {
            log.info("demo campaign skipped: the demo story starts in January {}", YEAR);
            return;
        }
        long started = System.nanoTime();
        Long steps = transaction.execute(s -> {
            long before = jdbc.sql("select count(*) from cmp_transition").query(Long.class).single();
            seed(p.id());
            return jdbc.sql("select count(*) from cmp_transition").query(Long.class).single() - before;
        });
        log.info("demo mode: campaign demo data created ({} recorded steps) in {} ms", steps,
                (System.nanoTime() - started) / 1_000_000);
    }

    void seed(UUID programme) {
        now = time.now();
        activate(programme);
        completeEarlierTasks(programme);
        for (YearMonth m = YearMonth.of(YEAR, 1); !m.atEndOfMonth().isAfter(lastDay()); m = m.plusMonths(1)) {
            monthly(programme, m);
        }
        lists(programme);
        evaluationReports(programme);
        progressThisYear(programme);
        yearSummaries(programme);
        dispatchesAndSupervision(programme);
        practicalLists(programme);
        evaluation(programme);
        at(now, () -> calendar.open(programmeRepository.find(programme).orElseThrow(), time.today()));
        at(now, () -> calendar.notify(time.today()));
    }

    // ---- the story ----

    private void activate(UUID programme) {
        at(moment(1, 4, 9, 0), () -> as("city", () -> programmeRepository.structure(programme)
                .forEach(a -> a.measures().forEach(m -> programmes.checkMeasure(programme, m.id())))));
        at(moment(1, 5, 9, 30), () -> as("city", () -> programmes.activate(programme)));
    }

    /** Targets of 2024 and 2025: done before the platform, recorded from the units' year summaries — most of them. */
    private void completeEarlierTasks(UUID programme) {
        List<TaskRow> rows = taskRows(programme, "t.due_on < '" + YEAR + "-01-01'");
        int i = 0;
        for (TaskRow t : rows) {
            i++;
            if (i % 13 == 0) {
                continue; // a few laggards stay overdue on the board
            }
            LocalDate doneOn = t.dueOn().minusDays(5 + random.nextInt(60));
            Instant at = moment(1, 12 + random.nextInt(14), 10, random.nextInt(50));
            String who = demoAccount(t.addressee()).orElse("city");
            at(at, () -> as(who, () -> tasks.complete(t.id(), null,
                    "已按方案完成：" + t.title() + "（" + doneOn.getYear() + "年度工作总结已报）", doneOn)));
        }
    }

    /** Monthly progress: open on the 1st, most filed in the last week, a few in the first days after, a few never. */
    private void monthly(UUID programme, YearMonth m) {
        Programme p = programmeRepository.find(programme).orElseThrow();
        at(m.atDay(1).atTime(8, 30).atZone(PlatformConfiguration.ZONE).toInstant(), () -> calendar.open(p, m.atDay(1)));
        boolean latest = m.equals(YearMonth.from(lastDay()));
        for (ReportRow r : reportRows(programme, ReportKind.MONTHLY, m.toString())) {
            int roll = random.nextInt(100);
            if (roll < (latest ? 7 : 2)) {
                continue; // still missing
            }
            LocalDateTime when = roll < (latest ? 16 : 10)
                    ? m.plusMonths(1).atDay(1 + random.nextInt(4)).atTime(9 + random.nextInt(8), random.nextInt(60))
                    : m.atEndOfMonth().minusDays(random.nextInt(6)).atTime(9 + random.nextInt(9), random.nextInt(60));
            file(r, when, monthlyText(r, m));
        }
    }

    private void evaluationReports(UUID programme) {
        LocalDate due = LocalDate.of(YEAR, 11, 10);
        if (lastDay().isBefore(due)) {
            return;
        }
        for (ReportRow r : reportRows(programme, ReportKind.EVALUATION_REPORT, String.valueOf(YEAR))) {
            int roll = random.nextInt(100);
            if (roll < 3) {
                continue;
            }
            LocalDateTime when = roll < 8 ? due.plusDays(1 + random.nextInt(5)).atTime(10, random.nextInt(60))
                    : due.minusDays(random.nextInt(10)).atTime(9 + random.nextInt(8), random.nextInt(60));
            file(r, when, "治本攻坚三年行动评估报告：对照方案十二大行动逐项自查，重点任务均已完成或按计划推进，"
                    + "存在的问题和下一步措施见附件。");
        }
    }

    /** 职责清单 and 年度任务清单: counties file them in the first quarter; the city office files them (备案). */
    private void lists(UUID programme) {
        for (ReportKind kind : List.of(ReportKind.DUTY_LIST, ReportKind.ANNUAL_TASK_LIST)) {
            for (ReportRow r : reportRows(programme, kind, String.valueOf(YEAR))) {
                boolean late = "140581".equals(r.addressee().regionCode()) && kind == ReportKind.ANNUAL_TASK_LIST;
                LocalDateTime when = late ? LocalDate.of(YEAR, 4, 3).atTime(15, 20) : LocalDate.of(YEAR, 3, 20 + random.nextInt(10)).atTime(10, 0);
                file(r, when, kind.label() + "：已经县委常委会、县政府常务会议研究通过，正式印发（见附件）。");
                at(toInstant(when.plusDays(2)), () -> as("city", () -> reports.accept(r.id(), null, "已备案")));
            }
        }
    }

    /** Tasks due at the end of the programme: reported on during the year, some already done. */
    private void progressThisYear(UUID programme) {
        List<TaskRow> rows = taskRows(programme, "t.due_on >= '" + YEAR + "-01-01' and t.status = 'NOT_STARTED'");
        int i = 0;
        for (TaskRow t : rows) {
            i++;
            if (i % 17 == 0) {
                continue; // not started yet: shows as 未开始
            }
            String who = demoAccount(t.addressee()).orElse("city");
            at(moment(3, 1 + random.nextInt(25), 10, random.nextInt(50)), () -> as(who, () ->
                    tasks.start(t.id(), null, "已制定本单位落实方案，明确责任科室和时间节点")));
            int percent = 55 + random.nextInt(40);
            at(moment(9, 1 + random.nextInt(25), 15, random.nextInt(50)), () -> as(who, () ->
                    tasks.progress(t.id(), null, "按月推进，累计开展督导检查 " + (8 + random.nextInt(30)) + " 次", percent)));
            if (i % 5 == 0) {
                LocalDate doneOn = LocalDate.of(YEAR, 11, 1 + random.nextInt(20));
                if (!doneOn.isAfter(lastDay())) {
                    at(toInstant(doneOn.atTime(16, 0)), () -> as(who, () -> tasks.complete(t.id(), null,
                            "全年目标任务已完成，验收材料见附件", doneOn)));
                }
            }
        }
    }

    /** Year summaries are due 12-05: a few are in. */
    private void yearSummaries(UUID programme) {
        LocalDate opens = properties.yearSummaryDay().atYear(YEAR).minusDays(properties.openDaysBeforeDue());
        if (lastDay().isBefore(opens)) {
            return;
        }
        Programme p = programmeRepository.find(programme).orElseThrow();
        at(toInstant(opens.atTime(8, 30)), () -> calendar.open(p, opens));
        int n = 0;
        for (ReportRow r : reportRows(programme, ReportKind.YEAR_SUMMARY, String.valueOf(YEAR))) {
            boolean demo = demoAccount(r.addressee()).isPresent();
            if (!demo && random.nextInt(100) >= 12) {
                continue;
            }
            if (demo && r.addressee().kind() == Addressee.Kind.COUNTY_OFFICE) {
                continue; // the counties are still writing theirs
            }
            LocalDateTime when = LocalDate.of(YEAR, 11, 24 + (n++ % 6)).atTime(10 + random.nextInt(7), random.nextInt(60));
            if (!when.toLocalDate().isAfter(lastDay())) {
                file(r, when, yearSummaryText(r));
            }
        }
    }

    private void dispatchesAndSupervision(UUID programme) {
        UUID yingji = unit("市应急管理局");
        UUID nengyuan = unit("市能源局");
        UUID zhujian = unit("市住房和城乡建设局");
        // 两级调度: the city asks every county and three units for the state of 动态清零
        if (!LocalDate.of(YEAR, 9, 20).isAfter(lastDay())) {
            DispatchService.Sent sept = at(moment(9, 8, 9, 10), () -> as("city", () -> dispatches.send(new DispatchService.SendInput(
                    programme, DispatchKind.DISPATCH, "重大事故隐患动态清零进展调度",
                    "请报告本地区、本行业领域重大事故隐患存量清零、增量管控和挂牌督办隐患整改进展，附隐患清单。",
                    LocalDate.of(YEAR, 9, 15), List.of(Addressee.countyOffice("140502"), Addressee.countyOffice("140521"),
                    Addressee.countyOffice("140522"), Addressee.countyOffice("140524"), Addressee.countyOffice("140525"),
                    Addressee.countyOffice("140581"), Addressee.cityUnit(yingji), Addressee.cityUnit(nengyuan),
                    Addressee.cityUnit(zhujian)), "MEASURE", measure(programme, 25)))));
            for (UUID copy : sept.recipientIds()) {
                Addressee a = addresseeOf(copy);
                boolean late = "140502".equals(a.regionCode());
                Instant when = late ? moment(9, 18, 11, 0) : moment(9, 12 + random.nextInt(3), 16, random.nextInt(50));
                if (late) {
                    at(moment(9, 16, 0, 5), () -> dispatches.markOverdue(LocalDate.of(YEAR, 9, 16)));
                }
                String who = demoAccount(a).orElse(null);
                if (who != null) {
                    at(when, () -> as(who, () -> dispatches.answer(copy, null, "存量隐患已全部销号，增量隐患按期整改，挂牌督办隐患整改完成 90%。")));
                    at(toInstant(LocalDate.of(YEAR, 9, 22).atTime(10, 0)), () -> as("city", () -> dispatches.close(copy, null, "已阅，办结。")));
                }
            }
        }
        // late reports of 城区: 通报批评, with the county's rectification and the closing
        if (!LocalDate.of(YEAR, 10, 25).isAfter(lastDay())) {
            UUID notice = at(moment(10, 12, 15, 0), () -> as("city", () -> supervision.issue(new SupervisionService.IssueInput(
                    programme, SupervisionKind.NOTICE, Addressee.countyOffice("140502"), "月度进展报送和调度答复滞后",
                    "城区安委办9月调度逾期3天答复，8月、9月月度进展均逾期报送，予以通报批评。", LocalDate.of(YEAR, 10, 12),
                    "晋安办通〔2026〕7号", true, null, null))));
            at(moment(10, 25, 10, 0), () -> as("city", () -> supervision.close(notice, null, "已建立专人负责的报送台账，办结。")));
        }
        if (!LocalDate.of(YEAR, 6, 18).isAfter(lastDay())) {
            UUID praise = at(moment(6, 18, 10, 0), () -> as("city", () -> supervision.issue(new SupervisionService.IssueInput(
                    programme, SupervisionKind.COMMENDATION, Addressee.countyOffice("140525"), "重大事故隐患“两级比对”工作成效明显",
                    "泽州县率先实现县市两级隐患数据逐条比对，上半年比对差异全部核清，予以通报表扬。", LocalDate.of(YEAR, 6, 18),
                    "晋安办通〔2026〕4号", true, null, null))));
            at(moment(6, 18, 10, 30), () -> as("city", () -> supervision.close(praise, null, "已通报。")));
        }
        // the year-end dispatch: Gaoping does not answer, is escalated, then gets a supervision letter and an interview
        if (!LocalDate.of(YEAR, 11, 28).isAfter(lastDay())) {
            DispatchService.Sent nov = at(moment(11, 20, 9, 0), () -> as("city", () -> dispatches.send(new DispatchService.SendInput(
                    programme, DispatchKind.DISPATCH, "治本攻坚三年行动总结评估准备情况调度",
                    "请报告自查自评进展、佐证材料准备情况和需市级协调解决的问题。", LocalDate.of(YEAR, 11, 27),
                    List.of(Addressee.countyOffice("140525"), Addressee.countyOffice("140581"), Addressee.cityUnit(yingji)),
                    null, null))));
            UUID gaopingCopy = null;
            for (UUID copy : nov.recipientIds()) {
                Addressee a = addresseeOf(copy);
                if ("140581".equals(a.regionCode())) {
                    gaopingCopy = copy;
                    continue;
                }
                String who = demoAccount(a).orElseThrow();
                at(moment(11, 25, 17, 10), () -> as(who, () -> dispatches.answer(copy, null,
                        "自评已完成 80%，佐证材料按评估项目分类整理，需协调事项：无。")));
                if (a.unitId() != null) {
                    at(moment(11, 26, 9, 0), () -> as("city", () -> dispatches.close(copy, null, "已阅，办结。")));
                }
            }
            at(moment(11, 28, 0, 5), () -> dispatches.markOverdue(LocalDate.of(YEAR, 11, 28)));
            UUID overdueCopy = gaopingCopy;
            if (!LocalDate.of(YEAR, 12, 1).isAfter(lastDay())) {
                at(moment(12, 1, 9, 30), () -> as("city", () -> dispatches.send(new DispatchService.SendInput(programme,
                        DispatchKind.SUPERVISION_LETTER, "关于限期答复总结评估准备情况的督办函",
                        "你市未按期答复市安委办11月20日调度，请于12月8日前答复并说明原因。", LocalDate.of(YEAR, 12, 8),
                        List.of(Addressee.countyOffice("140581")), "DISPATCH", overdueCopy))));
            }
            if (!LocalDate.of(YEAR, 11, 29).isAfter(lastDay())) {
                at(moment(11, 29, 14, 0), () -> as("city", () -> supervision.issue(new SupervisionService.IssueInput(programme,
                        SupervisionKind.INTERVIEW, Addressee.countyOffice("140581"), "调度答复不及时、评估准备滞后",
                        "约谈高平市安委办主任，要求立即答复调度并限期完成自查自评。", LocalDate.of(YEAR, 11, 29), null, false,
                        "DISPATCH", overdueCopy))));
            }
        }
        // a county dispatches its own department
        if (!LocalDate.of(YEAR, 12, 1).isAfter(lastDay())) {
            DispatchService.Sent county = at(moment(11, 25, 10, 0), () -> as("zezhou", () -> dispatches.send(new DispatchService.SendInput(
                    programme, DispatchKind.DISPATCH, "燃气用户场所报警装置安装情况核查",
                    "请核查全县餐饮等燃气用户场所可燃气体报警装置安装和联网情况，报送核查清单。", LocalDate.of(YEAR, 12, 2),
                    List.of(Addressee.countyUnit(yingji, "140525")), null, null))));
            at(moment(12, 1, 16, 30), () -> as("zezhou-yingji", () -> dispatches.answer(county.recipientIds().get(0), null,
                    "已核查燃气用户场所 312 家，已安装报警装置 298 家，其余 14 家限期 12 月 20 日前完成。")));
        }
        // an open dispatch to the energy bureau, due in a few days
        if (!LocalDate.of(YEAR, 11, 30).isAfter(lastDay())) {
            at(moment(11, 30, 9, 0), () -> as("city", () -> dispatches.send(new DispatchService.SendInput(programme,
                    DispatchKind.DISPATCH, "煤矿冬季安全生产专项检查进展调度",
                    "请报告煤矿冬季“三防”专项检查进展、发现重大事故隐患及整改情况。", lastDay().plusDays(3),
                    List.of(Addressee.cityUnit(nengyuan)), "MEASURE", measure(programme, 7)))));
        }
    }

    /** 办实事、解难题: the city and two counties keep their 2026 lists; Gaoping has listed fewer than ten. */
    private void practicalLists(UUID programme) {
        String[][] city = {
                {"市应急管理局执法车辆更新", "执法装备"}, {"县级应急管理部门执法记录仪配备", "执法装备"},
                {"安全监管执法经费纳入财政预算", "经费保障"}, {"市级安全生产专家库扩充至300人", "执法力量"},
                {"危化品重大危险源监测预警系统升级", "信息化建设"}, {"乡镇（街道）安全监管人员编制落实", "干部队伍"},
                {"燃气行业监管职责厘清", "监管职责"}, {"执法人员入职培训大纲编制", "干部队伍"},
                {"矿山安全风险监测预警平台接入", "信息化建设"}, {"消防救援站点布局优化", "执法力量"},
                {"市安委会成员单位领导班子安全生产述职", "领导班子"}, {"粉尘涉爆企业电力监测系统建设", "信息化建设"}};
        list(programme, "city", city, 9);
        String[][] county = {
                {"县应急局增配执法车辆2台", "执法装备"}, {"乡镇应急站所实体化运行", "执法力量"},
                {"县级安全监管执法经费不少于20万元", "经费保障"}, {"燃气企业整合提升", "监管职责"},
                {"县安全生产专家库建立", "执法力量"}, {"执法人员跟班参训", "干部队伍"},
                {"县级隐患直报系统接入", "信息化建设"}, {"自建房安全隐患整治收尾", "监管职责"},
                {"县委常委会专题研究安全生产", "领导班子"}, {"小型生产经营场所早期火灾报警装置安装", "其他"}};
        list(programme, "zezhou", county, 7);
        list(programme, "gaoping", java.util.Arrays.copyOf(county, 8), 4);
    }

    private void list(UUID programme, String who, String[][] items, int solved) {
        for (int i = 0; i < items.length; i++) {
            String[] it = items[i];
            LocalDate due = LocalDate.of(YEAR, 6 + (i % 6), 30);
            UUID id = at(moment(2, 20 + (i % 8), 10, i), () -> as(who, () -> practical.create(new PracticalItemService.NewItem(
                    programme, YEAR, it[0], it[1], null, due))));
            if (i < solved) {
                LocalDate on = LocalDate.of(YEAR, 5 + (i % 6), 10 + i);
                if (!on.isAfter(lastDay())) {
                    at(toInstant(on.atTime(15, 0)), () -> as(who, () -> practical.solve(id, null, "已办结：" + it[0], on)));
                }
            } else if (!LocalDate.of(YEAR, 9, 1).isAfter(lastDay())) {
                at(moment(9, 1, 10, i), () -> as(who, () -> practical.progress(id, null, "正在推进，预计年底前完成")));
            }
        }
    }

    /** The 2026 evaluation: scheme in October, self-assessments in November, the work team has begun scoring. */
    private void evaluation(UUID programme) {
        if (lastDay().isBefore(LocalDate.of(YEAR, 10, 10))) {
            return;
        }
        List<EvaluationService.TargetInput> targets = new ArrayList<>();
        for (String c : List.of("140502", "140521", "140522", "140524", "140525", "140581")) {
            targets.add(new EvaluationService.TargetInput(Evaluation.Group.COUNTY, null, c, null));
        }
        for (String u : List.of("市应急管理局", "市能源局", "市住房和城乡建设局")) {
            targets.add(new EvaluationService.TargetInput(Evaluation.Group.UNIT, unit(u), null, null));
        }
        EnterpriseRef mine = demoEnterprise("mine.coal", "泽州示范巴公煤业");
        EnterpriseRef chem = demoEnterprise("hazchem", "晋城示范煤化工");
        targets.add(new EvaluationService.TargetInput(Evaluation.Group.ENTERPRISE, null, null, mine.id()));
        targets.add(new EvaluationService.TargetInput(Evaluation.Group.ENTERPRISE, null, null, chem.id()));
        UUID scheme = at(moment(10, 8, 10, 0), () -> as("city", () -> evaluations.create(new EvaluationService.SchemeInput(
                programme, YEAR, YEAR + "年度安全生产治本攻坚三年行动总结评估", LocalDate.of(YEAR, 11, 30), List.of(
                new EvaluationService.ItemInput("党政领导干部安全生产责任落实", measure(programme, 1), new BigDecimal("20"),
                        EvaluationRule.MANUAL, null, "职责清单、年度任务清单、述职报告"),
                new EvaluationService.ItemInput("重大事故隐患动态清零", measure(programme, 23), new BigDecimal("25"),
                        EvaluationRule.DEDUCTION, new BigDecimal("5"), "隐患台账、销号审核材料，现场抽查"),
                new EvaluationService.ItemInput("按时报送", null, new BigDecimal("15"), EvaluationRule.REPORT_TIMELINESS, null,
                        "平台报送记录"),
                new EvaluationService.ItemInput("任务完成", null, new BigDecimal("25"), EvaluationRule.TASK_COMPLETION, null,
                        "挂图作战任务及佐证材料"),
                new EvaluationService.ItemInput("调度按期答复", null, new BigDecimal("15"), EvaluationRule.DISPATCH_TIMELINESS, null,
                        "平台调度记录")), targets))));
        at(moment(10, 10, 9, 0), () -> as("city", () -> evaluations.open(scheme)));
        Evaluation e = evaluationOf(scheme);
        Map<String, Instant> selfAt = Map.of("zezhou", moment(11, 20, 16, 0), "gaoping", moment(11, 28, 17, 30),
                "yingji", moment(11, 25, 11, 0), "nengyuan", moment(11, 26, 15, 0), "qiye", moment(11, 27, 10, 0));
        for (Evaluation.Target t : e.targets()) {
            String who = t.enterpriseId() != null ? (t.enterpriseId().equals(mine.id()) ? "qiye" : null)
                    : demoAccount(t.addressee()).orElse(null);
            if (who == null || !selfAt.containsKey(who) || selfAt.get(who).isAfter(now)) {
                continue;
            }
            List<EvaluationService.SelfInput> self = e.items().stream().map(i -> new EvaluationService.SelfInput(i.id(),
                    i.maxPoints().subtract(new BigDecimal(random.nextInt(3))), "已按要求完成，佐证材料见平台记录和附件")).toList();
            at(selfAt.get(who), () -> as(who, () -> {
                evaluations.saveSelf(scheme, t.id(), self);
                evaluations.submitSelf(scheme, t.id());
            }));
        }
        // the work team has scored two targets so far
        for (Evaluation.Target t : e.targets()) {
            boolean zezhou = t.addressee() != null && "140525".equals(t.addressee().regionCode());
            boolean yingji = t.addressee() != null && unit("市应急管理局").equals(t.addressee().unitId());
            if (!zezhou && !yingji) {
                continue;
            }
            Instant when = zezhou ? moment(12, 1, 10, 0) : moment(12, 2, 15, 0);
            if (when.isAfter(now)) {
                continue;
            }
            List<EvaluationService.ScoreInput> scores = new ArrayList<>();
            for (Evaluation.Item i : e.items()) {
                scores.add(switch (i.rule()) {
                    case MANUAL -> new EvaluationService.ScoreInput(i.id(), zezhou ? new BigDecimal("18") : i.maxPoints(),
                            null, zezhou ? "述职报告未专门报告治本攻坚推进情况" : null, "DOCUMENT_REVIEW");
                    case DEDUCTION -> new EvaluationService.ScoreInput(i.id(), null, zezhou ? 1 : 0,
                            zezhou ? "现场抽查发现1项重大事故隐患整改不到位" : null, "ON_SITE");
                    default -> new EvaluationService.ScoreInput(i.id(), null, null, null, "DOCUMENT_REVIEW");
                });
            }
            at(when, () -> as("city", () -> evaluations.score(scheme, t.id(), scores)));
        }
    }

    // ---- filing one report, as the unit itself if it has a demo account, else recorded by the city office ----

    private void file(ReportRow r, LocalDateTime when, String text) {
        if (when.toLocalDate().isAfter(lastDay()) || toInstant(when).isAfter(now)) {
            return;
        }
        String who = demoAccount(r.addressee()).orElse(null);
        if (who != null) {
            at(toInstant(when), () -> as(who, () -> reports.submit(r.id(), null, text, null)));
        } else {
            at(toInstant(when.plusHours(1)), () -> as("city", () -> reports.recordReceived(r.id(), null, when.toLocalDate(),
                    "收到公文报送（纸质件已扫描）：" + text)));
        }
    }

    private String monthlyText(ReportRow r, YearMonth m) {
        return m.getMonthValue() + "月，本单位召开治本攻坚专题会议 1 次，主要负责人带队督导检查 " + (2 + random.nextInt(6))
                + " 次，督促整改一般隐患 " + (5 + random.nextInt(40)) + " 项；对照挂图作战任务逐项推进，" + "下月将重点抓好"
                + (m.getMonthValue() >= 10 ? "总结评估准备和冬季安全生产。" : "重大事故隐患动态清零和专项整治。");
    }

    private String yearSummaryText(ReportRow r) {
        return YEAR + "年，本单位认真落实治本攻坚三年行动实施方案，全年组织执法检查 " + (120 + random.nextInt(300))
                + " 次，督促整改重大事故隐患 " + (3 + random.nextInt(20)) + " 项，挂图作战任务全部按期推进。存在问题：基层监管力量不足、"
                + "企业自查自改质量不高。下一步：巩固治本攻坚成果，形成重大事故隐患动态清零常态化机制。";
    }

    // ---- helpers ----

    record TaskRow(UUID id, Addressee addressee, LocalDate dueOn, String title) {
    }

    private List<TaskRow> taskRows(UUID programme, String condition) {
        return jdbc.sql("""
                select t.id, t.unit_id, t.region_code, t.due_on, m.title from cmp_task t join cmp_measure m on m.id = t.measure_id
                where t.programme_id = :p and %s order by m.no, t.region_code nulls first, t.unit_id""".formatted(condition))
                .param("p", programme)
                .query((rs, n) -> new TaskRow(rs.getObject(1, UUID.class), new Addressee(rs.getObject(2, UUID.class),
                        rs.getString(3)), rs.getDate(4).toLocalDate(), rs.getString(5))).list();
    }

    record ReportRow(UUID id, Addressee addressee) {
    }

    private List<ReportRow> reportRows(UUID programme, ReportKind kind, String period) {
        return jdbc.sql("""
                select id, unit_id, region_code from cmp_report where programme_id = :p and kind = :k and period = :period
                  and status = 'DUE' order by region_code nulls first, unit_id""")
                .param("p", programme).param("k", kind.name()).param("period", period)
                .query((rs, n) -> new ReportRow(rs.getObject(1, UUID.class), new Addressee(rs.getObject(2, UUID.class),
                        rs.getString(3)))).list();
    }

    private Addressee addresseeOf(UUID copy) {
        return jdbc.sql("select unit_id, region_code from cmp_dispatch_recipient where id = :id").param("id", copy)
                .query((rs, n) -> new Addressee(rs.getObject(1, UUID.class), rs.getString(2))).single();
    }

    private UUID measure(UUID programme, int no) {
        return jdbc.sql("select id from cmp_measure where programme_id = :p and no = :no").param("p", programme)
                .param("no", no).query(UUID.class).single();
    }

    private Evaluation evaluationOf(UUID scheme) {
        return accounts.runAs("city", () -> {
            EvaluationService.Detail d = evaluations.detail(scheme, null);
            return new Evaluation(d.evaluation().id(), d.evaluation().programmeId(), d.evaluation().year(),
                    d.evaluation().title(), d.evaluation().selfDueOn(), d.evaluation().status(), d.evaluation().version(),
                    d.evaluation().items(), d.targets().stream().map(EvaluationService.TargetView::target).toList(),
                    d.evaluation().results());
        });
    }

    private EnterpriseRef demoEnterprise(String industry, String name) {
        return enterprises.demoEnterprises(industry).stream().filter(x -> x.name().startsWith(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo enterprise " + name));
    }

    private UUID unit(String name) {
        return units.findByName(name).orElseThrow().id();
    }

    /** The demo account that speaks for an addressee, if there is one. */
    private java.util.Optional<String> demoAccount(Addressee a) {
        if (a.kind() == Addressee.Kind.COUNTY_OFFICE) {
            return java.util.Optional.ofNullable(switch (a.regionCode()) {
                case "140525" -> "zezhou";
                case "140581" -> "gaoping";
                default -> null;
            });
        }
        if (a.kind() == Addressee.Kind.COUNTY_UNIT) {
            return a.unitId().equals(unit("市应急管理局")) && "140525".equals(a.regionCode())
                    ? java.util.Optional.of("zezhou-yingji") : java.util.Optional.empty();
        }
        if (a.kind() == Addressee.Kind.CITY_UNIT) {
            String name = units.find(a.unitId()).map(u -> u.name()).orElse("");
            return java.util.Optional.ofNullable(switch (name) {
                case "市应急管理局" -> "yingji";
                case "市能源局" -> "nengyuan";
                case "市住房和城乡建设局" -> "zhujian";
                default -> null;
            });
        }
        return java.util.Optional.of("city");
    }

    /** Today, or the programme's last day if the demo starts after it. */
    private LocalDate lastDay() {
        LocalDate today = LocalDate.ofInstant(now, PlatformConfiguration.ZONE);
        LocalDate end = LocalDate.of(YEAR, 12, 31);
        return today.isAfter(end) ? end : today;
    }

    private static Instant moment(int month, int day, int hour, int minute) {
        return LocalDateTime.of(YEAR, month, day, hour, minute).atZone(PlatformConfiguration.ZONE).toInstant();
    }

    private static Instant toInstant(LocalDateTime t) {
        return t.atZone(PlatformConfiguration.ZONE).toInstant();
    }

    /** Runs a step as of its moment; a step later than now has not happened yet and is skipped. */
    private <T> T at(Instant moment, Supplier<T> work) {
        if (moment.isAfter(now)) {
            return null;
        }
        return time.at(moment, work);
    }

    private void at(Instant moment, Runnable work) {
        at(moment, () -> {
            work.run();
            return null;
        });
    }

    private <T> T as(String username, Supplier<T> work) {
        return accounts.runAs(username, work);
    }

    private void as(String username, Runnable work) {
        accounts.runAs(username, () -> {
            work.run();
            return null;
        });
    }
}
