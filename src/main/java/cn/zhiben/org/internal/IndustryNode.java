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

    /**
     * A supervising unit, with where the entry comes from (三管三必须: the plan, a statute, the city office) or the mark
     * that it is the platform's inference awaiting the city office's confirmation.
     */
    public record UnitRef(UUID unitId, String name, String shortName, String basis, boolean inferred) {
        public UnitRef(UUID unitId, String name, String shortName) {
            this(unitId, name, shortName, null, false);
        }
    }

    IndustryNode withChildren(List<IndustryNode> children) {
        return new IndustryNode(code, name, parentCode, planRef, assignable, active, sortOrder, revision, lead,
                cooperating, updatedAt, updatedBy, depth, children);
    }
}
