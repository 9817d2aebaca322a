package cn.zhiben.org.internal;

import cn.zhiben.platform.jobs.ClusterJob;
import cn.zhiben.platform.jobs.JobRun;
import org.springframework.stereotype.Component;

/** Every minute, one instance takes over the enterprise imports whose instance stopped (see EnterpriseImportService). */
@Component
class EnterpriseImportRecovery implements ClusterJob {

    private final EnterpriseImportService imports;

    EnterpriseImportRecovery(EnterpriseImportService imports) {
        this.imports = imports;
    }

    @Override
    public String name() {
        return "org.import-recovery";
    }

    @Override
    public String cron() {
        return "0 * * * * *";
    }

    @Override
    public boolean catchUp() {
        return false;
    }

    @Override
    public String run(JobRun run) {
        return imports.resumeOrphans() + " interrupted import(s) taken over";
    }
}
