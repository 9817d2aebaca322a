package cn.zhiben.platform;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Platform connections plan each statement for its parameters (decision 0009). */
class CustomPlanIntegrationTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void everyPooledConnectionForcesCustomPlans() throws Exception {
        // several connections at once, so more than one of the pool's is asked
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Connection c = dataSource.getConnection();
                held.add(c);
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("show plan_cache_mode")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("force_custom_plan");
                }
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }
}
