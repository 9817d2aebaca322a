package cn.zhiben.org;

import java.util.List;
import java.util.UUID;

/**
 * An industry or field (行业领域) with its supervisors under 三管三必须.
 *
 * @param assignable false for cross-cutting fields (high-risk operations, dust explosion…) enterprises are not registered under
 * @param planRef    where the plan names it, e.g. "四(三)7"
 */
public record Industry(String code, String name, String parentCode, String planRef, boolean assignable, int sortOrder,
                       boolean active, int revision, List<Supervisor> supervisors) {

    /**
     * @param basis    where the entry comes from: the plan's item, a statute, the city office's decision — or "本平台推定…"
     * @param inferred the team's inference, not stated by a source; the city office confirms it by editing the industry
     */
    public record Supervisor(UUID unitId, String unitName, Role role, String basis, boolean inferred) {
        public Supervisor(UUID unitId, String unitName, Role role) {
            this(unitId, unitName, role, null, true);
        }
    }

    public enum Role {
        LEAD, COOPERATE
    }

    public java.util.Optional<Supervisor> lead() {
        return supervisors.stream().filter(s -> s.role() == Role.LEAD).findFirst();
    }
}
