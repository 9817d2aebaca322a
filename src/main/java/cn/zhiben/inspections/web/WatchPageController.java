package cn.zhiben.inspections.web;

import cn.zhiben.inspections.internal.DocumentNumbers;
import cn.zhiben.inspections.internal.UnitNames;
import cn.zhiben.inspections.internal.UnitRef;
import cn.zhiben.inspections.internal.ZeroPenaltyWatch;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** The zero-penalty watch (plan item 32) and the unit's document-number settings. */
@Controller
@RequestMapping("/inspections")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class WatchPageController {

    private final ZeroPenaltyWatch watch;
    private final DocumentNumbers numbers;
    private final UnitNames units;
    private final Clock clock;

    WatchPageController(ZeroPenaltyWatch watch, DocumentNumbers numbers, UnitNames units, Clock clock) {
        this.watch = watch;
        this.numbers = numbers;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/zero-penalty")
    String zeroPenalty(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                       @RequestParam(required = false) Integer minMajor, @RequestParam(required = false) Integer minInspections,
                       Model model) {
        CurrentUser user = CurrentUser.require();
        if (!ZeroPenaltyWatch.mayView(user)) {
            throw ProblemException.forbidden("WATCH_FORBIDDEN", "零处罚监测供安委办和监管部门使用");
        }
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        LocalDate qFrom = today.withMonth((today.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
        model.addAttribute("w", watch.watch(user, from != null ? from : qFrom, to != null ? to : qFrom.plusMonths(3).minusDays(1),
                minMajor, minInspections));
        return "inspections/zero-penalty";
    }

    @GetMapping("/settings")
    String settings(Model model) {
        UnitRef unit = unit();
        model.addAttribute("unitName", units.name(unit));
        model.addAttribute("prefix", numbers.prefix(unit));
        model.addAttribute("configured", numbers.configured(unit).isPresent());
        model.addAttribute("year", LocalDate.now(clock.withZone(PlatformConfiguration.ZONE)).getYear());
        model.addAttribute("types", DocumentNumbers.DocType.values());
        return "inspections/settings";
    }

    @PostMapping("/settings")
    String save(@RequestParam(required = false) String prefix, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        try {
            numbers.setPrefix(unit(), prefix);
            redirect.addFlashAttribute("saved", "机关代字已保存");
            return "redirect:/inspections/settings";
        } catch (ProblemException e) {
            return Form.refused(response, model, "prefix", e, java.util.Map.of("prefix", prefix == null ? "" : prefix), () -> settings(model));
        }
    }

    private static UnitRef unit() {
        return UnitRef.of(CurrentUser.require()).orElseThrow(() -> ProblemException.forbidden("INSPECTION_UNIT_REQUIRED",
                "只有负有安全生产监管职责的部门账号可以设置"));
    }
}
