package cn.zhiben.inspections.internal;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.inspections.InspectionEvents;
import cn.zhiben.notifications.Notifier;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Tells people about inspections: the drawn team (in the draw's transaction), and the enterprise after its record is
 * complete and after a decision (from the event publication registry, after commit; keyed, so a re-run sends nothing twice).
 */
@Component
class InspectionNotifications {

    private final Notifier notifier;
    private final AccountDirectory accounts;

    InspectionNotifications(Notifier notifier, AccountDirectory accounts) {
        this.notifier = notifier;
        this.accounts = accounts;
    }

    /** The officers of a new inspection learn of it (only they and their unit, for a 四不两直 one). */
    void assigned(Inspection x, String unitName) {
        List<UUID> team = x.officers().stream().map(Inspection.OnDuty::userId).toList();
        notifier.inbox(team, "INSPECTION", (x.unannounced() ? "【四不两直】" : "") + "检查任务：" + x.enterpriseName(),
                unitName + "安排的" + x.kind().label() + "，检查期限 " + x.plannedFrom() + " 至 " + x.plannedTo() + "。",
                "/inspections/" + x.id(), "inspection-assigned:" + x.id());
    }

    @ApplicationModuleListener
    void on(InspectionEvents.InspectionCompleted e) {
        notifier.inbox(accounts.enterpriseAccounts(e.enterpriseId()), "INSPECTION", "现场检查记录待签收：" + e.documentNumber(),
                "检查发现问题 " + e.findings() + " 项（其中重大事故隐患 " + e.majorFindings() + " 项），请核对后签收。",
                "/inspections/" + e.inspectionId(), "inspection-completed:" + e.inspectionId());
    }

    @ApplicationModuleListener
    void on(InspectionEvents.DecisionIssued e) {
        notifier.inbox(accounts.enterpriseAccounts(e.enterpriseId()), "INSPECTION", "执法决定：" + e.documentNumber(),
                "请查阅执法决定书并按要求执行。", "/inspections/decisions/" + e.decisionId(), "decision-issued:" + e.decisionId());
    }
}
