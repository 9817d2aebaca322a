package cn.zhiben.people.internal;

import cn.zhiben.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a supervising department must act on today, derived (never stored) from the register and certificates: persons
 * on duty without the valid certificate their post needs (晋市安委发〔2024〕6号 四(五)17 持证上岗; 安全生产法 Art. 30,
 * Art. 97(7)), and workers whose employment type must not hold their post (煤矿安全生产条例 Art. 24 [V]; plan item 17).
 */
@Service
public class FindingService {

    private final RegisterRepository register;
    private final RegisterService registerService;
    private final DutyCheck duties;

    FindingService(RegisterRepository register, RegisterService registerService, DutyCheck duties) {
        this.register = register;
        this.registerService = registerService;
        this.duties = duties;
    }

    public enum Kind { CERTIFICATE, FORBIDDEN_POST }

    /** One finding; the person's name is shown to officers of the scope (as on the register), numbers masked. */
    public record Finding(Kind kind, String kindLabel, UUID enterpriseId, String enterpriseName, String regionCode,
                          UUID personId, String personName, String idNumber, String post, String detail, boolean demo) {
    }

    @Transactional(readOnly = true)
    public List<Finding> findings(CurrentUser user) {
        PeopleRules.require(PeopleRules.reads(user), "PEOPLE_READ_FORBIDDEN", "当前账号不能查看人员信息");
        LocalDate today = registerService.today();
        List<RegisterRepository.Entry> active = register.activeOn(today, user.scope());
        Map<UUID, DutyCheck.Status> status = duties.of(active.stream().map(RegisterRepository.Entry::employment).toList(), today);
        List<Finding> out = new ArrayList<>();
        for (RegisterRepository.Entry e : active) {
            var row = e.employment();
            DutyCheck.Status s = status.get(row.id());
            if (s == null || !s.onDuty()) {
                continue;
            }
            String post = row.post() == null ? "" : row.post();
            if (s.forbiddenPost() != null) {
                out.add(new Finding(Kind.FORBIDDEN_POST, "禁止岗位用工", row.enterpriseId(), row.enterpriseName(),
                        row.regionCode(), row.personId(), e.name(), e.idNumberMask(), post,
                        row.type().label() + "人员在“" + s.forbiddenPost().name() + "”（" + s.forbiddenPost().source() + "）",
                        row.demo()));
            }
            for (Duties.Gap g : s.gaps()) {
                out.add(new Finding(Kind.CERTIFICATE, "无有效证书在岗", row.enterpriseId(), row.enterpriseName(),
                        row.regionCode(), row.personId(), e.name(), e.idNumberMask(), post, g.label(), row.demo()));
            }
        }
        out.sort(java.util.Comparator.comparing(Finding::regionCode).thenComparing(Finding::enterpriseName)
                .thenComparing(Finding::personName));
        return out;
    }
}
