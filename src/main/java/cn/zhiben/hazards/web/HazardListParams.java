package cn.zhiben.hazards.web;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.internal.HazardQueries;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The list page's filters as request parameters (strings, so nothing fails to bind), turned into the query's filter.
 *
 * @param listed  "" any, "true" listed, "false" not listed, "CITY"/"COUNTY" listed at that level
 * @param stock   "" any, "true" 存量 (found ≤ 2023-12-31), "false" 增量
 * @param open    "" any, "true" still open, "false" closed loop
 */
public record HazardListParams(String region, String industry, String channel, String grade, List<String> status,
                               String listed, String overdue, String stock, String open, String selfCheckMissed,
                               String keyword, String foundFrom, String foundTo, String reportedFrom, String reportedTo,
                               String sort, Integer page) {

    public HazardListParams {
        status = status == null ? List.of() : status.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    HazardQueries.Filter toFilter() {
        List<ProblemException.FieldProblem> errors = new ArrayList<>();
        Set<HazardStatus> statuses = EnumSet.noneOf(HazardStatus.class);
        for (String s : status) {
            HazardStatus v = parse(HazardStatus.class, s, "status", "状态", errors);
            if (v != null) {
                statuses.add(v);
            }
        }
        Boolean listedFlag = null;
        ListingLevel level = null;
        if (blank(listed) != null) {
            switch (listed) {
                case "true" -> listedFlag = true;
                case "false" -> listedFlag = false;
                default -> level = parse(ListingLevel.class, listed, "listed", "挂牌督办", errors);
            }
        }
        if (keyword != null && keyword.length() > 100) {
            errors.add(new ProblemException.FieldProblem("keyword", "关键字不能超过 100 个字"));
        }
        HazardQueries.Filter f = new HazardQueries.Filter(blank(region), blank(industry),
                parse(Channel.class, channel, "channel", "渠道", errors), parse(Grade.class, grade, "grade", "等级", errors),
                statuses.isEmpty() ? null : statuses, listedFlag, level, bool(overdue), bool(stock), bool(selfCheckMissed),
                bool(open), null, blank(keyword), date(foundFrom, "foundFrom", "发现日期", errors),
                date(foundTo, "foundTo", "发现日期", errors), date(reportedFrom, "reportedFrom", "上报日期", errors),
                date(reportedTo, "reportedTo", "上报日期", errors));
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                    String.join("；", errors.stream().map(ProblemException.FieldProblem::message).toList()), errors);
        }
        return f;
    }

    HazardQueries.Sort sortOrDefault() {
        if (blank(sort) == null) {
            return HazardQueries.Sort.FOUND_DESC;
        }
        try {
            return HazardQueries.Sort.valueOf(sort);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "排序方式无效");
        }
    }

    int pageOrFirst() {
        return page == null || page < 0 ? 0 : page;
    }

    /** Whether any of the filters folded under "更多条件" is set (then they are shown unfolded). */
    public boolean advanced() {
        return java.util.stream.Stream.of(channel, open, listed, overdue, stock, selfCheckMissed, foundFrom, foundTo,
                reportedFrom, reportedTo).anyMatch(v -> v != null && !v.isBlank());
    }

    public boolean hasStatus(String s) {
        return status.contains(s);
    }

    /** The set filters and sort as a query string (without the page), for paging links, the export and the URL. */
    public String query() {
        StringBuilder sb = new StringBuilder();
        append(sb, "keyword", keyword);
        append(sb, "region", region);
        append(sb, "industry", industry);
        append(sb, "channel", channel);
        append(sb, "grade", grade);
        status.forEach(s -> append(sb, "status", s));
        append(sb, "listed", listed);
        append(sb, "overdue", overdue);
        append(sb, "stock", stock);
        append(sb, "open", open);
        append(sb, "selfCheckMissed", selfCheckMissed);
        append(sb, "foundFrom", foundFrom);
        append(sb, "foundTo", foundTo);
        append(sb, "reportedFrom", reportedFrom);
        append(sb, "reportedTo", reportedTo);
        append(sb, "sort", sort);
        return sb.toString();
    }

    public String pageUrl(int p) {
        String q = query();
        return "/hazards?" + q + (q.isEmpty() ? "" : "&") + "page=" + p;
    }

    public String exportUrl() {
        String q = query();
        return "/hazards/export.xlsx" + (q.isEmpty() ? "" : "?" + q);
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (value != null && !value.isBlank()) {
            sb.append(sb.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Boolean bool(String s) {
        String v = blank(s);
        return v == null ? null : Boolean.valueOf(v);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String label,
                                               List<ProblemException.FieldProblem> errors) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            errors.add(new ProblemException.FieldProblem(field, "筛选条件“" + label + "”的值无效"));
            return null;
        }
    }

    private static LocalDate date(String value, String field, String label, List<ProblemException.FieldProblem> errors) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            return cn.zhiben.platform.web.InputDates.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new ProblemException.FieldProblem(field, label + "格式应为 yyyy-MM-dd"));
            return null;
        }
    }
}
