package cn.zhiben.people.internal;

import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** The enterprise a record is made for, if it exists inside the caller's scope (404 otherwise, like a missing one). */
@Component
class ScopedEnterprises {

    private final EnterpriseDirectory directory;

    ScopedEnterprises(EnterpriseDirectory directory) {
        this.directory = directory;
    }

    /** An enterprise account may leave the enterprise out: it means its own. */
    EnterpriseRef require(CurrentUser user, UUID enterpriseId) {
        UUID id = enterpriseId != null ? enterpriseId : user.scope().enterpriseId();
        if (id == null) {
            throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请选择企业",
                    java.util.List.of(new ProblemException.FieldProblem("enterpriseId", "请选择企业")));
        }
        return directory.find(id)
                .filter(e -> user.scope().covers(e.id(), e.regionCode(), e.zoneCode(), e.industryCode()))
                .orElseThrow(() -> ProblemException.notFound("ENTERPRISE_NOT_FOUND", "企业不存在或不在您的数据范围内"));
    }
}
