package cn.zhiben.hazards.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;

/** Marks and escalates overdue hazards every night shortly after midnight, Asia/Shanghai. */
@Component
class OverdueJob {

    private static final Logger log = LoggerFactory.getLogger(OverdueJob.class);
    private final HazardService hazards;
    private final AuditLog audit;

    OverdueJob(HazardService hazards, AuditLog audit) {
        this.hazards = hazards;
        this.audit = audit;
    }

    @Scheduled(cron = "${zhiben.hazards.overdue-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
    @Transactional
    public void run() {
        int marked = hazards.markOverdue();
        if (marked > 0) {
            audit.record(AuditEntry.success(AuditAction.TRANSITION, "hazard", null, Map.of("job", "overdue", "marked", marked))
                    .by(new AuditEntry.Actor(null, "system", null, null)));
            log.info("overdue job: {} hazard(s) marked overdue and escalated", marked);
        }
    }
}
