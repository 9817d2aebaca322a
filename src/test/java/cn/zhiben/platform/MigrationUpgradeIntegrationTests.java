package cn.zhiben.platform;

import cn.zhiben.support.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation upgraded to a build whose new migration sorts before one it already has (module version ranges,
 * decision 0008) still starts: the platform's own Flyway configuration applies the late migration.
 */
class MigrationUpgradeIntegrationTests extends IntegrationTest {

    @Autowired
    Flyway flyway;
    @Autowired
    DataSource dataSource;

    @Test
    void aModuleMigrationThatSortsBeforeAnAppliedOneIsAppliedOnUpgrade() throws Exception {
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        // the embedded server's superuser and its generated password
        String user = ((com.zaxxer.hikari.HikariDataSource) dataSource).getUsername();
        String password = ((com.zaxxer.hikari.HikariDataSource) dataSource).getPassword();
        String upgradeUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/zhiben_upgrade$1");
        jdbc.sql("drop database if exists zhiben_upgrade").update();
        jdbc.sql("create database zhiben_upgrade").update();
        try {
            // an "old" installation: every module's migrations except the hazards module's (whose range, 05xx, sorts
            // before notifications 06xx, which it then has)
            String[] withoutHazards = {"classpath:db/migration/platform", "classpath:db/migration/audit",
                    "classpath:db/migration/org", "classpath:db/migration/identity", "classpath:db/migration/standards",
                    "classpath:db/migration/notifications"};
            Flyway old = Flyway.configure().configuration(flyway.getConfiguration())
                    .dataSource(upgradeUrl, user, password).locations(withoutHazards).outOfOrder(false).load();
            old.migrate();
            MigrationVersion oldLatest = old.info().current().getVersion();

            Flyway upgrade = Flyway.configure().configuration(flyway.getConfiguration())
                    .dataSource(upgradeUrl, user, password).load();
            upgrade.migrate();

            List<MigrationInfo> applied = Arrays.asList(upgrade.info().applied());
            assertThat(applied).filteredOn(m -> m.getScript().contains("hazards")).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(m -> assertThat(m.getVersion()).isLessThan(oldLatest));
            assertThat(upgrade.info().pending()).isEmpty();
        } finally {
            jdbc.sql("drop database if exists zhiben_upgrade with (force)").update();
        }
    }
}
