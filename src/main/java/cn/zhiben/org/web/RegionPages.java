package cn.zhiben.org.web;

import cn.zhiben.org.internal.RegionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The region tree page. */
@Controller
class RegionPages {

    private final RegionService regions;

    RegionPages(RegionService regions) {
        this.regions = regions;
    }

    @GetMapping("/org/regions")
    String regions(Model model) {
        model.addAttribute("tree", regions.tree());
        return "org/regions";
    }
}
