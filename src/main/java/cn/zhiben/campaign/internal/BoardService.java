package cn.zhiben.campaign.internal;

import cn.zhiben.org.Region;
import cn.zhiben.platform.security.CurrentUser;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 挂图作战: every measure of a programme with its owners, targets and dates, how far its tasks are (done, overdue) and
 * where each county stands on it. The overview's counts are shown to every campaign participant (the plan and its
 * progress are the whole city's business); the tasks behind a measure only inside the caller's scope.
 */
@Service
public class BoardService {

    private final ProgrammeRepository programmes;
    private final TaskRepository tasks;
    private final ReportRepository reports;
    private final EvidenceStore evidence;
    private final CampaignNames names;
    private final CampaignTime time;

    BoardService(ProgrammeRepository programmes, TaskRepository tasks, ReportRepository reports, EvidenceStore evidence,
                 CampaignNames names, CampaignTime time) {
        this.programmes = programmes;
        this.tasks = tasks;
        this.reports = reports;
        this.evidence = evidence;
        this.names = names;
        this.time = time;
    }

    /** Where one county stands on a measure: its office's task and the tasks it delegated. */
    public record Cell(String status, String label, boolean overdue, UUID taskId) {
    }

    public record MeasureLine(ProgrammeRepository.MeasureView measure, String leads, String others, LocalDate dueOn,
                              int total, int done, int inProgress, int overdue, Map<String, Cell> counties,
                              boolean targetMissed) {

        public int percentDone() {
            return total == 0 ? 0 : (int) Math.round(100.0 * done / total);
        }
    }

    public record ActionLine(ProgrammeRepository.ActionView action, List<MeasureLine> measures, int total, int done,
                             int overdue) {
    }

    public record Board(Views.ProgrammeView programme, List<ActionLine> actions, List<Region> counties, int total, int done,
                        int overdue, LocalDate today) {
    }

    public Board board(Programme p) {
        LocalDate today = time.today();
        CampaignNames.Snapshot n = names.snapshot();
        List<Region> counties = names.counties();
        Map<UUID, List<TaskRepository.Row>> byMeasure = tasks.ofProgramme(p.id()).stream()
                .collect(Collectors.groupingBy(TaskRepository.Row::measureId, LinkedHashMap::new, Collectors.toList()));
        List<ActionLine> actions = new ArrayList<>();
        int total = 0;
        int done = 0;
        int overdue = 0;
        for (ProgrammeRepository.ActionView a : programmes.structure(p.id())) {
            List<MeasureLine> lines = new ArrayList<>();
            for (ProgrammeRepository.MeasureView m : a.measures()) {
                List<TaskRepository.Row> ts = byMeasure.getOrDefault(m.id(), List.of());
                Map<String, Cell> cells = new LinkedHashMap<>();
                for (Region c : counties) {
                    ts.stream().filter(t -> t.addressee().kind() == Addressee.Kind.COUNTY_OFFICE
                                    && c.code().equals(t.addressee().regionCode())).findFirst()
                            .ifPresent(t -> cells.put(c.code(), new Cell(t.status().name(), t.overdue(today) ? "逾期"
                                    : t.status().label(), t.overdue(today), t.id())));
                }
                int d = (int) ts.stream().filter(t -> t.status() == TaskStatus.DONE).count();
                int ip = (int) ts.stream().filter(t -> t.status() == TaskStatus.IN_PROGRESS).count();
                int od = (int) ts.stream().filter(t -> t.overdue(today)).count();
                String leads = m.officeRole() == OwnerRole.LEAD ? "市安委办" : "";
                String unitLeads = m.owners().stream().filter(o -> o.role() == OwnerRole.LEAD)
                        .sorted(Comparator.comparingInt(o -> n.unitOrder(o.unitId())))
                        .map(o -> n.unitShort(o.unitId())).collect(Collectors.joining("、"));
                leads = leads.isEmpty() ? unitLeads : unitLeads.isEmpty() ? leads : leads + "、" + unitLeads;
                long others = m.owners().stream().filter(o -> o.role() != OwnerRole.LEAD).count();
                LocalDate due = TaskDerivation.dueOn(p, m);
                boolean missed = m.targets().stream().anyMatch(t -> t.dueOn() != null && t.dueOn().isBefore(today)) && od > 0;
                lines.add(new MeasureLine(m, leads.isEmpty() ? "—" : leads, others == 0 ? "" : others + " 个单位按职责落实或配合",
                        due, ts.size(), d, ip, od, cells, missed));
                total += ts.size();
                done += d;
                overdue += od;
            }
            actions.add(new ActionLine(a, lines, lines.stream().mapToInt(MeasureLine::total).sum(),
                    lines.stream().mapToInt(MeasureLine::done).sum(), lines.stream().mapToInt(MeasureLine::overdue).sum()));
        }
        return new Board(Views.of(p), actions, counties, total, done, overdue, today);
    }

