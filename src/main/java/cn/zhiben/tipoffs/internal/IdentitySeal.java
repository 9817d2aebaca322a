package cn.zhiben.tipoffs.internal;

import cn.zhiben.platform.crypto.KeyFiles;
import cn.zhiben.tipoffs.TipoffsProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals reporters' identities with AES-256-GCM under a key of their own (zhiben.tipoffs.identity-key /
 * ZHIBEN_TIPOFF_KEY, or a 0600 key file beside the field key), so that whoever holds the field key — every module's
 * personal data — still cannot read who reported. The tip-off id is bound as associated data: a sealed identity copied
 * onto another tip-off does not open.
 */
@Component
class IdentitySeal {

    private static final String PREFIX = "t1:";
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    IdentitySeal(TipoffsProperties properties, Environment environment) {
        this.key = new SecretKeySpec(load(properties, environment), "AES");
    }

    /** A key for another purpose derived from this one (HMAC-SHA256 of the label), the same on every instance. */
    byte[] derive(String label) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String seal(java.util.UUID tipoffId, String plain) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(tipoffId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    String open(java.util.UUID tipoffId, String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed identity");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            c.updateAAD(tipoffId.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("opening a sealed identity failed (wrong key?)", e);
        }
    }

    /** The platform's key-file rule (configured value, else the file, else a new 0600 file where nothing is lost with it). */
    private static byte[] load(TipoffsProperties p, Environment env) {
        return KeyFiles.load(p.identityKey(), Path.of(p.identityKeyFile()),
                KeyFiles.embeddedDatabase(env) || env.getProperty("zhiben.demo", Boolean.class, false),
                "举报人身份加密", "ZHIBEN_TIPOFF_KEY（zhiben.tipoffs.identity-key）");
    }
}
