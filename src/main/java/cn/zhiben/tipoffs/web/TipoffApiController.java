package cn.zhiben.tipoffs.web;

import cn.zhiben.hazards.HazardIntake;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.tipoffs.internal.IdentityVault;
import cn.zhiben.tipoffs.internal.RewardRule;
import cn.zhiben.tipoffs.internal.RewardService;
import cn.zhiben.tipoffs.internal.TipoffAttachments;
import cn.zhiben.tipoffs.internal.TipoffExport;
import cn.zhiben.tipoffs.internal.TipoffQueries;
import cn.zhiben.tipoffs.internal.TipoffRouting;
import cn.zhiben.tipoffs.internal.TipoffService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Staff work on tip-offs: intake by hotline/letter/visit, triage, verification, hazards, rewards, the sealed identity. */
@Tag(name = "举报受理与奖励", description = "登记、受理/不予受理、交办与转交、核查、登记隐患、答复、奖励计算审批发放、预算台账")
@RestController
@RequestMapping("/api/v1/tipoffs")
class TipoffApiController {

    private final TipoffService service;
    private final TipoffQueries queries;
    private final RewardService rewards;
    private final IdentityVault vault;
    private final TipoffRouting routing;
    private final TipoffExport export;
    private final AccountDirectory accounts;
    private final Clock clock;

    TipoffApiController(TipoffService service, TipoffQueries queries, RewardService rewards, IdentityVault vault,
                        TipoffRouting routing, TipoffExport export, AccountDirectory accounts, Clock clock) {
        this.service = service;
        this.queries = queries;
        this.rewards = rewards;
        this.vault = vault;
        this.routing = routing;
        this.export = export;
        this.accounts = accounts;
        this.clock = clock;
    }

    private static CurrentUser reader() {
        CurrentUser u = CurrentUser.require();
        if (!cn.zhiben.tipoffs.internal.TipoffRules.mayRead(u)) {
            throw ProblemException.forbidden("TIPOFF_ACTION_FORBIDDEN", "当前账号不能查看举报");
        }
        return u;
    }

    @Operation(summary = "举报列表（市安委办全部；县级安委办本县；承办单位本单位承办的）")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    List<TipoffQueries.Row> list(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
                                 @RequestParam(required = false) String keyword, @RequestParam(defaultValue = "200") int limit) {
        return queries.list(reader(), new TipoffQueries.Filter(status, overdue, keyword), limit);
    }

