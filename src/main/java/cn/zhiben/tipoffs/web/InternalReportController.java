package cn.zhiben.tipoffs.web;

import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.tipoffs.internal.InternalReporting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Enterprise internal reporting (内部吹哨人): the employee's form, the enterprise's handling, the department's figures. */
@Tag(name = "企业内部报告（内部吹哨人）", description = "员工经企业链接报告事故隐患（可匿名），企业处理并记录奖励，监管部门查看各企业使用情况")
@RestController
class InternalReportController {

    private final InternalReporting internal;
    private final Clock clock;

    InternalReportController(InternalReporting internal, Clock clock) {
        this.internal = internal;
        this.clock = clock;
    }

    @Operation(summary = "企业内部报告渠道（无需登录）：渠道所属企业")
    @GetMapping("/api/v1/public/tipoffs/internal/{token}")
    Map<String, String> channelInfo(@PathVariable String token) {
        return Map.of("enterpriseName", internal.enterpriseNameOf(token)
                .orElseThrow(() -> ProblemException.notFound("INTERNAL_CHANNEL_NOT_FOUND", "报告渠道不存在，请向企业索取正确的链接")));
    }

    record EmployeeReport(Boolean anonymous, String name, String contact, String description, String place, String challenge,
                          String answer) {
    }

    @Operation(summary = "员工向本企业报告事故隐患（无需登录，可匿名；先取得计算验证）")
    @PostMapping("/api/v1/public/tipoffs/internal/{token}")
    ResponseEntity<Map<String, String>> submit(@PathVariable String token, @RequestBody EmployeeReport r, HttpServletRequest request) {
        boolean anon = r.anonymous() == null || r.anonymous();
        String number = internal.submit(token, new InternalReporting.Submission(anon, anon ? null : r.name(),
                anon ? null : r.contact(), r.description(), r.place()), r.challenge(), r.answer(), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(Map.of("number", number));
    }

    @Operation(summary = "本企业的内部报告渠道链接（企业账号）")
    @GetMapping("/api/v1/tipoffs/internal/channel")
    InternalReporting.Channel channel() {
        return internal.channel();
    }

    @Operation(summary = "本企业收到的内部报告（企业账号）")
    @GetMapping("/api/v1/tipoffs/internal/reports")
    List<InternalReporting.Report> reports() {
        return internal.reports();
    }

    @Operation(summary = "处理内部报告：是否事故隐患、是否重大、处理情况、据此上报的隐患")
    @PostMapping("/api/v1/tipoffs/internal/reports/{id}/handling")
    Map<String, Object> handle(@PathVariable UUID id, @RequestBody InternalReporting.Handling h) {
        internal.handle(id, h);
        return Map.of("ok", true);
    }

    @Operation(summary = "记录企业对报告人的奖励（分）")
    @PostMapping("/api/v1/tipoffs/internal/reports/{id}/reward")
    Map<String, Object> reward(@PathVariable UUID id, @RequestBody InternalReporting.Reward r) {
        internal.reward(id, r);
        return Map.of("ok", true);
    }

    @Operation(summary = "各企业内部报告渠道使用情况（监管部门，按数据范围）")
    @GetMapping("/api/v1/tipoffs/internal/indicators")
    List<InternalReporting.Indicator> indicators(@RequestParam(required = false) Integer year) {
        CurrentUser.require();
        return internal.indicators(year == null ? LocalDate.now(clock.withZone(PlatformConfiguration.ZONE)).getYear() : year);
    }
}
