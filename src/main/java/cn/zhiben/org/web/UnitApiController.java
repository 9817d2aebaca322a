package cn.zhiben.org.web;

import cn.zhiben.org.internal.UnitService;
import cn.zhiben.org.internal.UnitView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The committee's member units; any signed-in account may read them. */
@Tag(name = "成员单位", description = "市安委会成员单位（晋市安委发〔2024〕6号附件2），分四类，含各单位牵头和配合的行业领域")
@RestController
@RequestMapping("/api/v1/units")
class UnitApiController {

    private final UnitService units;

    UnitApiController(UnitService units) {
        this.units = units;
    }

    @Operation(summary = "成员单位，按四个类别分组；category=1..4 只返回该类")
    @GetMapping
    List<UnitView.Group> list(@Parameter(description = "类别 1-4") @RequestParam(required = false) Integer category) {
        return units.groups(category);
    }

    @Operation(summary = "一个成员单位及其牵头、配合的行业领域")
    @GetMapping("/{id}")
    UnitView one(@PathVariable UUID id) {
        return units.one(id);
    }
}
