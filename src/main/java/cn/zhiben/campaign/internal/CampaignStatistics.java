package cn.zhiben.campaign.internal;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaign's figures for a level (the whole city, or one county) and a span of dates, counted from the module's own
 * records and the hazards module's figures — the single place the year summary, the monthly digest and their pages
 * take their numbers from.
 */
@Component
public class CampaignStatistics {

    private final TaskRepository tasks;
    private final ReportRepository reports;
    private final DispatchRepository dispatches;
    private final SupervisionRepository supervision;
    private final ProgrammeRepository programmes;
    private final FiguresSource figures;

    CampaignStatistics(TaskRepository tasks, ReportRepository reports, DispatchRepository dispatches,
                       SupervisionRepository supervision, ProgrammeRepository programmes, FiguresSource figures) {
        this.tasks = tasks;
        this.reports = reports;
        this.dispatches = dispatches;
        this.supervision = supervision;
        this.programmes = programmes;
        this.figures = figures;
    }

    /** regionCode null: the whole city; a county code: that county. */
    public record Level(String regionCode) {
        boolean covers(Addressee a) {
            return regionCode == null || regionCode.equals(a.regionCode());
        }
    }

    public record TaskCounts(int total, int done, int inProgress, int notStarted, int overdue) {
        static TaskCounts of(List<TaskRepository.Row> rows, LocalDate today) {
            return new TaskCounts(rows.size(), (int) rows.stream().filter(t -> t.status() == TaskStatus.DONE).count(),
                    (int) rows.stream().filter(t -> t.status() == TaskStatus.IN_PROGRESS).count(),
                    (int) rows.stream().filter(t -> t.status() == TaskStatus.NOT_STARTED).count(),
                    (int) rows.stream().filter(t -> t.overdue(today)).count());
        }
    }

    public record ActionCounts(String numeral, String title, int measures, TaskCounts tasks) {
    }

    /** due: reports whose due date has passed; filed on time, filed late, still missing. */
    public record ReportCounts(int due, int onTime, int late, int missing) {
    }

    public record DispatchCounts(int dispatches, int copies, int answeredOnTime, int answeredLate, int awaiting,
                                 int overdueUnanswered) {
    }

    public record Stats(Level level, LocalDate from, LocalDate to, Figures hazards, TaskCounts tasks,
                        List<ActionCounts> actions, Map<ReportKind, ReportCounts> reports, DispatchCounts dispatches,
                        Map<SupervisionKind, Integer> supervision, List<TaskRepository.Row> overdueTasks,
                        List<ReportRepository.Row> missingReports, List<DispatchItem> overdueDispatches) {
    }

    public Stats compute(Programme p, Level level, LocalDate from, LocalDate to, LocalDate today) {
        LocalDate until = to.isAfter(today) ? today : to;
        Figures hazards = figures.ofRegion(level.regionCode(), from, until);
        List<TaskRepository.Row> allTasks = tasks.ofProgramme(p.id()).stream().filter(t -> level.covers(t.addressee())).toList();
        TaskCounts taskCounts = TaskCounts.of(allTasks, today);
        List<ActionCounts> actions = new ArrayList<>();
        for (ProgrammeRepository.ActionView a : programmes.structure(p.id())) {
            var ids = a.measures().stream().map(ProgrammeRepository.MeasureView::id).toList();
            actions.add(new ActionCounts(a.numeral(), a.title(), a.measures().size(),
                    TaskCounts.of(allTasks.stream().filter(t -> ids.contains(t.measureId())).toList(), today)));
        }
        Map<ReportKind, ReportCounts> reportCounts = new EnumMap<>(ReportKind.class);
        List<ReportRepository.Row> missing = new ArrayList<>();
        for (ReportRepository.Row r : reports.ofProgramme(p.id())) {
            if (!level.covers(r.addressee()) || r.dueOn().isBefore(from) || r.dueOn().isAfter(to) || !r.dueOn().isBefore(today)) {
                continue;
            }
            ReportCounts c = reportCounts.getOrDefault(r.kind(), new ReportCounts(0, 0, 0, 0));
            boolean filed = !r.status().open() || r.firstSubmittedAt() != null;
            boolean onTime = filed && Boolean.TRUE.equals(r.onTime());
            reportCounts.put(r.kind(), new ReportCounts(c.due() + 1, c.onTime() + (onTime ? 1 : 0),
                    c.late() + (filed && !onTime ? 1 : 0), c.missing() + (filed ? 0 : 1)));
            if (!filed) {
                missing.add(r);
            }
        }
        List<DispatchItem> copies = dispatches.ofProgramme(null, from, until).stream().filter(d -> level.covers(d.addressee())).toList();
        int onTime = (int) copies.stream().filter(d -> Boolean.TRUE.equals(d.onTime())).count();
        int late = (int) copies.stream().filter(d -> Boolean.FALSE.equals(d.onTime())).count();
        int awaiting = (int) copies.stream().filter(d -> d.status().awaitingAnswer()).count();
        List<DispatchItem> overdue = copies.stream().filter(d -> d.status().awaitingAnswer() && today.isAfter(d.dueOn())).toList();
        DispatchCounts dispatchCounts = new DispatchCounts((int) copies.stream().map(d -> d.header().id()).distinct().count(),
                copies.size(), onTime, late, awaiting, overdue.size());
        Map<SupervisionKind, Integer> sup = new LinkedHashMap<>();
        for (SupervisionKind k : SupervisionKind.values()) {
            sup.put(k, 0);
        }
        for (Supervision s : supervision.between(from, until)) {
            if (level.regionCode() == null || level.regionCode().equals(s.target().regionCode())) {
                sup.merge(s.kind(), 1, Integer::sum);
            }
        }
        List<TaskRepository.Row> overdueTasks = allTasks.stream().filter(t -> t.overdue(today)).toList();
        return new Stats(level, from, until, hazards, taskCounts, actions, reportCounts, dispatchCounts, sup, overdueTasks,
                missing, overdue);
    }
}
