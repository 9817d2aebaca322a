package cn.zhiben.campaign.web;

import cn.zhiben.campaign.internal.CampaignNames;
import cn.zhiben.campaign.internal.CampaignTime;
import cn.zhiben.campaign.internal.Evaluation;
import cn.zhiben.campaign.internal.EvaluationAction;
import cn.zhiben.campaign.internal.EvaluationRule;
import cn.zhiben.campaign.internal.EvaluationService;
import cn.zhiben.campaign.internal.ProgrammeService;
import cn.zhiben.campaign.internal.Views;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** 总结评估 pages: the schemes, a scheme with its ranking, a target's self-assessment, scores and gaps. */
@Controller
@RequestMapping("/campaign/evaluations")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class EvaluationPageController {

    private static final String UUID_PATTERN = BoardPageController.UUID_PATTERN;
    static final int ITEM_ROWS = 10;
    private final EvaluationService evaluations;
    private final ProgrammeService programmes;
    private final EnterpriseDirectory enterprises;
    private final CampaignNames names;
    private final CampaignTime time;

    EvaluationPageController(EvaluationService evaluations, ProgrammeService programmes, EnterpriseDirectory enterprises,
                             CampaignNames names, CampaignTime time) {
        this.evaluations = evaluations;
        this.programmes = programmes;
        this.enterprises = enterprises;
        this.names = names;
        this.time = time;
    }

    private static CurrentUser involved() {
        CurrentUser user = CurrentUser.require();
        if (user.role() != Role.ENTERPRISE) {
            CampaignWeb.requireParticipant();
        }
        return user;
    }

    @GetMapping
    String list(Model model) {
        CurrentUser user = involved();
        model.addAttribute("rows", evaluations.list());
        model.addAttribute("office", EvaluationService.mayManage(user));
        return "campaign/evaluations";
    }

    @GetMapping("/new")
    String form(Model model) {
        CampaignWeb.requireOffice();
        model.addAttribute("programmes", programmes.list().stream().map(Views::of).toList());
        model.addAttribute("rules", EvaluationRule.values());
        model.addAttribute("rows", java.util.stream.IntStream.range(0, ITEM_ROWS).boxed().toList());
        model.addAttribute("counties", names.counties());
        model.addAttribute("units", names.snapshot().units().stream().filter(CommitteeUnit::active).toList());
        model.addAttribute("year", time.today().getYear());
        return "campaign/evaluation-new";
    }

    @PostMapping
    String create(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        CampaignWeb.requireOffice();
        return Forms.handle(model, response, form, "create", () -> {
            UUID id = evaluations.create(scheme(form));
            redirect.addFlashAttribute("saved", "评估方案已保存，核对后启动评估");
            return "redirect:/campaign/evaluations/" + id;
        }, () -> form(model));
    }

    /** The form's rows: empty item rows are skipped; enterprises are given by 统一社会信用代码, one per line. */
    private EvaluationService.SchemeInput scheme(MultiValueMap<String, String> form) {
        List<EvaluationService.ItemInput> items = new ArrayList<>();
        for (int i = 0; i < ITEM_ROWS; i++) {
            String title = form.getFirst("item" + i + ".title");
            if (title == null || title.isBlank()) {
                continue;
            }
            String rule = form.getFirst("item" + i + ".rule");
            items.add(new EvaluationService.ItemInput(title, null, decimal(form.getFirst("item" + i + ".maxPoints")),
                    rule == null || rule.isBlank() ? null : enumOf(rule), decimal(form.getFirst("item" + i + ".deductionPoints")),
                    form.getFirst("item" + i + ".evidenceRequired")));
        }
        List<EvaluationService.TargetInput> targets = new ArrayList<>();
        for (String c : form.getOrDefault("counties", List.of())) {
            targets.add(new EvaluationService.TargetInput(Evaluation.Group.COUNTY, null, c, null));
        }
        for (String u : form.getOrDefault("units", List.of())) {
            targets.add(new EvaluationService.TargetInput(Evaluation.Group.UNIT, uuid(u), null, null));
        }
        String uscc = form.getFirst("enterprises");
        if (uscc != null) {
            for (String line : uscc.split("\\R")) {
                if (!line.isBlank()) {
                    UUID e = enterprises.findByUscc(line.strip()).map(x -> x.id()).orElseThrow(() ->
                            ProblemException.badRequest("ENTERPRISE_NOT_FOUND", "统一社会信用代码 " + line.strip() + " 没有对应的企业"));
                    targets.add(new EvaluationService.TargetInput(Evaluation.Group.ENTERPRISE, null, null, e));
                }
            }
        }
        String programme = form.getFirst("programmeId");
        return new EvaluationService.SchemeInput(programme == null || programme.isBlank() ? null : uuid(programme),
                integer(form.getFirst("year")), form.getFirst("title"), date(form.getFirst("selfDueOn")), items, targets);
    }

    @GetMapping("/{id:" + UUID_PATTERN + "}")
    String detail(@PathVariable UUID id, @RequestParam(required = false) Integer result, Model model) {
        CurrentUser user = involved();
        EvaluationService.Detail d = evaluations.detail(id, result);
        model.addAttribute("d", d);
        model.addAttribute("actions", d.actions().stream().map(EvaluationAction::name).toList());
        model.addAttribute("office", user.role() == Role.CITY_OFFICE);
        return "campaign/evaluation";
    }

    @PostMapping("/{id:" + UUID_PATTERN + "}/{verb:open|publish|close|corrections}")
    String act(@PathVariable UUID id, @PathVariable String verb, @RequestParam MultiValueMap<String, String> form,
               Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CampaignWeb.requireOffice();
        return Forms.handle(model, response, form, verb, () -> {
            String done = switch (verb) {
                case "open" -> {
                    evaluations.open(id);
                    yield "评估已启动，已通知各评估对象自评";
                }
                case "publish" -> "已发布第 " + evaluations.publish(id) + " 版评估结果";
                case "close" -> {
                    evaluations.close(id);
                    yield "评估已结束";
                }
                default -> "已新建第 " + evaluations.correct(id, form.getFirst("reason")) + " 版（更正），请修改评分后发布";
            };
            redirect.addFlashAttribute("saved", done);
            return "redirect:/campaign/evaluations/" + id;
        }, () -> detail(id, null, model));
    }

    @GetMapping("/{id:" + UUID_PATTERN + "}/targets/{targetId:" + UUID_PATTERN + "}")
    String target(@PathVariable UUID id, @PathVariable UUID targetId, @RequestParam(required = false) Integer result, Model model) {
        CurrentUser user = involved();
        EvaluationService.TargetDetail t = evaluations.target(id, targetId, result);
        model.addAttribute("t", t);
        model.addAttribute("actions", t.actions().stream().map(EvaluationAction::name).toList());
        model.addAttribute("office", user.role() == Role.CITY_OFFICE);
        return "campaign/evaluation-target";
    }

    @PostMapping("/{id:" + UUID_PATTERN + "}/targets/{targetId:" + UUID_PATTERN + "}/{verb:self|submit|scores}")
    String targetAct(@PathVariable UUID id, @PathVariable UUID targetId, @PathVariable String verb,
                     @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                     RedirectAttributes redirect) {
        involved();
        return Forms.handle(model, response, form, verb, () -> {
            EvaluationService.TargetDetail t = evaluations.target(id, targetId, null);
            String done;
            if (verb.equals("self")) {
                List<EvaluationService.SelfInput> entries = new ArrayList<>();
                for (EvaluationService.ItemLine l : t.lines()) {
                    String p = form.getFirst("points_" + l.item().id());
                    if (p != null && !p.isBlank()) {
                        entries.add(new EvaluationService.SelfInput(l.item().id(), decimal(p), form.getFirst("explanation_" + l.item().id())));
                    }
                }
                evaluations.saveSelf(id, targetId, entries);
                done = "自评已保存";
            } else if (verb.equals("submit")) {
                evaluations.submitSelf(id, targetId);
                done = "自评已提交";
            } else {
                CampaignWeb.requireOffice();
                List<EvaluationService.ScoreInput> entries = new ArrayList<>();
                for (EvaluationService.ItemLine l : t.lines()) {
                    String key = l.item().id().toString();
                    String p = form.getFirst("points_" + key);
                    String def = form.getFirst("deficiencies_" + key);
                    boolean given = (p != null && !p.isBlank()) || (def != null && !def.isBlank())
                            || (l.item().rule().fromData() && l.metric() != null);
                    if (given) {
                        entries.add(new EvaluationService.ScoreInput(l.item().id(), decimal(p), integer(def),
                                form.getFirst("reason_" + key), form.getFirst("method_" + key)));
                    }
                }
                evaluations.score(id, targetId, entries);
                done = "评分已保存";
            }
            redirect.addFlashAttribute("saved", done);
            return "redirect:/campaign/evaluations/" + id + "/targets/" + targetId;
        }, () -> target(id, targetId, null, model));
    }

    private static BigDecimal decimal(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("FORM_INVALID", "“" + s + "”不是数字");
        }
    }

    private static Integer integer(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("FORM_INVALID", "“" + s + "”不是整数");
        }
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("FORM_INVALID", "日期格式应为 yyyy-MM-dd");
        }
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("FORM_INVALID", "选择无效");
        }
    }

    private static EvaluationRule enumOf(String s) {
        try {
            return EvaluationRule.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("FORM_INVALID", "计分方法无效");
        }
    }
}
