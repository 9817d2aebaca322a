package cn.zhiben.org.web;

import cn.zhiben.org.internal.IndustryDraft;
import cn.zhiben.org.internal.IndustryEdit;
import cn.zhiben.org.internal.IndustryNode;
import cn.zhiben.org.internal.IndustryRevision;
import cn.zhiben.org.internal.IndustryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Industries and their supervisors (三管三必须): readable by every signed-in account, edited by the city office. */
@Tag(name = "行业领域", description = "行业领域树及其牵头、配合单位（三管三必须），含修订历史")
@RestController
@RequestMapping("/api/v1/industries")
class IndustryApiController {

    private final IndustryService industries;

    IndustryApiController(IndustryService industries) {
        this.industries = industries;
    }

    @Operation(summary = "行业领域（默认树形；view=flat 返回先父后子的列表）")
    @GetMapping
    List<IndustryNode> list(@Parameter(description = "tree（默认）或 flat") @RequestParam(required = false) String view) {
        return ListView.parse(view, false) == ListView.TREE ? industries.tree() : industries.flat();
    }

    @Operation(summary = "一个行业领域及其下级")
    @GetMapping("/{code}")
    IndustryNode one(@Parameter(description = "行业领域代码，如 mine.coal") @PathVariable String code) {
        return industries.one(code);
    }

    @Operation(summary = "行业领域的修订历史（新的在前）：修改人、时间、原因、完整快照")
    @GetMapping("/{code}/history")
    List<IndustryRevision> history(@PathVariable String code) {
        return industries.history(code);
    }

    @Operation(summary = "修改行业领域的名称、牵头与配合单位、启用状态、可否登记企业（市安委办；须带所编辑的版本号与原因）")
    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    IndustryNode edit(@PathVariable String code, @RequestBody IndustryEdit edit) {
        return industries.edit(code, edit);
    }

    @Operation(summary = "新增行业领域（市安委办）：顶层或某一行业领域的下一级")
    @PostMapping
    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    ResponseEntity<IndustryNode> create(@RequestBody IndustryDraft draft) {
        IndustryNode created = industries.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/industries/" + created.code())).body(created);
    }
}
