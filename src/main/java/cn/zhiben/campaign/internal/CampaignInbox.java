package cn.zhiben.campaign.internal;

import cn.zhiben.platform.security.CurrentUser;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

/**
 * What waits for the signed-in account, counted by asking each record the same question its verbs ask
 * ({@code actionsFor}): reports it may file, copies it may answer, tasks it may report on, reports it may read.
 */
@Service
public class CampaignInbox {

    private final ReportRepository reports;
    private final DispatchRepository dispatches;
    private final TaskRepository tasks;
    private final ProgrammeRepository programmes;
    private final CampaignTime time;

    CampaignInbox(ReportRepository reports, DispatchRepository dispatches, TaskRepository tasks,
                  ProgrammeRepository programmes, CampaignTime time) {
        this.reports = reports;
        this.dispatches = dispatches;
        this.tasks = tasks;
        this.programmes = programmes;
        this.time = time;
    }

    /**
     * @param toFile       reports the account may file now (owed, its own)
     * @param toFileLate   of those, past their due date
     * @param toAnswer     dispatch copies the account may answer now
     * @param toReview     reports the account (an office) may accept or return now
     * @param openTasks    tasks the account may report on (not done)
     * @param overdueTasks of those, past their due date
     * @param lateReports  (offices) reports in scope still owed after their due date
     * @param overdueCopies (offices) copies in scope not answered by their date
     */
    public record Counts(long toFile, long toFileLate, long toAnswer, long toReview, long openTasks, long overdueTasks,
                         long lateReports, long overdueCopies) {
    }

    public Counts counts(CurrentUser user) {
        if (!CampaignScope.participant(user)) {
            return new Counts(0, 0, 0, 0, 0, 0, 0, 0);
        }
        Actor actor = Actor.of(user);
        LocalDate today = time.today();
        long toFile = 0, toFileLate = 0, toReview = 0, lateReports = 0;
        for (ReportRepository.Row r : reports.search(user, new ReportRepository.Filter(null, null, null, null, null, null,
                null, null, today), 20000)) {
            if (!r.status().open() && r.status() != ReportStatus.SUBMITTED) {
                continue;
            }
            Report report = new Report(r.id(), r.programmeId(), r.kind(), r.period(), r.addressee(), r.dueOn(), r.status(),
                    r.version());
            var actions = report.actionsFor(actor);
            if (actions.contains(ReportAction.SUBMIT)) {
                toFile++;
                if (r.late(today)) {
                    toFileLate++;
                }
            }
            if (actions.contains(ReportAction.ACCEPT)) {
                toReview++;
            }
            if (r.late(today)) {
                lateReports++;
            }
        }
        long toAnswer = 0, overdueCopies = 0;
        for (DispatchRepository.Row d : dispatches.search(user, new DispatchRepository.Filter(null, null, null, null,
                DispatchRepository.Box.ALL, null, today), 20000)) {
            if (!d.item().status().awaitingAnswer()) {
                continue;
            }
            if (d.item().actionsFor(actor).contains(DispatchAction.ANSWER)) {
                toAnswer++;
            }
            if (d.item().status() == RecipientStatus.OVERDUE || today.isAfter(d.item().dueOn())) {
                overdueCopies++;
            }
        }
        long openTasks = 0, overdueTasks = 0;
        for (Programme p : programmes.active()) {
            for (TaskRepository.Row t : tasks.search(user, new TaskRepository.Filter(p.id(), null, null, null, null, null, today), 5000)) {
                Task task = new Task(t.id(), t.programmeId(), t.measureId(), t.parentId(), t.addressee(), t.role(), t.dueOn(),
                        t.status(), t.percent(), null, null, null, t.version());
                if (task.addressee.heldBy(user) && task.actionsFor(actor).contains(TaskAction.COMPLETE)) {
                    openTasks++;
                    if (t.overdue(today)) {
                        overdueTasks++;
                    }
                }
            }
        }
        return new Counts(toFile, toFileLate, toAnswer, toReview, openTasks, overdueTasks, lateReports, overdueCopies);
    }
}
