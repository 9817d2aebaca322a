package cn.zhiben.campaign.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the city's plan as reference data on every start where it is missing (in every mode, like the org data). */
@Component
@Order(15)
class PlanLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlanLoader.class);
    private final ProgrammeService programmes;

    PlanLoader(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @Override
    public void run(ApplicationArguments args) {
        programmes.loadReference();
        log.debug("campaign reference programme present");
    }
}
