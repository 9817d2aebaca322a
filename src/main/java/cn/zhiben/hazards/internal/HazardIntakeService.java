package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.HazardIntake;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link HazardIntake}: another module's finding becomes a hazard through the same rules as a report, once. */
@Service
class HazardIntakeService implements HazardIntake {

    private final HazardService service;
    private final HazardRepository hazards;
    private final JdbcClient jdbc;

    HazardIntakeService(HazardService service, HazardRepository hazards, JdbcClient jdbc) {
        this.service = service;
        this.hazards = hazards;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public Registered register(ExternalFinding f) {
        if (f.sourceModule() == null || f.sourceModule().isBlank() || f.sourceRef() == null || f.sourceRef().isBlank()) {
            throw new IllegalArgumentException("a registration from another module names its source record");
        }
        if (f.channel() == null || f.channel() == Channel.SELF_INSPECTION) {
            throw ProblemException.badRequest("HAZARD_CHANNEL_INVALID", "其他业务登记的隐患须为外部发现渠道");
        }
        // concurrent retries of one registration wait here, then find the first one's hazard
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .param("k", "hz-source:" + f.sourceModule() + ":" + f.sourceRef()).query(Object.class).single();
        var existing = hazards.findBySource(f.sourceModule(), f.sourceRef());
        if (existing.isPresent()) {
            return new Registered(existing.get().id(), existing.get().number(), false);
        }
        var cmd = new HazardService.NewHazard(f.enterpriseId(), f.channel(), f.grade(), f.clauseId(),
                f.description() == null ? "" : f.description(), f.location() == null ? "" : f.location(), f.foundOn(),
                f.foundBy() == null ? "" : f.foundBy(), f.shutdown(), false, false, f.deadline());
        if (cmd.description().isBlank() || cmd.location().isBlank() || cmd.foundBy().isBlank() || cmd.foundOn() == null
                || cmd.grade() == null) {
            throw ProblemException.badRequest("HAZARD_FINDING_INCOMPLETE", "隐患须写明等级、描述、部位、发现人和发现日期");
        }
        var id = service.report(cmd, new HazardRepository.Source(f.sourceModule(), f.sourceRef(), f.sourceLabel(), f.sourcePath()));
        return new Registered(id, hazards.findUnscoped(id).orElseThrow().number(), true);
    }
}
