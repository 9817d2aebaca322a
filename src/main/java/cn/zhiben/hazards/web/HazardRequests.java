package cn.zhiben.hazards.web;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.Shutdown;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The requests of the hazard verbs, with their constraints and Chinese messages: the API reads them from JSON and the
 * pages bind their forms to the very same records ({@link FormBinder}), so both input paths validate alike.
 */
public final class HazardRequests {

    private HazardRequests() {
    }

    private static final String VERSION = "表单缺少版本信息，请刷新页面后重试";

    /** A 综合判定 / 专家论证: the standard version, one expert per entry (name, unit, title), the opinion. */
    public record DeterminationRequest(UUID versionId, @Size(max = 50, message = "专家最多 50 名") List<String> experts,
                                       @Size(max = 4000, message = "专家论证意见不能超过 4000 个字") String opinion) {
    }

    public record NewHazardRequest(@NotNull(message = "请选择企业") UUID enterpriseId,
                                   @NotNull(message = "请选择发现渠道") Channel channel,
                                   @NotNull(message = "请选择隐患等级") Grade grade,
                                   UUID clauseId,
                                   @NotBlank(message = "请填写隐患描述") @Size(max = 2000, message = "隐患描述不能超过 2000 个字") String description,
                                   @NotBlank(message = "请填写隐患部位") @Size(max = 200, message = "隐患部位不能超过 200 个字") String location,
                                   @NotNull(message = "请填写发现日期") LocalDate foundOn,
                                   @NotBlank(message = "请填写发现人") @Size(max = 100, message = "发现人不能超过 100 个字") String foundBy,
                                   Shutdown shutdown, Boolean needsCoordination, Boolean fixedOnSpot, LocalDate deadline,
                                   @Valid DeterminationRequest determination) {
    }

    public record Versioned(@NotNull(message = VERSION) Integer version) {
    }

    public record WithReason(@NotNull(message = VERSION) Integer version,
                             @NotBlank(message = "请填写理由") @Size(max = 2000, message = "理由不能超过 2000 个字") String reason) {
    }

    public record PlanRequest(@NotNull(message = VERSION) Integer version,
                              @NotBlank(message = "请填写目标任务") @Size(max = 2000, message = "目标任务不能超过 2000 个字") String objectives,
                              @NotBlank(message = "请填写方法措施") @Size(max = 4000, message = "方法措施不能超过 4000 个字") String measures,
                              @NotNull(message = "请填写整改经费") @PositiveOrZero(message = "整改经费不能为负") Long fundingFen,
                              @NotBlank(message = "请填写物资") @Size(max = 2000, message = "物资不能超过 2000 个字") String materials,
                              @NotBlank(message = "请填写负责机构") @Size(max = 1000, message = "负责机构不能超过 1000 个字") String organisation,
                              @NotBlank(message = "请填写责任人") @Size(max = 100, message = "责任人不能超过 100 个字") String responsiblePerson,
                              @NotNull(message = "请填写整改时限") LocalDate deadline,
                              @NotBlank(message = "请填写安全措施") @Size(max = 4000, message = "安全措施不能超过 4000 个字") String safetyMeasures,
                              @NotBlank(message = "请填写应急预案") @Size(max = 4000, message = "应急预案不能超过 4000 个字") String emergencyPlan,
                              @NotBlank(message = "请填写临时管控措施") @Size(max = 4000, message = "临时管控措施不能超过 4000 个字") String interimMeasures) {
    }

    public record ProgressRequest(@NotNull(message = VERSION) Integer version,
                                  @NotBlank(message = "请填写情况说明") @Size(max = 2000, message = "情况说明不能超过 2000 个字") String summary) {
    }

    public record ExtensionRequest(@NotNull(message = VERSION) Integer version,
                                   @NotNull(message = "请填写延期后的期限") LocalDate deadline,
                                   @NotBlank(message = "请填写延期理由") @Size(max = 2000, message = "延期理由不能超过 2000 个字") String reason) {
    }

