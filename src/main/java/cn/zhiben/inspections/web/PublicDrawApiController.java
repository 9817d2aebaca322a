package cn.zhiben.inspections.web;

import cn.zhiben.inspections.internal.DrawService;
import cn.zhiben.inspections.internal.InspectionViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** 双随机一公开 without login: the board, each draw's result, its inputs and a re-run anyone can ask for. */
@Tag(name = "抽取结果公示（无需登录）", description = "双随机一公开：公开的抽取结果、输入和复核")
@RestController
@RequestMapping("/api/v1/public/draws")
class PublicDrawApiController {

    private final DrawService draws;
    private final InspectionViews views;

    PublicDrawApiController(DrawService draws, InspectionViews views) {
        this.draws = draws;
        this.views = views;
    }

    @Operation(summary = "公示的抽取结果（四不两直的抽取在检查开始后才公示）")
    @GetMapping
    List<DrawService.PublicRow> board() {
        return draws.board(200);
    }

    @Operation(summary = "一次抽取的结果")
    @GetMapping("/{id}")
    InspectionViews.DrawView detail(@PathVariable UUID id) {
        return views.draw(draws.published(id).orElseThrow(DrawApiController::notFound), false);
    }

    @Operation(summary = "一次抽取的输入（规范 JSON），可用公开的算法说明自行复算")
    @GetMapping(value = "/{id}/inputs", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> inputs(@PathVariable UUID id) {
        return ResponseEntity.ok(draws.published(id).orElseThrow(DrawApiController::notFound).inputs());
    }

    @Operation(summary = "复核一次抽取")
    @PostMapping("/{id}/verify")
    DrawService.Verification verify(@PathVariable UUID id) {
        return draws.verify(draws.published(id).orElseThrow(DrawApiController::notFound));
    }
}
