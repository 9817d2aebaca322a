package cn.zhiben.audit.web;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.internal.AuditFilter;
import cn.zhiben.audit.internal.AuditQueries;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audit log page: filters, the rows in Beijing time, a chain check and an export. Audit administrator only. */
@Controller
@PreAuthorize("hasAuthority('PERM_AUDIT_READ')")
class AuditPageController {

    private static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(PlatformConfiguration.ZONE);

    private final AuditQueries queries;
    private final Clock clock;

    AuditPageController(AuditQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** Formats times on the page. */
    public static final class Fmt {
        public String time(Instant i) {
            return i == null ? "" : SECONDS.format(i);
        }
    }

    @GetMapping("/audit")
    String log(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String k : new String[]{"actor", "action", "entityType", "entityId", "result", "from", "to", "clientAddress"}) {
            String v = params.get(k);
            f.put(k, v == null ? "" : v.trim());
        }
        int page = parsePage(params.get("page"));
        model.addAttribute("f", f);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("entityTypes", queries.entityTypes());
        model.addAttribute("fmt", new Fmt());
        model.addAttribute("query", query(f));
        try {
            model.addAttribute("page", queries.search(filter(f, page, PAGE_SIZE)));
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.getMessage());
        }
        return "audit/log";
    }

    @GetMapping("/audit/verify")
    String verify(@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("v", queries.verify());
        return htmx != null ? "audit/verify :: result" : "audit/verify-page";
    }

    @GetMapping("/audit/export")
    ResponseEntity<byte[]> export(@RequestParam Map<String, String> params) {
        Map<String, String> f = new LinkedHashMap<>();
        params.forEach((k, v) -> f.put(k, v == null ? "" : v.trim()));
        return AuditDownload.xlsx(queries.export(filter(f, 0, 1)), clock);
    }

    private static AuditFilter filter(Map<String, String> f, int page, int size) {
        return AuditFilter.parse(f.get("actor"), f.get("action"), f.get("entityType"), f.get("entityId"), f.get("result"),
                f.get("from"), f.get("to"), f.get("clientAddress"), page, size);
    }

    private static int parsePage(String s) {
        try {
            return s == null ? 0 : Math.max(0, Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String query(Map<String, String> f) {
        StringBuilder sb = new StringBuilder();
        f.forEach((k, v) -> {
            if (!v.isEmpty()) {
                sb.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return sb.toString();
    }
}
