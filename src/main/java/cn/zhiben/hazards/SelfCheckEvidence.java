package cn.zhiben.hazards;

import java.util.UUID;

/**
 * Evidence from another module that the enterprise's own checks covered what a hazard found by others is about, yet
 * did not find it (查不出, plan item 23: 对企业自查未发现、被监管部门查出的重大事故隐患倒查责任). Recorded on the hazard
 * as part of its 自查未发现 flag, on the timeline; idempotent on (sourceModule, sourceRef).
 */
public interface SelfCheckEvidence {

    /**
     * @param evidence what the enterprise's records show, e.g. "2026-11-12 企业级自查覆盖条款 AQ 1234 第 3.2 条，记录为合格"
     * @return false if this evidence was already recorded
     */
    boolean record(UUID hazardId, String sourceModule, String sourceRef, String evidence);
}
