package cn.zhiben.standards.internal;

import java.util.UUID;

/** One row of std_category. */
public record CategoryRow(UUID versionId, String code, String name, String groupName, int sortOrder, String note) {
}
