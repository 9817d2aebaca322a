package cn.zhiben.standards.web;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.standards.Checklist;
import cn.zhiben.standards.internal.EnterpriseChecklists;
import cn.zhiben.standards.internal.Library;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

@Tag(name = "标准库")
@RestController
class ChecklistApiController {

    private final EnterpriseChecklists checklists;
    private final Library library;

    ChecklistApiController(EnterpriseChecklists checklists, Library library) {
        this.checklists = checklists;
        this.library = library;
    }

    @Operation(summary = "企业检查清单：按企业行业和专项作业，列出某日适用的判定条款，按分类分组")
    @GetMapping("/api/v1/enterprises/{id}/checklist")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    Checklist checklist(@PathVariable UUID id,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return checklists.checklist(id, date == null ? library.today() : date, CurrentUser.require());
    }
}
