package cn.zhiben.org;

import java.util.UUID;

/** What other modules need to know of an enterprise: identity, place, industry — for scope checks and display. */
public record EnterpriseRef(UUID id, String name, String uscc, String regionCode, String zoneCode, String industryCode,
                            boolean demo) {
}
