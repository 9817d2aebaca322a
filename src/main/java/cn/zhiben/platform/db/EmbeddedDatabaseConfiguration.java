package cn.zhiben.platform.db;

import cn.zhiben.platform.PlatformProperties;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * Starts an embedded PostgreSQL when no external datasource is configured (see {@link NoExternalDataSourceCondition}).
 * With SPRING_DATASOURCE_URL set, this configuration backs off and Boot's own datasource is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDataSourceCondition.class)
public class EmbeddedDatabaseConfiguration {

    /**
     * Every connection plans each statement for its actual parameters (decision 0009): a generic plan cannot use an
     * index for {@code region_code like $1}, and PostgreSQL may switch a prepared statement to one after five runs.
     * The external datasource gets the same through spring.datasource.hikari.connection-init-sql.
     */
    public static final String CUSTOM_PLANS = "set plan_cache_mode = force_custom_plan";

    @Bean
    @Primary
    DataSource dataSource(PlatformProperties properties) {
        PlatformProperties.Embedded embedded = properties.db().embedded();
        EmbeddedPostgresLauncher.Server pg;
        String database;
        if (embedded.ephemeral()) {
            pg = EmbeddedPostgresServer.ephemeral();
            database = EmbeddedPostgresServer.createEphemeralDatabase(pg);
        } else {
            pg = EmbeddedPostgresServer.persistent(Path.of(embedded.dataDir()), embedded.port(), Path.of(embedded.passwordFile()));
            database = embedded.database();
            EmbeddedPostgresServer.createDatabaseIfMissing(pg, database);
        }
        HikariDataSource ds = new HikariDataSource() {
            @Override
            public void close() {
                // destroyed after every bean that uses it, so the server stops last
                super.close();
                EmbeddedPostgresServer.release();
            }
        };
        ds.setJdbcUrl(pg.jdbcUrl(database));
        ds.setUsername(pg.user());
        ds.setPassword(pg.password());
        ds.setMaximumPoolSize(embedded.poolSize());
        ds.setPoolName("zhiben-embedded");
        ds.setConnectionInitSql(CUSTOM_PLANS);
        return ds;
    }

    @Bean
    EmbeddedDatabaseInfo embeddedDatabaseInfo(DataSource dataSource, PlatformProperties properties) {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        PlatformProperties.Embedded embedded = properties.db().embedded();
        return embedded.ephemeral() ? new EmbeddedDatabaseInfo(hikari.getJdbcUrl(), null, null)
                : new EmbeddedDatabaseInfo(hikari.getJdbcUrl(), Path.of(embedded.dataDir()).toAbsolutePath().normalize(),
                Path.of(embedded.passwordFile()).toAbsolutePath().normalize());
    }

    /** What the startup banner prints about the embedded server (nulls for the tests' throw-away server). */
    public record EmbeddedDatabaseInfo(String jdbcUrl, Path dataDir, Path passwordFile) {
    }
}
