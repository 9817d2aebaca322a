package cn.zhiben.campaign;

import cn.zhiben.campaign.internal.CalendarService;
import cn.zhiben.campaign.internal.DispatchService;
import cn.zhiben.campaign.internal.EvaluationService;
import cn.zhiben.campaign.internal.PracticalItemService;
import cn.zhiben.campaign.internal.ProgrammeRepository;
import cn.zhiben.campaign.internal.ProgrammeService;
import cn.zhiben.campaign.internal.ReportService;
import cn.zhiben.campaign.internal.SupervisionService;
import cn.zhiben.campaign.internal.TaskService;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.support.AccessFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** The campaign's fixtures of the endpoint access table (docs/access-table.md), over {@link CampaignAccessData}. */
public final class CampaignAccessFixtures {

    private CampaignAccessFixtures() {
    }

    /** Makes the shared objects on first use; each fixture answers from one kind of them. */
    public abstract static class Base implements AccessFixture {
        @Autowired
        ProgrammeService programmes;
        @Autowired
        ProgrammeRepository programmeRepository;
        @Autowired
        CalendarService calendar;
        @Autowired
        TaskService tasks;
        @Autowired
        ReportService reports;
        @Autowired
        DispatchService dispatches;
        @Autowired
        SupervisionService supervision;
        @Autowired
        PracticalItemService practical;
        @Autowired
        EvaluationService evaluations;
        @Autowired
        AccountDirectory accounts;
        @Autowired
        UnitCatalog units;
        @Autowired
        JdbcClient jdbc;
        @Autowired
        Clock clock;

        abstract CampaignAccessData.Kind kind();

        @Override
        public void prepare() {
            CampaignAccessData.make(new CampaignAccessData.Services(programmes, programmeRepository, calendar, tasks, reports,
                    dispatches, supervision, practical, evaluations, accounts, units, jdbc, clock));
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            return kind().inside(caller);
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            return kind().outside(caller);
        }

        @Override
        public Map<String, String> any() {
            return kind().any();
        }
    }

    /** The programme, its first measure and its closed evaluation scheme: not scoped (every participant reads the plan). */
    public static class Programme extends Base {
        public String name() {
            return "campaign-programme";
        }

        CampaignAccessData.Kind kind() {
            return null;
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            return Optional.of(any());
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            return Optional.empty();
        }

        @Override
        public Map<String, String> any() {
            return CampaignAccessData.PROGRAMME;
        }
    }

    public static class Task extends Base {
        public String name() {
            return "campaign-task";
        }

        CampaignAccessData.Kind kind() {
            return CampaignAccessData.TASKS;
        }
    }

    public static class TaskFile extends Base {
        public String name() {
            return "campaign-task-attachment";
        }

        CampaignAccessData.Kind kind() {
            return CampaignAccessData.TASK_FILES;
        }
    }

    public static class Report extends Base {
        public String name() {
            return "campaign-report";
        }

        CampaignAccessData.Kind kind() {
            return CampaignAccessData.REPORTS;
        }
    }

    public static class ReportFile extends Base {
        public String name() {
            return "campaign-report-attachment";
        }

        CampaignAccessData.Kind kind() {
            return CampaignAccessData.REPORT_FILES;
        }
    }

    public static class Dispatch extends Base {
        public String name() {
            return "campaign-dispatch";
        }

        CampaignAccessData.Kind kind() {
            return CampaignAccessData.DISPATCHES;
        }
    }

    public static class DispatchFile extends Base {
        public String name() {
            return "campaign-dispatch-attachment";
        }

        CampaignAccessData.Kind kind() {
            return CampaignAccessData.DISPATCH_FILES;
        }
    }

    public static class Record extends Base {
        public String name() {
            return "campaign-supervision";
        }

        CampaignAccessData.Kind kind() {
            return CampaignAccessData.RECORDS;
        }
    }

    public static class RecordFile extends Base {
        public String name() {
            return "campaign-supervision-attachment";
        }

        CampaignAccessData.Kind kind() {
            return CampaignAccessData.RECORD_FILES;
        }
    }

    public static class Practical extends Base {
        public String name() {
            return "campaign-practical-item";
        }

        CampaignAccessData.Kind kind() {
            return CampaignAccessData.PRACTICAL;
        }
    }

    public static class EvaluationTarget extends Base {
        public String name() {
            return "campaign-evaluation-target";
        }

        CampaignAccessData.Kind kind() {
            return CampaignAccessData.EVALUATION_TARGETS;
        }
    }

    /** The closed scheme, seen by the city office and by its targets; nobody is outside it (it is not scoped by region). */
    public static class Evaluation extends Base {
        public String name() {
            return "campaign-evaluation";
        }

        CampaignAccessData.Kind kind() {
            return CampaignAccessData.EVALUATION_TARGETS;
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            return kind().entries.stream().filter(e -> e.addressee().heldBy(caller)
                            || caller.role() == cn.zhiben.platform.security.Role.CITY_OFFICE)
                    .findFirst().map(e -> Map.of("id", e.values().get("id")));
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            return Optional.empty();
        }

        @Override
        public Map<String, String> any() {
            return Map.of("id", kind().any().get("id"));
        }
    }

    /** The first measure of the programme (reference data of the plan, not scoped). */
    public static class Measure extends Programme {
        @Override
        public String name() {
            return "campaign-measure";
        }

        @Override
        public Map<String, String> any() {
            return Map.of("id", CampaignAccessData.PROGRAMME.get("measureId"));
        }
    }
}