    public record ExtensionDecision(@NotNull(message = VERSION) Integer version,
                                    @NotNull(message = "请选择审批结果") Boolean approve,
                                    @NotBlank(message = "请填写审批意见") @Size(max = 2000, message = "审批意见不能超过 2000 个字") String reason) {
    }

    /**
     * @param qualification the third party's qualification (资质证书编号), required for THIRD_PARTY
     * @param experts       for SELF: the enterprise's technical staff and experts who evaluated
     */
    public record EvaluationRequest(@NotNull(message = VERSION) Integer version,
                                    @NotBlank(message = "请选择评估方式") String kind,
                                    @Size(max = 200, message = "评估机构不能超过 200 个字") String organisation,
                                    @NotBlank(message = "请填写评估结论") @Size(max = 4000, message = "评估结论不能超过 4000 个字") String conclusion,
                                    @NotNull(message = "请填写评估日期") LocalDate evaluatedOn,
                                    @Size(max = 200, message = "资质不能超过 200 个字") String qualification,
                                    @Size(max = 2000, message = "参加评估人员不能超过 2000 个字") String experts) {
    }

    public record SignOffRequest(@NotNull(message = VERSION) Integer version,
                                 @NotBlank(message = "请填写审核意见") @Size(max = 2000, message = "审核意见不能超过 2000 个字") String opinion) {
    }

    public record RejectSignOff(@NotNull(message = VERSION) Integer version,
                                @NotBlank(message = "请填写不通过的理由") @Size(max = 2000, message = "理由不能超过 2000 个字") String reasons,
                                LocalDate deadline) {
    }

    public record DelistingConfirmation(@NotNull(message = VERSION) Integer version,
                                        @Size(max = 2000, message = "说明不能超过 2000 个字") String note) {
    }

    /**
     * @param level          CITY or PROVINCE for the city office (province recorded on its behalf); COUNTY for a county office
     * @param selfEvaluation the enterprise is able to evaluate its own rectification (令第16号 第十八条); otherwise a third party
     */
    public record ListingRequest(@NotNull(message = VERSION) Integer version,
                                 @NotBlank(message = "请填写督办文号") @Size(max = 100, message = "督办文号不能超过 100 个字") String documentNumber,
                                 UUID supervisingUnitId,
                                 @NotNull(message = "请填写督办整改期限") LocalDate deadline,
                                 ListingLevel level, Boolean selfEvaluation) {
    }

    public record ReminderRequest(@NotNull(message = VERSION) Integer version,
                                  @NotBlank(message = "请填写督办提醒内容") @Size(max = 2000, message = "督办提醒不能超过 2000 个字") String message) {
    }

    public record ReopenRequest(@NotNull(message = VERSION) Integer version,
                                @NotBlank(message = "请填写理由") @Size(max = 2000, message = "理由不能超过 2000 个字") String reason,
                                @NotNull(message = "请填写整改期限") LocalDate deadline) {
    }

    public record MergeRequest(@NotNull(message = VERSION) Integer version,
                               @NotNull(message = "请选择要并入的隐患") UUID into,
                               @NotBlank(message = "请填写合并理由") @Size(max = 2000, message = "合并理由不能超过 2000 个字") String reason) {
    }

    /** To GENERAL: a deadline; to MAJOR: a clause or a determination. */
    public record RegradeRequest(@NotNull(message = VERSION) Integer version,
                                 @NotNull(message = "请选择调整后的等级") Grade grade,
                                 @NotBlank(message = "请填写调整理由") @Size(max = 2000, message = "调整理由不能超过 2000 个字") String reason,
                                 UUID clauseId, @Valid DeterminationRequest determination, LocalDate deadline) {
    }

    public record AccountabilityClosure(@NotNull(message = VERSION) Integer version,
                                        @NotBlank(message = "请填写倒查结论（追责情况）") @Size(max = 4000, message = "倒查结论不能超过 4000 个字") String conclusion) {
    }
}
