package cn.zhiben.campaign.web;

import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The campaign pages' forms bound to the same request records as the API (one input path): fields are read as the
 * JSON the API would get, blank fields as absent. A refusal the user can fix (400, 409, 413, 415) shows the page again
 * with the message and what was typed; a 403 or 404 goes to the error page like any other request.
 */
final class Forms {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Forms() {
    }

    /** Binds form fields to a request record; repeated fields named in {@code lists} become arrays. */
    static <T> T bind(MultiValueMap<String, String> form, Class<T> type, String... lists) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> listFields = List.of(lists);
        form.forEach((k, v) -> {
            if (k.startsWith("_")) {
                return;
            }
            List<String> present = v.stream().filter(x -> x != null && !x.isBlank()).map(String::strip).toList();
            if (listFields.contains(k)) {
                put(values, k, present);
            } else if (!present.isEmpty()) {
                put(values, k, present.get(0));
            }
        });
        try {
            return JSON.convertValue(values, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw ProblemException.badRequest("FORM_INVALID", "表单内容格式不正确（日期应为 yyyy-MM-dd，数字应为数字），请检查后重试");
        }
    }

    /** "figures.found" goes into a nested "figures" object, as the API's JSON has it. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> values, String key, Object value) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            values.put(key, value);
            return;
        }
        Object inner = values.computeIfAbsent(key.substring(0, dot), x -> new LinkedHashMap<String, Object>());
        if (inner instanceof Map<?, ?> m) {
            put((Map<String, Object>) m, key.substring(dot + 1), value);
        }
    }

    /** Runs a form's action; on a refusal the user can fix, renders the page again with the problem and status. */
    static String handle(Model model, HttpServletResponse response, MultiValueMap<String, String> form, String formName,
                         Supplier<String> action, Supplier<String> page) {
        try {
            return action.get();
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("problemForm", formName);
            model.addAttribute("posted", form.toSingleValueMap());
            return page.get();
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problem", "该事项已被他人办理，请刷新后重试");
            model.addAttribute("problemForm", formName);
            model.addAttribute("posted", form.toSingleValueMap());
            return page.get();
        }
    }
}
