package cn.zhiben.org.web;

import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Locale;

/** How a reference list is returned: nested (default) or flat. */
enum ListView {
    TREE, FLAT;

    static ListView parse(String view, boolean filtered) {
        if (view == null || view.isBlank()) {
            return filtered ? FLAT : TREE;
        }
        ListView parsed;
        try {
            parsed = valueOf(view.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("view", "只能是 tree 或 flat");
        }
        if (parsed == TREE && filtered) {
            throw invalid("view", "按层级筛选时只能返回列表（view=flat）");
        }
        return parsed;
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "参数 " + field + " " + message,
                List.of(new ProblemException.FieldProblem(field, message)));
    }
}
