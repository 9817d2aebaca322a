package cn.zhiben.notifications.internal;

import cn.zhiben.hazards.HazardEvents;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.notifications.Notifier;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells an enterprise its quarterly or annual hazard report is due (令第16号 Art. 14), in its own words. */
@Component
class HazardReportNotifications {

    private final Notifier notifier;
    private final AccountDirectory accounts;

    HazardReportNotifications(Notifier notifier, AccountDirectory accounts) {
        this.notifier = notifier;
        this.accounts = accounts;
    }

    @ApplicationModuleListener
    void on(HazardEvents.HazardReportDue e) {
        notifier.inbox(accounts.enterpriseAccounts(e.enterpriseId()), "HAZARD_REPORT_DUE",
                "隐患统计分析报告" + (e.daysBefore() <= 1 ? "明天" : e.daysBefore() + " 天后") + "到期：" + e.periodLabel(),
                "请于 " + e.dueOn() + " 前报送本企业" + e.periodLabel() + "事故隐患排查治理统计分析报告：由安全管理人员编制，"
                        + "主要负责人签署后即报送监管部门（《安全生产事故隐患排查治理暂行规定》第十四条）。",
                "/hazard-reports", "hazard-report-due:" + e.enterpriseId() + ":" + e.period() + ":" + e.dueOn() + ":" + e.daysBefore());
    }
}
