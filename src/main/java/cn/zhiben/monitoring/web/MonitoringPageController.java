package cn.zhiben.monitoring.web;

import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.monitoring.AlarmLevel;
import cn.zhiben.monitoring.AlarmStatus;
import cn.zhiben.monitoring.Verdict;
import cn.zhiben.monitoring.internal.AlarmAction;
import cn.zhiben.monitoring.internal.AlarmPolicy;
import cn.zhiben.monitoring.internal.AlarmQueries;
import cn.zhiben.monitoring.internal.AlarmService;
import cn.zhiben.monitoring.internal.ElectricityMonitor;
import cn.zhiben.monitoring.internal.LiveFeed;
import cn.zhiben.monitoring.internal.PointKind;
import cn.zhiben.monitoring.internal.PointQueries;
import cn.zhiben.monitoring.internal.PointRegistry;
import cn.zhiben.monitoring.internal.PointService;
import cn.zhiben.monitoring.internal.PointSheet;
import cn.zhiben.monitoring.internal.RuleBook;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The monitoring pages: walls per county and enterprise (live), a point's trend, the alarm inbox and an alarm's handling. */
@Controller
@RequestMapping("/monitoring")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class MonitoringPageController {

    static final String ID = "{id:[0-9a-fA-F-]{36}}";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(PlatformConfiguration.ZONE);
    private final PointQueries points;
    private final PointService pointService;
    private final PointRegistry registry;
    private final AlarmQueries alarms;
    private final AlarmService alarmService;
    private final ElectricityMonitor electricity;
    private final RuleBook rules;
    private final LiveFeed live;
    private final RegionCatalog regions;
    private final Clock clock;

    MonitoringPageController(PointQueries points, PointService pointService, PointRegistry registry, AlarmQueries alarms,
                             AlarmService alarmService, ElectricityMonitor electricity,
                             RuleBook rules, LiveFeed live, RegionCatalog regions, Clock clock) {
        this.points = points;
        this.pointService = pointService;
        this.registry = registry;
        this.alarms = alarms;
        this.alarmService = alarmService;
        this.electricity = electricity;
        this.rules = rules;
        this.live = live;
        this.regions = regions;
        this.clock = clock;
    }

    /** The wall: enterprises with points in the user's scope (a county for city users who pick one). */
    @GetMapping
    String wall(@RequestParam(required = false) String region, Model model) {
        CurrentUser user = CurrentUser.require();
        String r = region == null || region.isBlank() ? null : region;
        model.addAttribute("region", r);
        model.addAttribute("counties", user.scope().regionCode() == null ? regions.byLevel(cn.zhiben.org.Region.Level.COUNTY) : List.of());
        model.addAttribute("tiles", points.enterprises(user.scope(), r));
        model.addAttribute("levels", alarms.openByLevel(user.scope(), r));
        model.addAttribute("openAlarms", alarms.list(user.scope(), new AlarmQueries.Filter(null, true, null, null, null, r, null), 20, 0).rows());
        model.addAttribute("fmt", new Fmt());
        return "monitoring/wall";
    }

    @GetMapping("/enterprises/" + ID)
    String enterprise(@PathVariable UUID id, Model model) {
        CurrentUser user = CurrentUser.require();
        List<PointQueries.PointView> list = points.list(user.scope(), new PointQueries.Filter(id, null, null, null), 500, 0);
        if (list.isEmpty()) {
            throw ProblemException.notFound("ENTERPRISE_NOT_FOUND", "企业不存在、没有测点或不在您的数据范围内");
        }
        model.addAttribute("enterpriseId", id);
        model.addAttribute("enterpriseName", list.get(0).enterpriseName());
        model.addAttribute("points", list);
        model.addAttribute("electricity", electricity.status(id).orElse(null));
        model.addAttribute("openAlarms", alarms.list(user.scope(), new AlarmQueries.Filter(null, true, null, id, null, null, null), 50, 0).rows());
        model.addAttribute("fmt", new Fmt());
        return "monitoring/enterprise";
    }

    /** Live values of some points, for the walls' script after a server-sent event. */
    @GetMapping(value = "/values", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Map<String, Object>> values(@RequestParam List<UUID> ids) {
        CurrentUser user = CurrentUser.require();
        return ids.stream().limit(500).map(id -> points.find(id, user.scope()).orElse(null)).filter(java.util.Objects::nonNull)
                .map(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", p.id());
                    m.put("value", p.valueText());
                    m.put("at", p.valueAt() == null ? "" : TIME.format(p.valueAt()));
                    m.put("css", p.css());
                    return m;
                }).toList();
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(@RequestParam(required = false) String region, @RequestParam(required = false) UUID enterprise) {
        return live.subscribe(CurrentUser.require().scope(), region, enterprise);
    }

    @GetMapping("/alarms/panel")
    String alarmPanel(@RequestParam(required = false) String region, @RequestParam(required = false) UUID enterprise, Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("openAlarms", alarms.list(user.scope(), new AlarmQueries.Filter(null, true, null, enterprise, null, region, null), 20, 0).rows());
        model.addAttribute("fmt", new Fmt());
        return "monitoring/fragments :: alarmTable";
    }

    @GetMapping("/points/" + ID)
    String point(@PathVariable UUID id, Model model) {
        CurrentUser user = CurrentUser.require();
        PointQueries.PointView p = points.find(id, user.scope()).orElseThrow(MonitoringApiController::pointNotFound);
        model.addAttribute("p", p);
        model.addAttribute("rules", registry.point(p.code()).map(x -> x.rules()).orElse(List.of()));
        model.addAttribute("alarms", alarms.list(user.scope(), new AlarmQueries.Filter(null, null, null, null, id, null, null), 20, 0).rows());
        model.addAttribute("fmt", new Fmt());
        return "monitoring/point";
    }

    @GetMapping(value = "/points/" + ID + "/series", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PointQueries.Series series(@PathVariable UUID id, @RequestParam(defaultValue = "1") int hours) {
        PointQueries.PointView p = points.find(id, CurrentUser.require().scope()).orElseThrow(MonitoringApiController::pointNotFound);
        Instant to = clock.instant();
        return points.series(p.no(), to.minus(Duration.ofHours(Math.max(1, Math.min(hours, 24 * 400)))), to, 20_000);
    }

    @GetMapping("/alarms")
    String inbox(@RequestParam(defaultValue = "mine") String view, @RequestParam(required = false) AlarmLevel level,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = CurrentUser.require();
        AlarmQueries.Filter f = switch (view) {
            case "open" -> new AlarmQueries.Filter(null, true, level, null, null, null, null);
            case "closed" -> new AlarmQueries.Filter(null, false, level, null, null, null, null);
            default -> new AlarmQueries.Filter(AlarmPolicy.actionableStates(user), true, level, null, null, null, null);
        };
        var result = alarms.list(user.scope(), f, 50, Math.max(0, page) * 50);
        model.addAttribute("view", view);
        model.addAttribute("level", level);
        model.addAttribute("rows", result.rows());
        model.addAttribute("total", result.total());
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("handles", AlarmPolicy.handles(user));
        model.addAttribute("fmt", new Fmt());
        return "monitoring/alarms";
    }

    @GetMapping("/alarms/" + ID)
    String alarm(@PathVariable UUID id, Model model) {
        AlarmService.Detail d = alarmService.detail(id);
        List<AlarmAction> actions = d.actions();
        model.addAttribute("a", d.alarm());
        model.addAttribute("timeline", d.timeline());
        model.addAttribute("actions", actions);
        model.addAttribute("verdicts", Verdict.values());
        model.addAttribute("shutdowns", Shutdown.values());
        if (actions.contains(AlarmAction.CONVERT)) {
            model.addAttribute("checklist", alarmService.checklist(id));
            model.addAttribute("defaultDeadline", LocalDate.now(clock.withZone(PlatformConfiguration.ZONE)).plusDays(15));
        }
        model.addAttribute("fmt", new Fmt());
        return "monitoring/alarm";
    }

    @PostMapping("/alarms/" + ID + "/{verb:respond|analyse|verify|close}")
    String act(@PathVariable UUID id, @PathVariable String verb, @RequestParam int version,
               @RequestParam(required = false) String text, @RequestParam(required = false) Verdict verdict,
               RedirectAttributes redirect) {
        switch (verb) {
            case "respond" -> alarmService.respond(id, version, text);
            case "analyse" -> alarmService.analyse(id, version, text);
            case "verify" -> alarmService.verify(id, version, verdict, text);
            default -> alarmService.close(id, version, text);
        }
        redirect.addFlashAttribute("saved", "已保存");
        return "redirect:/monitoring/alarms/" + id;
    }

    @PostMapping("/alarms/" + ID + "/convert")
    String convert(@PathVariable UUID id, @RequestParam Grade grade, @RequestParam(required = false) UUID clauseId,
                   @RequestParam(required = false) String description, @RequestParam(required = false) LocalDate deadline,
                   @RequestParam(required = false) Shutdown shutdown, RedirectAttributes redirect) {
        var c = alarmService.convert(id, new AlarmService.Conversion(grade, clauseId, description, deadline, shutdown));
        redirect.addFlashAttribute("saved", "已转为隐患 " + c.hazardNumber());
        return "redirect:/monitoring/alarms/" + id;
    }

    @GetMapping("/points")
    String pointList(@RequestParam(required = false) String keyword, @RequestParam(required = false) PointKind kind,
                     @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = CurrentUser.require();
        var f = new PointQueries.Filter(null, null, kind, keyword);
        model.addAttribute("points", points.list(user.scope(), f, 100, Math.max(0, page) * 100));
        model.addAttribute("total", points.count(user.scope(), f));
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("keyword", keyword);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", PointKind.values());
        model.addAttribute("devices", points.devices(user.scope(), null));
        model.addAttribute("mayManage", PointService.mayManage(user));
        model.addAttribute("fmt", new Fmt());
        return "monitoring/points";
    }

    @GetMapping("/points/template.xlsx")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("测点导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(PointSheet.template());
    }

    @SetupRight.Required
    @PostMapping("/points/import")
    String importPoints(@RequestParam(value = "file", required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        pointService.requireManager();
        if (file == null || file.isEmpty()) {
            throw ProblemException.badRequest("IMPORT_EMPTY", "请选择要导入的 .xlsx 文件");
        }
        int n = pointService.importPoints(PointSheet.read(file.getInputStream()));
        redirect.addFlashAttribute("saved", "已导入 " + n + " 个测点");
        return "redirect:/monitoring/points";
    }

    @SetupRight.Required
    @PostMapping("/devices")
    String createDevice(@RequestParam UUID enterpriseId, @RequestParam String code, @RequestParam String name,
                        RedirectAttributes redirect) {
        var d = pointService.createDevice(new PointService.NewDevice(enterpriseId, code, name));
        redirect.addFlashAttribute("saved", "设备 " + d.code() + " 已创建。设备密钥（只显示这一次，请妥善保存）：" + d.secret());
        return "redirect:/monitoring/points";
    }

    @GetMapping("/rules")
    String rules(Model model) {
        model.addAttribute("version", rules.version());
        model.addAttribute("rules", rules.all());
        model.addAttribute("fmt", new Fmt());
        return "monitoring/rules";
    }

    /** Formatting helpers for the templates. */
    static final class Fmt {
        public String time(Instant i) {
            return i == null ? "—" : TIME.format(i);
        }

        public String num(Double d) {
            return d == null ? "—" : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }

        public String location(String code) {
            return PointKind.locationLabel(code);
        }

        public String kind(String code) {
            try {
                return PointKind.valueOf(code).label();
            } catch (IllegalArgumentException e) {
                return code;
            }
        }

        public String statusClass(AlarmStatus s) {
            return s == AlarmStatus.CLOSED ? "green" : s == AlarmStatus.RAISED ? "red" : "amber";
        }
    }
}
