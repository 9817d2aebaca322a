package cn.zhiben.monitoring.web;

import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.monitoring.AlarmLevel;
import cn.zhiben.monitoring.AlarmStatus;
import cn.zhiben.monitoring.Verdict;
import cn.zhiben.monitoring.internal.AlarmPolicy;
import cn.zhiben.monitoring.internal.AlarmQueries;
import cn.zhiben.monitoring.internal.AlarmService;
import cn.zhiben.monitoring.internal.ElectricityMonitor;
import cn.zhiben.monitoring.internal.PointKind;
import cn.zhiben.monitoring.internal.PointQueries;
import cn.zhiben.monitoring.internal.PointRegistry;
import cn.zhiben.monitoring.internal.PointService;
import cn.zhiben.monitoring.internal.PointSheet;
import cn.zhiben.monitoring.internal.RejectionQueries;
import cn.zhiben.monitoring.internal.Rule;
import cn.zhiben.monitoring.internal.RuleBook;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@Tag(name = "监测预警", description = "测点、设备、读数、报警及其处置、规则")
@RestController
@RequestMapping("/api/v1/monitoring")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class MonitoringApiController {

    private final PointQueries points;
    private final PointService pointService;
    private final PointRegistry registry;
    private final AlarmQueries alarms;
    private final AlarmService alarmService;
    private final RuleBook rules;
    private final RejectionQueries rejections;
    private final ElectricityMonitor electricity;
    private final Clock clock;

    MonitoringApiController(PointQueries points, PointService pointService, PointRegistry registry, AlarmQueries alarms,
                            AlarmService alarmService, RuleBook rules,
                            RejectionQueries rejections, ElectricityMonitor electricity, Clock clock) {
        this.points = points;
        this.pointService = pointService;
        this.registry = registry;
        this.alarms = alarms;
        this.alarmService = alarmService;
        this.rules = rules;
        this.rejections = rejections;
        this.electricity = electricity;
        this.clock = clock;
    }

    // ---- points and devices ----

    record PointList(List<PointQueries.PointView> items, long total) {
    }

    @Operation(summary = "测点列表（含最新值与未关闭报警）")
    @GetMapping("/points")
    PointList points(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) String region,
                     @RequestParam(required = false) PointKind kind, @RequestParam(required = false) String keyword,
                     @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        var scope = CurrentUser.require().scope();
        var f = new PointQueries.Filter(enterpriseId, region, kind, keyword);
        return new PointList(points.list(scope, f, clamp(limit), Math.max(0, offset)), points.count(scope, f));
    }

    @Operation(summary = "测点详情（含适用的报警规则）")
    @GetMapping("/points/{id}")
    Map<String, Object> point(@PathVariable UUID id) {
        var p = points.find(id, CurrentUser.require().scope()).orElseThrow(MonitoringApiController::pointNotFound);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("point", p);
        out.put("rules", registry.point(p.code()).map(x -> x.rules()).orElse(List.of()));
        return out;
    }

    record PointInput(@NotNull String deviceCode, @NotNull String code, @NotNull String name, @NotNull PointKind kind,
                      String locationType, @NotNull String location, Double rangeMin, Double rangeMax, Double high,
                      Double highHigh, Double low, Double lowLow) {
    }

    @Operation(summary = "新增测点（阈值按监测类型和位置类型取自规则数据）")
    @SetupRight.Required
    @PostMapping("/points")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createPoint(@Valid @RequestBody PointInput in) {
        UUID id = pointService.createPoint(new PointService.NewPoint(in.deviceCode(), in.code(), in.name(), in.kind(),
                in.locationType(), in.location(), in.rangeMin(), in.rangeMax(), in.high(), in.highHigh(), in.low(), in.lowLow()));
        return Map.of("id", id);
    }

    @Operation(summary = "从 .xlsx 批量导入测点（全部成功或全部不导入）")
    @SetupRight.Required
    @PostMapping(value = "/points/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> importPoints(@RequestPart(value = "file", required = false) MultipartFile file) throws IOException {
        pointService.requireManager();
        if (file == null || file.isEmpty()) {
            throw ProblemException.badRequest("IMPORT_EMPTY", "请选择要导入的 .xlsx 文件");
        }
        return Map.of("imported", pointService.importPoints(PointSheet.read(file.getInputStream())));
    }

    record Enabled(@NotNull Boolean enabled) {
    }

    @Operation(summary = "启用或停用测点")
    @SetupRight.Required
    @PutMapping("/points/{id}/enabled")
    Map<String, Object> enable(@PathVariable UUID id, @Valid @RequestBody Enabled in) {
        pointService.setEnabled(id, in.enabled());
        return Map.of("id", id, "enabled", in.enabled());
    }

    @Operation(summary = "测点读数（6 小时内为原始值，更长为 5 分钟统计值）")
    @GetMapping("/points/{id}/readings")
    PointQueries.Series readings(@PathVariable UUID id, @RequestParam(required = false) Instant from,
                                 @RequestParam(required = false) Instant to) {
        var p = points.find(id, CurrentUser.require().scope()).orElseThrow(MonitoringApiController::pointNotFound);
        Instant t = to == null ? clock.instant() : to;
        Instant f = from == null ? t.minus(Duration.ofHours(1)) : from;
        if (!f.isBefore(t)) {
            throw ProblemException.badRequest("RANGE_INVALID", "开始时间须早于结束时间");
        }
        if (Duration.between(f, t).toDays() > 400) {
            throw ProblemException.badRequest("RANGE_TOO_LONG", "查询时间跨度不能超过 400 天");
        }
        return points.series(p.no(), f, t, 20_000);
    }

    @Operation(summary = "设备列表")
    @GetMapping("/devices")
    List<PointQueries.DeviceView> devices(@RequestParam(required = false) UUID enterpriseId) {
        return points.devices(CurrentUser.require().scope(), enterpriseId);
    }

    record DeviceInput(@NotNull UUID enterpriseId, @NotNull String code, @NotNull String name) {
    }

    @Operation(summary = "新增设备（网关或单个传感器）；密钥只在此返回一次，平台只保存其哈希")
    @SetupRight.Required
    @PostMapping("/devices")
    @ResponseStatus(HttpStatus.CREATED)
    PointService.CreatedDevice createDevice(@Valid @RequestBody DeviceInput in) {
        return pointService.createDevice(new PointService.NewDevice(in.enterpriseId(), in.code(), in.name()));
    }

    @Operation(summary = "重新生成设备密钥（旧密钥立即失效）")
    @SetupRight.Required
    @PostMapping("/devices/{id}/secret")
    PointService.CreatedDevice rotate(@PathVariable UUID id) {
        return pointService.rotateSecret(id);
    }

    // ---- alarms ----

    record AlarmList(List<AlarmQueries.AlarmView> items, long total) {
    }

    @Operation(summary = "报警列表；mine=true 为待我处理")
    @GetMapping("/alarms")
    AlarmList alarms(@RequestParam(required = false) Set<AlarmStatus> status, @RequestParam(required = false) Boolean open,
                     @RequestParam(required = false) AlarmLevel level, @RequestParam(required = false) UUID enterpriseId,
                     @RequestParam(required = false) UUID pointId, @RequestParam(required = false) String region,
                     @RequestParam(defaultValue = "false") boolean mine,
                     @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        CurrentUser user = CurrentUser.require();
        Set<AlarmStatus> statuses = mine ? AlarmPolicy.actionableStates(user) : status;
        var f = new AlarmQueries.Filter(statuses, open, level, enterpriseId, pointId, region, null);
        var page = alarms.list(user.scope(), f, clamp(limit), Math.max(0, offset));
        return new AlarmList(page.rows(), page.total());
    }

    @Operation(summary = "报警详情、处置时间线和当前可执行的操作")
    @GetMapping("/alarms/{id}")
    AlarmService.Detail alarm(@PathVariable UUID id) {
        return alarmService.detail(id);
    }

    record Step(@NotNull Integer version, String text) {
    }

    record Verification(@NotNull Integer version, @NotNull Verdict verdict, String text) {
    }

    @Operation(summary = "响应（签收）报警")
    @PostMapping("/alarms/{id}/respond")
    AlarmService.Detail respond(@PathVariable UUID id, @Valid @RequestBody Step in) {
        alarmService.respond(id, in.version(), in.text());
        return alarm(id);
    }

    @Operation(summary = "填写研判意见")
    @PostMapping("/alarms/{id}/analyse")
    AlarmService.Detail analyse(@PathVariable UUID id, @Valid @RequestBody Step in) {
        alarmService.analyse(id, in.version(), in.text());
        return alarm(id);
    }

    @Operation(summary = "现场核查：属实 TRUE / 部分属实 PARTLY_TRUE / 不属实 FALSE")
    @PostMapping("/alarms/{id}/verify")
    AlarmService.Detail verify(@PathVariable UUID id, @Valid @RequestBody Verification in) {
        alarmService.verify(id, in.version(), in.verdict(), in.text());
        return alarm(id);
    }

    @Operation(summary = "反馈处置结果并关闭")
    @PostMapping("/alarms/{id}/close")
    AlarmService.Detail close(@PathVariable UUID id, @Valid @RequestBody Step in) {
        alarmService.close(id, in.version(), in.text());
        return alarm(id);
    }

    record ConversionInput(@NotNull Grade grade, UUID clauseId, String description, LocalDate deadline, Shutdown shutdown) {
    }

    @Operation(summary = "将核查属实的报警转为隐患（监测预警转办，幂等）")
    @PostMapping("/alarms/{id}/convert")
    AlarmService.Converted convert(@PathVariable UUID id, @Valid @RequestBody ConversionInput in) {
        return alarmService.convert(id, new AlarmService.Conversion(in.grade(), in.clauseId(), in.description(),
                in.deadline(), in.shutdown()));
    }

    // ---- rules, rejections, electricity ----

    record RuleSet(int version, List<Rule> rules) {
    }

    @Operation(summary = "现行报警规则（版本化数据，含来源和可信度）")
    @GetMapping("/rules")
    RuleSet rules() {
        return new RuleSet(rules.version(), rules.all());
    }

    @Operation(summary = "被拒绝的读数：按日期、通道、原因计数，及最近的样本（仅全市范围账号）")
    @GetMapping("/rejections")
    RejectionQueries.Report rejections(@RequestParam(defaultValue = "7") int days) {
        return rejections.report(days, 100);
    }

    @Operation(summary = "企业停产期间用电监测：空载基线、近期负荷、在执行的停产指令")
    @GetMapping("/enterprises/{id}/electricity")
    ElectricityMonitor.Status electricity(@PathVariable UUID id) {
        CurrentUser user = CurrentUser.require();
        boolean visible = !points.list(user.scope(), new PointQueries.Filter(id, null, null, null), 1, 0).isEmpty();
        if (!visible) {
            throw ProblemException.notFound("ENTERPRISE_NOT_FOUND", "企业不存在、没有用电测点或不在您的数据范围内");
        }
        return electricity.status(id).orElseThrow(() ->
                ProblemException.notFound("ENTERPRISE_NOT_FOUND", "企业不存在、没有用电测点或不在您的数据范围内"));
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, 500));
    }

    static ProblemException pointNotFound() {
        return ProblemException.notFound("POINT_NOT_FOUND", "测点不存在或不在您的数据范围内");
    }
}
