package crashnode;

import cn.zhiben.monitoring.internal.AlarmWriter;
import cn.zhiben.monitoring.internal.IngestPipeline;
import cn.zhiben.monitoring.internal.Intake;
import cn.zhiben.monitoring.internal.MqttEndpoint;
import cn.zhiben.monitoring.internal.Partitions;
import cn.zhiben.monitoring.internal.PointRegistry;
import cn.zhiben.monitoring.internal.ReadingWriter;
import cn.zhiben.monitoring.internal.Rejections;
import cn.zhiben.monitoring.internal.RuleBook;

import cn.zhiben.monitoring.MonitoringProperties;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.platform.db.EmbeddedDatabaseConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * The child JVM of {@code IngestionCrashTests} (outside the cn.zhiben package, so that the application's component scan
 * in the test context never picks this configuration up): the platform's ingestion path — the same beans (MQTT endpoint, intake,
 * pipeline, writer, rules, alarms, partitions) on the same embedded PostgreSQL set-up and the same migrations — without
 * the pages and the other modules, so that it starts in seconds and can be killed and restarted within a test.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties({MonitoringProperties.class, PlatformProperties.class})
@Import({EmbeddedDatabaseConfiguration.class, RuleBook.class, PointRegistry.class, Intake.class, Rejections.class,
        Partitions.class, AlarmWriter.class, ReadingWriter.class, IngestPipeline.class, MqttEndpoint.class})
public class IngestionNode {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(IngestionNode.class).web(WebApplicationType.NONE)
                .properties("spring.flyway.locations=classpath:db/migration/platform,classpath:db/migration/monitoring",
                        "spring.modulith.events.republish-outstanding-events-on-restart=false",
                        "logging.level.root=warn", "logging.level.cn.zhiben.monitoring=info")
                .run(args);
    }
}
