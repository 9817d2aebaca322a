package cn.zhiben.identity.web;

import cn.zhiben.identity.internal.AdminRequestView;
import cn.zhiben.identity.internal.ExpertAssignmentService;
import cn.zhiben.identity.internal.Page;
import cn.zhiben.identity.internal.RoleCatalog;
import cn.zhiben.identity.internal.UserAdminService;
import cn.zhiben.identity.internal.UserFilter;
import cn.zhiben.identity.internal.UserScopeRules;
import cn.zhiben.identity.internal.UserView;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Pages of account administration, for the security administrator only. */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasAuthority('PERM_USER_ADMIN')")
class UserAdminPageController {

    private final UserAdminService admin;
    private final RegionCatalog regions;
    private final UnitCatalog units;
    private final EnterpriseDirectory enterprises;
    private final ExpertAssignmentService assignments;

    UserAdminPageController(UserAdminService admin, RegionCatalog regions, UnitCatalog units, EnterpriseDirectory enterprises,
                            ExpertAssignmentService assignments) {
        this.admin = admin;
        this.regions = regions;
        this.units = units;
        this.enterprises = enterprises;
        this.assignments = assignments;
    }

    /** What the create and edit forms post. Strings, so that a wrong value comes back as a message, not an error page. */
    public static class UserForm {
        private String username;
        private String displayName;
        private String role;
        private String regionCode;
        private String unitId;
        private String enterprise;
        private String enterprisePosition;
        private Integer version;

        public String getUsername() { return username; }
        public void setUsername(String v) { username = v; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String v) { displayName = v; }
        public String getRole() { return role; }
        public void setRole(String v) { role = v; }
        public String getRegionCode() { return regionCode; }
        public void setRegionCode(String v) { regionCode = v; }
        public String getUnitId() { return unitId; }
        public void setUnitId(String v) { unitId = v; }
        public String getEnterprise() { return enterprise; }
        public void setEnterprise(String v) { enterprise = v; }
        public String getEnterprisePosition() { return enterprisePosition; }
        public void setEnterprisePosition(String v) { enterprisePosition = v; }
        public Integer getVersion() { return version; }
        public void setVersion(Integer v) { version = v; }

        static UserForm of(UserView u) {
            UserForm f = new UserForm();
            f.username = u.username();
            f.displayName = u.displayName();
            f.role = u.role();
            f.regionCode = u.regionCode();
            f.unitId = u.unitId() == null ? null : u.unitId().toString();
            f.enterprise = u.enterpriseId() == null ? null : u.enterpriseId().toString();
            f.enterprisePosition = u.enterprisePosition();
            f.version = u.version();
            return f;
        }
    }

    @GetMapping("/users")
    String list(@RequestParam(required = false) String role, @RequestParam(required = false) String region,
                @RequestParam(required = false) String keyword, @RequestParam(required = false) String enabled,
                @RequestParam(required = false) String locked, @RequestParam(defaultValue = "0") int page, Model model) {
        Role r = parseRole(role);
        Page<UserView> result = admin.list(new UserFilter(r, region, keyword, bool(enabled), bool(locked), Math.max(0, page), 20));
        model.addAttribute("page", result);
        model.addAttribute("roles", Role.values());
        model.addAttribute("regionOptions", regionOptions());
        model.addAttribute("f", Map.of("role", nz(role), "region", nz(region), "keyword", nz(keyword),
                "enabled", nz(enabled), "locked", nz(locked)));
        model.addAttribute("query", query(role, region, keyword, enabled, locked));
        model.addAttribute("fmt", new UiTime());
        return "admin/users";
    }

    @GetMapping("/users/new")
    String newForm(@RequestParam(required = false) String role, Model model) {
        UserForm form = new UserForm();
        form.setRole(parseRole(role) == null ? Role.CITY_OFFICE.name() : role);
        return form(form, null, model);
    }

