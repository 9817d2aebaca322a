package cn.zhiben.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over length-prefixed fields, so no choice of field contents can make two rows hash alike. */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    static String of(String... fields) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String f : fields) {
                byte[] b = f == null ? new byte[0] : f.getBytes(StandardCharsets.UTF_8);
                md.update((f == null ? "-1" : Integer.toString(b.length)).getBytes(StandardCharsets.US_ASCII));
                md.update((byte) ':');
                md.update(b);
                md.update((byte) ';');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
