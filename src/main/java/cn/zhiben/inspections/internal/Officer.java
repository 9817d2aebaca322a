package cn.zhiben.inspections.internal;

import java.time.LocalDate;
import java.util.UUID;

/** An entry of the enforcement staff list (执法检查人员名录库, 国办发〔2015〕58号): an account with its certificate. */
public record Officer(UUID id, UUID userId, String name, String certificateNo, UnitRef unit, LocalDate validFrom,
                      LocalDate validTo, boolean active, boolean demo, int version) {

    /** 安全生产法 Arts. 67–68: an inspector shows a valid 行政执法证件. */
    public boolean validOn(LocalDate day) {
        return active && !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    public boolean validThrough(LocalDate from, LocalDate to) {
        return active && !from.isBefore(validFrom) && !to.isAfter(validTo);
    }
}
