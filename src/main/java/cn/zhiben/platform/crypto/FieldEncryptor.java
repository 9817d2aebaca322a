package cn.zhiben.platform.crypto;

import cn.zhiben.platform.PlatformProperties;
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
 * Encrypts personal data at rest (mobile numbers, ID numbers) with AES-256-GCM. Stored form: "v1:" + base64(iv | ciphertext+tag).
 * The key comes from zhiben.crypto.key (ZHIBEN_CRYPTO_KEY); without it, a key file is created on the embedded database
 * (or in demo mode) so a fresh clone runs; against an external database a missing key stops the start-up,
 * because a generated key would be lost with the machine.
 */
@Component
public class FieldEncryptor {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private final SecretKeySpec key;
    private final SecretKeySpec digestKey;
    private final SecureRandom random = new SecureRandom();

    public FieldEncryptor(PlatformProperties properties, Environment environment) {
        byte[] raw = loadKey(properties, environment);
        this.key = new SecretKeySpec(raw, "AES");
        // a second key for lookups, derived so that a digest never reveals anything about the encryption key
        this.digestKey = new SecretKeySpec(hmac(new SecretKeySpec(raw, "HmacSHA256"),
                "zhiben-field-digest-v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    /**
     * A keyed digest (HMAC-SHA256, hex) of a value stored encrypted, e.g. an ID number: finds and keeps unique a record
     * by that value without decrypting every row. Deterministic under one key; without the key it cannot be reversed
     * by trying the (few) possible ID numbers, as a plain hash could.
     */
    public String digest(String value) {
        if (value == null) {
            return null;
        }
        return java.util.HexFormat.of().formatHex(hmac(digestKey, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] ct = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an encrypted value");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed (wrong key?)", e);
        }
    }

    /** Bytes (an uploaded file kept until its background job ends): iv | ciphertext+tag, AES-256-GCM. */
    public byte[] encryptBytes(byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] ct = cipher.doFinal(plain);
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public byte[] decryptBytes(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 0, IV_BYTES));
            return cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed (wrong key?)", e);
        }
    }

    private static byte[] loadKey(PlatformProperties properties, Environment environment) {
        PlatformProperties.Crypto crypto = properties.crypto();
        return KeyFiles.load(crypto.key(), Path.of(crypto.keyFile()),
                KeyFiles.embeddedDatabase(environment) || properties.demo(), "个人信息加密", "ZHIBEN_CRYPTO_KEY（zhiben.crypto.key）");
    }

}
