package cn.zhiben.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Password complexity for 等保 level 3 (GB/T 22239-2019 8.1.4.1: identification, complexity, periodic change):
 * at least 8 characters from at least three of upper case, lower case, digits and symbols, not containing the username.
 * Reuse of the last passwords is checked by {@link AccountService} against the stored history.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    /** bcrypt uses at most 72 bytes of a password; longer ones cannot be hashed (a Chinese character is 3 bytes). */
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    public static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    /** The Chinese reasons the password is refused; empty when it is acceptable. */
    public static List<String> violations(String password, String username) {
        List<String> out = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            out.add("密码长度至少 " + MIN_LENGTH + " 位");
            if (password == null) {
                return out;
            }
        }
        if (tooLong(password)) {
            out.add("密码不能超过 " + MAX_BYTES + " 字节（英文字母、数字、符号各 1 字节，汉字 3 字节）");
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) ? 1 : 0;
        if (classes < 3) {
            out.add("密码须包含大写字母、小写字母、数字、特殊符号中的至少三类");
        }
        if (password.chars().anyMatch(Character::isWhitespace)) {
            out.add("密码不能包含空格");
        }
        if (username != null && username.length() >= 3
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            out.add("密码不能包含用户名");
        }
        return out;
    }
}
