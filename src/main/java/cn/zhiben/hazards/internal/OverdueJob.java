package cn.zhiben.hazards.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.platform.jobs.ClusterJob;
import cn.zhiben.platform.jobs.JobRun;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;

/**
 * Marks and escalates overdue hazards every night shortly after midnight, Asia/Shanghai: on one instance only, each
 * hazard in its own transaction (HazardService.markOverdue), and once at the next start if the platform was down at
 * midnight (platform job scheduler, decision 0011).
 */
@Component
class OverdueJob implements ClusterJob {

    private final HazardService hazards;
    private final AuditLog audit;
    private final String cron;
    private final TransactionTemplate tx;

    OverdueJob(HazardService hazards, AuditLog audit, @Value("${zhiben.hazards.overdue-cron:0 5 0 * * *}") String cron,
               PlatformTransactionManager transactions) {
        this.hazards = hazards;
        this.audit = audit;
        this.cron = cron;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public String name() {
        return "hazards.overdue";
    }

    @Override
    public String cron() {
        return cron;
    }

    @Override
    public String run(JobRun run) {
        int marked = run();
        return marked + " hazard(s) marked overdue and escalated";
    }

    /** The work of one night; answers how many hazards were marked. */
    public int run() {
        int marked = hazards.markOverdue();
        if (marked > 0) {
            tx.executeWithoutResult(s -> audit.record(AuditEntry.success(AuditAction.TRANSITION, "hazard", null,
                            Map.of("job", "overdue", "marked", marked))
                    .by(new AuditEntry.Actor(null, "system", null, null))));
        }
        return marked;
    }
}
