package cn.zhiben.people.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which certificate a post needs and whether the holder has a valid one on a date. 特种作业人员、自动消防系统操作人员 work only
 * with a valid certificate (晋市安委发〔2024〕6号 四(五)17 持证上岗; 安全生产法 Art. 30 and Art. 97(7)); principals and safety
 * managers of the industries of 安全生产法 Art. 27 hold the 安全生产知识和管理能力考核合格证; 特种设备作业人员 hold theirs
 * (特种设备安全法 Art. 14 [M]: not in the reference files).
 */
public final class Duties {

    private Duties() {
    }

    /** A certificate a post needs: a category, narrowed to one type when the employment names the operation. */
    public record Requirement(String category, String typeCode, String label) {
        boolean matches(String certificateTypeCode, String certificateCategory) {
            return typeCode != null ? typeCode.equals(certificateTypeCode) : category.equals(certificateCategory);
        }
    }

    /** A certificate as far as duties care: its type, category and dates. */
    public record Held(String typeCode, String category, CertificatePolicy.Dates dates) {
    }

    public enum Reason {
        NONE_REGISTERED("未登记证书"),
        EXPIRED("证书已过期"),
        REVIEW_OVERDUE("证书逾期未复审"),
        REVOKED("证书已注销"),
        NOT_YET_VALID("证书未生效");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Gap(Requirement requirement, Reason reason) {
        public String label() {
            return requirement.label() + "：" + reason.label();
        }
    }

    public static List<Requirement> requirements(Set<PersonRole> roles, String operationType, String operationTypeName,
                                                 String industryCode, Collection<String> assessedIndustries) {
        List<Requirement> out = new ArrayList<>();
        if (roles.contains(PersonRole.SPECIAL_OPERATOR)) {
            out.add(new Requirement("SPECIAL_OPERATION", operationType,
                    operationTypeName != null ? operationTypeName : "特种作业操作证"));
        }
        if (roles.contains(PersonRole.SPECIAL_EQUIPMENT_OPERATOR)) {
            out.add(new Requirement("SPECIAL_EQUIPMENT", null, "特种设备作业人员证"));
        }
        if (roles.contains(PersonRole.FIRE_SYSTEM_OPERATOR)) {
            out.add(new Requirement("FIRE_SYSTEM", null, "自动消防系统操作证书"));
        }
        boolean assessed = ReferenceData.underAny(industryCode, assessedIndustries);
        if (assessed && roles.contains(PersonRole.PRINCIPAL)) {
            out.add(new Requirement("SAFETY_ASSESSMENT", "ASSESS_PRINCIPAL", "主要负责人安全生产知识和管理能力考核合格证"));
        }
        if (assessed && roles.contains(PersonRole.SAFETY_MANAGER)) {
            out.add(new Requirement("SAFETY_ASSESSMENT", "ASSESS_MANAGER", "安全生产管理人员安全生产知识和管理能力考核合格证"));
        }
        return out;
    }

    /** The requirements not met on the date, each with the best reason (a valid one meets it; else the closest miss). */
    public static List<Gap> gaps(List<Requirement> requirements, List<Held> held, LocalDate on, int expiringDays) {
        List<Gap> out = new ArrayList<>();
        for (Requirement r : requirements) {
            Reason best = Reason.NONE_REGISTERED;
            boolean met = false;
            for (Held h : held) {
                if (!r.matches(h.typeCode(), h.category())) {
                    continue;
                }
                CertificateStatus s = CertificatePolicy.status(h.dates(), on, expiringDays);
                if (s.valid()) {
                    met = true;
                    break;
                }
                Reason reason = switch (s) {
                    case EXPIRED -> Reason.EXPIRED;
                    case REVIEW_OVERDUE -> Reason.REVIEW_OVERDUE;
                    case REVOKED -> Reason.REVOKED;
                    default -> Reason.NOT_YET_VALID;
                };
                if (best == Reason.NONE_REGISTERED || reason.ordinal() < best.ordinal()) {
                    best = reason;
                }
            }
            if (!met) {
                out.add(new Gap(r, best));
            }
        }
        return out;
    }
}