    @PostMapping("/users")
    String create(@ModelAttribute("form") UserForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Scope s = scope(form);
            var created = admin.create(new UserAdminService.NewUser(form.getUsername(), form.getDisplayName(), parseRole(form.getRole()),
                    s.region(), s.unit(), s.enterprise(), s.position()));
            if (created.isPending()) {
                return pending(created.pending(), redirect);
            }
            return password(created.done(), "账号已创建", model, response);
        } catch (ProblemException e) {
            return formWithErrors(form, null, e, model, response);
        }
    }

    @GetMapping("/users/{id}")
    String edit(@PathVariable UUID id, Model model) {
        UserView u = admin.get(id);
        return form(UserForm.of(u), u, model);
    }

    @PostMapping("/users/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") UserForm form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        UserView current = admin.get(id);
        try {
            Scope s = scope(form);
            var updated = admin.update(id, new UserAdminService.UserChange(form.getDisplayName(), parseRole(form.getRole()), s.region(),
                    s.unit(), s.enterprise(), form.getVersion(), s.position()));
            if (updated.isPending()) {
                return pending(updated.pending(), redirect);
            }
            redirect.addFlashAttribute("message", "已保存。");
            return "redirect:/admin/users/" + id;
        } catch (ProblemException e) {
            form.setUsername(current.username());
            return formWithErrors(form, current, e, model, response);
        }
    }

    /** The scope fields that fit the chosen role (htmx swaps them in when the role changes). */
    @GetMapping("/users/scope-fields")
    String scopeFields(@ModelAttribute("form") UserForm form, Model model) {
        scopeModel(form, model);
        return "admin/user-scope :: scope";
    }

    @PostMapping("/users/{id}/reset-password")
    String resetPassword(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var reset = admin.resetPassword(id);
            if (reset.isPending()) {
                return pending(reset.pending(), redirect);
            }
            return password(reset.done(), "密码已重置", model, response);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/admin/users/" + id;
        }
    }

    /**
     * 专家指派 (issue 9 item 2c): the enterprises an expert account works for, and when — until the inspections module
     * assigns experts from its own assignments, the security administrator records them here.
     */
    @PostMapping("/users/{id}/expert-assignments")
    String assign(@PathVariable UUID id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        UserView expert = admin.get(id);
        try {
            if (!Role.EXPERT.name().equals(expert.role())) {
                throw ProblemException.badRequest("NOT_AN_EXPERT", "只有专家账号需要指派企业");
            }
            String e = params.getOrDefault("enterprise", "").strip();
            UUID enterprise = parseUuid(e);
            if (enterprise == null && !e.isEmpty()) {
                enterprise = enterprises.findByUscc(e.toUpperCase(java.util.Locale.ROOT)).map(EnterpriseRef::id).orElse(null);
            }
            if (enterprise == null) {
                throw ProblemException.badRequest("ENTERPRISE_NOT_FOUND", "请填写企业的统一社会信用代码");
            }
            java.time.LocalDate from = date(params.get("from"), "开始日期");
            java.time.LocalDate to = date(params.get("to"), "结束日期");
            assignments.assign(id, enterprise, from, to, "admin:" + UUID.randomUUID());
            redirect.addFlashAttribute("message", "已指派。");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users/" + id + "#assignments";
    }

    @PostMapping("/users/{id}/expert-assignments/{assignmentId}/revoke")
    String revoke(@PathVariable UUID id, @PathVariable UUID assignmentId, RedirectAttributes redirect) {
        admin.get(id);
        var assignment = assignments.of(id).stream().filter(a -> a.id().equals(assignmentId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("ASSIGNMENT_NOT_FOUND", "指派不存在"));
        assignments.revoke(assignment.sourceRef());
        redirect.addFlashAttribute("message", "已撤销指派。");
        return "redirect:/admin/users/" + id + "#assignments";
    }

    private static java.time.LocalDate date(String value, String label) {
        try {
            return java.time.LocalDate.parse(value == null ? "" : value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest("VALIDATION_FAILED", "请填写" + label + "（yyyy-MM-dd）");
        }
    }

    @PostMapping("/users/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, admin::unlock, "已解除锁定。", redirect);
    }

    @PostMapping("/users/{id}/disable")
    String disable(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, admin::disable, "账号已停用，其会话与令牌已失效。", redirect);
    }

    @PostMapping("/users/{id}/enable")
    String enable(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, admin::enable, "账号已启用。", redirect);
    }

    @PostMapping("/users/{id}/reset-totp")
    String resetTotp(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, admin::resetTotp, "动态口令已重置，该账号须重新绑定身份验证器。", redirect);
    }

    private String act(UUID id, Function<UUID, UserView> action, String done, RedirectAttributes redirect) {
        try {
            action.apply(id);
            redirect.addFlashAttribute("message", done);
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }

    /** A change the two-person rule holds back: to the request, which a second administrator decides. */
    private static String pending(AdminRequestView request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", "已提交审批：" + request.kindLabel() + "（" + request.roleLabel()
                + "）须由另一名管理员（安全管理员或审计管理员）批准后才生效。");
        return "redirect:/admin/requests/" + request.id();
    }

    private String password(UserAdminService.WithPassword w, String title, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("user", w.user());
        model.addAttribute("password", w.oneTimePassword());
        model.addAttribute("title", title);
        return "admin/user-password";
    }

    private String form(UserForm form, UserView user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("user", user);
        model.addAttribute("assignments", user != null && Role.EXPERT.name().equals(user.role()) ? assignments.of(user.id()) : null);
        model.addAttribute("today", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        model.addAttribute("roles", Arrays.stream(Role.values()).map(RoleCatalog::info).toList());
        model.addAttribute("fmt", new UiTime());
        scopeModel(form, model);
        return "admin/user-form";
    }

    private String formWithErrors(UserForm form, UserView user, ProblemException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("errors", e.errors().isEmpty() ? List.of(e.getMessage())
                : e.errors().stream().map(ProblemException.FieldProblem::message).toList());
        model.addAttribute("errorCode", e.code());
        return form(form, user, model);
    }

    private void scopeModel(UserForm form, Model model) {
        Role role = parseRoleOrNull(form.getRole());
        UserScopeRules.Requirement req = UserScopeRules.requirement(role == null ? Role.CITY_OFFICE : role);
        model.addAttribute("form", form);
        model.addAttribute("req", req);
        model.addAttribute("regionLevels", req.regionLevels().stream().map(Enum::name).toList());
        model.addAttribute("counties", regions.byLevel(Region.Level.COUNTY));
        model.addAttribute("zones", regions.byLevel(Region.Level.ZONE));
        Map<String, List<Region>> townships = new LinkedHashMap<>();
        Map<String, String> countyNames = new LinkedHashMap<>();
        regions.byLevel(Region.Level.COUNTY).forEach(c -> countyNames.put(c.code(), c.name()));
        for (Region t : regions.byLevel(Region.Level.TOWNSHIP)) {
            townships.computeIfAbsent(countyNames.getOrDefault(t.parentCode(), t.parentCode()), k -> new ArrayList<>()).add(t);
        }
        model.addAttribute("townships", townships);
        model.addAttribute("units", units.all().stream().filter(CommitteeUnit::active).toList());
        UUID enterpriseId = parseUuid(form.getEnterprise());
        model.addAttribute("enterpriseName", enterprises.find(enterpriseId).map(EnterpriseRef::name).orElse(null));
    }

    private record Scope(String region, UUID unit, UUID enterprise, CurrentUser.EnterprisePosition position) {
    }

    /** Form strings to scope values; the enterprise may be given by id or by 统一社会信用代码. */
    private Scope scope(UserForm form) {
        Role role = parseRole(form.getRole());
        UserScopeRules.Requirement req = UserScopeRules.requirement(role == null ? Role.CITY_OFFICE : role);
        // fields of another role that the browser still sent are not part of this role's scope
        String region = req.region() ? blank(form.getRegionCode()) : null;
        UUID unit = null;
        if (req.unit() && blank(form.getUnitId()) != null) {
            unit = parseUuid(form.getUnitId());
            if (unit == null) {
                throw ProblemException.badRequest(UserScopeRules.CODE, "成员单位选择无效");
            }
        }
        UUID enterprise = null;
        String e = req.enterprise() ? blank(form.getEnterprise()) : null;
        if (e != null) {
            enterprise = parseUuid(e);
            if (enterprise == null) {
                enterprise = enterprises.findByUscc(e.toUpperCase()).map(EnterpriseRef::id)
                        .orElseThrow(() -> ProblemException.badRequest(UserScopeRules.CODE, "未找到统一社会信用代码或编号为 " + e + " 的企业"));
            }
        }
        CurrentUser.EnterprisePosition position = null;
        String p = req.enterprise() ? blank(form.getEnterprisePosition()) : null;
        if (p != null) {
            try {
                position = CurrentUser.EnterprisePosition.valueOf(p);
            } catch (IllegalArgumentException ex) {
                throw ProblemException.badRequest(UserScopeRules.CODE, "企业岗位选择无效");
            }
        }
        return new Scope(region, unit, enterprise, position);
    }

    private List<Region> regionOptions() {
        List<Region> out = new ArrayList<>(regions.byLevel(Region.Level.COUNTY));
        out.addAll(regions.byLevel(Region.Level.ZONE));
        out.addAll(regions.byLevel(Region.Level.TOWNSHIP));
        return out;
    }

    private static Role parseRole(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        Role r = parseRoleOrNull(role);
        if (r == null) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "角色无效");
        }
        return r;
    }

    private static Role parseRoleOrNull(String role) {
        try {
            return role == null ? null : Role.valueOf(role.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID parseUuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Boolean bool(String s) {
        return "true".equals(s) ? Boolean.TRUE : "false".equals(s) ? Boolean.FALSE : null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String query(String... values) {
        String[] names = {"role", "region", "keyword", "enabled", "locked"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                sb.append('&').append(names[i]).append('=')
                        .append(java.net.URLEncoder.encode(values[i], java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }
}
