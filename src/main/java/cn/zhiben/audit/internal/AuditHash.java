package cn.zhiben.audit.internal;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The row hash over length-prefixed fields, so no choice of field contents can make two rows hash alike.
 * Version 1 (rows written before the chain was anchored): SHA-256. Version 2: HMAC-SHA256 with the audit key, which
 * is kept outside the database (decision 0004).
 */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);
    static final short SHA256 = 1;
    static final short HMAC = 2;

    private AuditHash() {
    }

    static String of(String... fields) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String f : fields) {
                md.update(encode(f));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmac(AuditKey key, String... fields) {
        Mac mac = key.newMac();
        for (String f : fields) {
            mac.update(encode(f));
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** "length:bytes;" — null as "-1:;" */
    private static byte[] encode(String f) {
        byte[] b = f == null ? new byte[0] : f.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = ((f == null ? "-1" : Integer.toString(b.length)) + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + b.length + 1];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(b, 0, out, prefix.length, b.length);
        out[out.length - 1] = ';';
        return out;
    }
}
