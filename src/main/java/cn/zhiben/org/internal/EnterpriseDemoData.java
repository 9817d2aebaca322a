package cn.zhiben.org.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.EnterpriseScale;
import cn.zhiben.org.EnterpriseStatus;
import cn.zhiben.org.Region;
import cn.zhiben.org.SpecialOperation;
import cn.zhiben.org.StandardizationGrade;
import cn.zhiben.org.Uscc;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.platform.security.RegionCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.zhiben.org.EnterpriseScale.ABOVE;
import static cn.zhiben.org.EnterpriseScale.BELOW;
import static cn.zhiben.org.EnterpriseStatus.CLOSED;
import static cn.zhiben.org.EnterpriseStatus.OPERATING;
import static cn.zhiben.org.EnterpriseStatus.SUSPENDED;
import static cn.zhiben.org.EnterpriseStatus.SUSPENDED_FOR_RECTIFICATION;
import static cn.zhiben.org.EnterpriseStatus.UNDER_CONSTRUCTION;
import static cn.zhiben.org.SpecialOperation.AMMONIA_REFRIGERATION;
import static cn.zhiben.org.SpecialOperation.CONFINED_SPACE;
import static cn.zhiben.org.SpecialOperation.DUST_EXPLOSION;
import static cn.zhiben.org.SpecialOperation.HAZARDOUS_CHEMICALS_USE;
import static cn.zhiben.org.SpecialOperation.METAL_SMELTING;
import static cn.zhiben.org.StandardizationGrade.GRADE_1;
import static cn.zhiben.org.StandardizationGrade.GRADE_2;
import static cn.zhiben.org.StandardizationGrade.GRADE_3;
import static cn.zhiben.org.StandardizationGrade.NONE;

/**
 * Demo mode only: fictional enterprises (names end in （演示）, numbers are placeholders) across the six counties,
 * loaded once into an empty demo data set, the same every time. Runs before the demo accounts (order 20), which
 * attach the enterprise accounts to the first demo coal mine and the first demo hazardous-chemicals enterprise.
 */
@Component
@Order(10)
class EnterpriseDemoData implements ApplicationRunner {

    static final String ZONE = "140500-ETDZ";
    private static final Logger log = LoggerFactory.getLogger(EnterpriseDemoData.class);

    record Spec(String name, String township, String zone, String industry, EnterpriseScale scale, EnterpriseStatus status,
                StandardizationGrade grade, String principal, String controller, List<SpecialOperation> ops) {
    }

    private static Spec s(String name, String township, String industry, EnterpriseScale scale, EnterpriseStatus status,
                          StandardizationGrade grade, String principal, String controller, SpecialOperation... ops) {
        return new Spec(name + "（演示）", township, null, industry, scale, status, grade, principal, controller, List.of(ops));
    }

    private static Spec z(String name, String township, String industry, EnterpriseScale scale, EnterpriseStatus status,
                          StandardizationGrade grade, String principal, SpecialOperation... ops) {
        return new Spec(name + "（演示）", township, ZONE, industry, scale, status, grade, principal, null, List.of(ops));
    }

