package cn.zhiben.org.internal;

import cn.zhiben.org.EnterpriseScale;
import cn.zhiben.org.EnterpriseStatus;
import cn.zhiben.org.SpecialOperation;
import cn.zhiben.org.StandardizationGrade;

import java.math.BigDecimal;
import java.util.List;

/** A validated, normalised enterprise with plain mobile numbers (encrypted only when stored). */
public record EnterpriseData(String name, String uscc, String regionCode, String zoneCode, String industryCode,
                             EnterpriseScale scale, EnterpriseStatus status, StandardizationGrade grade, String address,
                             BigDecimal longitude, BigDecimal latitude, String principalName, String principalMobile,
                             String controllerName, String controllerMobile, List<SpecialOperation> specialOperations) {
}
