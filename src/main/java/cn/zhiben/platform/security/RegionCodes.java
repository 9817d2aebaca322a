package cn.zhiben.platform.security;

/**
 * Region codes are NBS statistical division codes: 6 digits for province/city/county (140000, 140500, 140525),
 * 9 digits for township-level units (140525100). A subtree is therefore a code prefix.
 * Non-numeric codes name management areas (e.g. the development zone), which are not administrative divisions.
 */
public final class RegionCodes {

    private RegionCodes() {
    }

    public static boolean isAdministrative(String code) {
        return code != null && code.chars().allMatch(Character::isDigit) && (code.length() == 6 || code.length() == 9);
    }

    /** The prefix every code in the subtree starts with: 140500 -> 1405, 140525 -> 140525, 140000 -> 14. */
    public static String subtreePrefix(String code) {
        if (code.length() == 6) {
            if (code.endsWith("0000")) {
                return code.substring(0, 2);
            }
            if (code.endsWith("00")) {
                return code.substring(0, 4);
            }
        }
        return code;
    }

    public static boolean contains(String ancestor, String code) {
        return code != null && code.startsWith(subtreePrefix(ancestor));
    }

    /** The county-level code of a township or county code. */
    public static String county(String code) {
        return code.length() >= 6 ? code.substring(0, 6) : code;
    }
}
