package cn.zhiben.people.internal;

import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.EnterpriseRoster;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.org.SpecialOperation;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The training coverage of the plan's targets (ppl_training_target) inside the caller's scope: required, trained and
 * who is missing, by county and by supervising unit. The counting rules are {@link CoveragePolicy}'s.
 */
@Service
public class CoverageService {

    private final ReferenceData reference;
    private final EnterpriseRoster roster;
    private final IndustryCatalog industries;
    private final RegionCatalog regions;
    private final UnitCatalog units;
    private final RegisterRepository register;
    private final TrainingService training;
    private final RegisterService registerService;

    CoverageService(ReferenceData reference, EnterpriseRoster roster, IndustryCatalog industries, RegionCatalog regions,
                    UnitCatalog units, RegisterRepository register, TrainingService training, RegisterService registerService) {
        this.reference = reference;
        this.roster = roster;
        this.industries = industries;
        this.regions = regions;
        this.units = units;
        this.register = register;
        this.training = training;
        this.registerService = registerService;
    }

    public record Group(String key, String name, long required, long trained, int percent) {
    }

    public record Missing(UUID enterpriseId, String enterpriseName, String county, UUID personId, String personName,
                          BigDecimal days, String gap, List<String> missingTopics) {
    }

    public record TargetCoverage(ReferenceData.Target target, String roles, List<String> topics, LocalDate referenceDate,
                                 long enterprises, long required, long trained, int percent, boolean met,
                                 List<Group> byCounty, List<Group> byUnit, List<Missing> missing) {
    }

    @Transactional(readOnly = true)
    public List<TargetCoverage> coverage(CurrentUser user, Integer year) {
        PeopleRules.require(PeopleRules.reads(user), "PEOPLE_READ_FORBIDDEN", "当前账号不能查看人员信息");
        if (year != null && (year < 2000 || year > 2100)) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "年度“" + year + "”不合理");
        }
        List<TargetCoverage> out = new ArrayList<>();
        for (ReferenceData.Target t : reference.targets()) {
            if (t.active() && (year == null || t.year() == year)) {
                out.add(evaluate(user, t));
            }
        }
        return out;
    }

    @Transactional(readOnly = true)
    public TargetCoverage coverage(CurrentUser user, UUID targetId) {
        PeopleRules.require(PeopleRules.reads(user), "PEOPLE_READ_FORBIDDEN", "当前账号不能查看人员信息");
        return evaluate(user, reference.target(targetId)
                .orElseThrow(() -> ProblemException.notFound("TARGET_NOT_FOUND", "培训目标不存在")));
    }

    TargetCoverage evaluate(CurrentUser user, ReferenceData.Target t) {
        LocalDate today = registerService.today();
        Set<String> codes = t.industryCodes().isEmpty() ? Set.of() : industries.withDescendants(t.industryCodes());
        List<SpecialOperation> ops = t.specialOperations().stream().map(SpecialOperation::valueOf).toList();
        List<EnterpriseRoster.Member> members = roster.members(user.scope(), codes, ops);
        Map<UUID, EnterpriseRoster.Member> byId = new LinkedHashMap<>();
        members.forEach(m -> byId.put(m.id(), m));
        List<CoveragePolicy.Employment> employments = new ArrayList<>();
        Set<UUID> persons = new HashSet<>();
        for (RegisterRepository.Entry e : register.employmentsAt(byId.keySet())) {
            var row = e.employment();
            employments.add(new CoveragePolicy.Employment(row.personId(), e.name(), row.enterpriseId(),
                    row.roles().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()), row.startedOn(), row.endedOn()));
            persons.add(row.personId());
        }
        List<CoveragePolicy.Attendance> attendance = training.attendanceOf(persons, LocalDate.of(t.year(), 1, 1),
                LocalDate.of(t.year(), 12, 31));
        List<CoveragePolicy.Slot> slots = CoveragePolicy.evaluate(
                new CoveragePolicy.Rule(t.year(), t.roles(), t.minDays(), t.requiredTopics()), today,
                List.copyOf(byId.keySet()), employments, attendance);

        Map<String, String> topicNames = reference.topicNames();
        Map<String, long[]> county = new TreeMap<>();
        Map<String, long[]> unit = new LinkedHashMap<>();
        Map<UUID, Set<String>> supervised = new HashMap<>();
        List<CommitteeUnit> allUnits = units.all().stream().filter(CommitteeUnit::active).toList();
        List<Missing> missing = new ArrayList<>();
        long trained = 0;
        for (CoveragePolicy.Slot s : slots) {
            EnterpriseRoster.Member m = byId.get(s.enterpriseId());
            String c = RegionCodes.county(m.ref().regionCode());
            long[] cc = county.computeIfAbsent(c == null ? "" : c, k -> new long[2]);
            cc[0]++;
            for (CommitteeUnit u : allUnits) {
                Set<String> sup = supervised.computeIfAbsent(u.id(), industries::supervisedBy);
                if (sup.contains(m.ref().industryCode())) {
                    long[] uu = unit.computeIfAbsent(u.id() + "|" + u.name(), k -> new long[2]);
                    uu[0]++;
                    if (s.trained()) {
                        uu[1]++;
                    }
                }
            }
            if (s.trained()) {
                trained++;
                cc[1]++;
            } else {
                missing.add(new Missing(m.id(), m.ref().name(), countyName(c), s.personId(),
                        s.personName() != null ? s.personName() : (t.roles().contains("PRINCIPAL") ? "（未登记；企业档案主要负责人：" + m.principalName() + "）" : "（未登记）"),
                        s.days(), s.gap().label(), s.missingTopics().stream().map(x -> topicNames.getOrDefault(x, x)).toList()));
            }
        }
        missing.sort(Comparator.comparing(Missing::county, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Missing::enterpriseName));
        List<Group> byCounty = new ArrayList<>();
        county.forEach((k, v) -> byCounty.add(new Group(k, countyName(k), v[0], v[1], CoveragePolicy.percent(v[1], v[0]))));
        List<Group> byUnit = new ArrayList<>();
        unit.forEach((k, v) -> byUnit.add(new Group(k.substring(0, k.indexOf('|')), k.substring(k.indexOf('|') + 1), v[0], v[1],
                CoveragePolicy.percent(v[1], v[0]))));
        int percent = CoveragePolicy.percent(trained, slots.size());
        String roles = String.join("、", t.roles().stream()
                .map(r -> Labels.parse(PersonRole.class, r).map(PersonRole::label).orElse(r)).toList());
        return new TargetCoverage(t, roles, t.requiredTopics().stream().map(x -> topicNames.getOrDefault(x, x)).toList(),
                CoveragePolicy.referenceDate(t.year(), today), members.size(), slots.size(), trained, percent,
                percent >= t.participationPct(), byCounty, byUnit, missing);
    }

    private String countyName(String code) {
        if (code == null || code.isEmpty()) {
            return "（未知）";
        }
        return regions.find(code).map(Region::name).orElse(code);
    }
}
