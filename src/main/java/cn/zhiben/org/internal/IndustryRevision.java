package cn.zhiben.org.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * One entry of an industry's history: the state after an edit, who made it, when and why.
 *
 * @param snapshot the full state, in the shape the first migration wrote
 */
public record IndustryRevision(int revision, Instant changedAt, String changedBy, String reason, Snapshot snapshot) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Snapshot(String name, String parentCode, boolean assignable, boolean active,
                           List<Supervisor> supervisors) {

        public Snapshot {
            supervisors = supervisors == null ? List.of() : List.copyOf(supervisors);
        }

        public String leadName() {
            return supervisors.stream().filter(s -> "LEAD".equals(s.role())).map(Supervisor::unit).findFirst().orElse(null);
        }

        public List<String> cooperatingNames() {
            return supervisors.stream().filter(s -> "COOPERATE".equals(s.role())).map(Supervisor::unit).toList();
        }
    }

    /** A supervising unit by name and role (LEAD / COOPERATE). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Supervisor(String unit, String role) {
    }
}
