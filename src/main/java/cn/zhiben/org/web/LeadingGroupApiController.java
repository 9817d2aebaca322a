package cn.zhiben.org.web;

import cn.zhiben.org.internal.LeadingGroupDraft;
import cn.zhiben.org.internal.LeadingGroupMember;
import cn.zhiben.org.internal.LeadingGroupService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The campaign's leading group: readable by every signed-in account, maintained by the city office. */
@Tag(name = "领导小组", description = "治本攻坚三年行动领导小组（晋市安委发〔2024〕6号附件1）：组长、常务副组长、副组长、成员、办公室主任")
@RestController
@RequestMapping("/api/v1/leading-group")
class LeadingGroupApiController {

    private final LeadingGroupService group;

    LeadingGroupApiController(LeadingGroupService group) {
        this.group = group;
    }

    @Operation(summary = "领导小组成员，按职位排序")
    @GetMapping
    List<LeadingGroupMember> list() {
        return group.members();
    }

    @Operation(summary = "一名领导小组成员")
    @GetMapping("/{id}")
    LeadingGroupMember one(@PathVariable UUID id) {
        return group.one(id);
    }

    @Operation(summary = "新增领导小组成员（市安委办）")
    @PostMapping
    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    ResponseEntity<LeadingGroupMember> add(@RequestBody LeadingGroupDraft draft) {
        LeadingGroupMember created = group.add(draft);
        return ResponseEntity.created(URI.create("/api/v1/leading-group/" + created.id())).body(created);
    }

    @Operation(summary = "修改领导小组成员（市安委办）")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    LeadingGroupMember update(@PathVariable UUID id, @RequestBody LeadingGroupDraft draft) {
        return group.update(id, draft);
    }

    @Operation(summary = "移除领导小组成员（市安委办）")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_REFERENCE_EDIT')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID id) {
        group.remove(id);
    }
}
