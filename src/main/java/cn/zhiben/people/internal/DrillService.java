package cn.zhiben.people.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.org.EnterpriseRoster;
import cn.zhiben.people.PeopleEvents;
import cn.zhiben.people.PeopleProperties;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Drills: an enterprise records each drill (疏散逃生 per area, or a plan drill of 88号令 Art. 33); the status page shows
 * for every enterprise in scope whether each of its areas drilled evacuation in the current period — a year, or half a
 * year in high-risk industries ({@link DrillPolicy}).
 */
@Service
public class DrillService {

    static final String ENTITY = "drill";

    private final JdbcClient jdbc;
    private final ScopedEnterprises enterprises;
    private final EnterpriseRoster roster;
    private final RegisterService registerService;
    private final EvidenceStore evidence;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final PeopleProperties properties;

    DrillService(JdbcClient jdbc, ScopedEnterprises enterprises, EnterpriseRoster roster,
                 RegisterService registerService, EvidenceStore evidence, AuditLog audit, ApplicationEventPublisher events,
                 PeopleProperties properties) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.roster = roster;
        this.registerService = registerService;
        this.evidence = evidence;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
    }

    public record DrillInput(UUID enterpriseId, LocalDate heldOn, String kind, List<String> areas, String scenario,
                             Integer participants, String evaluation) {
    }

    public record DrillView(UUID id, UUID enterpriseId, String enterpriseName, String regionCode, LocalDate heldOn,
                            RegisterService.Option kind, List<RegisterService.Option> areas, String scenario,
                            int participants, String evaluation, boolean demo) {
    }

    @Transactional
    public UUID record(CurrentUser user, DrillInput in) {
        PeopleRules.requireKeepsRecords(user);
        EnterpriseRef e = enterprises.require(user, in.enterpriseId());
        Check c = new Check();
        c.notNull("heldOn", "演练日期", in.heldOn());
        c.sane("heldOn", "演练日期", in.heldOn());
        c.notAfter("heldOn", "演练日期", in.heldOn(), registerService.today());
        DrillKind kind = in.kind() == null || in.kind().isBlank() ? DrillKind.EVACUATION : Labels.parse(DrillKind.class, in.kind()).orElse(null);
        if (kind == null) {
            c.add("kind", "演练类型“" + in.kind() + "”无效");
        }
        Set<DrillArea> areas = EnumSet.noneOf(DrillArea.class);
        if (in.areas() != null) {
            for (String a : in.areas()) {
                if (a != null && !a.isBlank()) {
                    Labels.parse(DrillArea.class, a).ifPresentOrElse(areas::add, () -> c.add("areas", "区域“" + a + "”无效"));
                }
            }
        }
        if (areas.isEmpty()) {
            c.add("areas", "请选择演练覆盖的区域");
        }
        String scenario = c.required("scenario", "演练情景", in.scenario(), 500);
        if (in.participants() == null || in.participants() < 1 || in.participants() > 100_000) {
            c.add("participants", "参演人数应在 1～100000 之间");
        }
        String evaluation = c.optional("evaluation", "演练评估", in.evaluation(), 4000);
        c.orThrow();
        UUID id = UUID.randomUUID();
        Instant now = registerService.now();
        jdbc.sql("""
                        insert into ppl_drill (id, enterprise_id, enterprise_name, region_code, zone_code, industry_code, held_on,
                            kind, areas, scenario, participants, evaluation, demo, created_at, created_by)
                        values (:id, :e, :name, :region, :zone, :industry, :held, :kind, string_to_array(:areas, ','), :scenario,
                            :participants, :evaluation, :demo, :at, :by)""")
                .param("id", id).param("e", e.id()).param("name", e.name()).param("region", e.regionCode())
                .param("zone", e.zoneCode(), Types.VARCHAR).param("industry", e.industryCode()).param("held", in.heldOn())
                .param("kind", kind.name()).param("areas", Rows.csv(areas)).param("scenario", scenario)
                .param("participants", in.participants()).param("evaluation", evaluation, Types.VARCHAR)
                .param("demo", e.demo()).param("at", Timestamp.from(now)).param("by", user.username()).update();
        audit.record(AuditEntry.success(AuditAction.CREATE, ENTITY, id, Map.of("enterprise", e.name(), "heldOn",
                in.heldOn().toString(), "kind", kind.name(), "areas", Rows.csv(areas), "participants", in.participants())));
        events.publishEvent(new PeopleEvents.DrillRecorded(id, e.id(), e.regionCode(), e.industryCode(), in.heldOn(),
                areas.stream().map(Enum::name).toList(), kind.name(), now));
        return id;
    }

    @Transactional
    public EvidenceStore.Evidence attach(CurrentUser user, UUID drillId, String fileName, byte[] bytes) {
        PeopleRules.requireKeepsRecords(user);
        load(user, drillId);
        EvidenceStore.Evidence ev = evidence.store("DRILL", drillId, fileName, bytes, user.username(), registerService.now());
        audit.record(AuditEntry.success(AuditAction.CREATE, "evidence", ev.id(),
                Map.of("drill", drillId.toString(), "file", ev.fileName(), "size", ev.size())));
        return ev;
    }

    DrillView load(CurrentUser user, UUID id) {
        PeopleRules.require(PeopleRules.reads(user), "PEOPLE_READ_FORBIDDEN", "当前账号不能查看人员信息");
        var s = user.scope().toSql("d.enterprise_id", "d.region_code", "d.zone_code", "d.industry_code");
        return jdbc.sql("select d.* from ppl_drill d where d.id = :id and " + s.where()).params(s.params()).param("id", id)
                .query(DrillService::map).optional()
                .orElseThrow(() -> ProblemException.notFound("DRILL_NOT_FOUND", "演练记录不存在或不在您的数据范围内"));
    }

    public record DrillDetail(DrillView drill, List<EvidenceStore.Evidence> evidence) {
    }

    @Transactional(readOnly = true)
    public DrillDetail detail(CurrentUser user, UUID id) {
        return new DrillDetail(load(user, id), evidence.list("DRILL", id));
    }

    @Transactional(readOnly = true)
    public List<DrillView> list(CurrentUser user, Integer year, UUID enterpriseId) {
        PeopleRules.require(PeopleRules.reads(user), "PEOPLE_READ_FORBIDDEN", "当前账号不能查看人员信息");
        if (year != null && (year < 2000 || year > 2100)) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "年度“" + year + "”不合理");
        }
        var s = user.scope().toSql("d.enterprise_id", "d.region_code", "d.zone_code", "d.industry_code");
        Map<String, Object> params = new LinkedHashMap<>(s.params());
        StringBuilder where = new StringBuilder(s.where());
        if (year != null) {
            where.append(" and d.held_on between :from and :to");
            params.put("from", LocalDate.of(year, 1, 1));
            params.put("to", LocalDate.of(year, 12, 31));
        }
        if (enterpriseId != null) {
            where.append(" and d.enterprise_id = :fEnt");
            params.put("fEnt", enterpriseId);
        }
        return jdbc.sql("select d.* from ppl_drill d where " + where + " order by d.held_on desc, d.id limit 500")
                .params(params).query(DrillService::map).list();
    }

    private static DrillView map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        DrillKind kind = DrillKind.valueOf(rs.getString("kind"));
        return new DrillView(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class),
                rs.getString("enterprise_name"), rs.getString("region_code"), Rows.date(rs, "held_on"),
                new RegisterService.Option(kind.name(), kind.label()),
                Rows.enums(rs, "areas", DrillArea.class).stream().map(a -> new RegisterService.Option(a.name(), a.label())).toList(),
                rs.getString("scenario"), rs.getInt("participants"), rs.getString("evaluation"), rs.getBoolean("demo"));
    }

    // ---------------------------------------------------------------- status

    /** One enterprise's evacuation drills in the current period, area by area. */
    public record EnterpriseStatus(UUID enterpriseId, String enterpriseName, String regionCode, String industryCode,
                                   boolean halfYearly, String period, Map<String, LocalDate> lastByArea, boolean complete) {
    }

    public boolean highRisk(String industryCode, Set<String> specialOperations) {
        return ReferenceData.underAny(industryCode, properties.highRiskIndustries())
                || specialOperations.stream().anyMatch(properties.highRiskOperations()::contains);
    }

    /** Every operating enterprise in scope, with its areas' evacuation drills in the period containing the date. */
    @Transactional(readOnly = true)
    public List<EnterpriseStatus> status(CurrentUser user, LocalDate on) {
        PeopleRules.require(PeopleRules.reads(user), "PEOPLE_READ_FORBIDDEN", "当前账号不能查看人员信息");
        List<EnterpriseRoster.Member> members = roster.members(user.scope(), null, null);
        Map<UUID, List<DrillPolicy.Drill>> drills = new HashMap<>();
        var s = user.scope().toSql("d.enterprise_id", "d.region_code", "d.zone_code", "d.industry_code");
        jdbc.sql("select d.enterprise_id, d.held_on, d.areas from ppl_drill d where d.kind = 'EVACUATION' and d.held_on between :f and :t and "
                        + s.where())
                .params(s.params()).param("f", on.minusYears(1).withDayOfYear(1)).param("t", on)
                .query((rs, n) -> {
                    drills.computeIfAbsent(rs.getObject("enterprise_id", UUID.class), k -> new ArrayList<>())
                            .add(new DrillPolicy.Drill(Rows.date(rs, "held_on"), Rows.enums(rs, "areas", DrillArea.class)));
                    return null;
                }).list();
        Map<UUID, Set<DrillArea>> profiles = new HashMap<>();
        jdbc.sql("select enterprise_id, areas from ppl_drill_profile").query((rs, n) -> {
            profiles.put(rs.getObject("enterprise_id", UUID.class), Rows.enums(rs, "areas", DrillArea.class));
            return null;
        }).list();
        List<EnterpriseStatus> out = new ArrayList<>();
        for (EnterpriseRoster.Member m : members) {
            boolean half = highRisk(m.ref().industryCode(), m.specialOperations().stream().map(Enum::name)
                    .collect(java.util.stream.Collectors.toSet()));
            DrillPolicy.Period period = DrillPolicy.of(on, half);
            Set<DrillArea> areas = profiles.getOrDefault(m.id(), EnumSet.allOf(DrillArea.class));
            Map<DrillArea, LocalDate> cov = DrillPolicy.coverage(areas, period, drills.getOrDefault(m.id(), List.of()));
            Map<String, LocalDate> byLabel = new LinkedHashMap<>();
            cov.forEach((a, d) -> byLabel.put(a.label(), d));
            out.add(new EnterpriseStatus(m.id(), m.ref().name(), m.ref().regionCode(), m.ref().industryCode(), half,
                    period.label(), byLabel, DrillPolicy.complete(cov)));
        }
        return out;
    }
}
