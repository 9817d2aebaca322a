package cn.zhiben.platform.crypto;

/** How personal data appears in lists. */
public final class Masking {

    private Masking() {
    }

    /** 13812345678 -> 138****5678; shorter numbers keep only their last two digits. */
    public static String mobile(String number) {
        if (number == null || number.isBlank()) {
            return number;
        }
        String n = number.trim();
        if (n.length() >= 11) {
            return n.substring(0, 3) + "****" + n.substring(n.length() - 4);
        }
        if (n.length() <= 2) {
            return "*".repeat(n.length());
        }
        return "*".repeat(n.length() - 2) + n.substring(n.length() - 2);
    }

    /** 18-digit ID number: first 6 and last 4 kept. */
    public static String idNumber(String id) {
        if (id == null || id.length() < 10) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** A person's name: the first character kept (the surname, mostly), the rest starred — 张三 -> 张*, 欧阳娜娜 -> 欧***. */
    public static String personName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        int rest = n.codePointCount(first, n.length());
        return rest == 0 ? "*" : n.substring(0, first) + "*".repeat(rest);
    }
}
