package cn.zhiben.hazards.internal.reports;

import cn.zhiben.hazards.HazardsProperties;
import cn.zhiben.hazards.internal.HazardPolicy;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An enterprise's quarterly or annual hazard statistics report (令第16号 Art. 14 [P]: statistical analysis signed by the
 * principal; 煤矿安全生产条例 Art. 35: coal mines report quarterly in writing, signed by the principal). Two steps, like
 * the two-level confirmation of a hazard: the safety department prepares it from the enterprise's own data, the
 * principal signs and so submits it — or returns it with a reason. Once submitted it does not change.
 * {@link #may} answers whether a user may take a verb now; the verbs ask it too, so pages and API offer what the verbs accept.
 */
public class EnterpriseReport {

    final UUID id;
    final UUID enterpriseId;
    final ReportPeriod period;
    final LocalDate dueOn;
    ReportStatus status;
    ReportFigures figures;
    String analysis;
    UUID preparedById;
    String preparedBy;
    Instant preparedAt;
    UUID signedById;
    String signedBy;
    Instant signedAt;
    String contentSha256;
    int version;
    private final List<Step> steps = new ArrayList<>();

    /** One step of the report's history. */
    public record Step(ReportStatus from, ReportStatus to, ReportAction action, UUID actorId, String actorName, Instant at,
                       String reason) {
    }

    EnterpriseReport(UUID id, UUID enterpriseId, ReportPeriod period, LocalDate dueOn, ReportStatus status, int version) {
        this.id = Objects.requireNonNull(id);
        this.enterpriseId = enterpriseId;
        this.period = period;
        this.dueOn = dueOn;
        this.status = status;
        this.version = version;
    }

    // ---- who may do what, now ----

    /**
     * Whether the user holds the right to take the verb on this enterprise's reports at all: preparing is the safety
     * department's (not the principal's: one person doing both steps would defeat the two-step check), signing and
     * returning are the principal's, each of its own enterprise only. The two people are the hazard policy's, the same
     * as for 两级确认.
     */
    public static boolean authorised(ReportAction action, CurrentUser user, UUID enterpriseId) {
        if (!enterpriseId.equals(user.enterpriseId())) {
            return false;
        }
        return action == ReportAction.PREPARE
                ? HazardPolicy.enterpriseSafetyStaff(user.role(), user.enterprisePosition())
                : HazardPolicy.enterprisePrincipal(user.role(), user.enterprisePosition());
    }

    /** Whether the report (null: none made yet) of a period is in a state that allows the verb today. */
    static boolean allowedNow(ReportAction action, ReportPeriod period, EnterpriseReport report, LocalDate today) {
        return switch (action) {
            case PREPARE -> period.ended(today) && (report == null || report.status != ReportStatus.SUBMITTED);
            case SIGN, RETURN -> report != null && report.status == ReportStatus.PREPARED;
        };
    }

    /** Whether this user may take the verb now: what pages and the API offer, and what the verbs accept. */
    public static boolean may(ReportAction action, CurrentUser user, UUID enterpriseId, ReportPeriod period,
                              EnterpriseReport report, LocalDate today) {
        return authorised(action, user, enterpriseId) && allowedNow(action, period, report, today);
    }

    public boolean may(ReportAction action, CurrentUser user, LocalDate today) {
        return may(action, user, enterpriseId, period, this, today);
    }

    /** 403 without the right, 409 in a state that does not allow the verb. */
    static void require(ReportAction action, CurrentUser user, UUID enterpriseId, ReportPeriod period,
                        EnterpriseReport report, LocalDate today) {
        requireRight(action, user, enterpriseId);
        if (!allowedNow(action, period, report, today)) {
            String state = report == null ? "尚未编制" : report.status.label();
            throw new ProblemException(HttpStatus.CONFLICT, "REPORT_ACTION_NOT_ALLOWED",
                    "报告当前“" + state + "”，不能" + action.label()
                            + (action == ReportAction.PREPARE && !period.ended(today) ? "（报告期结束后才能编制）" : ""));
        }
    }

    static void requireRight(ReportAction action, CurrentUser user, UUID enterpriseId) {
        if (!authorised(action, user, enterpriseId)) {
            throw ProblemException.forbidden("REPORT_ACTION_FORBIDDEN", action == ReportAction.PREPARE
                    ? "隐患统计分析报告由企业安全管理人员编制（主要负责人签署）"
                    : "隐患统计分析报告须由企业主要负责人签署或退回");
        }
    }

    // ---- verbs ----

    /** The safety department prepares the first version of the period's report. */
    static EnterpriseReport prepare(UUID id, UUID enterpriseId, ReportPeriod period, HazardsProperties.Reports rules,
                                    ReportFigures figures, String analysis, CurrentUser user, Instant at, LocalDate today) {
        require(ReportAction.PREPARE, user, enterpriseId, period, null, today);
        EnterpriseReport r = new EnterpriseReport(id, enterpriseId, period, period.dueOn(rules), ReportStatus.PREPARED, 0);
        r.fill(figures, analysis, user, at);
        r.steps.add(new Step(null, ReportStatus.PREPARED, ReportAction.PREPARE, user.id(), user.displayName(), at, null));
        return r;
    }

    /** Prepared again (after a return, or to bring the figures up to date before it is signed). */
    void prepareAgain(ReportFigures figures, String analysis, CurrentUser user, Instant at, LocalDate today) {
        require(ReportAction.PREPARE, user, enterpriseId, period, this, today);
        ReportStatus from = status;
        fill(figures, analysis, user, at);
        status = ReportStatus.PREPARED;
        steps.add(new Step(from, ReportStatus.PREPARED, ReportAction.PREPARE, user.id(), user.displayName(), at, null));
    }

    private void fill(ReportFigures figures, String analysis, CurrentUser user, Instant at) {
        if (analysis == null || analysis.isBlank()) {
            throw ProblemException.badRequest("REPORT_ANALYSIS_REQUIRED", "请填写统计分析（隐患排查治理情况、原因分析和下一步措施）");
        }
        if (analysis.length() > 5000) {
            throw ProblemException.badRequest("REPORT_ANALYSIS_TOO_LONG", "统计分析不能超过 5000 字");
        }
        this.figures = figures;
        this.analysis = analysis.strip();
        this.preparedById = user.id();
        this.preparedBy = user.displayName();
        this.preparedAt = at;
    }

    /** The principal signs what was prepared: the report is submitted to the supervising departments. */
    void sign(CurrentUser user, Instant at, String contentSha256, LocalDate today) {
        require(ReportAction.SIGN, user, enterpriseId, period, this, today);
        steps.add(new Step(status, ReportStatus.SUBMITTED, ReportAction.SIGN, user.id(), user.displayName(), at, null));
        status = ReportStatus.SUBMITTED;
        signedById = user.id();
        signedBy = user.displayName();
        signedAt = at;
        this.contentSha256 = contentSha256;
    }

    void returnForCorrection(CurrentUser user, Instant at, String reason, LocalDate today) {
        require(ReportAction.RETURN, user, enterpriseId, period, this, today);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("REPORT_REASON_REQUIRED", "请填写退回理由");
        }
        if (reason.length() > 2000) {
            throw ProblemException.badRequest("REPORT_REASON_TOO_LONG", "退回理由不能超过 2000 字");
        }
        steps.add(new Step(status, ReportStatus.RETURNED, ReportAction.RETURN, user.id(), user.displayName(), at, reason.strip()));
        status = ReportStatus.RETURNED;
    }

    // ---- read access ----

    public UUID id() {
        return id;
    }

    public ReportStatus status() {
        return status;
    }

    public ReportPeriod period() {
        return period;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public int version() {
        return version;
    }

    List<Step> newSteps() {
        return Collections.unmodifiableList(steps);
    }

    void clearSteps() {
        steps.clear();
    }
}
