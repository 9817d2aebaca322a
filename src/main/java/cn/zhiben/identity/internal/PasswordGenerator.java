package cn.zhiben.identity.internal;

import java.security.SecureRandom;

/** One-time passwords for new and reset accounts: random, readable (no 0/O, 1/l/I), and always within the policy. */
final class PasswordGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "#@%+=!?";
    private static final String ALL = UPPER + LOWER + DIGITS;
    static final int LENGTH = 14;

    private PasswordGenerator() {
    }

    static String generate(String username) {
        while (true) {
            char[] c = new char[LENGTH];
            for (int i = 0; i < LENGTH; i++) {
                c[i] = pick(ALL);
            }
            // one of each class at distinct random places, so every class is there whatever the rest holds
            int[] at = distinctPositions();
            c[at[0]] = pick(UPPER);
            c[at[1]] = pick(LOWER);
            c[at[2]] = pick(DIGITS);
            c[at[3]] = pick(SYMBOLS);
            String p = new String(c);
            if (PasswordPolicy.violations(p, username).isEmpty()) {
                return p;
            }
        }
    }

    private static int[] distinctPositions() {
        int[] idx = new int[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < 4; i++) {
            int j = i + RANDOM.nextInt(LENGTH - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }

    private static char pick(String alphabet) {
        return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
}
