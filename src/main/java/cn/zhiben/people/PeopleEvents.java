package cn.zhiben.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the people module tells the others (analytics first), published in the same transaction through the event
 * publication registry. Listeners must be idempotent: an event may be delivered again after a crash.
 */
public final class PeopleEvents {

    private PeopleEvents() {
    }

    /**
     * A training session (or an enforcement officers' session) was recorded with its attendance; sent again with the
     * new totals when attendance is added.
     *
     * @param enterpriseId null for a session a department organised for several enterprises
     */
    public record TrainingRecorded(UUID sessionId, UUID enterpriseId, String regionCode, String industryCode,
                                   LocalDate startsOn, double days, List<String> topics, int attendees,
                                   int officerAttendees, Instant at) {
    }

    /** A drill (疏散逃生演练, 综合/专项/现场处置) was recorded. */
    public record DrillRecorded(UUID drillId, UUID enterpriseId, String regionCode, String industryCode, LocalDate heldOn,
                                List<String> areas, String kind, Instant at) {
    }

    /** A certificate passed its expiry or its review date without being renewed (sent once per such date). */
    public record CertificateExpired(UUID certificateId, UUID personId, String typeCode, LocalDate deadline,
                                     List<UUID> enterpriseIds, boolean holderOnDuty, Instant at) {
    }

    /** A 三违 was recorded and the person taken off the post for retraining; or a failed 逢查必考 exam did the same. */
    public record ViolationRecorded(UUID caseId, UUID personId, UUID enterpriseId, String regionCode, String industryCode,
                                    String cause, String violationKind, LocalDate occurredOn, Instant at) {
    }

    /** The person passed the exam after off-the-job retraining and is back on the post. */
    public record ReturnedToPost(UUID caseId, UUID personId, UUID enterpriseId, LocalDate returnedOn, Instant at) {
    }

    /** A department examined workers during an inspection (逢查必考). Not published yet: 逢查必考 is not built (docs/people.md). */
    public record SpotExamRecorded(UUID examId, UUID inspectionId, UUID enterpriseId, String regionCode,
                                   String industryCode, LocalDate examinedOn, int examined, int failed, Instant at) {
    }

    /** A dispatched (or other) worker was registered in a post that employment type must not hold. */
    public record ForbiddenPostFlagged(UUID employmentId, UUID personId, UUID enterpriseId, String regionCode,
                                       String industryCode, String postKind, String employmentType, Instant at) {
    }
}
