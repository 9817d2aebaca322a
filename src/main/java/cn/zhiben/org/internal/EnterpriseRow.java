package cn.zhiben.org.internal;

import cn.zhiben.org.EnterpriseScale;
import cn.zhiben.org.EnterpriseStatus;
import cn.zhiben.org.SpecialOperation;
import cn.zhiben.org.StandardizationGrade;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of org_enterprise as stored: mobile numbers only as ciphertext plus their masked copies. */
public record EnterpriseRow(UUID id, String name, String uscc, String regionCode, String zoneCode, String industryCode,
                           EnterpriseScale scale, EnterpriseStatus status, StandardizationGrade grade, String address,
                           BigDecimal longitude, BigDecimal latitude, String principalName, String principalMobileEnc,
                           String principalMobileMask, String controllerName, String controllerMobileEnc,
                           String controllerMobileMask, List<SpecialOperation> specialOperations, boolean demo, int version,
                           Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
