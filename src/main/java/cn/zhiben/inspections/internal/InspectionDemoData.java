package cn.zhiben.inspections.internal;

import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.inspections.InspectionEvents.Measure;
import cn.zhiben.inspections.InspectionsProperties;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.org.StandardizationGrade;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.standards.Checklist;
import cn.zhiben.standards.StandardClause;
import cn.zhiben.standards.StandardsLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Demo mode: the enforcement officers of the demo units and a small expert pool (always, so the demo accounts can work),
 * and — unless {@code zhiben.inspections.demo-data=false}, once, on a database without demo plans — a quarter's story
 * made through the real verbs as the accounts that would take each step: 泽州县应急管理局's 双随机 plan with its draw,
 * inspections with findings that became hazards (部门检查) and decisions including one 一案双罚, a 四不两直 inspection
 * not yet visited, a joint coal-mine inspection with an expert whose finding the mine's own checks passed (查不出), the
 * mine's self-inspections with gaps, and 市能源局 finding a major hazard without deciding anything (the zero-penalty list).
 */
@Component
@Order(40)
class InspectionDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InspectionDemoData.class);
    private static final LocalDate CERTIFICATES_FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate CERTIFICATES_TO = LocalDate.of(2028, 12, 31);

    /** account, certificate number (demo numbers, marked as such on the officer list) */
    static final List<String[]> OFFICERS = List.of(
            new String[]{"zezhou-zf1", "演示-1405250001"}, new String[]{"zezhou-zf2", "演示-1405250002"},
            new String[]{"zezhou-zf3", "演示-1405250003"}, new String[]{"zezhou-zf4", "演示-1405250004"},
            new String[]{"yingji-zf1", "演示-1405000101"},
            new String[]{"yingji-zf2", "演示-1405000102"}, new String[]{"nengyuan-zf1", "演示-1405000201"},
            new String[]{"nengyuan-zf2", "演示-1405000202"});

    private final PlatformProperties platform;
    private final InspectionsProperties properties;
    private final AccountDirectory accounts;
    private final OfficerRegister officers;
    private final ExpertPool experts;
    private final PlanService plans;
    private final PlanRepository planRepository;
    private final DrawService draws;
    private final InspectionService inspections;
    private final InspectionRepository inspectionRepository;
    private final DecisionService decisions;
    private final SelfInspections selfInspections;
    private final EnterpriseDirectory enterprises;
    private final UnitCatalog units;
    private final StandardsLibrary standards;
    private final JdbcClient jdbc;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final Clock clock;

    InspectionDemoData(PlatformProperties platform, InspectionsProperties properties, AccountDirectory accounts,
                       OfficerRegister officers, ExpertPool experts, PlanService plans, PlanRepository planRepository,
                       DrawService draws, InspectionService inspections, InspectionRepository inspectionRepository,
                       DecisionService decisions, SelfInspections selfInspections, EnterpriseDirectory enterprises,
                       UnitCatalog units, StandardsLibrary standards, JdbcClient jdbc,
                       org.springframework.transaction.PlatformTransactionManager transactions, Clock clock) {
        this.platform = platform;
        this.properties = properties;
        this.accounts = accounts;
        this.officers = officers;
        this.experts = experts;
        this.plans = plans;
        this.planRepository = planRepository;
        this.draws = draws;
        this.inspections = inspections;
        this.inspectionRepository = inspectionRepository;
        this.decisions = decisions;
        this.selfInspections = selfInspections;
        this.enterprises = enterprises;
        this.units = units;
        this.standards = standards;
        this.jdbc = jdbc;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!platform.demo()) {
            return;
        }
        int registered = registerOfficersAndExperts();
        if (registered > 0) {
            log.info("演示模式：已登记 {} 名演示执法人员和专家", registered);
        }
        if (!properties.demoData() || jdbc.sql("select exists (select 1 from insp_plan where demo)").query(Boolean.class).single()) {
            return;
        }
        Story s = seed();
        log.info("演示模式：已生成检查演示数据（{} 项检查，{} 份执法决定）", s.inspections().size(), s.decisions().size());
    }

    // ---- reference: officers and experts ----

    int registerOfficersAndExperts() {
        return tx.execute(t -> register());
    }

    private int register() {
        int n = 0;
        for (String[] o : OFFICERS) {
            var account = accounts.findByUsername(o[0]);
            if (account.isEmpty() || officers.byUser(account.get().id()).isPresent()) {
                continue;
            }
            var unit = UnitRef.of(account.get().role(), account.get().unitId(), account.get().regionCode()).orElseThrow();
            as(unitAccount(unit), () -> officers.insert(account.get(), o[1], unit, CERTIFICATES_FROM, CERTIFICATES_TO, true));
            n++;
        }
        if (!jdbc.sql("select exists (select 1 from insp_expert where demo)").query(Boolean.class).single()) {
            UUID zhuanjia = accounts.findByUsername("zhuanjia").map(AccountDirectory.Account::id).orElse(null);
            as("yingji", () -> {
                UnitRef owner = new UnitRef(units.findByName("市应急管理局").orElseThrow().id(), null);
                experts.insert("张建国", zhuanjia, "山西示范煤矿安全技术服务中心", "正高级工程师",
                        List.of("注册安全工程师（煤矿安全）", "煤矿安全评价师"), List.of("mine.coal", "mine.cbm"), null,
                        LocalDate.of(2024, 7, 1), LocalDate.of(2027, 6, 30), owner, "演示专家", true);
                experts.insert("王立新", null, "晋城示范化工设计院", "高级工程师", List.of("注册安全工程师（化工安全）"),
                        List.of("hazchem"), null, LocalDate.of(2024, 7, 1), LocalDate.of(2027, 6, 30), owner, "演示专家", true);
                experts.insert("刘明", null, "山西示范工贸安全咨询有限公司", "高级工程师", List.of("注册安全工程师（金属冶炼安全）"),
                        List.of("indtrade"), null, LocalDate.of(2024, 7, 1), LocalDate.of(2027, 6, 30), owner, "演示专家", true);
                experts.insert("陈静", null, "晋城示范消防技术服务有限公司", "工程师", List.of("一级注册消防工程师"),
                        List.of("fire", "gas"), null, LocalDate.of(2024, 7, 1), LocalDate.of(2027, 6, 30), owner, "演示专家", true);
                experts.insert("赵刚", null, "山西示范非煤矿山安全研究所（退休技安人员）", "高级工程师", List.of("注册安全工程师（金属非金属矿山安全）"),
                        List.of("mine.noncoal", "construction"), null, LocalDate.of(2024, 7, 1), LocalDate.of(2027, 6, 30), owner,
                        "演示专家", true);
                return null;
            });
            n += 5;
        }
        return n;
    }

    // ---- the story ----

    record Story(List<UUID> plans, List<UUID> inspections, List<UUID> decisions, List<UUID> selfInspections) {
    }

    /** The whole story in one transaction: all of it or nothing. */
    Story seed() {
        return tx.execute(t -> story());
    }

    private Story story() {
        LocalDate today = today();
        LocalDate quarterFrom = today.withMonth((today.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
        LocalDate quarterTo = quarterFrom.plusMonths(3).minusDays(1);
        int year = today.getYear();
        int quarter = today.get(IsoFields.QUARTER_OF_YEAR);
        Story story = new Story(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        // 1. 泽州县应急管理局: the quarter's 双随机 plan, its draw, inspections, decisions (one 一案双罚)
        UUID plan = as("zezhou-yingji", () -> plans.create(new PlanService.NewPlan(year + " 年第 " + quarter + " 季度“双随机”执法检查计划",
                PlanKind.RANDOM, quarterFrom, quarterTo, 2, 0, null,
                "依据年度安全生产监督检查计划，从本单位监管的生产经营单位名录库中随机抽取检查对象，从执法人员名录库中随机抽取执法人员。",
                List.of(), List.of(new PlanService.TargetInput(null, null, null, null, Draw.Selection.RANDOM, 3))), true));
        as("zezhou-yingji", () -> {
            plans.activate(plan, 0);
            return null;
        });
        UUID draw = as("zezhou-yingji", () -> draws.draw(plan, "泽州县纪委监委派驻纪检监察组 现场监督"));
        story.plans().add(plan);
        List<Inspection> drawn = inspectionRepository.ofDraw(draw);
        for (int i = 0; i < drawn.size(); i++) {
            Inspection x = drawn.get(i);
            story.inspections().add(x.id());
            if (i == 0) {
                UUID hazardFinding = visit(x, 8, Grade.MAJOR, Shutdown.PARTIAL, story);
                complete(x, "检查组按检查清单逐项检查，发现重大事故隐患 1 项，已现场责令停止相关作业。", "责令立即停止相关区域作业，限期整改；拟依法予以处罚。");
                var profile = enterprises.profile(x.enterpriseId()).orElseThrow();
                story.decisions().addAll(as("zezhou-yingji", () -> decisions.create(new DecisionService.NewDecision(x.id(), null,
                        Decision.Kind.PENALTY, EnumSet.of(Measure.FINE, Measure.ORDER_RECTIFICATION),
                        "该单位存在重大事故隐患，未采取措施消除（见现场检查记录），主要负责人违章指挥从业人员在隐患区域继续作业。",
                        List.of("SAFELAW-102"), 2_500_000L, 0L, today.plusDays(30), null, null, today, null, today,
                        List.of(hazardFinding), new DecisionService.PersonPenalty(profile.principalName(), "主要负责人",
                        900_000L, List.of("ORDER15-45"), "作为主要负责人，违章指挥从业人员在存在重大事故隐患的区域继续作业。")), true)));
            } else if (i == 1) {
                UUID hazardFinding = visit(x, 5, Grade.GENERAL, Shutdown.NONE, story);
                complete(x, "检查组按检查清单逐项检查，发现一般隐患 1 项。", "责令限期整改，到期复查。");
                List<UUID> order = as("zezhou-yingji", () -> decisions.create(new DecisionService.NewDecision(x.id(), null,
                        Decision.Kind.RECTIFICATION_ORDER, EnumSet.of(Measure.ORDER_RECTIFICATION),
                        "现场检查发现一般事故隐患（见现场检查记录），应当限期整改。", List.of("SAFELAW-65"), 0L, 0L,
                        today.plusDays(15), null, null, null, null, today, List.of(hazardFinding), null), true));
                story.decisions().addAll(order);
                UUID id = order.get(0);
                as("zezhou-yingji", () -> {
                    decisions.serve(id, version(id), today);
                    decisions.reinspect(id, version(id), new InspectionService.ReinspectionInput(today, true,
                            "复查：隐患已按要求整改完毕，整改到位。", id));
                    decisions.close(id, version(id));
                    return null;
                });
            }
            // the third stays planned: the drawn officers find it waiting
        }

        // 2. 市应急管理局: a 四不两直 visit to the coal-chemical plant, not yet made — hidden from the plant and the county
        EnterpriseRef chemical = enterprise("hazchem.production", "晋城示范煤化工");
        story.inspections().add(as("yingji", () -> inspections.create(new InspectionService.NewInspection(null, chemical.id(),
                PlanKind.UNANNOUNCED, List.of(officerOf("yingji-zf1"), officerOf("yingji-zf2")), today, today.plusDays(14)), true)));

        // 3. 市应急管理局 with 市能源局: a joint inspection of one of 泽州县's producing 一级标准化 coal mines, drawn at random
        // (on a demo database that is 泽州示范巴公煤业 alone: the target, not the draw, decides which mine the story shows),
        // with an expert, a partial stop ordered
        UUID joint = as("yingji", () -> plans.create(new PlanService.NewPlan(year + " 年第 " + quarter + " 季度煤矿联合执法检查",
                PlanKind.JOINT, quarterFrom, quarterTo, 2, 0, null,
                "市应急管理局牵头，市能源局参加，抽查泽州县一级标准化煤矿，聚焦煤矿重大事故隐患。",
                List.of(new PlanService.UnitInput(units.findByName("市能源局").orElseThrow().id(), null)),
                List.of(new PlanService.TargetInput("140525", "mine.coal", null, EnumSet.of(StandardizationGrade.GRADE_1),
                        Draw.Selection.RANDOM, 1))), true));
        as("yingji", () -> {
            plans.activate(joint, 0);
            return null;
        });
        UUID jointDraw = as("yingji", () -> draws.draw(joint, null));
        story.plans().add(joint);
        Inspection j = inspectionRepository.ofDraw(jointDraw).get(0);
        story.inspections().add(j.id());

        // the drawn mine's own checks: monthly, weekly and daily, with gaps; one passed the clause the expert will find
        StandardClause missed = clauses(j.enterpriseId(), today).get(12);
        selfChecks(j.enterpriseId(), today, missed, story);
        UUID expert = jdbc.sql("select id from insp_expert where demo and name = '张建国'").query(UUID.class).single();
        UUID assignment = as("yingji", () -> inspections.assignExpert(j.id(), expert));
        start(j, "主斜井、综采工作面、地面变电所");
        record(j, clauses(j.enterpriseId(), today).subList(0, 3));
        UUID expertFinding = as("zhuanjia", () -> inspections.addFinding(j.id(), new InspectionService.FindingInput(null,
                Grade.MAJOR, missed.id(), "专家检查发现：" + shorten(missed.summary()), "井下采区", Shutdown.PARTIAL, null,
                null))).hazardId();
        complete(j, "联合检查组会同专家对煤矿重大灾害防治和重大事故隐患进行检查，专家发现重大事故隐患 1 项；该条款企业月度自查记录为合格。",
                "责令限期整改并局部停产，企业自查责任倒查。");
        story.decisions().addAll(as("yingji", () -> decisions.create(new DecisionService.NewDecision(j.id(), null,
                Decision.Kind.RECTIFICATION_ORDER, EnumSet.of(Measure.ORDER_RECTIFICATION, Measure.SUSPEND_PARTIAL),
                "联合检查中专家发现重大事故隐患，在排除前无法保证安全（见现场检查记录）。", List.of("SAFELAW-65"), 0L, 0L,
                today.plusDays(20), today, null, null, null, today, List.of(expertFinding), null), true)));
        as("yingji", () -> {
            inspections.evaluateExpert(j.id(), assignment, 5, "专业判断准确，指出问题具体，整改建议可操作。");
            return null;
        });

        // 4. 市能源局: its own inspection finds a major hazard and no decision follows (the zero-penalty watch lists it)
        EnterpriseRef jiafeng = enterprise("mine.coal", "沁水示范嘉峰煤业");
        UUID routine = as("nengyuan", () -> inspections.create(new InspectionService.NewInspection(null, jiafeng.id(),
                PlanKind.ROUTINE, List.of(officerOf("nengyuan-zf1"), officerOf("nengyuan-zf2")), today, today.plusDays(10)), true));
        story.inspections().add(routine);
        Inspection r = inspectionRepository.find(routine).orElseThrow();
        visit(r, 9, Grade.MAJOR, Shutdown.NONE, story);
        complete(r, "例行检查发现重大事故隐患 1 项。", "督促企业整改。");
        return story;
    }

    /** Starts the visit, records four checklist items as passed and one finding; returns the finding's hazard. */
    private UUID visit(Inspection x, int clauseIndex, Grade grade, Shutdown shutdown, Story story) {
        start(x, "生产现场、中控室、安全管理台账");
        String officer = lead(x);
        List<StandardClause> list = clauses(x.enterpriseId(), today());
        record(x, list.subList(0, Math.min(4, list.size())));
        StandardClause clause = list.isEmpty() ? null : list.get(Math.min(clauseIndex, list.size() - 1));
        if (grade == Grade.MAJOR && clause == null) {
            grade = Grade.GENERAL;
        }
        Grade g = grade;
        return as(officer, () -> inspections.addFinding(x.id(), new InspectionService.FindingInput(null, g,
                g == Grade.MAJOR ? clause.id() : null,
                clause != null ? "现场检查发现：" + shorten(clause.summary()) : "安全警示标志设置不全，部分作业场所未设置安全警示标志",
                "生产作业现场", shutdown, g == Grade.GENERAL ? today().plusDays(15) : null, null))).hazardId();
    }

    private void start(Inspection x, String place) {
        as(lead(x), () -> {
            inspections.start(x.id(), version(x.id()), place);
            return null;
        });
    }

    /**
     * The clauses as passed items; a drawn enterprise whose industry has no clauses of its own in the library gets one free
     * item, since a record without any item cannot be completed.
     */
    private void record(Inspection x, List<StandardClause> clauses) {
        List<InspectionService.ItemInput> items = clauses.isEmpty()
                ? List.of(new InspectionService.ItemInput(null, "安全生产管理台账和作业现场安全状况", InspectionService.ItemResult.PASSED, null))
                : clauses.stream().map(c -> new InspectionService.ItemInput(c.id(), null, InspectionService.ItemResult.PASSED, null)).toList();
        as(lead(x), () -> inspections.recordItems(x.id(), items));
    }

    /** Both officers and the enterprise's person sign on the screen, then the record is completed and numbered. */
    private void complete(Inspection x, String summary, String handling) {
        String officer = lead(x);
        as(officer, () -> {
            for (Inspection.OnDuty o : x.officers()) {
                inspections.sign(x.id(), new InspectionService.SignatureInput(InspectionService.Party.OFFICER, o.officerId(),
                        null, null, signature(o.name())));
            }
            String principal = enterprises.profile(x.enterpriseId()).map(EnterpriseDirectory.Profile::principalName).orElse("负责人");
            inspections.sign(x.id(), new InspectionService.SignatureInput(InspectionService.Party.ENTERPRISE, null, principal,
                    "主要负责人", signature(principal)));
            inspections.complete(x.id(), version(x.id()), summary, handling);
            return null;
        });
        // the enterprise acknowledges the record where it has an account
        accounts.enterpriseAccounts(x.enterpriseId()).stream().findFirst().flatMap(accounts::find).ifPresent(a ->
                as(a.username(), () -> {
                    inspections.acknowledge(x.id(), version(x.id()));
                    return null;
                }));
    }

    /** Recorded through the mine's own account (none: the mine keeps no checks on this platform, nothing to record). */
    private void selfChecks(UUID mine, LocalDate today, StandardClause covered, Story story) {
        var account = accounts.enterpriseAccounts(mine).stream().findFirst().flatMap(accounts::find);
        if (account.isEmpty()) {
            return;
        }
        String user = account.get().username();
        String principal = enterprises.profile(mine).map(EnterpriseDirectory.Profile::principalName).orElse("负责人");
        List<StandardClause> list = clauses(mine, today);
        for (int m = 3; m >= 1; m--) {
            LocalDate day = today.minusMonths(m).withDayOfMonth(8);
            boolean withCovered = m == 1;
            List<SelfInspections.ItemInput> items = new ArrayList<>();
            for (StandardClause c : list.subList(0, 3)) {
                items.add(new SelfInspections.ItemInput(c.id(), null, InspectionService.ItemResult.PASSED, null));
            }
            if (withCovered) {
                items.add(new SelfInspections.ItemInput(covered.id(), null, InspectionService.ItemResult.PASSED, "经检查符合要求"));
            }
            story.selfInspections().add(self(user, SelfInspections.Level.ENTERPRISE, day, "全矿", "矿长 " + principal, items));
        }
        for (int w = 4; w >= 1; w--) {
            if (w == 2) {
                continue; // a week without the workshop check: listed as missing
            }
            LocalDate day = today.minusWeeks(w);
            story.selfInspections().add(self(user, SelfInspections.Level.WORKSHOP, day, "综采一队", "安全科科长 张工",
                    List.of(new SelfInspections.ItemInput(list.get(3).id(), null, InspectionService.ItemResult.PASSED, null))));
        }
        for (int d = 10; d >= 1; d--) {
            if (d == 4 || d == 7) {
                continue; // two days without the team check
            }
            story.selfInspections().add(self(user, SelfInspections.Level.TEAM, today.minusDays(d), "综采一队早班", "班长 李师傅",
                    List.of(new SelfInspections.ItemInput(null, "班前安全确认（顶板、通风、设备）", InspectionService.ItemResult.PASSED, null))));
        }
    }

    private UUID self(String user, SelfInspections.Level level, LocalDate day, String scope, String ledBy,
                      List<SelfInspections.ItemInput> items) {
        return as(user, () -> selfInspections.record(new SelfInspections.NewSelfInspection(level,
                SelfInspections.noonOf(day).minusSeconds(3 * 3600), scope, ledBy, null, "按要求开展隐患排查，未发现重大事故隐患。", items)));
    }

    // ---- helpers ----

    private List<StandardClause> clauses(UUID enterpriseId, LocalDate on) {
        Checklist c = standards.checklist(enterpriseId, on);
        return c.sections().stream().filter(s -> !s.general() && !s.version().overlay()).flatMap(s -> s.clauses().stream())
                .toList();
    }

    private String lead(Inspection x) {
        return accounts.find(x.officers().get(0).userId()).orElseThrow().username();
    }

    private UUID officerOf(String username) {
        UUID user = accounts.findByUsername(username).orElseThrow().id();
        return officers.byUser(user).orElseThrow().id();
    }

    private String unitAccount(UnitRef unit) {
        return unit.regionCode() == null
                ? (unit.unitId().equals(units.findByName("市能源局").orElseThrow().id()) ? "nengyuan" : "yingji")
                : "zezhou-yingji";
    }

    private int version(UUID id) {
        Integer v = jdbc.sql("select version from insp_inspection where id = :id").param("id", id).query(Integer.class)
                .optional().orElse(null);
        if (v != null) {
            return v;
        }
        return jdbc.sql("select version from insp_decision where id = :id").param("id", id).query(Integer.class).single();
    }

    private EnterpriseRef enterprise(String industry, String name) {
        return enterprises.demoEnterprises(industry).stream().filter(e -> e.name().startsWith(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo enterprise " + name));
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    private <T> T as(String username, Supplier<T> work) {
        return accounts.runAs(username, work);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    /** A handwriting-like stroke for a demo signature (the demo has no hands); PNG as a data URL, like the canvas sends. */
    static String signature(String name) {
        BufferedImage img = new BufferedImage(360, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(20, 30, 90));
        g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Random r = new Random(name.hashCode());
        Path2D path = new Path2D.Double();
        double x = 20;
        path.moveTo(x, 70);
        for (int i = 0; i < name.length() * 3; i++) {
            double nx = x + 18 + r.nextInt(14);
            path.curveTo(x + 6, 20 + r.nextInt(40), nx - 6, 60 + r.nextInt(45), nx, 40 + r.nextInt(50));
            x = nx;
        }
        g.draw(path);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
