package cn.zhiben.standards.web;

import cn.zhiben.org.Industry;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.standards.internal.SpecialOperations;
import org.springframework.ui.Model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the standards pages. */
final class PageSupport {

    private PageSupport() {
    }

    /** An industry for a select box, indented by depth. */
    record IndustryOption(String code, String label) {
    }

    static List<IndustryOption> industryOptions(List<Industry> industries) {
        Map<String, String> parent = new HashMap<>();
        industries.forEach(i -> parent.put(i.code(), i.parentCode()));
        List<IndustryOption> out = new ArrayList<>();
        for (Industry i : industries) {
            int depth = 0;
            for (String p = i.parentCode(); p != null && depth < 5; p = parent.get(p)) {
                depth++;
            }
            out.add(new IndustryOption(i.code(), "　".repeat(depth) + i.name()));
        }
        return out;
    }

    static Map<String, String> industryNames(List<Industry> industries) {
        Map<String, String> out = new HashMap<>();
        industries.forEach(i -> out.put(i.code(), i.name()));
        return out;
    }

    /** A date typed into a form: empty means the default; a bad one is a 400 with a Chinese message. */
    static LocalDate date(String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "日期格式应为 yyyy-MM-dd");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static void common(Model model) {
        model.addAttribute("specialOperations", SpecialOperations.all());
    }
}
