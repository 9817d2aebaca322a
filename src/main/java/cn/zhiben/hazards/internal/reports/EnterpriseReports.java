package cn.zhiben.hazards.internal.reports;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.hazards.HazardsProperties;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Enterprises' hazard statistics reports: the enterprise prepares and signs its own (scope: itself); the supervising
 * governments see what was submitted and who is late, per period, in their scope. Every write audits in its transaction.
 */
@Service
public class EnterpriseReports {

    /** How many enterprises a period's lists show at most; the counts are always complete. */
    public static final int LIST_LIMIT = 500;
    private final EnterpriseReportRepository reports;
    private final ReportFiguresQuery figures;
    private final EnterpriseDirectory enterprises;
    private final AuditLog audit;
    private final HazardsProperties properties;
    private final Clock clock;

    EnterpriseReports(EnterpriseReportRepository reports, ReportFiguresQuery figures, EnterpriseDirectory enterprises,
                      AuditLog audit, HazardsProperties properties, Clock clock) {
        this.reports = reports;
        this.figures = figures;
        this.enterprises = enterprises;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    public HazardsProperties.Reports rules() {
        return properties.reports();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    /** Who watches the reports of the enterprises in their scope: the governments' offices, departments and townships. */
    public static boolean supervises(CurrentUser user) {
        return EnumSet.of(Role.CITY_OFFICE, Role.MEMBER_UNIT, Role.COUNTY_OFFICE, Role.COUNTY_UNIT, Role.TOWNSHIP)
                .contains(user.role());
    }

    /** A report as its readers see it. */
    public record View(UUID id, UUID enterpriseId, String enterpriseName, String regionCode, String industryCode,
                       String period, String periodLabel, LocalDate periodFrom, LocalDate periodTo, LocalDate dueOn,
                       ReportStatus status, ReportFigures figures, String analysis, String preparedBy, Instant preparedAt,
                       String signedBy, Instant signedAt, boolean late, String contentSha256, int version,
                       List<EnterpriseReport.Step> steps, List<ReportAction> availableActions) {

        /** For templates: may the viewer take this verb (by name) now. */
        public boolean may(String action) {
            return availableActions.stream().anyMatch(a -> a.name().equals(action));
        }
    }

    // ---------------------------------------------------------------- the enterprise's side

    /** A period of the enterprise's own: when it is due, its report if any, and what the user may do now. */
    public record OwnPeriod(String period, String periodLabel, LocalDate dueOn, boolean duePassed, UUID reportId,
                            ReportStatus status, Instant signedAt, boolean late, List<ReportAction> availableActions) {

        public boolean may(String action) {
            return availableActions.stream().anyMatch(a -> a.name().equals(action));
        }
    }

    public List<OwnPeriod> own(CurrentUser user) {
        UUID enterprise = requireEnterprise(user);
        LocalDate today = today();
        Map<String, EnterpriseReport> made = new LinkedHashMap<>();
        reports.ofEnterprise(enterprise).forEach(r -> made.put(r.report().period.code(), r.report()));
        List<OwnPeriod> out = new ArrayList<>();
        for (ReportPeriod p : ReportPeriod.ended(rules(), today)) {
            EnterpriseReport r = made.get(p.code());
            LocalDate due = p.dueOn(rules());
            boolean late = r != null && r.signedAt != null ? p.late(r.signedAt, rules()) : today.isAfter(due);
            out.add(new OwnPeriod(p.code(), p.label(), due, today.isAfter(due), r == null ? null : r.id,
                    r == null ? null : r.status, r == null ? null : r.signedAt, late, actions(user, enterprise, p, r, today)));
        }
        return out;
    }

    /** The figures the enterprise's report of this period would state if prepared now. */
    public ReportFigures preview(CurrentUser user, String periodCode) {
        UUID enterprise = requireEnterprise(user);
        return figures.figures(enterprise, collected(periodCode));
    }

    @Transactional
    public UUID prepare(CurrentUser user, String periodCode, String analysis) {
        UUID enterpriseId = requireEnterprise(user);
        EnterpriseReport.requireRight(ReportAction.PREPARE, user, enterpriseId);
        ReportPeriod period = collected(periodCode);
        EnterpriseRef enterprise = enterprises.find(enterpriseId).orElseThrow(EnterpriseReports::notFound);
        Instant now = now();
        ReportFigures f = figures.figures(enterpriseId, period);
        Optional<EnterpriseReportRepository.Row> existing = reports.find(enterpriseId, period);
        EnterpriseReport r;
        if (existing.isPresent()) {
            r = existing.get().report();
            r.prepareAgain(f, analysis, user, now, today());
            reports.save(r, now);
        } else {
            r = EnterpriseReport.prepare(UUID.randomUUID(), enterpriseId, period, rules(), f, analysis, user, now, today());
            reports.insert(r, enterprise, now);
        }
        audit.record(AuditEntry.success(AuditAction.UPDATE, "hazard_report", r.id,
                Map.of("action", "prepare", "period", period.code(), "found", f.found(), "openMajor", f.openMajor())));
        return r.id;
    }

    @Transactional
    public void sign(CurrentUser user, UUID id, Integer version) {
        EnterpriseReportRepository.Row row = load(user, id, ReportAction.SIGN, version);
        EnterpriseReport r = row.report();
        Instant now = now();
        r.sign(user, now, contentHash(row), today());
        reports.save(r, now);
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "hazard_report", r.id, Map.of("action", "sign",
                "period", r.period.code(), "late", r.period.late(now, rules()), "sha256", r.contentSha256)));
    }

