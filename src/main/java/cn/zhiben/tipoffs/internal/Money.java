package cn.zhiben.tipoffs.internal;

/** Fen shown as yuan, without floating point. */
public final class Money {

    private Money() {
    }

    public static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long a = Math.abs(fen);
        return sign + String.format("%,d.%02d 元", a / 100, a % 100);
    }
}
