package cn.zhiben.campaign.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The documents the office sends up: the year summary (assembled from the units' year summaries and the statistics,
 * plan 六(六)) and the monthly digest of progress. The city office gets the city's; a county office its county's. Every
 * number in them comes from {@link CampaignStatistics}, the same counts the pages show.
 */
@Service
public class CampaignDocuments {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private final ProgrammeRepository programmes;
    private final ReportRepository reports;
    private final CampaignStatistics statistics;
    private final PracticalItemService practical;
    private final EvaluationRepository evaluations;
    private final EvaluationService evaluationService;
    private final CampaignNames names;
    private final AuditLog audit;
    private final CampaignTime time;
    private final FiguresSource statisticsSource;

    CampaignDocuments(ProgrammeRepository programmes, ReportRepository reports, CampaignStatistics statistics,
                      PracticalItemService practical, EvaluationRepository evaluations, EvaluationService evaluationService,
                      CampaignNames names, AuditLog audit, CampaignTime time, FiguresSource statisticsSource) {
        this.statisticsSource = statisticsSource;
        this.programmes = programmes;
        this.reports = reports;
        this.statistics = statistics;
        this.practical = practical;
        this.evaluations = evaluations;
        this.evaluationService = evaluationService;
        this.names = names;
        this.audit = audit;
        this.time = time;
    }

    public enum Format {
        DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        PDF("pdf", "application/pdf"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }
    }

    public static boolean mayGenerate(CurrentUser user) {
        return user != null && user.ready() && (user.role() == Role.CITY_OFFICE
                || (user.role() == Role.COUNTY_OFFICE && user.scope().regionCode() != null));
    }

    private CampaignStatistics.Level level(CurrentUser user) {
        if (!mayGenerate(user)) {
            throw CampaignErrors.forbidden("总结和月报由市、县两级安委办生成");
        }
        return new CampaignStatistics.Level(user.role() == Role.CITY_OFFICE ? null : user.scope().regionCode());
    }

    private String levelName(CampaignStatistics.Level level) {
        return level.regionCode() == null ? "全市" : names.snapshot().region(level.regionCode());
    }

    public String fileName(String kind, Programme p, String period, Format f) {
        return kind + "-" + p.code() + "-" + period + "." + f.extension();
    }