    static final List<Spec> SPECS = List.of(
            // 城区
            s("晋城示范热力燃气有限公司", "140502100", "gas.pipeline", ABOVE, OPERATING, GRADE_3, "赵明远", null, CONFINED_SPACE),
            s("晋城示范商业广场有限公司", "140502001", "fire.complex", ABOVE, OPERATING, NONE, "钱文博", "孙立群"),
            s("晋城示范人民医院", "140502002", "health.hospital", ABOVE, OPERATING, NONE, "李仁和", null, HAZARDOUS_CHEMICALS_USE),
            s("晋城示范冷链物流有限公司", "140502006", "indtrade.commerce", BELOW, OPERATING, GRADE_3, "周冬生", null, AMMONIA_REFRIGERATION),
            s("晋城示范烟花爆竹零售店", "140502003", "fireworks", BELOW, OPERATING, NONE, "吴春来", null),
            s("晋城示范公交客运有限公司", "140502004", "road.transit", ABOVE, OPERATING, GRADE_2, "郑安行", null),
            // 晋城经济技术开发区
            z("晋城示范精密机械制造有限公司", "140502009", "indtrade.machinery", ABOVE, OPERATING, GRADE_2, "王志成", DUST_EXPLOSION, CONFINED_SPACE),
            z("泽州示范新材料科技有限公司", "140525106", "hazchem.use", ABOVE, OPERATING, GRADE_3, "冯新宇", HAZARDOUS_CHEMICALS_USE),
            // 沁水县
            s("沁水示范嘉峰煤业有限公司", "140521104", "mine.coal", ABOVE, OPERATING, GRADE_1, "陈矿生", "褚国栋", CONFINED_SPACE),
            s("沁水示范郑庄煤业有限公司", "140521102", "mine.coal", ABOVE, SUSPENDED_FOR_RECTIFICATION, GRADE_2, "卫建华", null),
            s("沁水示范煤层气开发有限公司", "140521103", "mine.cbm", ABOVE, OPERATING, GRADE_2, "蒋气恒", null, CONFINED_SPACE),
            s("沁水示范龙港加油站", "140521100", "hazchem.trade", BELOW, OPERATING, GRADE_3, "沈加顺", null),
            s("沁水示范中村石料厂", "140521101", "mine.noncoal", BELOW, SUSPENDED, NONE, "韩石坚", null),
            // 阳城县
            s("阳城示范北留煤业有限公司", "140522101", "mine.coal", ABOVE, OPERATING, GRADE_1, "杨北辰", null, CONFINED_SPACE),
            s("阳城示范润城煤业有限公司", "140522102", "mine.coal", ABOVE, SUSPENDED_FOR_RECTIFICATION, GRADE_2, "朱润泽", "秦德厚"),
            s("阳城示范陶瓷有限公司", "140522103", "indtrade.building", ABOVE, OPERATING, GRADE_3, "尤陶然", null, CONFINED_SPACE),
            s("阳城示范发电有限责任公司", "140522109", "power.grid", ABOVE, OPERATING, GRADE_1, "许电明", null, CONFINED_SPACE, HAZARDOUS_CHEMICALS_USE),
            s("阳城示范客运有限公司", "140522100", "road.passenger", ABOVE, OPERATING, GRADE_2, "何远途", null),
            s("阳城示范建筑工程有限公司", "140522104", "construction.housing", ABOVE, UNDER_CONSTRUCTION, GRADE_3, "吕建业", null),
            // 陵川县
            s("陵川示范石灰岩矿业有限公司", "140524102", "mine.noncoal", BELOW, OPERATING, GRADE_3, "施岩松", null),
            s("陵川示范太行旅游开发有限公司", "140524206", "tourism", BELOW, OPERATING, NONE, "张太行", null),
            s("陵川示范农产品冷藏有限公司", "140524100", "indtrade.light", BELOW, OPERATING, NONE, "孔冷秋", null, AMMONIA_REFRIGERATION),
            s("陵川示范液化气站", "140524101", "gas.lpg", BELOW, SUSPENDED_FOR_RECTIFICATION, NONE, "曹气平", null),
            // 泽州县
            s("泽州示范巴公煤业有限公司", "140525108", "mine.coal", ABOVE, OPERATING, GRADE_1, "严巴山", null, CONFINED_SPACE),
            s("泽州示范大阳煤业有限公司", "140525109", "mine.coal", ABOVE, CLOSED, NONE, "华大洋", null),
            s("晋城示范煤化工有限公司", "140525108", "hazchem.production", ABOVE, OPERATING, GRADE_2, "金化成", "魏宏图", CONFINED_SPACE, HAZARDOUS_CHEMICALS_USE),
            s("泽州示范钢铁有限公司", "140525100", "indtrade.metallurgy", ABOVE, OPERATING, GRADE_2, "陶钢强", null, METAL_SMELTING, CONFINED_SPACE),
            s("泽州示范铸造有限公司", "140525103", "indtrade.machinery", BELOW, SUSPENDED_FOR_RECTIFICATION, GRADE_3, "姜铸新", null, METAL_SMELTING, DUST_EXPLOSION),
            s("泽州示范水泥有限公司", "140525107", "indtrade.building", ABOVE, OPERATING, GRADE_2, "戚泥固", null, CONFINED_SPACE),
            s("泽州示范危险货物运输有限公司", "140525106", "road.dangerous", BELOW, OPERATING, GRADE_3, "谢运安", null),
            s("泽州示范路桥建设有限公司", "140525104", "construction.highway", ABOVE, UNDER_CONSTRUCTION, GRADE_3, "邹路通", null),
            // 高平市
            s("高平示范寺庄煤业有限公司", "140581109", "mine.coal", ABOVE, OPERATING, GRADE_1, "喻寺平", null, CONFINED_SPACE),
            s("高平示范河西煤业有限公司", "140581106", "mine.coal", ABOVE, SUSPENDED_FOR_RECTIFICATION, GRADE_2, "柏河清", null),
            s("高平示范化工有限公司", "140581102", "hazchem.production", ABOVE, OPERATING, GRADE_2, "水化安", null, CONFINED_SPACE, HAZARDOUS_CHEMICALS_USE),
            s("高平示范丝绸纺织有限公司", "140581002", "indtrade.textile", BELOW, OPERATING, GRADE_3, "窦丝雨", null, DUST_EXPLOSION),
            s("高平示范物流配送有限公司", "140581101", "road.freight", BELOW, OPERATING, NONE, "章货通", null),
            s("高平示范粮油加工有限公司", "140581104", "indtrade.light", BELOW, OPERATING, NONE, "云粮丰", null, DUST_EXPLOSION));

