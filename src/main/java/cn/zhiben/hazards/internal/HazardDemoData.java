package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.standards.Checklist;
import cn.zhiben.standards.StandardClause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import cn.zhiben.hazards.HazardEvents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Demo hazards (demo mode only, on a database without hazards): a dozen hazards at the demo enterprises in every state
 * a user should meet — awaiting confirmation, acknowledgement, extension decision, review; listed by the county and by
 * the city; overdue and escalated; signed off; a possible duplicate. Every step goes through {@link HazardService} as
 * the demo account that would take it, so timelines, notifications and audit entries are real. A hazard whose story
 * spans weeks then has its whole history moved back by that many days ({@link #shiftBack}), and the overdue job runs
 * once, so deadlines fall in the past exactly as they would have.
 */
@Component
@Order(30)
class HazardDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HazardDemoData.class);

    private final PlatformProperties platform;
    private final boolean enabled;
    private final HazardService service;
    private final AccountDirectory accounts;
    private final EnterpriseDirectory enterprises;
    private final UnitCatalog units;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final cn.zhiben.hazards.HazardsProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final HazardRepository hazards;

    HazardDemoData(PlatformProperties platform, @Value("${zhiben.hazards.demo-data:true}") boolean enabled,
                   HazardService service, AccountDirectory accounts, EnterpriseDirectory enterprises, UnitCatalog units,
                   JdbcClient jdbc, Clock clock, cn.zhiben.hazards.HazardsProperties properties,
                   ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
                   HazardRepository hazards) {
        this.hazards = hazards;
        this.platform = platform;
        this.enabled = enabled;
        this.service = service;
        this.accounts = accounts;
        this.enterprises = enterprises;
        this.units = units;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!platform.demo() || !enabled) {
            return;
        }
        if (jdbc.sql("select exists (select 1 from hz_hazard)").query(Boolean.class).single()) {
            return;
        }
        List<UUID> made = seed();
        log.info("demo mode: {} demo hazards created", made.size());
    }

    /** The demo enterprise with this name (without the （演示） mark). */
    private EnterpriseRef enterprise(String industry, String name) {
        return enterprises.demoEnterprises(industry).stream().filter(e -> e.name().startsWith(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo enterprise " + name));
    }

    /** Creates the demo hazards; returns their ids in the order made. */
    List<UUID> seed() {
        LocalDate today = today();
        List<UUID> made = new ArrayList<>();
        EnterpriseRef bagong = enterprise("mine.coal", "泽州示范巴公煤业");
        EnterpriseRef chemical = enterprise("hazchem.production", "晋城示范煤化工");
        EnterpriseRef jiafeng = enterprise("mine.coal", "沁水示范嘉峰煤业");
        EnterpriseRef sizhuang = enterprise("mine.coal", "高平示范寺庄煤业");
        EnterpriseRef beiliu = enterprise("mine.coal", "阳城示范北留煤业");
        EnterpriseRef ceramics = enterprise("indtrade.building", "阳城示范陶瓷");
        EnterpriseRef cement = enterprise("indtrade.building", "泽州示范水泥");
        List<StandardClause> coal = clauses("qiye", bagong, today.minusDays(90));
        List<StandardClause> chem = clauses("qiye-huagong", chemical, today.minusDays(90));

        // 1. the whole closed loop: two-level confirmation, plan, progress, extension granted by the county's lead
        //    department, completion, third-party evaluation, sign-off request, on-site review, 销号 — about ten weeks ago
        UUID full = selfReport(bagong, pick(coal, "瓦斯抽采系统"), "高瓦斯矿井地面永久瓦斯抽采系统泵站一台停运，抽采系统不能正常使用",
                "地面瓦斯抽采泵站", today.minusDays(3), Shutdown.PARTIAL);
        confirm(full);
        plan(full, today.plusDays(30), 850_000_00L);
        as("qiye", () -> service.reportProgress(full, version(full), "抽采钻孔施工完成 60%，抽采泵站扩容设备已到货"));
        as("qiye", () -> service.requestExtension(full, version(full), today.plusDays(45), "抽采泵站扩容设备安装调试需增加工期"));
        as("zezhou-nengyuan", () -> service.decideExtension(full, version(full), true, "经现场核实，同意延期 15 天"));
        finish(full, "THIRD_PARTY");
        as("qiye", () -> service.requestSignOff(full, version(full)));
        as("zezhou-nengyuan", () -> service.signOff(full, version(full), "复产验收：抽采系统已按设计形成，抽采达标，同意销号"));
        shiftBack(full, 75, 50);
        made.add(full);

        // 2. listed for supervision by the county (挂牌督办), being rectified; the city office sends a 督办提醒
        UUID listed = selfReport(bagong, pick(coal, "只有单回路供电"), "矿井双回路供电中一回路电源线路长期停用，实际为单回路供电",
                "地面 35kV 变电站", today.minusDays(2), Shutdown.PARTIAL);
        confirm(listed);
        as("zezhou", () -> service.list(listed, version(listed), new HazardService.ListingInput("泽安办督〔2026〕15号",
                unit("市能源局"), today.plusDays(40), ListingLevel.COUNTY, false)));
        plan(listed, today.plusDays(35), 120_000_00L);
        as("qiye", () -> service.reportProgress(listed, version(listed), "第二回路电缆敷设完成，待供电部门验收"));
        as("city", () -> service.remind(listed, version(listed), "请督促企业在督办期限内完成第二回路验收，每周报告进展"));
        shiftBack(listed, 20, 12);
        made.add(listed);

        // 3. past its deadline: marked overdue and escalated by the daily job
        UUID overdue = selfReport(bagong, pick(coal, "主要通风机没有备用机"), "主要通风机房备用风机电机拆修后未装回，只有一台主要通风机运行",
                "主通风机房", today.minusDays(1), Shutdown.NONE);
        confirm(overdue);
        plan(overdue, today.plusDays(20), 30_000_00L);
        shiftBack(overdue, 45, 3);
        made.add(overdue);

        // 4. sign-off requested, not reviewed within the review period: escalated
        UUID review = selfReport(bagong, pick(coal, "未敷设压风"), "3102 掘进工作面未敷设压风管路，供水管路距迎头超过规定距离",
                "3102 掘进工作面", today.minusDays(2), Shutdown.NONE);
        confirm(review);
        plan(review, today.plusDays(10), 15_000_00L);
        finish(review, "SELF");
        as("qiye", () -> service.requestSignOff(review, version(review)));
        shiftBack(review, 14, 2);
        made.add(review);

        // 5. a general hazard fixed on the spot (立查立改)
        UUID fixed = as("qiye", () -> service.report(new HazardService.NewHazard(bagong.id(), Channel.SELF_INSPECTION,
                Grade.GENERAL, null, "井口信号室灭火器压力不足", "副井井口信号室", today.minusDays(6), "安全科 张工",
                Shutdown.NONE, false, true, null)));
        made.add(fixed);

        // 6. waiting for the principal's confirmation (two-level confirmation, second level)
        UUID pending = selfReport(bagong, pick(coal, "爆炸物品"), "掘进工作面使用的煤矿许用炸药安全等级与矿井瓦斯等级不相符",
                "3103 掘进工作面", today, Shutdown.NONE);
        as("qiye", () -> service.confirmByDepartment(pending, version(pending)));
        made.add(pending);

        // 7. found by the city's inspection, acknowledged; an extension request waits for the county's decision
        UUID inspected = register("yingji", chemical, Channel.SUPERVISION, pick(chem, "紧急切断"),
                "液化烃储罐区紧急切断阀未与可燃气体报警联锁，DCS 无联锁记录", "液化烃罐区", today.minusDays(1));
        as("qiye-huagong", () -> service.acknowledge(inspected, version(inspected)));
        planAs("qiye-huagong", inspected, today.plusDays(25), 260_000_00L);
        as("qiye-huagong", () -> service.requestExtension(inspected, version(inspected), today.plusDays(40),
                "联锁改造需停车检修，与年度大修合并实施"));
        shiftBack(inspected, 6, 4);
        made.add(inspected);

        // 8. listed by the city, rectified, evaluated by a qualified third party, waiting for the city-level review
        UUID cityListed = register("yingji", chemical, Channel.EXPERT, pick(chem, "自动化控制"),
                "涉及重点监管危险化工工艺的装置未实现自动化控制，反应釜温度压力仍人工调节", "合成车间", today.minusDays(1));
        as("qiye-huagong", () -> service.acknowledge(cityListed, version(cityListed)));
        as("city", () -> service.list(cityListed, version(cityListed), new HazardService.ListingInput("晋安办督〔2026〕4号",
                unit("市应急管理局"), today.plusDays(30), ListingLevel.CITY, false)));
        planAs("qiye-huagong", cityListed, today.plusDays(20), 480_000_00L);
        as("qiye-huagong", () -> service.complete(cityListed, version(cityListed), "自动化控制系统安装完成并投用，联锁测试合格"));
        as("qiye-huagong", () -> service.evaluate(cityListed, version(cityListed), new HazardDetails.EvaluationInput(
                "THIRD_PARTY", "山西示范安全评价有限公司", "自动化控制改造符合要求，整改到位", today, "APJ-（晋）-0XX（演示）", null)));
        as("qiye-huagong", () -> service.requestSignOff(cityListed, version(cityListed)));
        shiftBack(cityListed, 4, 3);
        made.add(cityListed);

        // 9. the same clause reported again by the enterprise: flagged as a possible duplicate
        UUID duplicate = as("qiye-huagong", () -> service.report(new HazardService.NewHazard(chemical.id(),
                Channel.SELF_INSPECTION, Grade.MAJOR, pick(chem, "紧急切断").id(),
                "液化烃罐区 2# 储罐紧急切断阀联锁未投用", "液化烃罐区 2# 储罐", today, "安全环保部 李工",
                Shutdown.NONE, false, false, null)));
        made.add(duplicate);

        // 10.–11. found by inspections at enterprises without accounts: waiting for them to acknowledge; the enterprises'
        //     own checks had not found them, so 责任倒查 opened — the county has closed the one in 高平
        UUID unacknowledged = register("nengyuan", jiafeng, Channel.SUPERVISION, pick(clauses("nengyuan", jiafeng, today), "瓦斯等级鉴定"),
                "矿井未按规定进行瓦斯等级鉴定，鉴定报告超期", "矿井技术科", today.minusDays(2));
        // 省级挂牌, recorded by the city office on the province's behalf — listing does not wait for the acknowledgement
        as("city", () -> service.list(unacknowledged, version(unacknowledged), new HazardService.ListingInput(
                "晋安办督〔2026〕11号（转省安委办督办）", unit("市能源局"), today.plusDays(45), ListingLevel.PROVINCE, false)));
        made.add(unacknowledged);
        UUID tipOff = register("gaoping", sizhuang, Channel.TIP_OFF, pick(clauses("gaoping", sizhuang, today), "超出核定"),
                "群众举报：夜班存在超能力组织生产，经核查当月产量超过核定能力 10% 以上", "调度室", today.minusDays(4));
        as("gaoping", () -> service.closeAccountability(tipOff, version(tipOff),
                "经倒查，企业月度自查流于形式，调度记录未纳入自查范围；已对矿长约谈，对生产副矿长、调度主任按企业制度处理，责令完善自查制度"));
        made.add(tipOff);

        // 12.–13. general hazards found by the city's inspection, with deadlines
        made.add(as("yingji", () -> service.report(new HazardService.NewHazard(ceramics.id(), Channel.SUPERVISION,
                Grade.GENERAL, null, "窑炉天然气管道未设置明显标识，部分阀门无开关状态指示", "辊道窑燃气管道", today.minusDays(3),
                "市应急局 执法一队", Shutdown.NONE, false, false, today.plusDays(15)))));
        made.add(as("yingji", () -> service.report(new HazardService.NewHazard(cement.id(), Channel.SUPERVISION,
                Grade.GENERAL, null, "煤粉制备车间部分电气设备防爆标志缺失", "煤粉制备车间", today.minusDays(3),
                "市应急局 执法二队", Shutdown.NONE, false, false, today.plusDays(10)))));

        // 14. county-listed, signed off by the county's lead department: waits for the county office to confirm 摘牌
        UUID awaitingDelisting = selfReport(bagong, pick(coal, "0.74MPa"), "3号煤层瓦斯压力达到 0.74MPa 后未立即按突出煤层管理",
                "3号煤层 2301 工作面", today.minusDays(3), Shutdown.PARTIAL);
        confirm(awaitingDelisting);
        as("zezhou", () -> service.list(awaitingDelisting, version(awaitingDelisting), new HazardService.ListingInput(
                "泽安办督〔2026〕18号", unit("市能源局"), today.plusDays(30), ListingLevel.COUNTY, true)));
        plan(awaitingDelisting, today.plusDays(25), 65_000_00L);
        as("qiye", () -> service.complete(awaitingDelisting, version(awaitingDelisting), "已按突出煤层管理，完成区域防突措施"));
        as("qiye", () -> service.evaluate(awaitingDelisting, version(awaitingDelisting), new HazardDetails.EvaluationInput(
                "SELF", null, "区域防突措施效果检验合格", today, null, "通风副总 王某；技术科 刘某；外聘专家 陈某（演示）")));
        as("qiye", () -> service.requestSignOff(awaitingDelisting, version(awaitingDelisting)));
        as("zezhou-nengyuan", () -> service.signOff(awaitingDelisting, version(awaitingDelisting), "复产验收合格，报县安委办确认摘牌"));
        shiftBack(awaitingDelisting, 30, 29);
        made.add(awaitingDelisting);

        // 15. county-listed, signed off and 摘牌 confirmed: the board shows 督办结束 with the date
        UUID delisted = selfReport(bagong, pick(coal, "人员准入制度"), "冲击地压危险区域未执行人员准入制度",
                "2305 工作面", today.minusDays(2), Shutdown.NONE);
        confirm(delisted);
        as("zezhou", () -> service.list(delisted, version(delisted), new HazardService.ListingInput(
                "泽安办督〔2026〕9号", unit("市能源局"), today.plusDays(20), ListingLevel.COUNTY, false)));
        plan(delisted, today.plusDays(15), 12_000_00L);
        finish(delisted, "SELF");
        as("qiye", () -> service.requestSignOff(delisted, version(delisted)));
        as("zezhou-nengyuan", () -> service.signOff(delisted, version(delisted), "现场审核：准入制度已执行，门禁系统运行正常"));
        as("zezhou", () -> service.confirmDelisting(delisted, version(delisted), "县级挂牌督办结束"));
        shiftBack(delisted, 40, 30);
        made.add(delisted);

        // 16. a county listing raised to a city listing by the city office (提级督办)
        UUID raised = selfReport(bagong, pick(coal, "防治水"), "矿井水文地质类型复杂，未设专门防治水机构，探放水队伍不足",
                "矿井地测防治水科", today.minusDays(2), Shutdown.PARTIAL);
        confirm(raised);
        as("zezhou", () -> service.list(raised, version(raised), new HazardService.ListingInput(
                "泽安办督〔2026〕12号", unit("市能源局"), today.plusDays(30), ListingLevel.COUNTY, false)));
        as("city", () -> service.raiseListing(raised, version(raised), new HazardService.ListingInput(
                "晋安办督〔2026〕7号", unit("市能源局"), today.plusDays(25), ListingLevel.CITY, false)));
        shiftBack(raised, 8, 4);
        made.add(raised);

        // 17. not acknowledged within its deadline: escalated by the daily job, and proceeds as acknowledged
        UUID silent = register("nengyuan", beiliu, Channel.SUPERVISION, pick(clauses("nengyuan", beiliu, today), "安全监控系统"),
                "安全监控系统部分甲烷传感器断电范围设置不符合规定", "1301 回风巷", today.minusDays(1));
        shiftBack(silent, 6, 1);
        made.add(silent);

        // 18. a fire hazard in the coal mine, found by the county fire brigade after 2025-11-01: GB 35181-2025 has no
        //     clauses in the library, so it is determined by expert review (综合判定); it belongs to the fire field too
        UUID fire = as("zezhou-xiaofang", () -> service.report(new HazardService.NewHazard(bagong.id(), Channel.SUPERVISION,
                Grade.MAJOR, null, "联合建筑内职工宿舍与材料库同层设置，疏散楼梯间防火门损坏过半，火灾自动报警系统不能正常运行",
                "矿区联合建筑", today.minusDays(1), "泽州县消防救援大队 监督员", Shutdown.NONE, false, false, null,
                new HazardService.DeterminationInput(fireStandard(bagong, today), List.of(
                        "王某 晋城市消防救援支队 高级工程师（演示）", "李某 山西示范消防技术服务有限公司 注册消防工程师（演示）",
                        "赵某 泽州县应急管理局 工程师（演示）"),
                        "依据 GB 35181-2025 第6章综合判定要素，该场所存在安全疏散、火灾自动报警等多项要素不符合，经专家论证判定为重大火灾隐患。"))));
        made.add(fire);

        // 19. withdrawn by its reporter before confirmation
        UUID withdrawn = selfReport(bagong, pick(coal, "定员不执行"), "采掘工作面单班下井人数超过定员的 120%（经复核为统计口径错误）",
                "矿调度室", today, Shutdown.NONE);
        as("qiye", () -> service.withdraw(withdrawn, version(withdrawn), "经复核为定员统计口径错误，实际入井人数未超定员，撤回"));
        made.add(withdrawn);

        // 20. regraded: reported as major, the county's lead department finds it general, with a deadline
        UUID regraded = register("zezhou-nengyuan", bagong, Channel.SUPERVISION, pick(coal, "安全设施设计"),
                "二采区局部巷道支护变更未履行设计变更程序", "二采区轨道巷", today.minusDays(2));
        as("zezhou-nengyuan", () -> service.regrade(regraded, version(regraded), new HazardService.RegradeInput(Grade.GENERAL,
                "经核查属局部支护参数调整，不属于重大设计变更，按一般隐患限期整改", null, null, today.plusDays(10))));
        made.add(regraded);

        // 21. the same clause at the same place registered twice: merged into the first, which keeps the listing
        UUID again = register("zezhou-yingji", chemical, Channel.SUPERVISION, pick(chem, "紧急切断"),
                "液化烃罐区紧急切断阀联锁旁路未恢复", "液化烃罐区", today);
        as("zezhou-yingji", () -> service.merge(again, version(again), inspected, "与市应急局检查发现的同一问题，合并办理"));
        made.add(again);

        // 22. a self-report nobody confirmed within the deadline: escalated
        UUID unconfirmed = as("qiye-huagong", () -> service.report(new HazardService.NewHazard(chemical.id(),
                Channel.SELF_INSPECTION, Grade.MAJOR, pick(chem, "不间断电源").id(), "甲醇合成装置 DCS 不间断电源蓄电池组失效，仅单电源供电",
                "甲醇合成装置", today.minusDays(1), "安全环保部 李工", Shutdown.NONE, false, false, null)));
        shiftBack(unconfirmed, 5, 1);
        made.add(unconfirmed);

        service.markOverdue();
        return made;
    }

    private UUID unit(String name) {
        return units.findByName(name).map(CommitteeUnit::id).orElse(null);
    }

    /** The fire standard in force for the enterprise on the day (GB 35181-2025 after 2025-11-01). */
    private UUID fireStandard(EnterpriseRef e, LocalDate on) {
        return as("zezhou", () -> service.clauseChecklist(e.id(), on)).standards().stream()
                .filter(v -> "fire".equals(v.standardCode())).findFirst().orElseThrow().id();
    }

    // ---- the verbs, as the accounts that take them ----

    /** The first clause whose summary says this: each demo hazard cites the clause that fits its description. */
    private static StandardClause pick(List<StandardClause> clauses, String words) {
        return clauses.stream().filter(c -> !c.version().overlay() && c.summary().contains(words)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no clause about " + words));
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

    private List<StandardClause> clauses(String username, EnterpriseRef enterprise, LocalDate on) {
        Checklist list = as(username, () -> service.clauseChecklist(enterprise.id(), on));
        return list.sections().stream().filter(s -> !s.general()).flatMap(s -> s.clauses().stream()).toList();
    }

    private UUID selfReport(EnterpriseRef e, StandardClause clause, String description, String location, LocalDate foundOn,
                            Shutdown shutdown) {
        return as("qiye", () -> service.report(new HazardService.NewHazard(e.id(), Channel.SELF_INSPECTION, Grade.MAJOR,
                clause.id(), description, location, foundOn, "安全科 张工", shutdown, false, false, null)));
    }

    private UUID register(String username, EnterpriseRef e, Channel channel, StandardClause clause, String description,
                          String location, LocalDate foundOn) {
        return as(username, () -> service.report(new HazardService.NewHazard(e.id(), channel, Grade.MAJOR, clause.id(),
                description, location, foundOn, "检查组", Shutdown.NONE, true, false, null)));
    }

    private void confirm(UUID id) {
        as("qiye", () -> service.confirmByDepartment(id, version(id)));
        as("qiye-fzr", () -> service.confirmByPrincipal(id, version(id)));
    }

    private void plan(UUID id, LocalDate deadline, long fundingFen) {
        planAs("qiye", id, deadline, fundingFen);
    }

    private void planAs(String username, UUID id, LocalDate deadline, long fundingFen) {
        as(username, () -> service.filePlan(id, version(id), new HazardDetails.PlanInput(
                "消除重大事故隐患，恢复系统符合规程要求", "按判定标准条款逐项整改，更换、补齐相关设施设备，完善管理制度",
                fundingFen, "设备、材料已列入采购计划", "成立以矿长为组长的整改领导组", "分管副矿长", deadline,
                "整改期间设专人盯守，作业前检查气体、通风和供电", "执行综合应急预案和专项处置方案",
                "受影响区域限员作业，加密巡检")));
    }

    private void finish(UUID id, String evaluationKind) {
        as("qiye", () -> service.complete(id, version(id), "整改措施已全部落实，经企业自检合格"));
        boolean third = evaluationKind.equals("THIRD_PARTY");
        as("qiye", () -> service.evaluate(id, version(id), new HazardDetails.EvaluationInput(evaluationKind,
                third ? "山西示范安全技术服务有限公司" : null, "整改到位，效果良好", today(),
                third ? "APJ-（晋）-1XX（演示）" : null, third ? null : "技术科 刘某；通风科 赵某")));
    }

    private int version(UUID id) {
        return jdbc.sql("select version from hz_hazard where id = :id").param("id", id).query(Integer.class).single();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    /**
     * Moves a demo hazard's whole history — dates, deadlines, timeline, plans, extensions, evaluations — back by
     * {@code days}, as if it had happened then, and spreads its steps (made within a second) over the first
     * {@code spanDays} of that time as such steps fall in a rectification, with the records that belong to each
     * step. The last step stays about {@code days - spanDays} days in the past. Only for demo hazards, right after they are made.
     * One transaction: the moved hazard is published as a new version with it, so the read models see the moved dates.
     */
    void shiftBack(UUID id, int days, int spanDays) {
        transactions.executeWithoutResult(tx -> moveBack(id, days, spanDays));
    }

    private void moveBack(UUID id, int days, int spanDays) {
        jdbc.sql("""
                update hz_hazard set found_on = found_on - :d, deadline = deadline - :d, overdue_since = overdue_since - :d,
                    listing_deadline = listing_deadline - :d, stock = (found_on - :d) <= date '2023-12-31'
                where id = :id""").param("d", days).param("id", id).update();
        jdbc.sql("update hz_plan set deadline = deadline - :d where hazard_id = :id").param("d", days).param("id", id).update();
        jdbc.sql("update hz_determination set determined_on = determined_on - :d, recorded_at = recorded_at - make_interval(days => :d) where hazard_id = :id")
                .param("d", days).param("id", id).update();
        jdbc.sql("""
                update hz_extension set requested_deadline = requested_deadline - :d, previous_deadline = previous_deadline - :d
                where hazard_id = :id""").param("d", days).param("id", id).update();
        // each step to where it falls in a rectification of `spanDays` that began `days` ago, in office hours:
        // confirmations the same day, the plan within days, completion near the end (k * 37 minutes keep the order)
        jdbc.sql("""
                with b as (select (min(at) at time zone 'Asia/Shanghai')::date - :d as day0 from hz_transition where hazard_id = :id),
                     t as (select id, action, row_number() over (order by id) - 1 as k from hz_transition where hazard_id = :id)
                update hz_transition x
                set at = ((b.day0 + floor(:span * case t.action
                        when 'LIST' then 0.03 when 'FILE_PLAN' then 0.06 when 'REPORT_PROGRESS' then 0.35
                        when 'REQUEST_EXTENSION' then 0.45 when 'APPROVE_EXTENSION' then 0.48 when 'REFUSE_EXTENSION' then 0.48
                        when 'COMPLETE' then 0.8 when 'EVALUATE' then 0.86 when 'REQUEST_SIGN_OFF' then 0.9
                        when 'SIGN_OFF' then 0.95 when 'REJECT_SIGN_OFF' then 1.0 when 'CONFIRM_DELISTING' then 1.0
                        when 'REMIND' then 0.5 when 'RAISE_LISTING' then 0.6 else 0 end)::int)
                        + time '09:00' + t.k * interval '37 minutes') at time zone 'Asia/Shanghai'
                from t, b where x.id = t.id""").param("id", id).param("d", days).param("span", spanDays).update();
        // dates written into the timeline's reasons ("申请延期至 …") move with the rest
        java.util.regex.Pattern date = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
        jdbc.sql("select id, reason from hz_transition where hazard_id = :id and reason ~ '[0-9]{4}-[0-9]{2}-[0-9]{2}'")
                .param("id", id).query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(r -> jdbc.sql("update hz_transition set reason = :reason where id = :tid")
                        .param("reason", date.matcher(r.getValue()).replaceAll(m -> LocalDate.parse(m.group()).minusDays(days).toString()))
                        .param("tid", r.getKey()).update());
        jdbc.sql("""
                update hz_plan p set filed_at = (select max(at) from hz_transition where hazard_id = :id and action = 'FILE_PLAN')
                where p.hazard_id = :id""").param("id", id).update();
        jdbc.sql("""
                update hz_extension e set
                    requested_at = (select max(at) from hz_transition where hazard_id = :id and action = 'REQUEST_EXTENSION'),
                    decided_at = case when e.decided_at is null then null else
                        (select max(at) from hz_transition where hazard_id = :id and action in ('APPROVE_EXTENSION', 'REFUSE_EXTENSION')) end
                where e.hazard_id = :id""").param("id", id).update();
        jdbc.sql("""
                update hz_evaluation v set
                    recorded_at = (select max(at) from hz_transition where hazard_id = :id and action = 'EVALUATE'),
                    evaluated_on = ((select max(at) from hz_transition where hazard_id = :id and action = 'EVALUATE')
                                    at time zone 'Asia/Shanghai')::date
                where v.hazard_id = :id""").param("id", id).update();
        // reported when it reached REPORTED (or was registered past it); the review is due from the sign-off request
        jdbc.sql("""
                update hz_hazard h set
                    created_at = (select min(at) from hz_transition where hazard_id = :id),
                    updated_at = (select max(at) from hz_transition where hazard_id = :id),
                    accountability_opened_at = case when h.accountability_opened_at is null then null
                        else (select min(at) from hz_transition where hazard_id = :id and action = 'OPEN_ACCOUNTABILITY') end,
                    accountability_closed_at = case when h.accountability_closed_at is null then null
                        else (select max(at) from hz_transition where hazard_id = :id and action = 'CLOSE_ACCOUNTABILITY') end,
                    step_due_on = case when h.step_due_on is null then null else
                        ((select max(at) from hz_transition where hazard_id = :id and from_status is distinct from to_status)
                         at time zone 'Asia/Shanghai')::date + (h.step_due_on - (h.updated_at at time zone 'Asia/Shanghai')::date) end,
                    listing_ended_on = case when h.listing_ended_on is null then null else
                        ((select max(at) from hz_transition where hazard_id = :id and action in ('CONFIRM_DELISTING', 'DELIST'))
                         at time zone 'Asia/Shanghai')::date end,
                    reported_at = case when h.reported_at is null then null else coalesce(
                        (select min(at) from hz_transition where hazard_id = :id and to_status = 'REPORTED'),
                        (select min(at) from hz_transition where hazard_id = :id)) end,
                    review_due_on = case when h.review_due_on is null then null else
                        ((select max(at) from hz_transition where hazard_id = :id and action = 'REQUEST_SIGN_OFF')
                         at time zone 'Asia/Shanghai')::date + (h.review_due_on - (h.updated_at at time zone 'Asia/Shanghai')::date) end
                where h.id = :id""").param("id", id).param("reviewDays", properties.reviewDays()).update();
        jdbc.sql("""
                update hz_hazard set report_lag_hours = greatest(0, floor(extract(epoch from
                    reported_at - (found_on::timestamp at time zone 'Asia/Shanghai')) / 3600))::int
                where id = :id and reported_at is not null""").param("id", id).update();
        // the messages already sent about it were dated today: the notifications module re-dates them from this
        HazardEvents.DemoHistoryShifted moved = jdbc.sql("""
                select (select reported_at from hz_hazard where id = :id) as reported,
                       (select max(at) from hz_transition where hazard_id = :id and action = 'LIST') as listed,
                       (select max(at) from hz_transition where hazard_id = :id
                         and action in ('APPROVE_EXTENSION', 'REFUSE_EXTENSION')) as extension,
                       (select max(at) from hz_transition where hazard_id = :id
                         and action in ('SIGN_OFF', 'CONFIRM_DELISTING')) as signed""")
                .param("id", id).query((rs, n) -> new HazardEvents.DemoHistoryShifted(id, days, instant(rs, "reported"),
                        instant(rs, "listed"), instant(rs, "extension"), instant(rs, "signed"), clock.instant())).single();
        hazards.changedOutsideVerbs(id);
        events.publishEvent(moved);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
