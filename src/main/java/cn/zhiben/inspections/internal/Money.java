package cn.zhiben.inspections.internal;

/** Amounts in fen as Chinese financial capitals (大写金额), as decisions state fines: 30000000 fen → 叁拾万元整. */
public final class Money {

    private static final String[] DIGITS = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
    private static final String[] SMALL = {"", "拾", "佰", "仟"};
    private static final String[] BIG = {"", "万", "亿", "万亿"};

    private Money() {
    }

    public static String uppercase(long fen) {
        if (fen < 0) {
            throw new IllegalArgumentException("negative amount");
        }
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        StringBuilder out = new StringBuilder();
        if (yuan > 0) {
            out.append(integer(yuan)).append("元");
        }
        if (jiao == 0 && cents == 0) {
            return (yuan == 0 ? "零元" : out.toString()) + "整";
        }
        if (jiao > 0) {
            out.append(DIGITS[jiao]).append("角");
        } else if (yuan > 0) {
            out.append("零");
        }
        if (cents > 0) {
            out.append(DIGITS[cents]).append("分");
        }
        return out.toString();
    }

    private static String integer(long n) {
        java.util.List<Integer> groups = new java.util.ArrayList<>();
        while (n > 0) {
            groups.add((int) (n % 10000));
            n /= 10000;
        }
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int g = groups.size() - 1; g >= 0; g--) {
            int part = groups.get(g);
            if (part == 0) {
                zero = out.length() > 0;
                continue;
            }
            if (out.length() > 0 && (zero || part < 1000)) {
                out.append("零");
            }
            out.append(four(part)).append(BIG[g]);
            zero = false;
        }
        return out.toString();
    }

    /** 1–9999 without leading zero marks: 1001 → 壹仟零壹, 30 → 叁拾. */
    private static String four(int n) {
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int i = 3; i >= 0; i--) {
            int d = (int) (n / Math.pow(10, i)) % 10;
            if (d == 0) {
                zero = out.length() > 0;
            } else {
                if (zero) {
                    out.append("零");
                    zero = false;
                }
                out.append(DIGITS[d]).append(SMALL[i]);
            }
        }
        return out.toString();
    }
}
