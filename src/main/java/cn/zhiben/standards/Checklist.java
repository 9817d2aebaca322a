package cn.zhiben.standards;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The clauses that apply to one enterprise on one date, grouped by standard and category: the basis of
 * self-inspection and inspection records.
 *
 * @param standards  every version in force that covers the enterprise, including ones without usable clauses
 * @param incomplete those of them the library holds only partly
 */
public record Checklist(UUID enterpriseId, String enterpriseName, String industryCode, Set<String> specialOperations,
                        LocalDate date, List<Section> sections, List<StandardVersionRef> standards,
                        List<StandardVersionRef> incomplete) {

    public Checklist {
        specialOperations = Set.copyOf(specialOperations);
        sections = List.copyOf(sections);
        standards = List.copyOf(standards);
        incomplete = List.copyOf(incomplete);
    }

    public int clauseCount() {
        return sections.stream().mapToInt(s -> s.clauses().size()).sum();
    }

    /** @param general a standard for every unit (fire), listed after the industry's own */
    public record Section(StandardVersionRef version, String categoryCode, String categoryName, String categoryGroup,
                          boolean general, List<StandardClause> clauses) {
        public Section {
            clauses = List.copyOf(clauses);
        }
    }
}
