package cn.zhiben.standards.internal;

import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.standards.Checklist;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Checklists for a signed-in user: an enterprise outside the user's data scope answers 404, like a missing one. */
@Service
public class EnterpriseChecklists {

    private final EnterpriseDirectory enterprises;
    private final Library library;

    EnterpriseChecklists(EnterpriseDirectory enterprises, Library library) {
        this.enterprises = enterprises;
        this.library = library;
    }

    public Checklist checklist(UUID enterpriseId, LocalDate date, CurrentUser user) {
        EnterpriseRef e = require(enterprises.find(enterpriseId), user);
        return library.checklist(e, enterprises.specialOperationCodes(e.id()), date);
    }

    public Checklist checklistByUscc(String uscc, LocalDate date, CurrentUser user) {
        String code = uscc == null ? "" : uscc.strip().toUpperCase(java.util.Locale.ROOT);
        if (code.length() != 18) {
            throw ProblemException.badRequest("INVALID_USCC", "统一社会信用代码应为18位");
        }
        EnterpriseRef e = require(enterprises.findByUscc(code), user);
        return library.checklist(e, enterprises.specialOperationCodes(e.id()), date);
    }

    private static EnterpriseRef require(Optional<EnterpriseRef> found, CurrentUser user) {
        return found.filter(e -> user.scope().covers(e.id(), e.regionCode(), e.zoneCode(), e.industryCode()))
                .orElseThrow(() -> ProblemException.notFound("ENTERPRISE_NOT_FOUND", "企业不存在或不在您的数据范围内"));
    }
}
