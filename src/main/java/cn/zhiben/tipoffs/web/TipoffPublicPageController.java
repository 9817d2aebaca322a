package cn.zhiben.tipoffs.web;

import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.tipoffs.internal.TipoffCodes;
import cn.zhiben.tipoffs.internal.TipoffService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.util.List;

/**
 * The public pages, without login and usable on a phone: the report form (a small script solves the challenge before
 * it can be sent) and the status check with tracking code and secret. Answers are never cached.
 */
@Controller
@RequestMapping("/tipoffs/public")
class TipoffPublicPageController {

    private final TipoffService service;
    private final RegionCatalog regions;

    TipoffPublicPageController(TipoffService service, RegionCatalog regions) {
        this.service = service;
        this.regions = regions;
    }

    private void form(Model model) {
        model.addAttribute("counties", regions.byLevel(Region.Level.COUNTY));
        model.addAttribute("categories", TipoffCodes.Category.values());
    }

    @GetMapping
    String page(Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        form(model);
        return "tipoffs/public-form";
    }

    @PostMapping
    String submit(@ModelAttribute PublicTipoffApiController.PublicForm f,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        try {
            TipoffService.Receipt r = service.submitPublic(f.submission(TipoffCodes.Channel.ONLINE), f.challenge(), f.answer(),
                    PublicTipoffApiController.uploads(files), request.getRemoteAddr());
            model.addAttribute("receipt", r);
            return "tipoffs/public-receipt";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("f", f);
            form(model);
            return "tipoffs/public-form";
        }
    }

    @GetMapping("/status")
    String statusPage(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        return "tipoffs/public-status";
    }

    @PostMapping("/status")
    String status(@RequestParam(required = false) String trackingCode, @RequestParam(required = false) String secret,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        try {
            model.addAttribute("result", service.status(trackingCode, secret, request.getRemoteAddr()));
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e.getMessage());
        }
        return "tipoffs/public-status";
    }
}