    @Transactional
    public Doc yearSummary(UUID programmeId, int year) {
        CurrentUser user = CurrentUser.require();
        CampaignStatistics.Level level = level(user);
        Programme p = programmes.find(programmeId).orElseThrow(CampaignErrors::programmeNotFound);
        if (year < p.startsOn().getYear() || year > p.endsOn().getYear()) {
            throw ProblemException.badRequest("YEAR_OUTSIDE_PROGRAMME", "年度须在方案实施期内");
        }
        LocalDate today = time.today();
        LocalDate from = LocalDate.of(year, 1, 1).isBefore(p.startsOn()) ? p.startsOn() : LocalDate.of(year, 1, 1);
        CampaignStatistics.Stats s = statistics.compute(p, level, from, LocalDate.of(year, 12, 31), today);
        CampaignNames.Snapshot n = names.snapshot();
        String where = levelName(level);
        Doc doc = new Doc(where + "安全生产治本攻坚三年行动" + year + "年度工作总结",
                "（" + p.title() + "；由治本平台根据各单位报送材料和平台统计数据生成于 "
                        + time.now().atZone(PlatformConfiguration.ZONE).format(STAMP) + "，统计截至 " + s.to() + "）");
        Figures h = s.hazards();
        doc.heading("一、总体情况");
        doc.para(year + "年，" + where + "共排查发现隐患 " + h.found() + " 项，其中重大事故隐患 " + h.majorFound()
                + " 项；重大事故隐患审核销号 " + h.signedOff() + " 项，一般隐患整改关闭 " + h.closed() + " 项。截至 " + s.to()
                + "，尚有未销号重大事故隐患 " + h.openMajor() + " 项，逾期未整改隐患 " + h.overdue() + " 项，挂牌督办隐患 "
                + h.listed() + " 项。");
        doc.table("表1 隐患排查治理统计", List.of("指标", "数量（项）"), h.labelled().entrySet().stream()
                .map(e -> List.of(e.getKey(), String.valueOf(e.getValue()))).toList());
        tasksSection(doc, s, "二、任务推进情况", "表2 各行动任务推进情况");
        reportsSection(doc, s, "三、报送情况", "表3 报送情况", n);
        dispatchSection(doc, s, "四、调度督办情况", "表4 督办问责记录");
        doc.heading("五、办实事、解难题");
        List<List<String>> tallies = new ArrayList<>();
        for (PracticalItemService.Tally t : practical.talliesUnscoped(p.id(), year)) {
            if (level.regionCode() == null || level.regionCode().equals(t.ownerRegion())) {
                tallies.add(List.of(t.ownerRegion() == null ? "市级" : n.region(t.ownerRegion()), String.valueOf(t.listed()),
                        String.valueOf(t.solved()), String.valueOf(t.dropped()), t.enoughSolved() ? "已达到" : "未达到"));
            }
        }
        doc.para(tallies.isEmpty() ? "本年度尚未登记办实事、解难题事项。"
                : "按照“每年至少研究解决10项具体问题”的要求（晋市安委发〔2024〕6号 四(一)3），各级清单情况如下。");
        if (!tallies.isEmpty()) {
            doc.table("表5 办实事、解难题清单", List.of("层级", "列入（项）", "已解决（项）", "撤销（项）", "每年至少10项"), tallies);
        }
        evaluationSection(doc, p, year, level, n);
        doc.heading("七、各单位年度工作总结摘要");
        List<Report> filed = reports.filed(p.id(), ReportKind.YEAR_SUMMARY, String.valueOf(year)).stream()
                .filter(r -> level.covers(r.addressee())).toList();
        if (filed.isEmpty()) {
            doc.para("截至生成时，尚无单位报送本年度工作总结。");
        }
        for (Report r : filed) {
            doc.subheading(n.addressee(r.addressee()));
            doc.para(excerpt(r.content, 400));
        }
        List<ReportRepository.Row> owed = reports.ofProgramme(p.id()).stream()
                .filter(r -> r.kind() == ReportKind.YEAR_SUMMARY && r.period().equals(String.valueOf(year))
                        && r.status().open() && level.covers(r.addressee())).toList();
        if (!owed.isEmpty()) {
            doc.para("尚未报送年度工作总结的单位（" + owed.size() + " 个）：" + String.join("、",
                    owed.stream().map(r -> n.addressee(r.addressee())).toList()) + "。");
        }
        problemsSection(doc, s, n);
        audit.record(AuditEntry.success(AuditAction.EXPORT, "campaign-document", programmeId,
                Map.of("document", "year-summary", "year", year, "level", where)));
        return doc;
    }

