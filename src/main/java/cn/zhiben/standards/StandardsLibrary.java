package cn.zhiben.standards;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What other modules (hazards, inspections) ask of the standards library. Nothing here filters by data scope: the
 * library is reference data, and callers check the enterprise against the user's scope themselves.
 */
public interface StandardsLibrary {

    /**
     * The determination clauses in force on a date for an enterprise of this industry with these special operations
     * (e.g. DUST_EXPLOSION): national clauses of the versions in force, approved local clauses, local corrections in
     * place of the clauses they replace. Overlays and drafts are never included.
     */
    List<StandardClause> clausesInForce(String industryCode, Set<String> specialOperations, LocalDate date);

    /** A clause with its version and validity, also when the version has been superseded. */
    Optional<StandardClause> clause(UUID clauseId);

    /**
     * The clause, if a hazard found on {@code findingDate} in such an enterprise may be judged against it; otherwise a
     * 422 {@link cn.zhiben.platform.web.ProblemException} (CLAUSE_UNKNOWN, CLAUSE_NOT_JUDGEABLE, CLAUSE_NOT_IN_FORCE,
     * CLAUSE_CORRECTED, CLAUSE_NOT_APPLICABLE). A judgement stores the clause id; it stays valid after the version is
     * superseded.
     */
    StandardClause requireApplicable(UUID clauseId, String industryCode, Set<String> specialOperations,
                                     LocalDate findingDate);

    /** The checklist of an enterprise on a date (404 ENTERPRISE_NOT_FOUND if it does not exist; no scope check). */
    Checklist checklist(UUID enterpriseId, LocalDate date);

    /**
     * The field (行业领域) a judgement against this version belongs to when the standard concerns every unit whatever its
     * industry — GB 35181 → fire, 特种设备 → special — and so is supervised by that field's departments; else empty.
     */
    Optional<String> crossIndustryField(UUID versionId);
}