    @Transactional
    public void returnForCorrection(CurrentUser user, UUID id, Integer version, String reason) {
        EnterpriseReport r = load(user, id, ReportAction.RETURN, version).report();
        Instant now = now();
        r.returnForCorrection(user, now, reason, today());
        reports.save(r, now);
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "hazard_report", r.id,
                Map.of("action", "return", "period", r.period.code())));
    }

    // ---------------------------------------------------------------- reading

    /**
     * A report inside the user's scope: the enterprise sees its own at every step; the governments see it once it is
     * submitted (a draft is the enterprise's business). 404 otherwise, like a missing one.
     */
    public View view(CurrentUser user, UUID id) {
        EnterpriseReportRepository.Row row = visible(user, id);
        EnterpriseReport r = row.report();
        return new View(r.id, r.enterpriseId, row.enterpriseName(), row.regionCode(), row.industryCode(), r.period.code(),
                r.period.label(), r.period.from(), r.period.to(), r.dueOn, r.status, r.figures, r.analysis, r.preparedBy,
                r.preparedAt, r.signedBy, r.signedAt, late(r), r.contentSha256, r.version, reports.steps(r.id),
                actions(user, r.enterpriseId, r.period, r, today()));
    }

    EnterpriseReportRepository.Row visible(CurrentUser user, UUID id) {
        return reports.find(id, user.scope())
                .filter(r -> user.role() == Role.ENTERPRISE || (supervises(user) && r.report().status == ReportStatus.SUBMITTED))
                .orElseThrow(EnterpriseReports::notFound);
    }

    /**
     * A period's reports in a supervisor's scope: every enterprise that owes one (not closed), who submitted on time,
     * who late, who not yet — the late list is the late submissions plus, once the due date has passed, the missing.
     */
    public record Overview(String period, String periodLabel, LocalDate dueOn, boolean duePassed, int obliged,
                           int submittedOnTime, int submittedLate, int missing, List<Entry> submitted, List<Entry> late,
                           List<Entry> pending, boolean truncated) {
    }

    /** One enterprise in a period's overview; report fields null when it has none. */
    public record Entry(UUID enterpriseId, String enterpriseName, String regionCode, String industryCode, UUID reportId,
                        ReportStatus status, Instant signedAt, boolean late) {
    }

    /**
     * @param region a county, township or management area inside the user's scope to narrow the lists to (null: all of
     *               the scope)
     */
    public Overview overview(CurrentUser user, String periodCode, String region) {
        if (!supervises(user)) {
            throw ProblemException.forbidden("REPORT_OVERVIEW_FORBIDDEN", "报告报送情况由监管部门、安委办和乡镇查看");
        }
        ReportPeriod period = periodCode == null || periodCode.isBlank() ? latest() : collected(periodCode);
        LocalDate due = period.dueOn(rules());
        boolean duePassed = today().isAfter(due);
        String within = region == null || region.isBlank() ? null : region.strip();
        if (within != null && !within.matches("[0-9]{6}|[0-9]{9}|[A-Za-z0-9_.-]{1,40}")) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "区域代码无效");
        }
        List<EnterpriseRef> obliged = enterprises.notClosed(user.scope()).stream()
                .filter(e -> within == null || DataScope.region(within).coversRegion(e.regionCode(), e.zoneCode())).toList();
        Map<UUID, EnterpriseReportRepository.Row> made = reports.ofPeriod(period, user.scope());
        List<Entry> submitted = new ArrayList<>();
        List<Entry> late = new ArrayList<>();
        List<Entry> pending = new ArrayList<>();
        int onTime = 0, lateCount = 0, missing = 0;
        for (EnterpriseRef e : obliged) {
            EnterpriseReportRepository.Row row = made.get(e.id());
            EnterpriseReport r = row == null ? null : row.report();
            boolean done = r != null && r.status == ReportStatus.SUBMITTED;
            // a draft is the enterprise's business: supervisors see only whether it was submitted
            Entry entry = new Entry(e.id(), e.name(), e.regionCode(), e.industryCode(), done ? r.id : null,
                    done ? r.status : null, done ? r.signedAt : null, done ? period.late(r.signedAt, rules()) : duePassed);
            if (done) {
                add(submitted, entry);
                if (entry.late()) {
                    lateCount++;
                    add(late, entry);
                } else {
                    onTime++;
                }
            } else {
                missing++;
                add(duePassed ? late : pending, entry);
            }
        }
        boolean truncated = submitted.size() < onTime + lateCount || late.size() < lateCount + (duePassed ? missing : 0)
                || pending.size() < (duePassed ? 0 : missing);
        return new Overview(period.code(), period.label(), due, duePassed, obliged.size(), onTime, lateCount, missing,
                submitted, late, pending, truncated);
    }

    private static void add(List<Entry> list, Entry e) {
        if (list.size() < LIST_LIMIT) {
            list.add(e);
        }
    }

    /** The period whose report fell due last (or falls due next), the one a supervisor looks at first. */
    private ReportPeriod latest() {
        List<ReportPeriod> all = periods();
        if (all.isEmpty()) {
            throw ProblemException.unprocessable("REPORT_PERIOD_NOT_ENDED", "尚无已结束的报告期");
        }
        return all.get(0);
    }

    /** The periods collected so far, latest due first (for the period picker). */
    public List<ReportPeriod> periods() {
        return ReportPeriod.ended(rules(), today());
    }

    /** The signed report as a PDF (409 before it is signed). */
    public byte[] pdf(CurrentUser user, UUID id) {
        View v = view(user, id);
        if (v.status() != ReportStatus.SUBMITTED) {
            throw ProblemException.conflict("REPORT_NOT_SIGNED", "报告尚未经主要负责人签署，签署后可下载 PDF");
        }
        return ReportPdf.render(v, enterprises.find(v.enterpriseId()).map(EnterpriseRef::uscc).orElse(""), rules());
    }

    // ---------------------------------------------------------------- helpers

    private List<ReportAction> actions(CurrentUser user, UUID enterpriseId, ReportPeriod period, EnterpriseReport r,
                                       LocalDate today) {
        return java.util.Arrays.stream(ReportAction.values())
                .filter(a -> EnterpriseReport.may(a, user, enterpriseId, period, r, today)).toList();
    }

    private boolean late(EnterpriseReport r) {
        return r.signedAt != null ? r.period.late(r.signedAt, rules()) : today().isAfter(r.dueOn);
    }

    /** A period the platform collects: from the first configured period, and over. */
    ReportPeriod collected(String code) {
        ReportPeriod p = ReportPeriod.parse(code);
        ReportPeriod first = ReportPeriod.parse(rules().firstPeriod());
        if (p.before(first)) {
            throw ProblemException.badRequest("REPORT_PERIOD_NOT_COLLECTED",
                    "平台自 " + first.label() + " 起收集隐患统计分析报告，" + p.label() + "的报告不在平台报送");
        }
        if (!p.ended(today())) {
            throw ProblemException.unprocessable("REPORT_PERIOD_NOT_ENDED", p.label() + "尚未结束，结束后才能编制该期报告");
        }
        return p;
    }

    /** The report as its reader sees it (404), then the right (403), then the version the form was made from (409). */
    private EnterpriseReportRepository.Row load(CurrentUser user, UUID id, ReportAction action, Integer version) {
        EnterpriseReportRepository.Row row = visible(user, id);
        EnterpriseReport.requireRight(action, user, row.report().enterpriseId);
        if (version == null) {
            throw ProblemException.badRequest("VERSION_REQUIRED", "缺少报告版本号（version）");
        }
        if (row.report().version != version) {
            throw new ProblemException(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION", "报告已被他人处理，请刷新后重试");
        }
        return row;
    }

    private static UUID requireEnterprise(CurrentUser user) {
        if (user.role() != Role.ENTERPRISE || user.enterpriseId() == null) {
            throw ProblemException.forbidden("REPORT_ENTERPRISE_ONLY", "隐患统计分析报告由企业编制和签署");
        }
        return user.enterpriseId();
    }

    /** What the principal signs: the enterprise, the period, the figures and the analysis as prepared. */
    static String contentHash(EnterpriseReportRepository.Row row) {
        EnterpriseReport r = row.report();
        String content = r.enterpriseId + "\n" + row.enterpriseName() + "\n" + r.period.code() + "\n"
                + EnterpriseReportRepository.JSON.writeValueAsString(r.figures) + "\n" + r.analysis + "\n"
                + r.preparedById + "\n" + r.preparedAt;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static ProblemException notFound() {
        return ProblemException.notFound("REPORT_NOT_FOUND", "报告不存在或不在您的数据范围内");
    }
}
