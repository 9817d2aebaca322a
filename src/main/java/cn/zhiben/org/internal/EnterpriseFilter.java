package cn.zhiben.org.internal;

import cn.zhiben.org.EnterpriseScale;
import cn.zhiben.org.EnterpriseStatus;
import cn.zhiben.org.StandardizationGrade;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The search filters as request parameters (API, page and export share them), turned into criteria or a 400. */
public record EnterpriseFilter(String keyword, String regionCode, String industryCode, String status, String scale,
                               String grade, Boolean demo) {

    public static EnterpriseFilter empty() {
        return new EnterpriseFilter(null, null, null, null, null, null, null);
    }

    public EnterpriseCriteria toCriteria() {
        List<ProblemException.FieldProblem> errors = new ArrayList<>();
        EnterpriseStatus st = parse("status", status, EnterpriseStatus.parse(status), errors);
        EnterpriseScale sc = parse("scale", scale, EnterpriseScale.parse(scale), errors);
        StandardizationGrade gr = parse("grade", grade, StandardizationGrade.parse(grade), errors);
        if (keyword != null && keyword.length() > 100) {
            errors.add(new ProblemException.FieldProblem("keyword", "关键字不能超过 100 个字"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                    String.join("；", errors.stream().map(ProblemException.FieldProblem::message).toList()), errors);
        }
        return new EnterpriseCriteria(blankToNull(keyword), blankToNull(regionCode), blankToNull(industryCode), st, sc, gr, demo);
    }

    private static <E> E parse(String field, String raw, Optional<E> parsed, List<ProblemException.FieldProblem> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (parsed.isEmpty()) {
            errors.add(new ProblemException.FieldProblem(field, "筛选条件 " + field + " 的值“" + raw + "”无效"));
            return null;
        }
        return parsed.get();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Query string of the set filters, for paging links. */
    public String query() {
        StringBuilder sb = new StringBuilder();
        append(sb, "keyword", keyword);
        append(sb, "regionCode", regionCode);
        append(sb, "industryCode", industryCode);
        append(sb, "status", status);
        append(sb, "scale", scale);
        append(sb, "grade", grade);
        append(sb, "demo", demo == null ? null : demo.toString());
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (value != null && !value.isBlank()) {
            sb.append(sb.isEmpty() ? "" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
