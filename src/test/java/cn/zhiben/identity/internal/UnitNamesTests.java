package cn.zhiben.identity.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A county unit is shown as the county's department (issue 10 item 5; naming rule our inference, see UnitNames). */
class UnitNamesTests {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            泽州县 | 市应急管理局             | 泽州县应急管理局
            高平市 | 市能源局                 | 高平市能源局
            城区   | 市住房和城乡建设局       | 城区住房和城乡建设局
            阳城县 | 晋城市消防救援支队       | 阳城县消防救援支队
            沁水县 | 国家金融监督管理总局晋城监管分局 | 国家金融监督管理总局晋城监管分局（沁水县）
            """)
    void namesTheCountyDepartment(String county, String unit, String expected) {
        assertThat(UnitNames.countyDepartment(county.strip(), unit.strip())).isEqualTo(expected.strip());
    }
}
