package cn.zhiben.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Which enterprises an expert account works for (issue 9 item 2c): an expert's data scope is the enterprises assigned
 * to it on the day, so it reports through the expert channel and attaches evidence only there. The inspections module
 * assigns experts from its assignments; until then the security administrator does on the user page.
 */
public interface ExpertAssignments {
    /** Assigns an expert account to an enterprise for a period; idempotent on sourceRef. */
    void assign(UUID expertUserId, UUID enterpriseId, LocalDate from, LocalDate to, String sourceRef);

    /** Ends the assignment made under sourceRef (no-op if none). */
    void revoke(String sourceRef);

    /** Enterprises the expert is assigned to on that date. */
    List<UUID> enterprisesOf(UUID expertUserId, LocalDate on);
}
