package cn.zhiben.people.web;

import cn.zhiben.people.internal.CertificateService;
import cn.zhiben.people.internal.FindingService;
import cn.zhiben.people.internal.PeopleRules;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.ui.HomeCard;
import cn.zhiben.platform.ui.HomeCardContributor;
import org.springframework.stereotype.Component;

import java.util.List;

/** Home figures of the caller's scope: certificates needing attention, and findings (no certificate, forbidden post). */
@Component
class PeopleHomeCards implements HomeCardContributor {

    private final CertificateService certificates;
    private final FindingService findings;

    PeopleHomeCards(CertificateService certificates, FindingService findings) {
        this.certificates = certificates;
        this.findings = findings;
    }

    @Override
    public List<HomeCard> cards(CurrentUser user) {
        if (!PeopleRules.reads(user)) {
            return List.of();
        }
        long attention = certificates.list(user, null, CertificateService.Filter.ATTENTION).size();
        long found = findings.findings(user).size();
        return List.of(
                new HomeCard("证书即将到期或失效", String.valueOf(attention), "60 天内到期、待复审或已失效", "/people/certificates", 400),
                new HomeCard("人员问题线索", String.valueOf(found), "无有效证书在岗、禁止岗位用工", "/people/findings", 401));
    }
}
