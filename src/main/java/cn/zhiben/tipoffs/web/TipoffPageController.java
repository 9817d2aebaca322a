package cn.zhiben.tipoffs.web;

import cn.zhiben.hazards.Grade;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.tipoffs.internal.IdentityVault;
import cn.zhiben.tipoffs.internal.Money;
import cn.zhiben.tipoffs.internal.RewardService;
import cn.zhiben.tipoffs.internal.TipoffAttachments;
import cn.zhiben.tipoffs.internal.TipoffCodes;
import cn.zhiben.tipoffs.internal.TipoffQueries;
import cn.zhiben.tipoffs.internal.TipoffRouting;
import cn.zhiben.tipoffs.internal.TipoffRules;
import cn.zhiben.tipoffs.internal.TipoffService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Staff pages: the list, a tip-off with the verbs the user may take now, hotline intake, rewards and the ledger. */
@Controller
@RequestMapping("/tipoffs")
class TipoffPageController {

    private static final String ID = "{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";
    private final TipoffService service;
    private final TipoffQueries queries;
    private final RewardService rewards;
    private final IdentityVault vault;
    private final TipoffRouting routing;
    private final RegionCatalog regions;
    private final IndustryCatalog industries;
    private final Clock clock;

    TipoffPageController(TipoffService service, TipoffQueries queries, RewardService rewards, IdentityVault vault,
                         TipoffRouting routing, RegionCatalog regions, IndustryCatalog industries, Clock clock) {
        this.service = service;
        this.queries = queries;
        this.rewards = rewards;
        this.vault = vault;
        this.routing = routing;
        this.regions = regions;
        this.industries = industries;
        this.clock = clock;
    }

    private static CurrentUser reader() {
        return TipoffRules.requireReader(CurrentUser.require());
    }

    private void names(Model model) {
        model.addAttribute("regionNames", regions.all().stream().collect(Collectors.toMap(Region::code, Region::name)));
        model.addAttribute("industryNames", industries.all().stream().collect(Collectors.toMap(i -> i.code(), i -> i.name())));
        model.addAttribute("unitNames", routing.units().stream().collect(Collectors.toMap(u -> u.id(), u -> u.name())));
        model.addAttribute("money", (Function<Long, String>) f -> f == null ? "—" : Money.yuan(f));
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
                @RequestParam(required = false) String keyword, Model model) {
        CurrentUser u = reader();
        model.addAttribute("rows", queries.list(u, new TipoffQueries.Filter(status, overdue, keyword), 200));
        model.addAttribute("status", status);
        model.addAttribute("keyword", keyword);
        model.addAttribute("mayRegister", TipoffRules.mayRegister(u));
        names(model);
        return "tipoffs/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        CurrentUser u = reader();
        model.addAttribute("counties", regions.byLevel(Region.Level.COUNTY).stream()
                .filter(r -> u.scope().regionCode() == null || r.code().equals(u.scope().regionCode())).toList());
        model.addAttribute("categories", TipoffCodes.Category.values());
        model.addAttribute("industries", industries.all().stream().filter(i -> i.assignable()).toList());
        return "tipoffs/new";
    }

    @PostMapping("/new")
    @org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('CITY_OFFICE','COUNTY_OFFICE','MEMBER_UNIT','COUNTY_UNIT')") // = TipoffRules.mayRegister
    String register(@org.springframework.web.bind.annotation.ModelAttribute TipoffService.Submission s,
                    @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes ra) {
        reader();
        try {
            TipoffService.Receipt r = service.registerByStaff(s, PublicTipoffApiController.uploads(files), false);
            ra.addFlashAttribute("saved", "已登记举报 " + r.number() + "。请告知举报人查询码 " + r.trackingCode()
                    + " 和查询密码 " + r.secret() + "（只显示这一次）。");
            return "redirect:/tipoffs";
        } catch (ProblemException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            ra.addFlashAttribute("problem", e.getMessage());
            return "redirect:/tipoffs/new";
        }
    }

