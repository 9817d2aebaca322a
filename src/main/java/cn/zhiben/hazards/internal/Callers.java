package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.HazardsProperties;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.Industry;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the {@link Caller} of a request from the signed-in account and the org module's reference data: the category of
 * the account's unit, the fields it supervises (三管三必须, lead or co-operating, with sub-fields) and those it reviews and
 * signs off — the fields whose lead it is, or, where the lead has no supervisory duties (category ≠ 1), the first
 * category-1 co-operating unit (plan item 24: 负有安全生产监管职责部门审核把关销号).
 */
@Component
public class Callers {

    private final UnitCatalog units;
    private final IndustryCatalog industries;
    private final HazardPolicy policy;

    Callers(UnitCatalog units, IndustryCatalog industries, HazardsProperties p) {
        this.units = units;
        this.industries = industries;
        this.policy = new HazardPolicy(p.maxExtensions(), p.acknowledgeDays(), p.confirmDepartmentDays(),
                p.confirmPrincipalDays(), p.planDays(), p.reviewDays(), p.coalResumptionDays(), p.delistingConfirmDays());
    }

    public HazardPolicy policy() {
        return policy;
    }

    public Caller of(CurrentUser u) {
        if (u.unitId() == null) {
            return new Caller(u.id(), u.displayName(), u.role(), u.enterprisePosition(), null, 0, Set.of(), Set.of(), policy);
        }
        Reference ref = reference();
        return new Caller(u.id(), u.displayName(), u.role(), u.enterprisePosition(), u.unitId(),
                ref.categories().getOrDefault(u.unitId(), 0), ref.supervisedBy(u.unitId()), ref.signOffFields(u.unitId()), policy);
    }

    public Caller current() {
        return of(CurrentUser.require());
    }

    /** Every field whose review and sign-off falls to this unit. */
    public Set<String> signOffFields(UUID unitId) {
        return reference().signOffFields(unitId);
    }

    /** The unit that reviews and signs off hazards of this field (the field's lead with supervisory duties). */
    public Optional<UUID> signOffUnit(String field) {
        return reference().signOffUnit(field);
    }

    /** The reference data the rules read, loaded once and again after any change of an industry's supervisors. */
    private volatile Reference cached;

    @org.springframework.transaction.event.TransactionalEventListener(
            phase = org.springframework.transaction.event.TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(cn.zhiben.org.IndustrySupervisionChanged e) {
        cached = null;
    }

    private Reference reference() {
        Reference ref = cached;
        if (ref == null) {
            Map<String, Industry> byCode = new HashMap<>();
            industries.all().forEach(i -> byCode.put(i.code(), i));
            Map<UUID, Integer> categories = new HashMap<>();
            units.all().forEach(x -> categories.put(x.id(), x.category()));
            ref = new Reference(byCode, categories, new java.util.concurrent.ConcurrentHashMap<>());
            cached = ref;
        }
        return ref;
    }

    private record Reference(Map<String, Industry> byCode, Map<UUID, Integer> categories,
                             Map<UUID, Set<String>[]> perUnit) {

        /** [0] the fields the unit supervises (lead or co-operating, with sub-fields), [1] those it signs off. */
        @SuppressWarnings("unchecked")
        private Set<String>[] of(UUID unitId) {
            return perUnit.computeIfAbsent(unitId, u -> {
                Set<String> direct = new HashSet<>();
                byCode.values().forEach(i -> i.supervisors().stream().filter(s -> s.unitId().equals(u))
                        .forEach(s -> direct.add(i.code())));
                Set<String> supervised = new HashSet<>();
                for (String code : byCode.keySet()) {
                    for (String c = code; c != null; c = parent(c)) {
                        if (direct.contains(c)) {
                            supervised.add(code);
                            break;
                        }
                    }
                }
                Set<String> signOff = new HashSet<>();
                for (String code : byCode.keySet()) {
                    signOffUnit(code).filter(u::equals).ifPresent(x -> signOff.add(code));
                }
                return new Set[]{Set.copyOf(supervised), Set.copyOf(signOff)};
            });
        }

        Set<String> supervisedBy(UUID unitId) {
            return of(unitId)[0];
        }

        Set<String> signOffFields(UUID unitId) {
            return of(unitId)[1];
        }

        /** The nearest field up the tree with a lead decides; its lead if category 1, else its first category-1 co-operator. */
        Optional<UUID> signOffUnit(String code) {
            for (String c = code; c != null; c = parent(c)) {
                Industry i = byCode.get(c);
                if (i == null || i.lead().isEmpty()) {
                    continue;
                }
                List<Industry.Supervisor> ordered = i.supervisors();
                Industry.Supervisor lead = i.lead().get();
                if (categories.getOrDefault(lead.unitId(), 0) == 1) {
                    return Optional.of(lead.unitId());
                }
                return ordered.stream().filter(s -> s.role() == Industry.Role.COOPERATE)
                        .filter(s -> categories.getOrDefault(s.unitId(), 0) == 1)
                        .map(Industry.Supervisor::unitId).findFirst();
            }
            return Optional.empty();
        }

        private static String parent(String code) {
            int dot = code.lastIndexOf('.');
            return dot < 0 ? null : code.substring(0, dot);
        }
    }
}
