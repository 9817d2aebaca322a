package cn.zhiben.org.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** A change of an industry's name, supervisors or flags, made against the revision the editor saw. */
public record IndustryEdit(
        @Schema(description = "所编辑的版本号（乐观锁）") @NotNull(message = "缺少版本号") Integer revision,
        @Schema(description = "名称") @NotBlank(message = "名称不能为空") @Size(max = 100, message = "名称不能超过 100 个字") String name,
        @Schema(description = "牵头单位（必须且只能有一个）") @NotNull(message = "请选择牵头单位") UUID leadUnitId,
        @Schema(description = "配合单位") @Size(max = 200, message = "配合单位不能超过 200 个") List<UUID> cooperatingUnitIds,
        @Schema(description = "是否启用") @NotNull(message = "请选择是否启用") Boolean active,
        @Schema(description = "企业可否登记在此行业领域下") @NotNull(message = "请选择企业可否登记") Boolean assignable,
        @Schema(description = "修改原因（记入历史）") @NotBlank(message = "请填写修改原因") @Size(max = 500, message = "修改原因不能超过 500 个字") String reason) {
}
