package cn.zhiben.hazards.internal;

import cn.zhiben.standards.StandardClause;
import cn.zhiben.standards.StandardsLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Hazards recorded before a hazard had a field of its own get it from their clause once (a fire clause in a coal mine:
 * the fire field), so scope, routing and statistics treat old and new alike. Idempotent; a no-op on a fresh database.
 */
@Component
@Order(5)
class HazardFieldBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HazardFieldBackfill.class);
    private final JdbcClient jdbc;
    private final StandardsLibrary standards;
    private final HazardRepository hazards;

    HazardFieldBackfill(JdbcClient jdbc, StandardsLibrary standards, HazardRepository hazards) {
        this.jdbc = jdbc;
        this.standards = standards;
        this.hazards = hazards;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int updated = 0;
        for (UUID clause : jdbc.sql("""
                select distinct clause_id from hz_hazard where clause_id is not null and field_code is null and grade = 'MAJOR'""")
                .query(UUID.class).list()) {
            String field = standards.clause(clause).filter(StandardClause::allIndustries)
                    .filter(c -> !c.industryCodes().isEmpty()).map(c -> c.industryCodes().get(0)).orElse(null);
            if (field != null) {
                // the field decides scope and statistics: each hazard given one is a new version the read models see
                List<UUID> given = jdbc.sql("""
                        update hz_hazard set field_code = :f where clause_id = :c and field_code is null
                          and industry_code <> :f returning id""").param("f", field).param("c", clause).query(UUID.class).list();
                given.forEach(hazards::changedOutsideVerbs);
                updated += given.size();
            }
        }
        if (updated > 0) {
            log.info("{} hazard(s) given the field of their standard", updated);
        }
    }
}
