package cn.zhiben.org.internal;

import cn.zhiben.org.Industry;
import cn.zhiben.org.Region;
import cn.zhiben.org.Uscc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EnterpriseValidatorTests {

    static final UUID LEAD = UUID.randomUUID();
    static final UUID COOP = UUID.randomUUID();

    static final EnterpriseReference REF = new EnterpriseReference(List.of(
            new Region("140500", "晋城市", "山西省晋城市", Region.Level.CITY, "地级市", null, true, 0, new BigDecimal("112.851274"), new BigDecimal("35.497553")),
            new Region("140525", "泽州县", "晋城市泽州县", Region.Level.COUNTY, "县", "140500", true, 1, new BigDecimal("112.899137"), new BigDecimal("35.617221")),
            new Region("140522", "阳城县", "晋城市阳城县", Region.Level.COUNTY, "县", "140500", true, 2, new BigDecimal("112.422014"), new BigDecimal("35.482177")),
            new Region("140525100", "南村镇", "晋城市泽州县南村镇", Region.Level.TOWNSHIP, "镇", "140525", true, 3, null, null),
            new Region("140525202", "西河乡", "晋城市泽州县西河乡", Region.Level.TOWNSHIP, "乡", "140525", true, 4, null, null),
            new Region("140522202", "西河乡", "晋城市阳城县西河乡", Region.Level.TOWNSHIP, "乡", "140522", true, 5, null, null),
            new Region("140500-ETDZ", "晋城经济技术开发区", "晋城经济技术开发区", Region.Level.ZONE, "管理区域", "140500", false, 6, null, null)),
            List.of(
                    new Industry("indtrade", "冶金工贸", null, "四(三)14", true, 1, true, 1, List.of(
                            new Industry.Supervisor(COOP, "市工信局", Industry.Role.COOPERATE),
                            new Industry.Supervisor(LEAD, "市应急管理局", Industry.Role.LEAD))),
                    new Industry("indtrade.machinery", "机械", "indtrade", "四(三)14", true, 2, true, 1, List.of()),
                    new Industry("indtrade.dust", "粉尘涉爆", "indtrade", "四(九)26", false, 3, true, 1, List.of()),
                    new Industry("old", "停用行业", null, "-", true, 4, false, 1, List.of())));

    static EnterpriseDraft valid() {
        return new EnterpriseDraft("示范机械有限公司", "914403001922038216", "140525100", null, "indtrade.machinery", "ABOVE",
                "OPERATING", "GRADE_2", "南村镇 1 号", "112.9", "35.6", "张三", "13912345678", null, null, List.of("粉尘涉爆"));
    }

    static EnterpriseDraft with(java.util.function.UnaryOperator<Object[]> change) {
        EnterpriseDraft d = valid();
        Object[] v = {d.name(), d.uscc(), d.regionCode(), d.zoneCode(), d.industryCode(), d.scale(), d.status(),
                d.standardizationGrade(), d.address(), d.longitude(), d.latitude(), d.principalName(), d.principalMobile(),
                d.controllerName(), d.controllerMobile(), d.specialOperations()};
        v = change.apply(v);
        @SuppressWarnings("unchecked") List<String> ops = (List<String>) v[15];
        return new EnterpriseDraft((String) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4], (String) v[5],
                (String) v[6], (String) v[7], (String) v[8], (String) v[9], (String) v[10], (String) v[11], (String) v[12],
                (String) v[13], (String) v[14], ops);
    }

    static List<String> problems(EnterpriseDraft d) {
        return EnterpriseValidator.validate(d, REF).problems().stream().map(p -> p.field().property() + ":" + p.code() + ":" + p.message()).toList();
    }

    @Test
    void acceptsAndNormalisesAValidDraft() {
        EnterpriseValidator.Result r = EnterpriseValidator.validate(with(v -> {
            v[0] = "  示范机械有限公司 ";
            v[12] = "139 1234 5678";
            v[9] = "112.9000004";
            return v;
        }), REF);
        assertThat(r.valid()).isTrue();
        assertThat(r.data().name()).isEqualTo("示范机械有限公司");
        assertThat(r.data().principalMobile()).isEqualTo("13912345678");
        assertThat(r.data().longitude()).isEqualByComparingTo("112.900000");
        assertThat(r.data().longitude().scale()).isEqualTo(6);
        assertThat(r.data().specialOperations()).extracting(Enum::name).containsExactly("DUST_EXPLOSION");
    }

    @Test
    void resolvesRegionsAndIndustriesByNameOrCode() {
        assertThat(EnterpriseValidator.validate(with(v -> {
            v[2] = "泽州县南村镇";
            v[4] = "机械";
            return v;
        }), REF).data().regionCode()).isEqualTo("140525100");
        assertThat(EnterpriseValidator.validate(with(v -> {
            v[2] = "140525100 泽州县南村镇";
            v[4] = "indtrade.machinery 机械";
            v[3] = "晋城经济技术开发区";
            return v;
        }), REF).data().zoneCode()).isEqualTo("140500-ETDZ");
        // 西河乡 exists in two counties: the name alone is ambiguous
        assertThat(problems(with(v -> {
            v[2] = "西河乡";
            return v;
        }))).singleElement().asString().startsWith("regionCode:REGION_NOT_FOUND:“西河乡”对应多个区划（泽州县西河乡、阳城县西河乡）");
        assertThat(EnterpriseValidator.validate(with(v -> {
            v[2] = "阳城县西河乡";
            return v;
        }), REF).data().regionCode()).isEqualTo("140522202");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        List<String> p = problems(new EnterpriseDraft(null, "abc", "140525", "140525100", "indtrade.dust", "MEDIUM", null,
                "GRADE_9", null, "112.9", null, " ", "12345678901", null, "13912345678", List.of("飞行")));
        assertThat(p).extracting(s -> s.substring(0, s.indexOf(':'))).containsExactly("name", "uscc", "regionCode", "zoneCode",
                "industryCode", "scale", "status", "standardizationGrade", "latitude", "principalName", "principalMobile",
                "controllerName", "specialOperations");
        assertThat(p).contains("regionCode:ENTERPRISE_REGION_NOT_TOWNSHIP:所在区划须为乡镇（街道）一级，“泽州县”不是",
                "zoneCode:ENTERPRISE_ZONE_INVALID:所属园区须为开发区等管理区域，“泽州县南村镇”不是",
                "latitude:VALIDATION_FAILED:经度和纬度须同时填写或同时留空");
        assertThat(p).anyMatch(s -> s.startsWith("industryCode:INDUSTRY_NOT_ASSIGNABLE:“粉尘涉爆”是跨行业"));
        assertThat(p).anyMatch(s -> s.startsWith("scale:VALIDATION_FAILED:企业规模“MEDIUM”无效，可选：规上、规下"));
    }

    @Test
    void inactiveIndustriesAreNotAssignable() {
        assertThat(problems(with(v -> {
            v[4] = "old";
            return v;
        }))).singleElement().asString().startsWith("industryCode:INDUSTRY_NOT_ASSIGNABLE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13912345678", "19912345678", "0356-2345678", "03562345678", "010-12345678", "0356-2345678-801"})
    void acceptsMobilesAndFixedLines(String phone) {
        assertThat(problems(with(v -> {
            v[12] = phone;
            return v;
        }))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12912345678", "1391234567", "139123456789", "+8613912345678", "139-1234-5678", "138****5678", "abc"})
    void rejectsMalformedNumbers(String phone) {
        assertThat(problems(with(v -> {
            v[12] = phone;
            return v;
        }))).singleElement().asString().startsWith("principalMobile:VALIDATION_FAILED:主要负责人手机格式不正确");
    }

    @Test
    void coordinatesMustBeValidAndInTheCity() {
        assertThat(problems(with(v -> {
            v[9] = "181";
            return v;
        }))).containsExactly("longitude:VALIDATION_FAILED:经度超出有效范围（-180～180）");
        assertThat(problems(with(v -> {
            v[9] = "东经112度";
            return v;
        }))).singleElement().asString().contains("应为十进制度数");
        // Beijing
        assertThat(problems(with(v -> {
            v[9] = "116.40";
            v[10] = "39.90";
            return v;
        }))).singleElement().asString().contains("不在本市范围内");
        // swapped
        assertThat(problems(with(v -> {
            v[9] = "35.6";
            v[10] = "112.9";
            return v;
        }))).singleElement().asString().contains("可能填反了");
    }

    @Test
    void namesAndPeopleCarryNoMarkup() {
        assertThat(problems(with(v -> {
            v[0] = "<script>alert(1)</script>";
            return v;
        }))).singleElement().asString().startsWith("name:");
        assertThat(problems(with(v -> {
            v[11] = "<b>张</b>";
            return v;
        }))).singleElement().asString().startsWith("principalName:");
        assertThat(problems(with(v -> {
            v[0] = "名".repeat(101);
            return v;
        }))).singleElement().asString().contains("不能超过 100 个字");
    }

    @Test
    void splitsSpecialOperationsCells() {
        assertThat(EnterpriseValidator.splitList("粉尘涉爆、有限空间作业,金属冶炼；涉氨制冷  使用危险化学品"))
                .containsExactly("粉尘涉爆", "有限空间作业", "金属冶炼", "涉氨制冷", "使用危险化学品");
        assertThat(EnterpriseValidator.splitList("  ")).isEmpty();
    }

    @Test
    void aChildIndustryWithoutItsOwnSupervisorsInheritsItsParents() {
        assertThat(REF.supervisors("indtrade.machinery")).extracting(Industry.Supervisor::unitName).containsExactly("市应急管理局", "市工信局");
        assertThat(REF.supervisors("nothing")).isEmpty();
    }

    @Test
    void demoCreditCodesAreValidAndCarryTheCounty() {
        for (int n = 1; n <= 40; n++) {
            String code = EnterpriseDemoData.uscc("140525", n);
            assertThat(Uscc.validate(code)).as(code).isEmpty();
            assertThat(code).startsWith("91140525MA0JC");
        }
        // the organisation codes inside the real credit codes of UsccTests: 19220382-1, 71610585-2, 71526726-X
        assertThat(cn.zhiben.org.Uscc.organisationCheck("19220382")).isEqualTo('1');
        assertThat(cn.zhiben.org.Uscc.organisationCheck("71610585")).isEqualTo('2');
        assertThat(cn.zhiben.org.Uscc.organisationCheck("71526726")).isEqualTo('X');
    }

    @Test
    void everyDemoSpecPassesTheValidatorsStructuralChecks() {
        for (EnterpriseDemoData.Spec s : EnterpriseDemoData.SPECS) {
            assertThat(s.township()).hasSize(9);
            assertThat(s.name()).endsWith("（演示）").doesNotContain("<");
        }
        assertThat(EnterpriseDemoData.SPECS).hasSizeBetween(30, 40);
        assertThat(EnterpriseDemoData.SPECS.stream().map(EnterpriseDemoData.Spec::name).distinct().count())
                .isEqualTo(EnterpriseDemoData.SPECS.size());
    }

    @Test
    void sortParameterIsWhitelisted() {
        assertThat(EnterpriseService.orderBy(null)).isEqualTo("e.name, e.id");
        assertThat(EnterpriseService.orderBy("-updatedAt")).isEqualTo("e.updated_at desc, e.id");
        assertThat(EnterpriseService.orderBy("status,desc")).isEqualTo("e.status desc, e.id");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EnterpriseService.orderBy("name; drop table x"))
                .isInstanceOf(cn.zhiben.platform.web.ProblemException.class);
    }
}
