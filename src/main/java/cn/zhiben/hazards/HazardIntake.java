package cn.zhiben.hazards;

import java.time.LocalDate;
import java.util.UUID;

/**
 * How another module (inspections, monitoring, tip-offs) puts a hazard it found on record: as the current user, with the
 * same rules and scope as a report through the hazards API, linked back to the record it came from. Idempotent on
 * (sourceModule, sourceRef): a retried call returns the hazard the first call made instead of making a second one.
 */
public interface HazardIntake {

    /**
     * @param sourceModule the calling module's name, e.g. "inspections"
     * @param sourceRef    the calling record's stable id (e.g. the finding's UUID as text); unique within the module
     * @param sourceLabel  what a reader of the hazard sees as its origin, e.g. "检查记录 〔2026〕12号 第3项"
     * @param sourcePath   the UI path of the originating record, e.g. "/inspections/{id}", for the link back
     * @param channel      an external channel (not SELF_INSPECTION)
     * @param clauseId     required for a major hazard (the clause of the standard in force on foundOn)
     * @param deadline     rectification deadline, required for a general hazard
     */
    record ExternalFinding(String sourceModule, String sourceRef, String sourceLabel, String sourcePath,
                           UUID enterpriseId, Channel channel, Grade grade, UUID clauseId, String description,
                           String location, LocalDate foundOn, String foundBy, Shutdown shutdown, LocalDate deadline) {
    }

    /** @param created false when an earlier call with the same source already made it */
    record Registered(UUID hazardId, String number, boolean created) {
    }

    /** Registers the finding as a hazard (4xx problem on invalid input, outside scope or without the right). */
    Registered register(ExternalFinding finding);
}
