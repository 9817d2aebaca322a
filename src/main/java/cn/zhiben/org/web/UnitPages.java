package cn.zhiben.org.web;

import cn.zhiben.org.internal.UnitService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The member-unit page, by category. */
@Controller
class UnitPages {

    private final UnitService units;

    UnitPages(UnitService units) {
        this.units = units;
    }

    @GetMapping("/org/units")
    String units(@RequestParam(required = false) Integer category, Model model) {
        if (category != null && (category < 1 || category > 4)) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        var all = units.groups(null);
        model.addAttribute("allGroups", all);
        model.addAttribute("groups", all.stream().filter(g -> category == null || g.category() == category).toList());
        model.addAttribute("category", category);
        return "org/units";
    }
}
