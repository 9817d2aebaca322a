package cn.zhiben.org.internal;

import java.util.List;

/**
 * An enterprise as a user entered it (API body, form, spreadsheet row): unchecked text. For an update, a null
 * mobile number keeps the stored one (lists only ever show masked numbers, so clients cannot send them back).
 */
public record EnterpriseDraft(String name, String uscc, String regionCode, String zoneCode, String industryCode,
                              String scale, String status, String standardizationGrade, String address,
                              String longitude, String latitude, String principalName, String principalMobile,
                              String controllerName, String controllerMobile, List<String> specialOperations) {

    public EnterpriseDraft {
        specialOperations = specialOperations == null ? List.of()
                : specialOperations.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    /** The fields an enterprise account cannot change, as stored. */
    EnterpriseDraft withLocked(String uscc, String regionCode, String zoneCode, String industryCode, String status,
                               String standardizationGrade) {
        return new EnterpriseDraft(name, uscc, regionCode, zoneCode, industryCode, scale, status, standardizationGrade,
                address, longitude, latitude, principalName, principalMobile, controllerName, controllerMobile, specialOperations);
    }

    EnterpriseDraft withMobiles(String principal, String controller) {
        return new EnterpriseDraft(name, uscc, regionCode, zoneCode, industryCode, scale, status, standardizationGrade,
                address, longitude, latitude, principalName, principal, controllerName, controller, specialOperations);
    }
}