    @Operation(summary = "导出举报清单（Excel；不含举报人任何信息）")
    @GetMapping("/export.xlsx")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    void exportXlsx(@RequestParam(required = false) String status, HttpServletResponse response) throws IOException {
        CurrentUser u = reader();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("举报清单.xlsx", StandardCharsets.UTF_8).build().toString());
        export.write(u, new TipoffQueries.Filter(status, null, null), response.getOutputStream());
    }

    @Operation(summary = "登记 12350 热线、来信、来访举报")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('CITY_OFFICE','COUNTY_OFFICE','MEMBER_UNIT','COUNTY_UNIT')") // = TipoffRules.mayRegister, checked before binding
    TipoffService.Receipt register(@RequestBody TipoffService.Submission s) {
        reader();
        return service.registerByStaff(s, List.of(), false);
    }

    @Operation(summary = "按行业领域和属地建议承办单位（三管三必须）")
    @GetMapping("/routing")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    ResponseEntity<TipoffRouting.Suggestion> suggest(@RequestParam(required = false) String regionCode,
                                                     @RequestParam(required = false) String industryCode) {
        reader();
        return routing.suggest(regionCode, industryCode).map(ResponseEntity::ok)
                .orElseThrow(() -> ProblemException.notFound("TIPOFF_ROUTING_UNKNOWN", "该行业领域没有登记牵头监管部门"));
    }

    @Operation(summary = "举报详情（不含举报人身份；含办理时间线和当前账号可执行的操作）")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    TipoffQueries.Detail detail(@PathVariable UUID id) {
        return queries.detail(reader(), id).orElseThrow(TipoffApiController::notFound);
    }

    @Operation(summary = "下载举报附件（以附件方式下载，不在浏览器中执行）")
    @GetMapping("/attachments/{attachmentId}")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    ResponseEntity<byte[]> attachment(@PathVariable UUID attachmentId) {
        TipoffAttachments.Attachment a = queries.attachment(reader(), attachmentId).orElseThrow(TipoffApiController::notFound);
        return download(a, queries.bytes(a));
    }

    static ResponseEntity<byte[]> download(TipoffAttachments.Attachment a, byte[] bytes) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore()).body(bytes);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "受理并交办（不指定单位时按行业领域和属地确定）")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    TipoffQueries.Detail accept(@PathVariable UUID id, @RequestBody TipoffService.AcceptCommand c) {
        service.accept(id, c);
        return detail(id);
    }

    @PostMapping("/{id}/hand-over")
    @Operation(summary = "转交其他单位或层级核查")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    TipoffQueries.Detail handOver(@PathVariable UUID id, @RequestBody TipoffService.AcceptCommand c) {
        service.handOver(id, c);
        return detail(id);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "不予受理（写明理由）")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    TipoffQueries.Detail reject(@PathVariable UUID id, @RequestBody TipoffService.ReasonCommand c) {
        service.reject(id, c);
        return detail(id);
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "移交其他机关（平台外）")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    TipoffQueries.Detail transfer(@PathVariable UUID id, @RequestBody TipoffService.ReasonCommand c) {
        service.transfer(id, c);
        return detail(id);
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "重复举报并案（并入首次举报）")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    TipoffQueries.Detail merge(@PathVariable UUID id, @RequestBody TipoffService.MergeCommand c) {
        service.merge(id, c);
        return detail(id);
    }

    @PostMapping("/{id}/conclude")
    @Operation(summary = "核查结论：属实、部分属实、不属实")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    TipoffQueries.Detail conclude(@PathVariable UUID id, @RequestBody TipoffService.ConcludeCommand c) {
        service.conclude(id, c);
        return detail(id);
    }

    @PostMapping("/{id}/reply")
    @Operation(summary = "答复举报人并办结")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    TipoffQueries.Detail reply(@PathVariable UUID id, @RequestBody TipoffService.ReasonCommand c) {
        service.reply(id, c);
        return detail(id);
    }

    @PostMapping("/{id}/hazard")
    @Operation(summary = "核查属实的登记为隐患（渠道：群众举报查实；同一举报只登记一次）")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    HazardIntake.Registered hazard(@PathVariable UUID id, @RequestBody TipoffService.HazardCommand c) {
        return service.registerHazard(id, c);
    }

    // ---- sealed identity ----

    record Purpose(String purpose) {
    }

    @PostMapping("/{id}/identity")
    @Operation(summary = "查看举报人身份（须经专门授权，写明用途；每次查看留痕审计）")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    ResponseEntity<IdentityVault.ReporterIdentity> identity(@PathVariable UUID id, @RequestBody Purpose p) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(vault.open(id, p.purpose()));
    }

    @GetMapping("/{id}/identity-accesses")
    @Operation(summary = "举报人身份的查看记录（专门授权的账号）")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    List<IdentityVault.Access> identityAccesses(@PathVariable UUID id) {
        return vault.accesses(id);
    }

    record GrantRequest(String username, String note) {
    }

    @GetMapping("/identity-grants")
    @Operation(summary = "查看举报人身份的授权（安全管理员）")
    @PreAuthorize("hasAuthority('PERM_USER_ADMIN')")
    List<IdentityVault.Grant> grants() {
        return vault.grants();
    }

    @PostMapping("/identity-grants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "授权市、县安委办的一个账号查看举报人身份（安全管理员；写明授权依据）")
    @PreAuthorize("hasAuthority('PERM_USER_ADMIN')")
    void grant(@RequestBody GrantRequest g) {
        if (g.username() == null || g.username().isBlank()) {
            throw ProblemException.badRequest("TIPOFF_GRANT_USER_REQUIRED", "请填写被授权的用户名");
        }
        AccountDirectory.Account a = accounts.findByUsername(g.username().trim()).filter(AccountDirectory.Account::enabled)
                .orElseThrow(() -> ProblemException.badRequest("TIPOFF_GRANT_USER_UNKNOWN", "账号不存在或已停用"));
        vault.grant(a.id(), a.username(), a.role(), g.note());
    }

    @DeleteMapping("/identity-grants/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "收回授权（安全管理员）")
    @PreAuthorize("hasAuthority('PERM_USER_ADMIN')")
    void revoke(@PathVariable UUID userId) {
        vault.revoke(userId);
    }

    // ---- rewards ----

    @GetMapping("/{id}/reward")
    @Operation(summary = "该举报的奖励（规则版本、计算依据、审批与发放）")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    ResponseEntity<RewardService.Reward> reward(@PathVariable UUID id) {
        CurrentUser u = reader();
        queries.detail(u, id).orElseThrow(TipoffApiController::notFound);
        // 204: the tip-off exists (in scope) but has no reward yet
        return rewards.forTipoff(u, id).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/reward")
    @Operation(summary = "按规则计算奖励并提请审批（受理之日有效的规则；以分计）")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    RewardService.Reward proposeReward(@PathVariable UUID id) {
        reader();
        return rewards.propose(id);
    }

    @GetMapping("/rewards")
    @Operation(summary = "奖励记录")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    List<RewardService.Reward> rewards(@RequestParam(required = false) Integer year) {
        return rewards.list(reader(), year);
    }

    @PostMapping("/rewards/{rewardId}/decision")
    @Operation(summary = "审批奖励（须为提出人以外的另一人）")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    RewardService.Reward decide(@PathVariable UUID rewardId, @RequestBody RewardService.Decision d) {
        reader();
        return rewards.decide(rewardId, d);
    }

    @PostMapping("/rewards/{rewardId}/payment")
    @Operation(summary = "登记奖励发放（日期、支付凭证号）")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    RewardService.Reward pay(@PathVariable UUID rewardId, @RequestBody RewardService.Payment p) {
        reader();
        return rewards.pay(rewardId, p);
    }

    @GetMapping("/reward-rules")
    @Operation(summary = "奖励规则（各版本、来源、适用范围）")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    List<RewardRule> rules() {
        reader();
        return rewards.rules();
    }

    @GetMapping("/ledger")
    @Operation(summary = "奖励台账：按承办单位和年度的预算、已批准、已发放")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    List<RewardService.Ledger> ledger(@RequestParam(required = false) Integer year) {
        return rewards.ledger(reader(), year == null ? LocalDate.now(clock.withZone(PlatformConfiguration.ZONE)).getYear() : year);
    }

    @PostMapping("/budgets")
    @Operation(summary = "登记承办单位年度举报奖励预算（分）")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    Map<String, Object> budget(@RequestBody RewardService.BudgetCommand c) {
        reader();
        rewards.setBudget(c);
        return Map.of("ok", true);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("TIPOFF_NOT_FOUND", "举报不存在或不在您的办理范围内");
    }
}
