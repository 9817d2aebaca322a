package cn.zhiben.people;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * 公民身份号码 (citizen ID number), GB 11643-1999: six digits of the registration area, eight of the birth date, three of
 * a sequence (odd for men, even for women) and a check character over the first 17 (ISO 7064 MOD 11-2: weights
 * 2^(17-i) mod 11, 'X' for ten). The 15-digit numbers of the first generation stopped being valid in 2013 and are refused.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private ResidentIdNumber() {
    }

    /** Spaces removed, lower-case x made upper-case: the form stored and compared. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.replaceAll("[\\s\\u3000]", "").toUpperCase();
    }

    /** Empty when valid (after {@link #normalise}); otherwise why not, in Chinese. */
    public static Optional<String> validate(String raw, LocalDate today) {
        String id = normalise(raw);
        if (id == null || id.isEmpty()) {
            return Optional.of("身份证号不能为空");
        }
        if (id.length() == 15 && id.chars().allMatch(Character::isDigit)) {
            return Optional.of("15 位一代身份证号已停止使用，请填写 18 位身份证号");
        }
        if (id.length() != 18) {
            return Optional.of("身份证号应为 18 位，当前为 " + id.length() + " 位");
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return Optional.of("身份证号前 17 位应为数字，第 " + (i + 1) + " 位为“" + id.charAt(i) + "”");
            }
        }
        char last = id.charAt(17);
        if (!Character.isDigit(last) && last != 'X') {
            return Optional.of("身份证号第 18 位应为数字或 X");
        }
        if (id.charAt(0) == '0') {
            return Optional.of("身份证号前 6 位应为行政区划代码");
        }
        LocalDate birth;
        try {
            birth = LocalDate.parse(id.substring(6, 14), BIRTH);
        } catch (DateTimeParseException e) {
            return Optional.of("身份证号第 7–14 位应为出生日期，“" + id.substring(6, 14) + "”不是有效日期");
        }
        if (birth.getYear() < 1900 || (today != null && birth.isAfter(today))) {
            return Optional.of("身份证号中的出生日期“" + birth + "”不合理");
        }
        char expected = checkCharacter(id.substring(0, 17));
        if (last != expected) {
            return Optional.of("身份证号校验码错误：按前 17 位计算第 18 位应为“" + expected + "”，实为“" + last + "”");
        }
        return Optional.empty();
    }

    public static boolean isValid(String raw, LocalDate today) {
        return validate(raw, today).isEmpty();
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need the first 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (!Character.isDigit(c)) {
                throw new IllegalArgumentException("not a digit at " + (i + 1));
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** The first 17 digits with their check character. */
    public static String complete(String first17) {
        return first17 + checkCharacter(first17);
    }

    /** The birth date of a valid number. */
    public static LocalDate birthDate(String valid) {
        return LocalDate.parse(normalise(valid).substring(6, 14), BIRTH);
    }

    /** Age in whole years on a date. */
    public static int age(String valid, LocalDate on) {
        return java.time.Period.between(birthDate(valid), on).getYears();
    }
}
