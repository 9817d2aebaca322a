package cn.zhiben.org.internal;

import cn.zhiben.platform.jobs.ClusterJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every minute, one instance takes over the enterprise imports whose instance stopped (see EnterpriseImportService). */
@Configuration(proxyBeanMethods = false)
class EnterpriseImportRecovery {

    @Bean
    ClusterJob importRecoveryJob(EnterpriseImportService imports) {
        return ClusterJob.of("org.import-recovery", "0 * * * * *", false,
                run -> imports.resumeOrphans() + " interrupted import(s) taken over");
    }
}
