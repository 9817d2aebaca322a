package cn.zhiben.tipoffs.internal;

import java.util.regex.Pattern;

/** 公民身份号码 (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character. */
public final class ResidentId {

    private static final Pattern SHAPE = Pattern.compile("^\\d{17}[\\dX]$");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private ResidentId() {
    }

    public static boolean valid(String id) {
        if (id == null) {
            return false;
        }
        String s = id.trim().toUpperCase();
        if (!SHAPE.matcher(s).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (s.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11] == s.charAt(17);
    }
}
