package cn.zhiben.org.internal;

import cn.zhiben.org.LeadingGroupPosition;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** What the city office enters to add or change a leading-group member. */
public record LeadingGroupDraft(
        @Schema(description = "姓名") @NotBlank(message = "姓名不能为空") @Size(max = 50, message = "姓名不能超过 50 个字") String personName,
        @Schema(description = "职务，如“市委常委、常务副市长”") @NotBlank(message = "职务不能为空") @Size(max = 100, message = "职务不能超过 100 个字") String jobTitle,
        @Schema(description = "在领导小组中的职位") @NotNull(message = "请选择职位") LeadingGroupPosition position,
        @Schema(description = "所在成员单位（可空）") UUID unitId,
        @Schema(description = "对应的平台账号（可空）") UUID userId,
        @Schema(description = "同一职位内的排序，空则排在最后") @Min(value = 0, message = "排序不能小于 0") @Max(value = 9999, message = "排序不能大于 9999") Integer sortOrder) {
}
