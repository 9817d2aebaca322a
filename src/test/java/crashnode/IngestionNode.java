package crashnode;

import cn.zhiben.monitoring.MonitoringProperties;
import cn.zhiben.monitoring.internal.AlarmWriter;
import cn.zhiben.monitoring.internal.IngestPipeline;
import cn.zhiben.monitoring.internal.Intake;
import cn.zhiben.monitoring.internal.MqttEndpoint;
import cn.zhiben.monitoring.internal.Partitions;
import cn.zhiben.monitoring.internal.PointRegistry;
import cn.zhiben.monitoring.internal.ReadingWriter;
import cn.zhiben.monitoring.internal.Rejections;
import cn.zhiben.monitoring.internal.RuleBook;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.platform.db.EmbeddedDatabaseConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The child JVM of {@code IngestionCrashTests} (outside the cn.zhiben package, so that the application's component scan
 * in the test context never picks this configuration up): the platform's ingestion path — the same beans (MQTT endpoint,
 * intake, pipeline, writer, rules, alarms, partitions) on the same embedded PostgreSQL set-up and the same migrations —
 * without the pages, the other modules and Boot's auto-configuration (whose condition evaluation alone took longer than
 * the rest of the start), so that it starts in a few seconds and can be killed and restarted within a test.
 */
@SpringBootConfiguration
@EnableConfigurationProperties({MonitoringProperties.class, PlatformProperties.class})
@Import({EmbeddedDatabaseConfiguration.class, RuleBook.class, PointRegistry.class, Intake.class, Rejections.class,
        Partitions.class, AlarmWriter.class, ReadingWriter.class, IngestPipeline.class, MqttEndpoint.class})
public class IngestionNode {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    /** The application's migrations (platform and monitoring), as Boot's Flyway set-up runs them, before any bean uses the database. */
    @Bean
    static BeanPostProcessor migrateFirst() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource ds) {
                    Flyway.configure().dataSource(ds).outOfOrder(true)
                            .locations("classpath:db/migration/platform", "classpath:db/migration/monitoring").load().migrate();
                }
                return bean;
            }
        };
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(IngestionNode.class).web(WebApplicationType.NONE)
                .properties("logging.level.root=warn", "logging.level.cn.zhiben.monitoring=info")
                .run(args);
    }
}
