package cn.zhiben.identity.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GB/T 22239-2019 8.1.4.1 a): at least 8 characters, three classes of four, not containing the username; at most the
 * 72 bytes bcrypt can hash (issue 9 item 3).
 */
class PasswordPolicyTests {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Zhiben@2026          | zhangsan | OK
            abcDEF12             | zhangsan | OK
            abc!def1             | zhangsan | OK
            ABC!DEF1             | zhangsan | OK
            Ab1!Ab1!             | zhangsan | OK
            安全Aa1!生产          | zhangsan | OK
            Abc1!                | zhangsan | 密码长度至少 8 位
            Ab1!Ab1              | zhangsan | 密码长度至少 8 位
            NULL                 | zhangsan | 密码长度至少 8 位
            abcdefgh             | zhangsan | 密码须包含大写字母、小写字母、数字、特殊符号中的至少三类
            abcdefg1             | zhangsan | 密码须包含大写字母、小写字母、数字、特殊符号中的至少三类
            ABCDEFG!             | zhangsan | 密码须包含大写字母、小写字母、数字、特殊符号中的至少三类
            12345678             | zhangsan | 密码须包含大写字母、小写字母、数字、特殊符号中的至少三类
            Abc 12345            | zhangsan | 密码不能包含空格
            Zhangsan@1           | zhangsan | 密码不能包含用户名
            x_ZHANGSAN_1a        | zhangsan | 密码不能包含用户名
            Ab1!xyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxy | zhangsan | OK
            Ab1!xyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyz | zhangsan | 密码不能超过 72 字节（英文字母、数字、符号各 1 字节，汉字 3 字节）
            Aa1!安全生产治本攻坚安全生产治本攻坚安全生产治本攻坚 | zhangsan | 密码不能超过 72 字节（英文字母、数字、符号各 1 字节，汉字 3 字节）
            """)
    void judgesPasswords(String password, String username, String expected) {
        var violations = PasswordPolicy.violations(password, username);
        if (expected.equals("OK")) {
            assertThat(violations).isEmpty();
        } else {
            assertThat(violations).contains(expected);
        }
    }

    @ParameterizedTest
    @CsvSource({"zhangsan", "a.b", "admin", "t-1"})
    void generatedOneTimePasswordsAlwaysPass(String username) {
        for (int i = 0; i < 200; i++) {
            String p = PasswordGenerator.generate(username);
            assertThat(p).hasSize(PasswordGenerator.LENGTH);
            assertThat(PasswordPolicy.violations(p, username)).isEmpty();
        }
    }
}
