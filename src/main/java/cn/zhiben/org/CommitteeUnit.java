package cn.zhiben.org;

import java.util.UUID;

/** A member unit of the city Safety Committee (安委会成员单位), in one of the plan's four categories (1–4). */
public record CommitteeUnit(UUID id, String name, String shortName, int category, String categoryName, int sortOrder,
                            boolean active) {
}
