package cn.zhiben.tipoffs.web;

import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.tipoffs.internal.InternalReporting;
import cn.zhiben.tipoffs.internal.Money;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Pages of the internal channel: the employee's form (public), the enterprise's inbox, the department's figures. */
@Controller
class InternalReportPageController {

    private final InternalReporting internal;
    private final Clock clock;

    InternalReportPageController(InternalReporting internal, Clock clock) {
        this.internal = internal;
        this.clock = clock;
    }

    @GetMapping("/tipoffs/public/internal/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("enterpriseName", internal.enterpriseNameOf(token)
                .orElseThrow(() -> ProblemException.notFound("INTERNAL_CHANNEL_NOT_FOUND", "报告渠道不存在")));
        model.addAttribute("token", token);
        return "tipoffs/internal-form";
    }

    @PostMapping("/tipoffs/public/internal/{token}")
    String submit(@PathVariable String token, @RequestParam Map<String, String> p, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("enterpriseName", internal.enterpriseNameOf(token)
                .orElseThrow(() -> ProblemException.notFound("INTERNAL_CHANNEL_NOT_FOUND", "报告渠道不存在")));
        model.addAttribute("token", token);
        boolean anon = !"false".equals(p.get("anonymous"));
        try {
            model.addAttribute("number", internal.submit(token, new InternalReporting.Submission(anon, anon ? null : p.get("name"),
                    anon ? null : p.get("contact"), p.get("description"), p.get("place")), p.get("challenge"), p.get("answer"),
                    request.getRemoteAddr()));
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e.getMessage());
        }
        return "tipoffs/internal-form";
    }

    @GetMapping("/tipoffs/internal")
    String page(@RequestParam(required = false) Integer year, Model model) {
        CurrentUser u = CurrentUser.require();
        model.addAttribute("money", (Function<Long, String>) f -> f == null ? "—" : Money.yuan(f));
        if (InternalReporting.isEnterprise(u)) {
            model.addAttribute("channel", internal.channel());
            model.addAttribute("reports", internal.reports());
            model.addAttribute("today", LocalDate.now(clock.withZone(PlatformConfiguration.ZONE)));
            return "tipoffs/internal-enterprise";
        }
        int y = year == null ? LocalDate.now(clock.withZone(PlatformConfiguration.ZONE)).getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("indicators", internal.indicators(y));
        return "tipoffs/internal-indicators";
    }

    @PostMapping("/tipoffs/internal/reports/{id}/{verb:handling|reward}")
    String act(@PathVariable UUID id, @PathVariable String verb, @RequestParam Map<String, String> p, RedirectAttributes ra) {
        try {
            if (verb.equals("handling")) {
                internal.handle(id, new InternalReporting.Handling(p.get("hazard") == null ? null : "true".equals(p.get("hazard")),
                        "true".equals(p.get("major")), p.get("note"), null));
            } else {
                Long fen;
                try {
                    fen = p.get("amountYuan") == null || p.get("amountYuan").isBlank() ? null
                            : new BigDecimal(p.get("amountYuan").trim()).movePointRight(2).longValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw ProblemException.badRequest("INTERNAL_REWARD_INCOMPLETE", "奖励金额格式不正确（元，最多两位小数）");
                }
                LocalDate on = p.get("rewardedOn") == null || p.get("rewardedOn").isBlank() ? null
                        : cn.zhiben.platform.web.InputDates.parse(p.get("rewardedOn"));
                internal.reward(id, new InternalReporting.Reward(fen, p.get("note"), on));
            }
            ra.addFlashAttribute("saved", "已保存");
        } catch (ProblemException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            ra.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/tipoffs/internal";
    }
}
