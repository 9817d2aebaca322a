package cn.zhiben.platform.ui;

import cn.zhiben.platform.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Comparator;
import java.util.List;

/** The home page: what the user's role is for, the figures of their scope, and their next jobs. */
@Controller
class HomeController {

    private final List<HomeCardContributor> cards;
    private final List<HomePanelContributor> panels;

    HomeController(List<HomeCardContributor> cards, List<HomePanelContributor> panels) {
        this.cards = cards;
        this.panels = panels;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("cards", cards.stream().flatMap(c -> c.cards(user).stream())
                .sorted(Comparator.comparingInt(HomeCard::order)).toList());
        model.addAttribute("panels", panels.stream().flatMap(p -> p.panels(user).stream())
                .sorted(Comparator.comparingInt(HomePanel::order)).toList());
        model.addAttribute("duties", RoleDuties.of(user.role()));
        return "home";
    }
}