    @GetMapping("/" + ID)
    String detail(@PathVariable UUID id, Model model) {
        CurrentUser u = reader();
        TipoffQueries.Detail d = queries.detail(u, id).orElseThrow(() -> ProblemException.notFound("TIPOFF_NOT_FOUND", "举报不存在"));
        model.addAttribute("d", d);
        model.addAttribute("actions", d.availableActions().stream().map(Enum::name).toList());
        model.addAttribute("reward", rewards.forTipoff(u, id).orElse(null));
        model.addAttribute("mayOpenIdentity", vault.mayOpen(u) && !d.anonymous());
        model.addAttribute("units", routing.units());
        model.addAttribute("findings", TipoffCodes.Finding.values());
        model.addAttribute("levels", TipoffCodes.AccidentLevel.values());
        model.addAttribute("grades", Grade.values());
        model.addAttribute("suggestion", routing.suggest(d.row().regionCode(), d.row().industryCode()).orElse(null));
        names(model);
        return "tipoffs/detail";
    }

    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID attachmentId) {
        TipoffAttachments.Attachment a = queries.attachment(reader(), attachmentId)
                .orElseThrow(() -> ProblemException.notFound("TIPOFF_NOT_FOUND", "附件不存在"));
        return TipoffApiController.download(a, queries.bytes(a));
    }

    /** One form per verb; the service checks right and state, a refusal comes back as a message on the page. */
    @PostMapping("/" + ID + "/{verb:accept|hand-over|reject|transfer|merge|conclude|reply|hazard|reward|identity}")
    String act(@PathVariable UUID id, @PathVariable String verb, @RequestParam Map<String, String> p, Model model,
               RedirectAttributes ra, HttpServletResponse response) {
        reader();
        try {
            String done = switch (verb) {
                case "accept", "hand-over" -> {
                    var c = new TipoffService.AcceptCommand(uuid(p.get("unitId")), bool(p.get("countyLevel")),
                            uuid(p.get("enterpriseId")), p.get("regionCode"), p.get("industryCode"), p.get("note"), integer(p.get("version")));
                    if (verb.equals("accept")) {
                        service.accept(id, c);
                    } else {
                        service.handOver(id, c);
                    }
                    yield verb.equals("accept") ? "已受理并交办" : "已转交";
                }
                case "reject" -> {
                    service.reject(id, new TipoffService.ReasonCommand(p.get("reason"), integer(p.get("version"))));
                    yield "已不予受理";
                }
                case "transfer" -> {
                    service.transfer(id, new TipoffService.ReasonCommand(p.get("reason"), integer(p.get("version"))));
                    yield "已移交";
                }
                case "merge" -> {
                    service.merge(id, new TipoffService.MergeCommand(p.get("into"), integer(p.get("version"))));
                    yield "已并案";
                }
                case "conclude" -> {
                    Map<TipoffCodes.AccidentLevel, Integer> deaths = new EnumMap<>(TipoffCodes.AccidentLevel.class);
                    for (TipoffCodes.AccidentLevel l : TipoffCodes.AccidentLevel.values()) {
                        Integer n = integer(p.get("deaths." + l.name()));
                        if (n != null) {
                            deaths.put(l, n);
                        }
                    }
                    service.conclude(id, new TipoffService.ConcludeCommand(enumOf(TipoffCodes.Finding.class, p.get("finding")),
                            p.get("conclusion"), deaths, integer(p.get("version"))));
                    yield "已记录核查结论";
                }
                case "reply" -> {
                    service.reply(id, new TipoffService.ReasonCommand(p.get("reason"), integer(p.get("version"))));
                    yield "已答复举报人";
                }
                case "hazard" -> {
                    var r = service.registerHazard(id, new TipoffService.HazardCommand(enumOf(Grade.class, p.get("grade")),
                            uuid(p.get("clauseId")), p.get("description"), p.get("location"), null, null, null,
                            date(p.get("deadline")), integer(p.get("version"))));
                    yield "已登记为隐患 " + r.number();
                }
                case "reward" -> {
                    var r = rewards.propose(id);
                    yield "奖励已计算并提请审批：" + Money.yuan(r.amountFen());
                }
                case "identity" -> {
                    IdentityVault.ReporterIdentity who = vault.open(id, p.get("purpose"));
                    model.addAttribute("identity", who);
                    yield null;
                }
                default -> throw ProblemException.notFound("NOT_FOUND", "不存在");
            };
            if (done == null) {
                response.setHeader("Cache-Control", "no-store");
                return detail(id, model);
            }
            ra.addFlashAttribute("saved", done);
        } catch (ProblemException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            ra.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/tipoffs/" + id;
    }

    @GetMapping("/rewards")
    String rewardsPage(@RequestParam(required = false) Integer year, Model model) {
        CurrentUser u = reader();
        int y = year == null ? LocalDate.now(clock.withZone(PlatformConfiguration.ZONE)).getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("rewards", rewards.list(u, y));
        model.addAttribute("ledger", rewards.ledger(u, y));
        model.addAttribute("rules", rewards.rules());
        model.addAttribute("units", routing.units());
        model.addAttribute("counties", regions.byLevel(Region.Level.COUNTY));
        names(model);
        return "tipoffs/rewards";
    }

    @PostMapping("/rewards/{rewardId}/{verb:decision|payment}")
    String rewardAct(@PathVariable UUID rewardId, @PathVariable String verb, @RequestParam Map<String, String> p, RedirectAttributes ra) {
        reader();
        try {
            if (verb.equals("decision")) {
                rewards.decide(rewardId, new RewardService.Decision("true".equals(p.get("approve")), p.get("note"), integer(p.get("version"))));
                ra.addFlashAttribute("saved", "已审批");
            } else {
                rewards.pay(rewardId, new RewardService.Payment(date(p.get("paidOn")), p.get("paymentRef"), integer(p.get("version"))));
                ra.addFlashAttribute("saved", "已登记发放");
            }
        } catch (ProblemException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            ra.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/tipoffs/rewards";
    }

    @PostMapping("/budgets")
    String budget(@RequestParam Map<String, String> p, RedirectAttributes ra) {
        reader();
        try {
            Long fen = p.get("amountYuan") == null || p.get("amountYuan").isBlank() ? null
                    : new java.math.BigDecimal(p.get("amountYuan").trim()).movePointRight(2).longValueExact();
            rewards.setBudget(new RewardService.BudgetCommand(uuid(p.get("unitId")), p.get("regionCode"), integer(p.get("year")), fen));
            ra.addFlashAttribute("saved", "已登记预算");
        } catch (NumberFormatException | ArithmeticException e) {
            ra.addFlashAttribute("problem", "预算金额格式不正确（元，最多两位小数）");
        } catch (ProblemException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            ra.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/tipoffs/rewards";
    }

    private static UUID uuid(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(s.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("INVALID_ID", "编号格式不正确");
        }
    }

    private static Integer integer(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("INVALID_NUMBER", "数字格式不正确");
        }
    }

    private static Boolean bool(String s) {
        return s == null || s.isBlank() ? null : Boolean.valueOf(s);
    }

    private static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : cn.zhiben.platform.web.InputDates.parse(s.trim());
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("INVALID_VALUE", "取值不正确");
        }
    }
}
