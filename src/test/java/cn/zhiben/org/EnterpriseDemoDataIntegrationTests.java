package cn.zhiben.org;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data the demo accounts and the other modules rely on. */
class EnterpriseDemoDataIntegrationTests extends EnterpriseTestSupport {

    @Autowired
    EnterpriseDirectory directory;

    record Demo(String name, String uscc, String region, String zone, String industry, String status, String enc) {
    }

    @Test
    void demoEnterprisesArePlausibleFictionalAndCoverTheCity() {
        List<Demo> demo = jdbc.sql("select name, uscc, region_code, zone_code, industry_code, status, principal_mobile_enc from org_enterprise where demo")
                .query((rs, n) -> new Demo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7))).list();
        assertThat(demo).hasSizeBetween(30, 40);
        assertThat(demo).allSatisfy(d -> {
            assertThat(d.name()).endsWith("（演示）");
            assertThat(Uscc.validate(d.uscc())).as(d.uscc()).isEmpty();
            // the registration authority's region (digits 3–8) is the enterprise's county
            assertThat(d.uscc().substring(2, 8)).isEqualTo(d.region().substring(0, 6));
            assertThat(d.region()).hasSize(9);
            assertThat(d.enc()).startsWith("v1:");
        });
        assertThat(demo.stream().map(d -> d.region().substring(0, 6)).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("140502", "140521", "140522", "140524", "140525", "140581");
        assertThat(demo.stream().map(Demo::region).distinct().count()).isGreaterThanOrEqualTo(20);
        assertThat(demo.stream().filter(d -> "140500-ETDZ".equals(d.zone())).count()).isGreaterThanOrEqualTo(2);
        assertThat(demo.stream().filter(d -> d.status().equals("SUSPENDED_FOR_RECTIFICATION")).count()).isGreaterThanOrEqualTo(3);
        Map<String, Long> coalByCounty = demo.stream().filter(d -> d.industry().equals("mine.coal"))
                .collect(Collectors.groupingBy(d -> d.region().substring(0, 6), Collectors.counting()));
        assertThat(coalByCounty.keySet()).contains("140521", "140522", "140525", "140581");
        var ops = jdbc.sql("select distinct unnest(special_operations) from org_enterprise where demo").query(String.class).list();
        assertThat(ops).contains("DUST_EXPLOSION", "AMMONIA_REFRIGERATION", "CONFINED_SPACE", "METAL_SMELTING", "HAZARDOUS_CHEMICALS_USE");
        // every demo row passes the same checks a user's input does
        var assignable = jdbc.sql("select code from org_industry where assignable").query(String.class).set();
        assertThat(demo).allSatisfy(d -> assertThat(assignable).contains(d.industry()));
    }

    @Test
    void theEnterpriseDemoAccountsHaveTheirEnterprises() {
        assertThat(directory.demoEnterprises("mine.coal")).isNotEmpty();
        assertThat(directory.demoEnterprises("hazchem")).isNotEmpty();
        // both levels of the two-level confirmation of one 泽州 coal mine and one 泽州 hazchem plant
        var qiye = jdbc.sql("select enterprise_id from idn_user where username = 'qiye'").query(java.util.UUID.class).single();
        var qiyeFzr = jdbc.sql("select enterprise_id from idn_user where username = 'qiye-fzr'").query(java.util.UUID.class).single();
        assertThat(qiyeFzr).isEqualTo(qiye);
        assertThat(directory.find(qiye).orElseThrow()).satisfies(e -> {
            assertThat(e.industryCode()).startsWith("mine.coal");
            assertThat(e.regionCode()).startsWith("140525");
        });
        var huagong = jdbc.sql("select enterprise_id from idn_user where username = 'qiye-huagong'").query(java.util.UUID.class).single();
        assertThat(directory.find(huagong).orElseThrow().industryCode()).startsWith("hazchem");
        assertThat(jdbc.sql("select enterprise_position from idn_user where username in ('qiye', 'qiye-fzr') order by username")
                .query(String.class).list()).containsExactly("SAFETY_MANAGER", "PRINCIPAL");
    }
}