    @Transactional
    public Doc monthlyDigest(UUID programmeId, String period) {
        CurrentUser user = CurrentUser.require();
        CampaignStatistics.Level level = level(user);
        Programme p = programmes.find(programmeId).orElseThrow(CampaignErrors::programmeNotFound);
        YearMonth month;
        try {
            month = YearMonth.parse(period);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("PERIOD_INVALID", "月份格式应为 yyyy-MM");
        }
        LocalDate today = time.today();
        CampaignStatistics.Stats s = statistics.compute(p, level, month.atDay(1), month.atEndOfMonth(), today);
        CampaignNames.Snapshot n = names.snapshot();
        String where = levelName(level);
        String label = month.getYear() + "年" + month.getMonthValue() + "月";
        Doc doc = new Doc(where + "安全生产治本攻坚工作进展月报（" + label + "）",
                "（" + p.title() + "；治本平台生成于 " + time.now().atZone(PlatformConfiguration.ZONE).format(STAMP) + "）");
        Figures h = s.hazards();
        doc.heading("一、隐患排查治理");
        doc.para(label + "，" + where + "排查发现隐患 " + h.found() + " 项，其中重大事故隐患 " + h.majorFound() + " 项；重大事故隐患销号 "
                + h.signedOff() + " 项，一般隐患整改关闭 " + h.closed() + " 项。截至 " + s.to() + "，未销号重大事故隐患 " + h.openMajor()
                + " 项，逾期未整改 " + h.overdue() + " 项，挂牌督办 " + h.listed() + " 项。");
        if (level.regionCode() == null) {
            List<List<String>> rows = new ArrayList<>();
            for (var c : names.counties()) {
                Figures f = statisticsFigures(c.code(), s);
                rows.add(List.of(c.name(), String.valueOf(f.found()), String.valueOf(f.majorFound()), String.valueOf(f.signedOff()),
                        String.valueOf(f.openMajor()), String.valueOf(f.overdue()), String.valueOf(f.listed())));
            }
            doc.table("表1 各县（市、区）隐患排查治理", List.of("县（市、区）", "发现", "其中重大", "重大销号", "未销号重大", "逾期", "挂牌督办"), rows);
        }
        reportsSection(doc, s, "二、报送情况", "表2 报送情况", n);
        tasksSection(doc, s, "三、任务推进情况", "表3 各行动任务推进情况");
        dispatchSection(doc, s, "四、调度督办情况", "表4 督办问责记录");
        doc.heading("五、各单位月度进展摘要");
        List<Report> filed = reports.filed(p.id(), ReportKind.MONTHLY, period).stream().filter(r -> level.covers(r.addressee())).toList();
        if (filed.isEmpty()) {
            doc.para("本月尚无单位报送工作进展。");
        } else {
            doc.table("表5 各单位月度进展摘要", List.of("单位", "报送时间", "是否按时", "进展摘要"), filed.stream()
                    .map(r -> List.of(n.addressee(r.addressee()), r.submittedAt == null ? "" :
                                    r.submittedAt.atZone(PlatformConfiguration.ZONE).toLocalDate().toString(),
                            Boolean.TRUE.equals(r.onTime()) ? "按时" : "逾期", excerpt(r.content, 120))).toList());
        }
        problemsSection(doc, s, n);
        audit.record(AuditEntry.success(AuditAction.EXPORT, "campaign-document", programmeId,
                Map.of("document", "monthly-digest", "period", period, "level", where)));
        return doc;
    }

    private Figures statisticsFigures(String county, CampaignStatistics.Stats s) {
        return statisticsSource.ofRegion(county, s.from(), s.to());
    }

    private void tasksSection(Doc doc, CampaignStatistics.Stats s, String heading, String caption) {
        CampaignStatistics.TaskCounts t = s.tasks();
        doc.heading(heading);
        doc.para("方案分解任务 " + t.total() + " 项，已完成 " + t.done() + " 项，推进中 " + t.inProgress() + " 项，未开始 "
                + t.notStarted() + " 项；逾期未完成 " + t.overdue() + " 项。");
        doc.table(caption, List.of("行动", "措施（项）", "任务（项）", "已完成", "推进中", "未开始", "逾期"), s.actions().stream()
                .map(a -> List.of("（" + a.numeral() + "）" + a.title(), String.valueOf(a.measures()),
                        String.valueOf(a.tasks().total()), String.valueOf(a.tasks().done()), String.valueOf(a.tasks().inProgress()),
                        String.valueOf(a.tasks().notStarted()), String.valueOf(a.tasks().overdue()))).toList());
    }

    private void reportsSection(Doc doc, CampaignStatistics.Stats s, String heading, String caption, CampaignNames.Snapshot n) {
        doc.heading(heading);
        if (s.reports().isEmpty()) {
            doc.para("本期没有到期的报送事项。");
            return;
        }
        int due = s.reports().values().stream().mapToInt(CampaignStatistics.ReportCounts::due).sum();
        int onTime = s.reports().values().stream().mapToInt(CampaignStatistics.ReportCounts::onTime).sum();
        int late = s.reports().values().stream().mapToInt(CampaignStatistics.ReportCounts::late).sum();
        int missing = s.reports().values().stream().mapToInt(CampaignStatistics.ReportCounts::missing).sum();
        doc.para("本期到期报送事项 " + due + " 件，按时报送 " + onTime + " 件，逾期报送 " + late + " 件，尚未报送 " + missing + " 件。");
        doc.table(caption, List.of("报送事项", "到期（件）", "按时报送", "逾期报送", "未报送"), s.reports().entrySet().stream()
                .map(e -> List.of(e.getKey().label(), String.valueOf(e.getValue().due()), String.valueOf(e.getValue().onTime()),
                        String.valueOf(e.getValue().late()), String.valueOf(e.getValue().missing()))).toList());
    }

