package cn.zhiben.identity.web;

import cn.zhiben.platform.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return CurrentUser.current().isPresent() ? "redirect:/" : "login";
    }
}
