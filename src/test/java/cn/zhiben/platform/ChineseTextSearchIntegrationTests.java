package cn.zhiben.platform;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database classifies CJK characters as letters, so trigram indexes work on Chinese names and summaries. */
class ChineseTextSearchIntegrationTests extends IntegrationTest {

    @Test
    void trigramsAreMadeOfChineseText() {
        Integer trigrams = jdbc.sql("select coalesce(array_length(show_trgm('晋城示范煤业'), 1), 0)").query(Integer.class).single();
        assertThat(trigrams).isGreaterThan(0);
        assertThat(jdbc.sql("select similarity('晋城示范煤业有限公司', '示范煤业')").query(Double.class).single()).isGreaterThan(0.1);
    }

    @Test
    void theTrigramIndexServesASubstringSearchOnEnterpriseNames() {
        String plan = String.join("\n", jdbc.sql("explain select id from org_enterprise where name like '%示范煤业%'")
                .query(String.class).list());
        // on a small table the planner may still prefer a scan; the index must at least be usable for the pattern
        jdbc.sql("set enable_seqscan = off").update();
        try {
            String forced = String.join("\n", jdbc.sql("explain select id from org_enterprise where name like '%示范煤业%'")
                    .query(String.class).list());
            assertThat(forced).contains("org_enterprise_name_trgm");
        } finally {
            jdbc.sql("set enable_seqscan = on").update();
        }
        assertThat(plan).isNotBlank();
    }
}
