package cn.zhiben.org.web;

import cn.zhiben.org.Region;
import cn.zhiben.org.internal.RegionNode;
import cn.zhiben.org.internal.RegionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Region reference data; any signed-in account may read it (the API chain requires authentication). */
@Tag(name = "行政区划", description = "市、县（市、区）、乡镇（街道）及经济技术开发区（管理区域，非行政区划）")
@RestController
@RequestMapping("/api/v1/regions")
class RegionApiController {

    private final RegionService regions;

    RegionApiController(RegionService regions) {
        this.regions = regions;
    }

    @Operation(summary = "行政区划（默认树形：市 → 县（市、区）→ 乡镇（街道），开发区挂在市下）；view=flat 返回列表，level 按层级筛选列表")
    @GetMapping
    List<?> list(@Parameter(description = "tree（默认）或 flat") @RequestParam(required = false) String view,
                 @Parameter(description = "CITY、COUNTY、TOWNSHIP 或 ZONE，仅用于列表") @RequestParam(required = false) String level) {
        Region.Level parsed = RegionService.parseLevel(level);
        return ListView.parse(view, parsed != null) == ListView.TREE ? regions.tree() : regions.flat(parsed);
    }

    @Operation(summary = "一个行政区划及其直接下级")
    @GetMapping("/{code}")
    RegionNode one(@Parameter(description = "统计用区划代码，如 140525；开发区为 140500-ETDZ") @PathVariable String code) {
        return regions.one(code);
    }
}
