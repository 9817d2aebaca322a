package cn.zhiben.identity.web;

import cn.zhiben.identity.internal.RoleCatalog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The roles, what each may see and do, and why the three administrators are kept apart. */
@Controller
class RolesPageController {

    @GetMapping("/admin/roles")
    @PreAuthorize("hasAnyAuthority('PERM_USER_ADMIN', 'PERM_AUDIT_READ')")
    String roles(Model model) {
        model.addAttribute("roles", RoleCatalog.all());
        return "admin/roles";
    }
}
