package cn.zhiben.hazards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A hazard as it stands after one save, for read models (analytics). {@code version} grows by one with every save, so a
 * listener keeps the highest version it has seen and ignores a redelivered or older snapshot.
 *
 * @param stock                 found on or before {@code Hazard.STOCK_CUTOFF} (2023-12-31, the plan's 存量)
 * @param departmentConfirmedAt the latest 安全管理部门确认 (两级确认 level 1), or null
 * @param principalConfirmedAt  the latest 主要负责人确认 (level 2), or null
 * @param signedOffAt           the latest move to SIGNED_OFF (销号, after 摘牌 confirmation when listed), or null
 * @param closedAt              the latest move to CLOSED (a general hazard rectified, or fixed on the spot), or null
 */
public record HazardSnapshot(UUID id, int version, String number, UUID enterpriseId, String enterpriseName,
                             String regionCode, String zoneCode, String industryCode, String fieldCode, Channel channel,
                             Grade grade, HazardStatus status, ListingLevel listingLevel, boolean overdue,
                             LocalDate foundOn, LocalDate deadline, boolean stock, UUID mergedInto, Instant createdAt,
                             Instant reportedAt, Instant departmentConfirmedAt, Instant principalConfirmedAt,
                             Instant signedOffAt, Instant closedAt, Instant updatedAt) {
}
