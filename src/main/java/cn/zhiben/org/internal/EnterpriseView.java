package cn.zhiben.org.internal;

import cn.zhiben.org.Industry;
import cn.zhiben.org.Region;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An enterprise as users see it: names and labels resolved, mobile numbers masked, supervising units derived. */
public record EnterpriseView(UUID id, String name, String uscc, String regionCode, String regionName, String countyCode,
                             String countyName, String zoneCode, String zoneName, String industryCode, String industryName,
                             String scale, String scaleLabel, String status, String statusLabel, String standardizationGrade,
                             String standardizationGradeLabel, String address, BigDecimal longitude, BigDecimal latitude,
                             String principalName, String principalMobile, String controllerName, String controllerMobile,
                             List<Option> specialOperations, List<SupervisorView> supervisors, boolean demo, int version,
                             Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public record Option(String code, String label) {
    }

    public record SupervisorView(UUID unitId, String unitName, String role, String roleLabel) {
    }

    public List<SupervisorView> leadSupervisors() {
        return supervisors.stream().filter(s -> "LEAD".equals(s.role())).toList();
    }

    public List<SupervisorView> cooperatingSupervisors() {
        return supervisors.stream().filter(s -> !"LEAD".equals(s.role())).toList();
    }

    static EnterpriseView of(EnterpriseRow r, EnterpriseReference ref) {
        Region county = ref.county(r.regionCode()).orElse(null);
        List<SupervisorView> supervisors = ref.supervisors(r.industryCode()).stream()
                .map(s -> new SupervisorView(s.unitId(), s.unitName(), s.role().name(),
                        s.role() == Industry.Role.LEAD ? "牵头" : "配合"))
                .toList();
        return new EnterpriseView(r.id(), r.name(), r.uscc(), r.regionCode(), ref.regionName(r.regionCode()),
                county == null ? null : county.code(), county == null ? null : county.name(),
                r.zoneCode(), r.zoneCode() == null ? null : ref.regionName(r.zoneCode()),
                r.industryCode(), ref.industryName(r.industryCode()), r.scale().name(), r.scale().label(),
                r.status().name(), r.status().label(), r.grade().name(), r.grade().label(), r.address(),
                r.longitude(), r.latitude(), r.principalName(), r.principalMobileMask(), r.controllerName(),
                r.controllerMobileMask(), r.specialOperations().stream().map(o -> new Option(o.name(), o.label())).toList(),
                supervisors, r.demo(), r.version(), r.createdAt(), r.createdBy(), r.updatedAt(), r.updatedBy());
    }
}
