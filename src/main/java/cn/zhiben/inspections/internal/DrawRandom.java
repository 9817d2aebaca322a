package cn.zhiben.inspections.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The random numbers of a draw (algorithm ZB-DRAW-1, docs/inspections.md): a stream of 64-bit values, each the first 8
 * bytes (big-endian) of SHA-256(seed ‖ UTF-8 label ‖ 0x00 ‖ counter as 8 bytes big-endian), counter from 0. Any language
 * with SHA-256 can recompute it; each step of the draw uses its own label, so steps do not depend on each other's use.
 */
final class DrawRandom {

    private static final MessageDigest PROTOTYPE;

    static {
        try {
            PROTOTYPE = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final byte[] prefix;
    private final MessageDigest sha;
    private final ByteBuffer count = ByteBuffer.allocate(8);
    private long counter;

    DrawRandom(byte[] seed, String label) {
        byte[] l = label.getBytes(StandardCharsets.UTF_8);
        prefix = ByteBuffer.allocate(seed.length + l.length + 1).put(seed).put(l).put((byte) 0).array();
        try {
            sha = (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    long nextLong() {
        sha.update(prefix);
        sha.update(count.clear().putLong(counter++).array());
        return ByteBuffer.wrap(sha.digest(), 0, 8).getLong();
    }

    /**
     * Uniform in [0, bound): r = value >>> 1 (63 bits), accepted when r < 2^63 − (2^63 mod bound) so that no residue is
     * favoured, then r mod bound.
     */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long rem = (Long.MAX_VALUE % bound + 1) % bound; // 2^63 mod bound
        while (true) {
            long r = nextLong() >>> 1;
            if (rem == 0 || r <= Long.MAX_VALUE - rem) {
                return (int) (r % bound);
            }
        }
    }

    /** Fisher–Yates from the front: position i takes the element at i + nextInt(n − i), for every i. */
    <T> void shuffle(List<T> list) {
        for (int i = 0; i < list.size() - 1; i++) {
            int j = i + nextInt(list.size() - i);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** The first k of a Fisher–Yates shuffle (the rest is not shuffled further): a uniformly random k-subset, in order. */
    <T> List<T> pick(List<T> list, int k) {
        int n = Math.min(k, list.size());
        for (int i = 0; i < n; i++) {
            int j = i + nextInt(list.size() - i);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
        return List.copyOf(list.subList(0, n));
    }
}
