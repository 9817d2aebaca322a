package cn.zhiben.org;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsccTests {

    /** Published codes of real companies (business licences): 华为技术有限公司, 阿里巴巴（中国）有限公司, 深圳市腾讯计算机系统有限公司. */
    private static final String HUAWEI = "914403001922038216";
    private static final String ALIBABA = "91330100716105852F";
    private static final String TENCENT = "9144030071526726XG";

    @ParameterizedTest
    @ValueSource(strings = {HUAWEI, ALIBABA, TENCENT})
    void acceptsRealCodes(String code) {
        assertThat(Uscc.validate(code)).isEmpty();
        assertThat(Uscc.isValid(code)).isTrue();
    }

    @Test
    void computesTheCheckCharacterOfRealCodes() {
        assertThat(Uscc.checkCharacter(HUAWEI.substring(0, 17))).isEqualTo('6');
        assertThat(Uscc.checkCharacter(ALIBABA.substring(0, 17))).isEqualTo('F');
        assertThat(Uscc.checkCharacter(TENCENT.substring(0, 17))).isEqualTo('G');
        assertThat(Uscc.complete(TENCENT.substring(0, 17))).isEqualTo(TENCENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {HUAWEI, ALIBABA, TENCENT})
    void rejectsEverySingleCharacterChangeWithTheExpectedCheckCharacter(String code) {
        for (int pos = 0; pos < 18; pos++) {
            for (char c : Uscc.CHARSET.toCharArray()) {
                if (c == code.charAt(pos) || (pos >= 2 && pos < 8 && !Character.isDigit(c))) {
                    continue;
                }
                String altered = code.substring(0, pos) + c + code.substring(pos + 1);
                String expected = String.valueOf(Uscc.checkCharacter(altered.substring(0, 17)));
                assertThat(Uscc.validate(altered)).as(altered)
                        .hasValueSatisfying(reason -> assertThat(reason)
                                .contains("校验码错误")
                                .contains("应为“" + expected + "”")
                                .contains("实为“" + altered.charAt(17) + "”"));
            }
        }
    }

    @Test
    void namesTheExpectedCheckCharacter() {
        assertThat(Uscc.validate("914403001922038217")).hasValue("校验码错误：按前 17 位计算第 18 位应为“6”，实为“7”");
    }

    @Test
    void rejectsLowercase() {
        assertThat(Uscc.validate("91330100716105852f")).hasValueSatisfying(r -> assertThat(r).contains("第 18 位").contains("小写"));
        assertThat(Uscc.validate("9144030071526726xg")).hasValueSatisfying(r -> assertThat(r).contains("第 17 位").contains("小写"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91440300192203821", "9144030019220382161", "", "91"})
    void rejectsWrongLength(String code) {
        assertThat(Uscc.validate(code)).hasValueSatisfying(r -> assertThat(r).containsAnyOf("应为 18 位", "不能为空"));
    }

    @Test
    void reportsTheLengthFound() {
        assertThat(Uscc.validate("91440300192203821")).hasValue("统一社会信用代码应为 18 位，当前为 17 位");
        assertThat(Uscc.validate(null)).hasValue("统一社会信用代码不能为空");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void rejectsLettersTheCodeNeverUses(char letter) {
        String code = "91440300MA5" + letter + "X1234Y";
        assertThat(Uscc.validate(code)).hasValueSatisfying(r -> assertThat(r)
                .contains("第 12 位字符“" + letter + "”不允许"));
    }

    @Test
    void rejectsSymbolsAndFullWidthCharacters() {
        assertThat(Uscc.validate("91440300-922038216")).hasValueSatisfying(r -> assertThat(r).contains("第 9 位字符“-”不允许"));
        assertThat(Uscc.validate("９14403001922038216")).hasValueSatisfying(r -> assertThat(r).contains("第 1 位"));
    }

    @Test
    void rejectsLettersInTheRegionCode() {
        String first17 = "9144A3001922038216".substring(0, 17);
        assertThat(Uscc.validate(first17 + Uscc.checkCharacter(first17)))
                .hasValueSatisfying(r -> assertThat(r).contains("第 3–8 位").contains("第 5 位为“A”"));
    }

    @Test
    void aCheckValueOf31BecomesZero() {
        // find a body whose weighted sum is divisible by 31: its check character must be '0'
        String base = "9114050000000000";
        for (char c : Uscc.CHARSET.toCharArray()) {
            String first17 = base + c;
            int sum = 0;
            int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
            for (int i = 0; i < 17; i++) {
                sum += Uscc.CHARSET.indexOf(first17.charAt(i)) * w[i];
            }
            if (sum % 31 == 0) {
                assertThat(Uscc.checkCharacter(first17)).isEqualTo('0');
                assertThat(Uscc.isValid(first17 + '0')).isTrue();
                return;
            }
        }
        throw new AssertionError("no body with a sum divisible by 31 found");
    }

    @Test
    void checkCharacterNeedsSeventeenCharacters() {
        assertThatThrownBy(() -> Uscc.checkCharacter("123")).isInstanceOf(IllegalArgumentException.class);
    }
}