    public record TaskEvidence(TaskRepository.Row task, String addresseeName, List<EvidenceStore.Attachment> attachments,
                               boolean overdue) {
    }

    public record MeasureDetail(Views.ProgrammeView programme, ProgrammeRepository.MeasureView measure, String actionTitle,
                                List<String> owners, List<TaskEvidence> tasks, List<ReportRepository.Row> reports,
                                Map<UUID, String> reportNames, LocalDate dueOn) {
    }

    /** A measure with the tasks behind it (in the caller's scope), their evidence, and the addressees' latest reports. */
    public MeasureDetail measure(UUID measureId) {
        CurrentUser user = CurrentUser.require();
        ProgrammeRepository.MeasureView m = programmes.measure(measureId).orElseThrow(CampaignErrors::measureNotFound);
        Programme p = programmes.find(programmes.programmeOfMeasure(measureId).orElseThrow()).orElseThrow();
        CampaignNames.Snapshot n = names.snapshot();
        LocalDate today = time.today();
        List<TaskEvidence> list = tasks.search(user, new TaskRepository.Filter(p.id(), measureId, null, null, null, null, today), 500)
                .stream().map(t -> new TaskEvidence(t, n.addressee(t.addressee()),
                        t.attachments() == 0 ? List.of() : evidence.list(TaskRepository.ENTITY, t.id()), t.overdue(today)))
                .toList();
        List<String> owners = new ArrayList<>();
        if (m.officeRole() != null) {
            owners.add("市安委办（" + m.officeRole().label() + "）");
        }
        m.owners().stream().sorted(Comparator.comparing((ProgrammeRepository.OwnerView o) -> o.role())
                        .thenComparingInt(o -> n.unitOrder(o.unitId())))
                .forEach(o -> owners.add(n.unit(o.unitId()) + "（" + o.role().label() + "）"));
        if (m.levels().county()) {
            owners.add("各县（市、区）安委办（统筹落实）");
        }
        // the latest monthly report of each addressee shown, the evidence the office reads progress from
        Map<String, ReportRepository.Row> latest = new LinkedHashMap<>();
        for (ReportRepository.Row r : reports.search(user, new ReportRepository.Filter(p.id(), ReportKind.MONTHLY, null, null,
                null, null, null, null, today), 2000)) {
            if (r.status().open()) {
                continue;
            }
            String key = r.addressee().unitId() + "/" + r.addressee().regionCode();
            boolean addressed = list.stream().anyMatch(t -> t.task().addressee().equals(r.addressee()));
            if (addressed && !latest.containsKey(key)) {
                latest.put(key, r);
            }
        }
        Map<UUID, String> reportNames = new LinkedHashMap<>();
        latest.values().forEach(r -> reportNames.put(r.id(), n.addressee(r.addressee())));
        String actionTitle = programmes.structure(p.id()).stream().filter(a -> a.id().equals(m.actionId()))
                .map(a -> "（" + a.numeral() + "）" + a.title()).findFirst().orElse("");
        return new MeasureDetail(Views.of(p), m, actionTitle, owners, list, List.copyOf(latest.values()), reportNames,
                TaskDerivation.dueOn(p, m));
    }
}