    private void dispatchSection(Doc doc, CampaignStatistics.Stats s, String heading, String caption) {
        CampaignStatistics.DispatchCounts d = s.dispatches();
        doc.heading(heading);
        doc.para("发出调度和督办函 " + d.dispatches() + " 件（" + d.copies() + " 个单位次），按期答复 " + d.answeredOnTime()
                + " 个，逾期答复 " + d.answeredLate() + " 个，待答复 " + d.awaiting() + " 个，其中逾期未答复 " + d.overdueUnanswered() + " 个。");
        doc.table(caption, List.of("方式", "数量（件）"), s.supervision().entrySet().stream()
                .map(e -> List.of(e.getKey().label(), String.valueOf(e.getValue()))).toList());
    }

    private void evaluationSection(Doc doc, Programme p, int year, CampaignStatistics.Level level, CampaignNames.Snapshot n) {
        doc.heading("六、总结评估");
        var schemes = evaluations.visible(CurrentUser.require()).stream()
                .filter(x -> x.programmeId().equals(p.id()) && x.year() == year && x.publishedNo() != null).toList();
        if (schemes.isEmpty()) {
            doc.para("本年度评估结果尚未发布。");
            return;
        }
        for (var sc : schemes) {
            Evaluation e = evaluations.load(sc.id(), false).orElseThrow();
            Evaluation.Result r = e.published().orElseThrow();
            List<List<String>> rows = new ArrayList<>();
            for (EvaluationRepository.RankRow rank : evaluations.ranks(r.id())) {
                Evaluation.Target t = e.target(rank.targetId()).orElseThrow();
                if (level.regionCode() == null || (t.addressee() != null && level.regionCode().equals(t.addressee().regionCode()))) {
                    rows.add(List.of(t.group().label(), evaluationService.name(t, n), rank.total().stripTrailingZeros().toPlainString(),
                            String.valueOf(rank.rank())));
                }
            }
            doc.para("「" + e.title() + "」已发布第 " + r.no() + " 版评估结果" + (r.reason() == null ? "" : "（更正理由：" + r.reason() + "）") + "。");
            doc.table("表6 评估结果（" + e.title() + "）", List.of("类别", "评估对象", "得分", "名次"), rows);
        }
    }

    private void problemsSection(Doc doc, CampaignStatistics.Stats s, CampaignNames.Snapshot n) {
        doc.heading("存在的问题");
        List<String> lines = new ArrayList<>();
        if (!s.overdueTasks().isEmpty()) {
            lines.add("逾期未完成任务 " + s.overdueTasks().size() + " 项，主要是：" + String.join("；", s.overdueTasks().stream().limit(10)
                    .map(t -> n.addressee(t.addressee()) + " 第" + t.measureNo() + "项（期限 " + t.dueOn() + "）").toList()) + "。");
        }
        if (!s.missingReports().isEmpty()) {
            lines.add("逾期未报送 " + s.missingReports().size() + " 件：" + String.join("；", s.missingReports().stream().limit(10)
                    .map(r -> n.addressee(r.addressee()) + " " + r.kind().label() + "（" + CalendarService.period(r.kind(), r.period()) + "）").toList()) + "。");
        }
        if (!s.overdueDispatches().isEmpty()) {
            lines.add("逾期未答复调度 " + s.overdueDispatches().size() + " 个：" + String.join("；", s.overdueDispatches().stream().limit(10)
                    .map(d -> n.addressee(d.addressee()) + " " + d.header().number()).toList()) + "。");
        }
        if (lines.isEmpty()) {
            lines.add("本期未发现逾期任务、逾期报送和逾期未答复的调度事项。");
        }
        lines.forEach(doc::para);
    }

    static String excerpt(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= max ? t : t.substring(0, max) + "……";
    }

    public void write(Doc doc, Format format, OutputStream out) throws IOException {
        switch (format) {
            case DOCX -> DocRenderer.docx(doc, out);
            case PDF -> DocRenderer.pdf(doc, out);
            case XLSX -> DocRenderer.xlsx(doc, out);
        }
    }
}
