package cn.zhiben.people;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** GB 11643-1999 公民身份号码: check character ISO 7064 MOD 11-2 over the first 17 digits. */
class ResidentIdNumberTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @ParameterizedTest(name = "{0} → check character {1}")
    @CsvSource({
            // the two examples printed in GB 11643-1999 (the second one's birth year 1880 is refused as a live number)
            "11010519491231002, X",
            "44052418800101001, 4",
            // a Jincheng number (泽州县 140525) computed by hand with the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
            "14052519850312011, 1",
    })
    void theCheckCharacterFollowsMod11Dash2(String first17, char expected) {
        assertThat(ResidentIdNumber.checkCharacter(first17)).isEqualTo(expected);
        assertThat(ResidentIdNumber.isValid(first17 + expected, TODAY)).isEqualTo(!first17.startsWith("4405241880"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "110105194912310021, 校验码错误",
            "11010519491231002x, ''",
            "' 11010519491231002X ', ''",
            "110105194902300021, 不是有效日期",
            "110105203001010010, 不合理",
            "11010519491231002, 应为 18 位",
            "110105491231002, 15 位一代身份证号已停止使用",
            "1101051949123100AX, 前 17 位应为数字",
            "010105194912310020, 行政区划代码",
            "'', 不能为空",
    })
    void invalidNumbersAreRefusedWithAReason(String number, String reason) {
        var problem = ResidentIdNumber.validate(number, TODAY);
        if (reason.isEmpty()) {
            assertThat(problem).isEmpty();
        } else {
            assertThat(problem).hasValueSatisfying(m -> assertThat(m).contains(reason));
        }
    }
}
