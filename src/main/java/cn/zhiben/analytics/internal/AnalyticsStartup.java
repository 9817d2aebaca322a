package cn.zhiben.analytics.internal;

import cn.zhiben.analytics.AnalyticsProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start (read models never built: a new deployment on existing hazards, or demo data that back-dated its
 * hazards directly), rebuilds the hazard read models once, after the other modules' demo data (order 30).
 * Two instances starting together rebuild one after the other (table locks); harmless.
 * {@code --zhiben.analytics.rebuild} on the command line forces a rebuild at start.
 */
@Component
@Order(90)
class AnalyticsStartup implements ApplicationRunner {

    private final HazardReadModel model;
    private final AnalyticsProperties props;

    AnalyticsStartup(HazardReadModel model, AnalyticsProperties props) {
        this.model = model;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean forced = args.containsOption("zhiben.analytics.rebuild");
        if (forced || (props.rebuildOnFirstStart() && !model.everRebuilt())) {
            model.rebuild();
        }
    }
}
