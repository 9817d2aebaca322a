package cn.zhiben.inspections.web;

import cn.zhiben.inspections.internal.DrawService;
import cn.zhiben.inspections.internal.InspectionViews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.UUID;

/** 双随机一公开 — the public board of draw results and each result with its re-run, without login. */
@Controller
@RequestMapping("/public/draws")
class PublicDrawPageController {

    private final DrawService draws;
    private final InspectionViews views;

    PublicDrawPageController(DrawService draws, InspectionViews views) {
        this.draws = draws;
        this.views = views;
    }

    @GetMapping
    String board(Model model) {
        model.addAttribute("rows", draws.board(200));
        return "inspections/public-draws";
    }

    @GetMapping("/{id:" + InspectionPageController.UUID_PATTERN + "}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("d", views.draw(draws.published(id).orElseThrow(DrawApiController::notFound), false));
        model.addAttribute("publicView", true);
        model.addAttribute("canRedraw", false);
        return "inspections/draw";
    }

    @PostMapping("/{id:" + InspectionPageController.UUID_PATTERN + "}/verify")
    String verify(@PathVariable UUID id, Model model) {
        model.addAttribute("verification", draws.verify(draws.published(id).orElseThrow(DrawApiController::notFound)));
        return "inspections/draw :: verification";
    }
}