    private final PlatformProperties platform;
    private final EnterpriseRepository repository;
    private final EnterpriseService enterprises;
    private final AuditLog audit;
    private final Clock clock;

    EnterpriseDemoData(PlatformProperties platform, EnterpriseRepository repository, EnterpriseService enterprises,
                       AuditLog audit, Clock clock) {
        this.platform = platform;
        this.repository = repository;
        this.enterprises = enterprises;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!platform.demo() || repository.anyDemo()) {
            return;
        }
        EnterpriseReference ref = enterprises.reference();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < SPECS.size(); i++) {
            Spec s = SPECS.get(i);
            String county = RegionCodes.county(s.township());
            Region centre = ref.region(county).orElseThrow();
            EnterpriseData d = new EnterpriseData(s.name(), uscc(county, i + 1), s.township(), s.zone(), s.industry(),
                    s.scale(), s.status(), s.grade(), ref.regionName(s.township()) + "示范路 " + (i + 1) + " 号（虚构地址）",
                    offset(centre.centerLon(), i, 37), offset(centre.centerLat(), i, 53), s.principal(),
                    "1380000" + "%04d".formatted(i + 1), s.controller(),
                    s.controller() == null ? null : "1390000" + "%04d".formatted(i + 1), s.ops());
            repository.insert(enterprises.toRow(demoId(i + 1), d, true, 0, now, "demo", now, "demo"));
        }
        audit.record(AuditEntry.success(AuditAction.CREATE, EnterpriseService.ENTITY, null,
                        Map.of("demoEnterprises", SPECS.size()))
                .by(new AuditEntry.Actor(null, "system", null, null)));
        log.info("演示模式：已创建 {} 家演示企业", SPECS.size());
    }

    /** Stable ids, so that a rebuilt demo database keeps its links. */
    static UUID demoId(int n) {
        return UUID.nameUUIDFromBytes(("zhiben-demo-enterprise-" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * "91" (企业, 工商登记) + the county's code + a fictional organisation code "MA0JC" + number with its GB 11714 check
     * character + the GB 32100 check character.
     */
    static String uscc(String countyCode, int n) {
        String body = "MA0JC" + "%03d".formatted(n);
        return Uscc.complete("91" + countyCode + body + Uscc.organisationCheck(body));
    }


    private static BigDecimal offset(BigDecimal centre, int i, int step) {
        if (centre == null) {
            return null;
        }
        double delta = ((i * step) % 100 - 50) / 1000.0;
        return centre.add(BigDecimal.valueOf(delta)).setScale(6, RoundingMode.HALF_UP);
    }
}
