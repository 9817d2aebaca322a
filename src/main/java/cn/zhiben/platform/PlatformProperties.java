package cn.zhiben.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
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
        @DefaultValue Web web,
        @DefaultValue Jobs jobs) {

    @ConstructorBinding
    public PlatformProperties {
    }

    /** For tests and tools that build the settings by hand: default job settings. */
    public PlatformProperties(boolean demo, boolean demoOnExternalDatabase, String publicUrl, Db db, Crypto crypto, Web web) {
        this(demo, demoOnExternalDatabase, publicUrl, db, crypto, web,
                new Jobs(Duration.ofDays(7), Duration.ofMinutes(10), 10, Duration.ofDays(30)));
    }

    public record Db(@DefaultValue Embedded embedded) {
    }

    /**
     * @param dataDir      the durable server's data directory
     * @param port         its TCP port on 127.0.0.1; a port taken by anything else stops the start-up (decision 0010)
     * @param passwordFile the superuser password, generated with mode 0600 beside the field key; back it up with the data
     * @param ephemeral    tests only: a throw-away server with fast, non-durable settings on a free port
     */
    public record Embedded(
            @DefaultValue("./data/pg") String dataDir,
            @DefaultValue("15432") int port,
            @DefaultValue("zhiben") String database,
            @DefaultValue("10") int poolSize,
            @DefaultValue("./data/keys/postgres.password") String passwordFile,
            @DefaultValue("false") boolean ephemeral) {

        @ConstructorBinding
        public Embedded {
        }

        /** For tests and tools that build the settings by hand: the default password file. */
        public Embedded(String dataDir, int port, String database, int poolSize, boolean ephemeral) {
            this(dataDir, port, database, poolSize, "./data/keys/postgres.password", ephemeral);
        }
    }

    /**
     * @param key     base64 of a 32-byte AES key (env ZHIBEN_CRYPTO_KEY); wins over the key file
     * @param keyFile where a generated key is kept when no key is given (embedded database or demo only)
     */
    public record Crypto(String key, @DefaultValue("./data/keys/field.key") String keyFile) {
    }

    /**
     * Platform housekeeping jobs (decision 0011). Our inference, not a rule of any source document.
     *
     * @param completedEventsRetention how long completed event publications stay for diagnosis before they are deleted
     * @param resubmitEventsAfter      an event publication still incomplete after this long is handed to its listener
     *                                 again (its instance died, or the listener failed)
     * @param maxEventAttempts         resubmissions of one publication before it is left for an operator (logged)
     * @param jobRunRetention          how long the job ledger keeps finished occurrences
     */
    public record Jobs(
            @DefaultValue("7d") Duration completedEventsRetention,
            @DefaultValue("10m") Duration resubmitEventsAfter,
            @DefaultValue("10") int maxEventAttempts,
            @DefaultValue("30d") Duration jobRunRetention) {
    }

    /**
     * @param maxJsonBody    largest JSON request body the API accepts
     * @param apiDocsPublic  whether /v3/api-docs and Swagger UI answer without a login; unset: only in demo mode
     *                       (issue 9 part 8: the API description is not for anonymous visitors of a real installation)
     * @param trustedProxies reverse proxies (IP addresses or CIDR blocks) whose X-Forwarded-For / X-Forwarded-Proto are
     *                       believed; default none, so a client cannot choose the address the audit log records
     */
    public record Web(@DefaultValue("1MB") DataSize maxJsonBody, Boolean apiDocsPublic, List<String> trustedProxies) {

        @ConstructorBinding
        public Web {
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        }

        /** For tests and tools that build the settings by hand: API docs public only in demo mode, no trusted proxies. */
        public Web(DataSize maxJsonBody) {
            this(maxJsonBody, null, List.of());
        }

        public Web(DataSize maxJsonBody, Boolean apiDocsPublic) {
            this(maxJsonBody, apiDocsPublic, List.of());
        }
    }

    /** Whether the OpenAPI description and Swagger UI are served without a login. */
    public boolean apiDocsPublic() {
        return web.apiDocsPublic() != null ? web.apiDocsPublic() : demo;
    }
}
