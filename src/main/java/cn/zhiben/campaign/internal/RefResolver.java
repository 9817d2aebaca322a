package cn.zhiben.campaign.internal;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The late item a supervision letter or record is about (一追溯: every measure taken can be traced to what caused it):
 * a task, a report, a dispatch copy or a measure, looked up inside the caller's scope.
 */
@Component
public class RefResolver {

    private final TaskRepository tasks;
    private final ReportRepository reports;
    private final DispatchRepository dispatches;
    private final ProgrammeRepository programmes;
    private final CampaignNames names;

    RefResolver(TaskRepository tasks, ReportRepository reports, DispatchRepository dispatches,
                ProgrammeRepository programmes, CampaignNames names) {
        this.tasks = tasks;
        this.reports = reports;
        this.dispatches = dispatches;
        this.programmes = programmes;
        this.names = names;
    }

    public record Ref(String type, UUID id, String label, String path) {
    }

    public static final java.util.List<String> TYPES = java.util.List.of("TASK", "REPORT", "DISPATCH", "MEASURE");

    void requireVisible(String type, UUID id, CurrentUser user) {
        if (!TYPES.contains(type)) {
            throw ProblemException.badRequest("REF_TYPE_INVALID", "关联事项类型只能是 TASK、REPORT、DISPATCH 或 MEASURE");
        }
        find(type, id, user).orElseThrow(() -> ProblemException.badRequest("REF_NOT_FOUND", "关联事项不存在"));
    }

    public Ref describe(String type, UUID id, CurrentUser user) {
        return find(type, id, user).orElse(new Ref(type, id, "（无权查看或已不存在）", null));
    }

    private Optional<Ref> find(String type, UUID id, CurrentUser user) {
        CampaignNames.Snapshot n = names.snapshot();
        return switch (type) {
            case "TASK" -> tasks.row(id, user).map(t -> new Ref(type, id, "任务：第 " + t.measureNo() + " 项 "
                    + t.measureTitle() + "（" + n.addressee(t.addressee()) + "）", "/campaign/tasks/" + id));
            case "REPORT" -> reports.find(id, user).map(r -> new Ref(type, id, "报送：" + n.addressee(r.addressee()) + " "
                    + r.kind().label() + "（" + CalendarService.period(r) + "）", "/campaign/reports/" + id));
            case "DISPATCH" -> dispatches.find(id, user).map(d -> new Ref(type, id, "调度：" + d.item().header().number() + " "
                    + n.addressee(d.item().addressee()), "/campaign/dispatches/" + id));
            case "MEASURE" -> programmes.measure(id).map(m -> new Ref(type, id, "措施：第 " + m.no() + " 项 " + m.title(),
                    "/campaign/measures/" + id));
            default -> Optional.empty();
        };
    }
}
