package cn.zhiben.inspections.web;

import cn.zhiben.inspections.internal.OfficerRegister;
import cn.zhiben.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Tag(name = "执法人员名录", description = "本单位持证执法人员（账号、执法证号、有效期）及回避事由")
@RestController
@RequestMapping("/api/v1/enforcement-officers")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class OfficerApiController {

    private final OfficerRegister register;

    OfficerApiController(OfficerRegister register) {
        this.register = register;
    }

    record NewOfficerRequest(String username, String certificateNo, LocalDate validFrom, LocalDate validTo) {
    }

    record UpdateRequest(LocalDate validTo, Boolean active, String reason) {
    }

    record ConflictRequest(UUID enterpriseId, String reason) {
    }

    record ReasonRequest(String reason) {
    }

    record Created(UUID id) {
    }

    @Operation(summary = "执法人员名录（本单位；市安委办看全部，县级安委办看本县各部门）")
    @GetMapping
    List<OfficerRegister.Listed> list() {
        return register.visible(CurrentUser.require());
    }

    @Operation(summary = "登记本单位账号为执法人员")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created register(@RequestBody NewOfficerRequest r) {
        return new Created(register.register(new OfficerRegister.NewOfficer(r.username(), r.certificateNo(), r.validFrom(),
                r.validTo())));
    }

    @GetMapping("/{id}")
    OfficerRegister.Listed detail(@PathVariable UUID id) {
        return register.visible(CurrentUser.require(), id);
    }

    @Operation(summary = "延续或停用执法证（须说明原因）")
    @PostMapping("/{id}/update")
    void update(@PathVariable UUID id, @RequestBody UpdateRequest r) {
        register.update(id, r.validTo(), r.active(), r.reason());
    }

    @Operation(summary = "登记回避事由（与某企业存在利害关系，行政处罚法第四十三条）")
    @PostMapping("/{id}/conflicts")
    @ResponseStatus(HttpStatus.CREATED)
    Created conflict(@PathVariable UUID id, @RequestBody ConflictRequest r) {
        register.visible(CurrentUser.require(), id);
        return new Created(register.recordConflict(id, null, r.enterpriseId(), r.reason()));
    }

    @Operation(summary = "解除回避")
    @PostMapping("/{id}/conflicts/{conflictId}/end")
    void endConflict(@PathVariable UUID id, @PathVariable UUID conflictId, @RequestBody ReasonRequest r) {
        register.visible(CurrentUser.require(), id);
        register.endConflict(conflictId, id, null, r.reason());
    }
}
