package cn.zhiben.org.internal;

import java.util.List;
import java.util.UUID;

/**
 * A committee member unit with the industries it supervises under 三管三必须.
 *
 * @param leads       industries it leads (牵头)
 * @param cooperates  industries it co-operates on (配合)
 * @param aliases     current names beside the plan's (e.g. after an institutional reform), with why
 */
public record UnitView(UUID id, String name, String shortName, int category, String categoryName, int sortOrder,
                       boolean active, List<IndustryRef> leads, List<IndustryRef> cooperates, List<Alias> aliases) {

    /** A current name of the unit and why it differs from the plan's. */
    public record Alias(String name, String note) {
    }

    /** An industry by code and name. */
    public record IndustryRef(String code, String name) {
    }

    /** One of the plan's four categories of member units, with its units. */
    public record Group(int category, String name, int count, List<UnitView> units) {
    }
}
