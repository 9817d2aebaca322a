package cn.zhiben.people.internal;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.people.PeopleProperties;
import cn.zhiben.people.ResidentIdNumber;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.platform.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Demo register, certificates, training, drills and a 三违 case (demo mode, first start only, {@code
 * zhiben.people.demo-data=false} switches it off), made through the services as the demo accounts, with the gaps a city
 * office should see: principals of target sectors untrained or short of days, certificates about to need review or
 * already expired while the holder is on duty, a dispatched worker underground in a coal mine, an area that has not
 * drilled, a training institution that failed its AQ 8011-2023 check.
 */
@Component
@Order(40)
class PeopleDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PeopleDemoData.class);

    private final PlatformProperties platform;
    private final PeopleProperties properties;
    private final AccountDirectory accounts;
    private final EnterpriseDirectory enterprises;
    private final RegisterService register;
    private final RegisterRepository registerRepository;
    private final CertificateService certificates;
    private final TrainingService training;
    private final DrillService drills;
    private final RetrainingService retraining;
    private final InstitutionService institutions;
    private final JdbcClient jdbc;
    private final Clock clock;

    PeopleDemoData(PlatformProperties platform, PeopleProperties properties, AccountDirectory accounts,
                   EnterpriseDirectory enterprises, RegisterService register, RegisterRepository registerRepository,
                   CertificateService certificates, TrainingService training, DrillService drills,
                   RetrainingService retraining, InstitutionService institutions, JdbcClient jdbc, Clock clock) {
        this.platform = platform;
        this.properties = properties;
        this.accounts = accounts;
        this.enterprises = enterprises;
        this.register = register;
        this.registerRepository = registerRepository;
        this.certificates = certificates;
        this.training = training;
        this.drills = drills;
        this.retraining = retraining;
        this.institutions = institutions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!platform.demo() || !properties.demoData()) {
            return;
        }
        if (jdbc.sql("select exists (select 1 from ppl_person where demo)").query(Boolean.class).single()) {
            return;
        }
        int made = seed();
        log.info("demo mode: {} demo people registered", made);
    }

    private EnterpriseRef enterprise(String industry, String name) {
        return enterprises.demoEnterprises(industry).stream().filter(e -> e.name().startsWith(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo enterprise " + name));
    }

    private int sequence = 100;

    /** A valid demo ID number: the enterprise's county, the birth date, a running sequence. */
    private String idNumber(EnterpriseRef e, LocalDate birth, boolean male) {
        int seq = sequence += 2;
        if (!male) {
            seq++;
        }
        return ResidentIdNumber.complete(e.regionCode().substring(0, 6) + birth.toString().replace("-", "")
                + String.format("%03d", seq % 1000));
    }

    private static <T> T as(AccountDirectory accounts, String user, java.util.function.Supplier<T> work) {
        return accounts.runAs(user, work);
    }

    private record Made(UUID personId, UUID employmentId, String idNumber) {
    }

    private Made person(String account, EnterpriseRef e, String name, LocalDate birth, String mobile, List<String> roles,
                        String type, String post, String postKind, String operation, LocalDate started) {
        String id = idNumber(e, birth, true);
        UUID employment = as(accounts, account, () -> register.register(CurrentUser.require(), new RegisterService.NewPerson(
                name, id, mobile, e.id(), roles, type, post, postKind, operation, started)));
        UUID person = registerRepository.employmentInScope(employment, cn.zhiben.platform.security.DataScope.city())
                .orElseThrow().personId();
        return new Made(person, employment, id);
    }

    private void certificate(String account, Made m, String type, String item, String issuer, LocalDate issued,
                             LocalDate until, LocalDate review, LocalDate national) {
        as(accounts, account, () -> certificates.add(CurrentUser.require(), new CertificateService.CertificateInput(
                m.personId(), type, item, "T" + m.idNumber(), issuer, issued, until, review, national)));
    }

    int seed() {
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        EnterpriseRef bagong = enterprise("mine.coal", "泽州示范巴公煤业");
        EnterpriseRef jiafeng = enterprise("mine.coal", "沁水示范嘉峰煤业");
        EnterpriseRef sizhuang = enterprise("mine.coal", "高平示范寺庄煤业");
        EnterpriseRef steel = enterprise("indtrade.metallurgy", "泽州示范钢铁");
        EnterpriseRef plaza = enterprise("fire.complex", "晋城示范商业广场");
        EnterpriseRef hospital = enterprise("health.hospital", "晋城示范人民医院");
        EnterpriseRef chemical = enterprise("hazchem.production", "晋城示范煤化工");
        String mem = "晋城市应急管理局";
        List<Made> all = new ArrayList<>();

        // 巴公煤业 (qiye): principal trained in 2024; special operators with certificates in every state; a dispatched
        // worker underground (煤矿安全生产条例 Art. 24), flagged on registration
        Made yan = person("qiye", bagong, "严巴山", LocalDate.of(1972, 4, 18), "13903561001", List.of("PRINCIPAL"), "OWN",
                "矿长", "GENERAL", null, LocalDate.of(2018, 3, 1));
        certificate("qiye", yan, "ASSESS_PRINCIPAL", null, mem, today.minusYears(1).minusDays(20), null, null, null);
        Made guo = person("qiye", bagong, "郭安平", LocalDate.of(1980, 9, 2), "13903561002", List.of("SAFETY_MANAGER"), "OWN",
                "安全副矿长", "GENERAL", null, LocalDate.of(2019, 7, 1));
        certificate("qiye", guo, "ASSESS_MANAGER", null, mem, today.minusYears(2), null, null, null);
        Made zhang = person("qiye", bagong, "张电明", LocalDate.of(1986, 1, 23), "13903561003", List.of("SPECIAL_OPERATOR"), "OWN",
                "井下电工", "COAL_UNDERGROUND", "SO_COAL_MINE", LocalDate.of(2020, 5, 10));
        // review due in 25 days: the 30-day reminder
        LocalDate zIssued = today.minusYears(3).plusDays(25);
        certificate("qiye", zhang, "SO_COAL_MINE", "煤矿井下电气作业", mem, zIssued, null, null, null);
        Made li = person("qiye", bagong, "李运成", LocalDate.of(1983, 6, 30), "13903561004", List.of("SPECIAL_OPERATOR"), "OWN",
                "提升机司机", "COAL_UNDERGROUND", "SO_COAL_MINE", LocalDate.of(2016, 8, 1));
        // reviewed, expiry in 50 days: the 60-day reminder
        LocalDate lIssued = today.minusYears(6).plusDays(50);
        certificate("qiye", li, "SO_COAL_MINE", "煤矿提升机操作作业", mem, lIssued, lIssued.plusYears(6), lIssued.plusYears(6), lIssued.plusDays(400));
        Made wang = person("qiye", bagong, "王守田", LocalDate.of(1979, 11, 5), "13903561005", List.of("SPECIAL_OPERATOR"), "OWN",
                "瓦斯检查工", "COAL_UNDERGROUND", "SO_COAL_MINE", LocalDate.of(2015, 2, 1));
        // expired ten days ago and still on duty: a finding for the department
        LocalDate wIssued = today.minusYears(6).minusDays(10);
        certificate("qiye", wang, "SO_COAL_MINE", "煤矿瓦斯检查作业", mem, wIssued, wIssued.plusYears(6), wIssued.plusYears(6), null);
        Made zhao = person("qiye", bagong, "赵二虎", LocalDate.of(1995, 3, 14), "13903561006", List.of("WORKER"), "DISPATCHED",
                "井下运输工", "COAL_UNDERGROUND", null, today.minusMonths(2));
        Made sun = person("qiye", bagong, "孙井旺", LocalDate.of(1990, 12, 1), null, List.of("WORKER"), "OWN",
                "采煤工", "COAL_UNDERGROUND", null, LocalDate.of(2021, 4, 1));
        all.addAll(List.of(yan, guo, zhang, li, wang, zhao, sun));

        // other mines (the city office keeps their register here): 嘉峰's principal short of days, 寺庄's untrained
        Made chen = person("city", jiafeng, "陈矿生", LocalDate.of(1970, 2, 11), "13903562001", List.of("PRINCIPAL"), "OWN",
                "矿长", "GENERAL", null, LocalDate.of(2017, 1, 1));
        Made yu = person("city", sizhuang, "喻寺平", LocalDate.of(1975, 8, 8), "13903563001", List.of("PRINCIPAL"), "OWN",
                "矿长", "GENERAL", null, LocalDate.of(2020, 1, 1));
        Made tao = person("city", steel, "陶钢强", LocalDate.of(1968, 10, 20), "13903564001", List.of("PRINCIPAL"), "OWN",
                "总经理", "GENERAL", null, LocalDate.of(2014, 6, 1));
        Made qian = person("city", plaza, "钱文博", LocalDate.of(1977, 5, 5), "13903565001",
                List.of("PRINCIPAL", "FIRE_SAFETY_RESPONSIBLE"), "OWN", "总经理", "GENERAL", null, LocalDate.of(2019, 9, 1));
        Made xu = person("city", plaza, "许消安", LocalDate.of(1992, 7, 17), "13903565002", List.of("FIRE_SYSTEM_OPERATOR"),
                "OUTSOURCED", "消防控制室值班员", "GENERAL", null, LocalDate.of(2023, 3, 1));
        certificate("city", xu, "FIRE_SYSTEM", "消防设施操作员（监控）", "晋城市消防救援支队", LocalDate.of(2022, 11, 20), null, null, null);
        Made li2 = person("city", hospital, "李仁和", LocalDate.of(1969, 1, 30), "13903566001",
                List.of("PRINCIPAL", "FIRE_SAFETY_RESPONSIBLE"), "OWN", "院长", "GENERAL", null, LocalDate.of(2016, 1, 1));
        Made he = person("qiye-huagong", chemical, "何化工", LocalDate.of(1988, 4, 4), "13903567001", List.of("SPECIAL_OPERATOR"),
                "OWN", "合成岗位操作工", "GENERAL", "SO_HAZCHEM", LocalDate.of(2021, 3, 1));
        certificate("qiye-huagong", he, "SO_HAZCHEM", "合成氨工艺作业", mem, today.minusYears(1), null, null, today.minusMonths(6));
        all.addAll(List.of(chen, yu, tao, qian, xu, li2, he));

        // 2024 集中培训 of mine principals and hospital fire-safety responsibles (plan items 15, 16): 3 days, four topics
        List<String> required = List.of("XI_REMARKS", "LAWS", "ACCIDENT_WARNING", "INDUSTRY_SPECIFIC");
        as(accounts, "city", () -> training.create(CurrentUser.require(), new TrainingService.SessionInput(null,
                "2024 年矿山企业主要负责人安全生产专题培训班（中央党校主课堂晋城分课堂）", required, LocalDate.of(2024, 6, 17),
                LocalDate.of(2024, 6, 19), BigDecimal.valueOf(3), BigDecimal.valueOf(24), "MIXED", "中共晋城市委党校", null,
                List.of(new TrainingService.AttendeeInput(yan.personId(), null, 92),
                        new TrainingService.AttendeeInput(chen.personId(), BigDecimal.valueOf(2), 85),
                        new TrainingService.AttendeeInput(li2.personId(), null, 88)))));
        // 2025 metal smelting principals
        as(accounts, "city", () -> training.create(CurrentUser.require(), new TrainingService.SessionInput(null,
                "2025 年金属冶炼生产经营单位主要负责人专题培训班", required, LocalDate.of(2025, 5, 12), LocalDate.of(2025, 5, 14),
                BigDecimal.valueOf(3), BigDecimal.valueOf(24), "OFFLINE", "中共晋城市委党校", null,
                List.of(new TrainingService.AttendeeInput(tao.personId(), null, 90)))));
        // the mine's own training this year (three-level education, 三违 warning)
        as(accounts, "qiye", () -> training.create(CurrentUser.require(), new TrainingService.SessionInput(bagong.id(),
                "“三违”事故警示教育及自救互救培训", List.of("VIOLATION_WARNING", "SELF_RESCUE"), today.minusDays(20),
                today.minusDays(20), BigDecimal.ONE, BigDecimal.valueOf(8), "OFFLINE", "矿调度楼会议室", null,
                List.of(new TrainingService.AttendeeInput(zhang.personId(), null, 86),
                        new TrainingService.AttendeeInput(li.personId(), null, 90),
                        new TrainingService.AttendeeInput(wang.personId(), null, 78),
                        new TrainingService.AttendeeInput(zhao.personId(), null, 82)))));

        // drills: the mine drilled production and office areas this half-year, not the living area
        as(accounts, "qiye", () -> drills.record(CurrentUser.require(), new DrillService.DrillInput(bagong.id(),
                today.minusDays(15), "EVACUATION", List.of("PRODUCTION", "OFFICE"), "井下 +450 运输大巷胶带着火，人员沿避灾路线撤离",
                126, "撤离用时 23 分钟，两名新工人不熟悉避灾路线，已补训")));
        as(accounts, "qiye-huagong", () -> drills.record(CurrentUser.require(), new DrillService.DrillInput(chemical.id(),
                today.minusDays(40), "EVACUATION", List.of("PRODUCTION", "OFFICE", "LIVING"), "合成车间氨泄漏，全厂疏散至上风向集合点",
                310, "报警至集合完毕 12 分钟")));
        as(accounts, "qiye-huagong", () -> drills.record(CurrentUser.require(), new DrillService.DrillInput(chemical.id(),
                today.minusDays(40), "SPECIAL", List.of("PRODUCTION"), "液氨储罐泄漏专项应急预案演练", 45, null)));

        // a 三违 at the mine: off the post, retraining
        UUID violation = as(accounts, "qiye", () -> retraining.recordViolation(CurrentUser.require(),
                new RetrainingService.ViolationInput(sun.employmentId(), "OPERATION", today.minusDays(6),
                        "采煤工作面未执行敲帮问顶即进入煤壁侧作业")));
        as(accounts, "qiye", () -> {
            retraining.act(CurrentUser.require(), violation, new RetrainingService.ActionInput("START_RETRAINING", null, null,
                    null, "矿安全培训中心脱产学习", 0));
            retraining.act(CurrentUser.require(), violation, new RetrainingService.ActionInput("LOG_TRAINING",
                    BigDecimal.valueOf(4), null, null, "作业规程、敲帮问顶操作要领", 1));
            return null;
        });

        // training institutions checked against AQ 8011-2023 (plan item 19)
        as(accounts, "city", () -> {
            UUID ok = institutions.create(CurrentUser.require(), new InstitutionService.InstitutionInput(
                    "晋城市安全生产培训中心（演示）", null, "140502", "晋城市城区", List.of("SPECIAL_OPERATION", "PRINCIPAL_MANAGER"), null));
            institutions.recordCheck(CurrentUser.require(), ok, new InstitutionService.CheckInput(LocalDate.of(2024, 11, 20),
                    "PASS", null, "晋城市应急管理局"));
            UUID bad = institutions.create(CurrentUser.require(), new InstitutionService.InstitutionInput(
                    "泽州县某职业技能培训学校（演示）", null, "140525", "泽州县", List.of("SPECIAL_OPERATION"), null));
            institutions.recordCheck(CurrentUser.require(), bad, new InstitutionService.CheckInput(LocalDate.of(2024, 11, 22),
                    "FAIL", "实操训练场地与设备不满足特种作业实际操作考核要求；未配备培训考勤视频监控设备", "晋城市应急管理局"));
            return null;
        });
        return all.size();
    }
}
