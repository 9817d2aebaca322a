package cn.zhiben.tipoffs.internal;

import cn.zhiben.platform.jobs.ClusterJob;
import cn.zhiben.platform.jobs.JobRun;
import cn.zhiben.tipoffs.TipoffsProperties;
import org.springframework.stereotype.Component;

/** Marks tip-offs whose current step is past due and escalates them to the city office, nightly on one instance. */
@Component
class TipoffOverdueJob implements ClusterJob {

    private final TipoffService service;
    private final String cron;

    TipoffOverdueJob(TipoffService service, TipoffsProperties props) {
        this.service = service;
        this.cron = props.overdueCron();
    }

    @Override
    public String name() {
        return "tipoffs.overdue";
    }

    @Override
    public String cron() {
        return cron;
    }

    @Override
    public String run(JobRun run) {
        return service.markOverdue() + " tip-off(s) marked overdue and escalated";
    }
}
