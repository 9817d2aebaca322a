package cn.zhiben.org.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An industry or field (行业领域) with who supervises it under 三管三必须, as the API and pages show it.
 *
 * @param planRef    where the plan names it, e.g. "四(三)7"
 * @param assignable whether enterprises are registered under it (false for cross-cutting fields)
 * @param revision   incremented by every edit; an edit must name the revision it changes
 * @param depth      0 for a top-level field
 * @param children   sub-industries; empty in the flat list
 */
public record IndustryNode(String code, String name, String parentCode, String planRef, boolean assignable,
                           boolean active, int sortOrder, int revision, UnitRef lead, List<UnitRef> cooperating,
                           Instant updatedAt, String updatedBy, int depth, List<IndustryNode> children) {

    /** A supervising unit. */
    public record UnitRef(UUID unitId, String name, String shortName) {
    }

    IndustryNode withChildren(List<IndustryNode> children) {
        return new IndustryNode(code, name, parentCode, planRef, assignable, active, sortOrder, revision, lead,
                cooperating, updatedAt, updatedBy, depth, children);
    }
}
