package cn.zhiben.monitoring.internal;

import java.util.List;
import java.util.UUID;

/** A monitoring point as ingestion and the rules need it: identity, owner, kind, range and its resolved rules. */
public record PointInfo(UUID id, int no, String code, String name, UUID enterpriseId, String enterpriseName,
                        String regionCode, String zoneCode, String industryCode, UUID deviceId, PointKind kind,
                        String locationType, String location, String unit, double rangeMin, double rangeMax,
                        RuleBook.Design design, boolean enabled, boolean demo, List<Rule> rules) {

    public boolean inRange(double v) {
        return v >= rangeMin && v <= rangeMax;
    }
}
