package cn.zhiben.org.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** A new industry or field: a top-level one, or one level below an existing one. */
public record IndustryDraft(
        @Schema(description = "代码：上级代码加“.”加一段小写字母、数字或下划线，如 mine.coal", example = "indtrade.battery")
        @NotBlank(message = "代码不能为空") @Size(max = 64, message = "代码不能超过 64 个字符")
        @Pattern(regexp = IndustryService.CODE_PATTERN, message = "代码只能由小写字母、数字、下划线组成，各段以小写字母开头，以“.”分隔") String code,
        @Schema(description = "上级行业领域代码；空则为顶层") @Size(max = 64, message = "上级代码不能超过 64 个字符") String parentCode,
        @Schema(description = "名称") @NotBlank(message = "名称不能为空") @Size(max = 100, message = "名称不能超过 100 个字") String name,
        @Schema(description = "方案依据，如“四(三)14”") @NotBlank(message = "请填写方案依据") @Size(max = 50, message = "方案依据不能超过 50 个字") String planRef,
        @Schema(description = "企业可否登记在此行业领域下") @NotNull(message = "请选择企业可否登记") Boolean assignable,
        @Schema(description = "牵头单位（必须且只能有一个）") @NotNull(message = "请选择牵头单位") UUID leadUnitId,
        @Schema(description = "配合单位") @Size(max = 200, message = "配合单位不能超过 200 个") List<UUID> cooperatingUnitIds,
        @Schema(description = "新增原因（记入历史）") @NotBlank(message = "请填写新增原因") @Size(max = 500, message = "新增原因不能超过 500 个字") String reason) {
}
