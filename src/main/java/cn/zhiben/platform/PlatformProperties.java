package cn.zhiben.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * zhiben.* settings shared by every module.
 *
 * @param demo                    demo mode: demo accounts and demo enterprises are loaded, administrators need no TOTP
 * @param demoOnExternalDatabase  demo mode normally refuses an external datasource, so demo data never lands in a real database
 * @param publicUrl               the address users open, printed at start-up
 */
@ConfigurationProperties("zhiben")
public record PlatformProperties(
        @DefaultValue("false") boolean demo,
        @DefaultValue("false") boolean demoOnExternalDatabase,
        String publicUrl,
        @DefaultValue Db db,
        @DefaultValue Crypto crypto,
        @DefaultValue Web web) {

    public record Db(@DefaultValue Embedded embedded) {
    }

    public record Embedded(
            @DefaultValue("./data/pg") String dataDir,
            @DefaultValue("15432") int port,
            @DefaultValue("zhiben") String database,
            @DefaultValue("10") int poolSize,
            @DefaultValue("false") boolean ephemeral) {
    }

    /**
     * @param key     base64 of a 32-byte AES key (env ZHIBEN_CRYPTO_KEY); wins over the key file
     * @param keyFile where a generated key is kept when no key is given (embedded database or demo only)
     */
    public record Crypto(String key, @DefaultValue("./data/keys/field.key") String keyFile) {
    }

    /**
     * @param maxJsonBody    largest JSON request body the API accepts
     * @param trustedProxies reverse proxies (IP addresses or CIDR blocks) whose X-Forwarded-For / X-Forwarded-Proto are
     *                       believed; default none, so a client cannot choose the address the audit log records
     */
    public record Web(@DefaultValue("1MB") DataSize maxJsonBody, List<String> trustedProxies) {
        @ConstructorBinding
        public Web {
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        }

        public Web(DataSize maxJsonBody) {
            this(maxJsonBody, List.of());
        }
    }
}
