package cn.zhiben.monitoring.internal;

import java.util.UUID;

/** A device (gateway or single sensor) and the hash of its secret. */
public record DeviceInfo(UUID id, String code, String name, UUID enterpriseId, String secretHash, boolean enabled) {
}
