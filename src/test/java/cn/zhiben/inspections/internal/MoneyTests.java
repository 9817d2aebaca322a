package cn.zhiben.inspections.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Fines are printed in Chinese financial capitals (大写金额) on decisions, from fen. */
class MoneyTests {

    @ParameterizedTest
    @CsvSource({
            "0, 零元整",
            "1, 壹分",
            "10, 壹角",
            "100, 壹元整",
            "105, 壹元零伍分",
            "2500000, 贰万伍仟元整",
            "3000000, 叁万元整",
            "10000000, 壹拾万元整",
            "1234567, 壹万贰仟叁佰肆拾伍元陆角柒分",
            "100000100, 壹佰万零壹元整",
            "10000000100, 壹亿零壹元整",
            "20010000000, 贰亿零壹拾万元整",
            "20100000000, 贰亿零壹佰万元整"
    })
    void amountsInFenReadAsCapitals(long fen, String capitals) {
        assertThat(Money.uppercase(fen)).isEqualTo(capitals);
    }
}
