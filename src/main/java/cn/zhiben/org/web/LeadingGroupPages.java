package cn.zhiben.org.web;

import cn.zhiben.org.AccountReferences;
import cn.zhiben.org.LeadingGroupPosition;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.org.internal.LeadingGroupDraft;
import cn.zhiben.org.internal.LeadingGroupMember;
import cn.zhiben.org.internal.LeadingGroupService;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The leading-group page: everyone reads it; the city office adds, edits and removes members. */
@Controller
@RequestMapping("/org/leading-group")
class LeadingGroupPages {

    private final LeadingGroupService group;
    private final UnitCatalog units;

    private final AccountReferences accounts;

    LeadingGroupPages(LeadingGroupService group, UnitCatalog units, AccountReferences accounts) {
        this.group = group;
        this.units = units;
        this.accounts = accounts;
    }

    /** The form as submitted, kept as text so a refused submission is shown again unchanged. */
    record MemberForm(String personName, String jobTitle, String position, String unitId, String account, String sortOrder) {

        static MemberForm empty() {
            return new MemberForm("", "", LeadingGroupPosition.MEMBER.name(), "", "", "");
        }

        static MemberForm of(LeadingGroupMember m, AccountReferences accounts) {
            return new MemberForm(m.personName(), m.jobTitle(), m.position().name(),
                    m.unitId() == null ? "" : m.unitId().toString(),
                    m.userId() == null ? "" : accounts.username(m.userId()).orElse(""),
                    String.valueOf(m.sortOrder()));
        }

        /** The account is entered by its username, which people know; the draft carries its id. */
        LeadingGroupDraft toDraft(AccountReferences accounts) {
            FormValues values = new FormValues();
            LeadingGroupPosition p = values.enumValue(LeadingGroupPosition.class, position, "position", "职位");
            UUID unit = values.uuid(unitId, "unitId", "成员单位");
            UUID user = account == null || account.isBlank() ? null
                    : accounts.idOf(account).orElseGet(() -> values.problem("account", "平台账号“" + account.strip() + "”不存在"));
            Integer order = values.integer(sortOrder, "sortOrder", "排序");
            values.check();
            return new LeadingGroupDraft(personName, jobTitle, p, unit, user, order);
        }
    }

    @GetMapping
    String list(Model model) {
        fill(model);
        model.addAttribute("form", MemberForm.empty());
        return "org/leading-group";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    String add(@ModelAttribute("form") MemberForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            LeadingGroupMember m = group.add(form.toDraft(accounts));
            flash.addFlashAttribute("message", "已添加：" + m.positionLabel() + " " + m.personName());
            return "redirect:/org/leading-group";
        } catch (ProblemException e) {
            FormValues.reject(e, model, response);
            fill(model);
            return "org/leading-group";
        }
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    String editForm(@PathVariable UUID id, Model model) {
        LeadingGroupMember m = member(id);
        model.addAttribute("member", m);
        model.addAttribute("form", MemberForm.of(m, accounts));
        fillChoices(model);
        return "org/leading-group-edit";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    String update(@PathVariable UUID id, @ModelAttribute("form") MemberForm form, Model model,
                  HttpServletResponse response, RedirectAttributes flash) {
        LeadingGroupMember existing = member(id);
        try {
            LeadingGroupMember m = group.update(id, form.toDraft(accounts));
            flash.addFlashAttribute("message", "已保存：" + m.positionLabel() + " " + m.personName());
            return "redirect:/org/leading-group";
        } catch (ProblemException e) {
            FormValues.reject(e, model, response);
            model.addAttribute("member", existing);
            fillChoices(model);
            return "org/leading-group-edit";
        }
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    String remove(@PathVariable UUID id, RedirectAttributes flash) {
        LeadingGroupMember m = member(id);
        group.remove(id);
        flash.addFlashAttribute("message", "已移除：" + m.positionLabel() + " " + m.personName());
        return "redirect:/org/leading-group";
    }

    private LeadingGroupMember member(UUID id) {
        try {
            return group.one(id);
        } catch (ProblemException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private void fill(Model model) {
        Map<LeadingGroupPosition, List<LeadingGroupMember>> byPosition = new LinkedHashMap<>();
        for (LeadingGroupPosition p : LeadingGroupPosition.values()) {
            byPosition.put(p, new java.util.ArrayList<>());
        }
        group.members().forEach(m -> byPosition.get(m.position()).add(m));
        model.addAttribute("byPosition", byPosition);
        model.addAttribute("canEdit", CurrentUser.require().can(Permission.REFERENCE_EDIT));
        fillChoices(model);
    }

    private void fillChoices(Model model) {
        model.addAttribute("positions", LeadingGroupPosition.values());
        model.addAttribute("units", units.all());
    }
}
