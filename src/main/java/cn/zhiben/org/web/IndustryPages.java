package cn.zhiben.org.web;

import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.internal.IndustryDraft;
import cn.zhiben.org.internal.IndustryEdit;
import cn.zhiben.org.internal.IndustryNode;
import cn.zhiben.org.internal.IndustryService;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The industry pages: the tree, one industry with its history, and the city office's edit and add forms. */
@Controller
@RequestMapping("/org/industries")
class IndustryPages {

    private final IndustryService industries;

    IndustryPages(IndustryService industries) {
        this.industries = industries;
    }

    /** The edit form as submitted; unchecked boxes arrive as null. */
    record EditForm(String revision, String name, String leadUnitId, List<String> cooperatingUnitIds, Boolean active,
                    Boolean assignable, String reason) {

        static EditForm of(IndustryNode n) {
            return new EditForm(String.valueOf(n.revision()), n.name(),
                    n.lead() == null ? "" : n.lead().unitId().toString(),
                    n.cooperating().stream().map(u -> u.unitId().toString()).toList(), n.active(), n.assignable(), "");
        }

        IndustryEdit toEdit() {
            FormValues values = new FormValues();
            Integer rev = values.integer(revision, "revision", "版本号");
            UUID lead = values.uuid(leadUnitId, "leadUnitId", "牵头单位");
            List<UUID> cooperating = uuids(values, cooperatingUnitIds);
            values.check();
            return new IndustryEdit(rev, name, lead, cooperating, Boolean.TRUE.equals(active),
                    Boolean.TRUE.equals(assignable), reason);
        }

        public boolean cooperates(String unitId) {
            return cooperatingUnitIds != null && cooperatingUnitIds.contains(unitId);
        }
    }

    /** The add form as submitted. */
    record NewForm(String code, String parentCode, String name, String planRef, Boolean assignable, String leadUnitId,
                   List<String> cooperatingUnitIds, String reason) {

        IndustryDraft toDraft() {
            FormValues values = new FormValues();
            UUID lead = values.uuid(leadUnitId, "leadUnitId", "牵头单位");
            List<UUID> cooperating = uuids(values, cooperatingUnitIds);
            values.check();
            return new IndustryDraft(code, parentCode, name, planRef, Boolean.TRUE.equals(assignable), lead, cooperating, reason);
        }

        public boolean cooperates(String unitId) {
            return cooperatingUnitIds != null && cooperatingUnitIds.contains(unitId);
        }
    }

    @GetMapping
    String tree(Model model) {
        model.addAttribute("tree", industries.tree());
        model.addAttribute("canEdit", canEdit());
        return "org/industries";
    }

    @GetMapping("/{code}")
    String detail(@PathVariable String code, Model model) {
        IndustryNode n = industry(code);
        fillDetail(model, n);
        model.addAttribute("form", EditForm.of(n));
        return "org/industry";
    }

    @PostMapping("/{code}")
    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    String edit(@PathVariable String code, @ModelAttribute("form") EditForm form, Model model,
                HttpServletResponse response, RedirectAttributes flash) {
        IndustryNode current = industry(code);
        try {
            IndustryNode saved = industries.edit(code, form.toEdit());
            flash.addFlashAttribute("message", "已保存，当前版本 " + saved.revision());
            return "redirect:/org/industries/" + saved.code();
        } catch (ProblemException e) {
            FormValues.reject(e, model, response);
            fillDetail(model, current);
            return "org/industry";
        }
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    String newForm(@RequestParam(required = false) String parent, Model model) {
        IndustryNode p = parent == null || parent.isBlank() ? null : industry(parent);
        model.addAttribute("parent", p);
        model.addAttribute("form", new NewForm(p == null ? "" : p.code() + ".", p == null ? "" : p.code(), "",
                p == null ? "" : p.planRef(), Boolean.TRUE, "", List.of(), ""));
        model.addAttribute("unitGroups", unitGroups());
        return "org/industry-new";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    String create(@ModelAttribute("form") NewForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            IndustryNode created = industries.create(form.toDraft());
            flash.addFlashAttribute("message", "已新增：" + created.name());
            return "redirect:/org/industries/" + created.code();
        } catch (ProblemException e) {
            FormValues.reject(e, model, response);
            IndustryNode parent = null;
            if (form.parentCode() != null && !form.parentCode().isBlank()) {
                try {
                    parent = industries.one(form.parentCode().trim());
                } catch (ProblemException ignored) {
                    // the message already says the parent does not exist
                }
            }
            model.addAttribute("parent", parent);
            model.addAttribute("unitGroups", unitGroups());
            return "org/industry-new";
        }
    }

    private void fillDetail(Model model, IndustryNode n) {
        model.addAttribute("industry", n);
        model.addAttribute("parent", n.parentCode() == null ? null : industries.one(n.parentCode()));
        model.addAttribute("history", industries.history(n.code()));
        model.addAttribute("canEdit", canEdit());
        model.addAttribute("unitGroups", unitGroups());
        model.addAttribute("zone", PlatformConfiguration.ZONE);
    }

    /** Units for the selects, by category name. */
    private Map<String, List<CommitteeUnit>> unitGroups() {
        Map<String, List<CommitteeUnit>> out = new LinkedHashMap<>();
        industries.selectableUnits().forEach(u -> out.computeIfAbsent(u.categoryName(), k -> new ArrayList<>()).add(u));
        return out;
    }

    private IndustryNode industry(String code) {
        try {
            return industries.one(code);
        } catch (ProblemException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static boolean canEdit() {
        return CurrentUser.require().can(Permission.REFERENCE_EDIT);
    }

    private static List<UUID> uuids(FormValues values, List<String> raw) {
        List<UUID> out = new ArrayList<>();
        if (raw != null) {
            for (int i = 0; i < raw.size(); i++) {
                UUID id = values.uuid(raw.get(i), "cooperatingUnitIds[" + i + "]", "配合单位");
                if (id != null) {
                    out.add(id);
                }
            }
        }
        return out;
    }
}
