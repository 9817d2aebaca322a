package cn.zhiben.hazards.internal.reports;

import cn.zhiben.hazards.HazardsProperties;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.web.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period an enterprise reports its hazards for: a quarter or a year (令第16号 Art. 14 [P]: quarterly and annual
 * statistical analysis). Written as 2026Q3 or 2026.
 *
 * @param quarter 1–4, or 0 for the year
 */
public record ReportPeriod(int year, int quarter) implements Comparable<ReportPeriod> {

    private static final Pattern CODE = Pattern.compile("(\\d{4})(?:-?[Qq]([1-4]))?");
    private static final String[] QUARTERS = {"", "第一季度", "第二季度", "第三季度", "第四季度"};

    public ReportPeriod {
        if (year < 2000 || year > 2999 || quarter < 0 || quarter > 4) {
            throw new IllegalArgumentException("no period " + year + "Q" + quarter);
        }
    }

    public static ReportPeriod quarter(int year, int quarter) {
        return new ReportPeriod(year, quarter);
    }

    public static ReportPeriod year(int year) {
        return new ReportPeriod(year, 0);
    }

    /** 2026Q3, 2026-Q3 or 2026; a 400 problem otherwise. */
    public static ReportPeriod parse(String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.badRequest("REPORT_PERIOD_REQUIRED", "请选择报告期（季度写作 2026Q3，年度写作 2026）");
        }
        Matcher m = code == null ? null : CODE.matcher(code.strip());
        if (m == null || !m.matches()) {
            throw ProblemException.badRequest("REPORT_PERIOD_INVALID", "报告期“" + code + "”无效：季度写作 2026Q3，年度写作 2026");
        }
        return new ReportPeriod(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    public boolean annual() {
        return quarter == 0;
    }

    public String code() {
        return annual() ? String.valueOf(year) : year + "Q" + quarter;
    }

    /** 2026年第三季度 / 2026年度 */
    public String label() {
        return annual() ? year + "年度" : year + "年" + QUARTERS[quarter];
    }

    public LocalDate from() {
        return annual() ? LocalDate.of(year, 1, 1) : LocalDate.of(year, quarter * 3 - 2, 1);
    }

    public LocalDate to() {
        return annual() ? LocalDate.of(year, 12, 31) : from().plusMonths(3).minusDays(1);
    }

    /**
     * The last day to submit: the configured day of the month after a quarter (default the 15th), or the configured
     * day of the next year for the year (default 31 January) — 令第16号 Art. 14 [P], dates unconfirmed [M].
     */
    public LocalDate dueOn(HazardsProperties.Reports rules) {
        if (annual()) {
            return rules.annualDue().atYear(year + 1);
        }
        return to().plusDays(1).withDayOfMonth(rules.quarterlyDueDay());
    }

    /** Submitted after the due date, counting days in Asia/Shanghai. */
    public boolean late(Instant submittedAt, HazardsProperties.Reports rules) {
        return submittedAt.atZone(PlatformConfiguration.ZONE).toLocalDate().isAfter(dueOn(rules));
    }

    /** The period is over, so its report can be made (from the next day on). */
    public boolean ended(LocalDate today) {
        return today.isAfter(to());
    }

    /**
     * Every period from the first one collected (zhiben.hazards.reports.first-period) that has ended by today, the
     * latest due first.
     */
    public static List<ReportPeriod> ended(HazardsProperties.Reports rules, LocalDate today) {
        ReportPeriod first = parse(rules.firstPeriod());
        List<ReportPeriod> out = new ArrayList<>();
        for (int y = first.year(); y <= today.getYear(); y++) {
            for (int q = 0; q <= 4; q++) {
                ReportPeriod p = new ReportPeriod(y, q);
                if (p.ended(today) && !p.before(first)) {
                    out.add(p);
                }
            }
        }
        out.sort(Comparator.comparing((ReportPeriod p) -> p.dueOn(rules)).thenComparing(ReportPeriod::annual).reversed());
        return out;
    }

    /** Whether this period lies before the first one collected (which may be a quarter or a year). */
    public boolean before(ReportPeriod first) {
        return to().isBefore(first.from());
    }

    @Override
    public int compareTo(ReportPeriod o) {
        return Comparator.comparing(ReportPeriod::to).thenComparing(ReportPeriod::annual).compare(this, o);
    }

    @Override
    public String toString() {
        return code();
    }
}
