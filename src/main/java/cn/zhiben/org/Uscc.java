package cn.zhiben.org;

import java.util.Optional;

/**
 * 统一社会信用代码 (unified social credit code) of legal persons and other organisations.
 * Rules: GB 32100-2015《法人和其他组织统一社会信用代码编码规则》.
 */
public final class Uscc {

    /** The 31 code characters; a character's value is its index. I, O, S, V, Z are left out to avoid misreading. */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    public static final int LENGTH = 18;

    private Uscc() {
    }

    /** Empty when the code is valid; otherwise why not, in Chinese, naming the position. */
    public static Optional<String> validate(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of("统一社会信用代码不能为空");
        }
        if (code.length() != LENGTH) {
            return Optional.of("统一社会信用代码应为 18 位，当前为 " + code.length() + " 位");
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return Optional.of("第 " + (i + 1) + " 位“" + c + "”是小写字母，统一社会信用代码只使用大写字母");
            }
            if (CHARSET.indexOf(c) < 0) {
                return Optional.of("第 " + (i + 1) + " 位字符“" + c + "”不允许：统一社会信用代码只使用数字和除 I、O、S、V、Z 以外的大写字母");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of("第 3–8 位是登记管理机关行政区划码，应为数字，第 " + (i + 1) + " 位为“" + code.charAt(i) + "”");
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Optional.of("校验码错误：按前 17 位计算第 18 位应为“" + expected + "”，实为“" + code.charAt(17) + "”");
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return validate(code).isEmpty();
    }

    /** The check character for the first 17 characters: 31 − (Σ value×weight mod 31), where 31 becomes 0. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need the first 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("illegal character at " + (i + 1));
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }

    /** The first 17 characters with their check character appended. */
    public static String complete(String first17) {
        return first17 + checkCharacter(first17);
    }

    /** GB 11714-1997 check character of an 8-character organisation code body (characters 9–17 of a USCC). */
    public static char organisationCheck(String body) {
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }
}
