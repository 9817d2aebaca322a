package cn.zhiben.inspections.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseStatus;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.standards.StandardClause;
import cn.zhiben.standards.StandardsLibrary;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Enterprises' own checks per level (plan item 23: 集团公司季查、厂矿月查、车间周查、班组日查; 各级主要负责人带队), the
 * periods in which a required check is missing, and the evidence they give when a department later finds a major
 * hazard their checks passed (查不出).
 */
@Service
public class SelfInspections {

    private final JdbcClient jdbc;
    private final EnterpriseDirectory enterprises;
    private final StandardsLibrary standards;
    private final AuditLog audit;
    private final Clock clock;

    SelfInspections(JdbcClient jdbc, EnterpriseDirectory enterprises, StandardsLibrary standards, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.standards = standards;
        this.audit = audit;
        this.clock = clock;
    }

    public enum Level {
        GROUP("集团公司季查", Cadence.Unit.QUARTER),
        ENTERPRISE("厂矿月查", Cadence.Unit.MONTH),
        WORKSHOP("车间（安全管理部门）周查", Cadence.Unit.WEEK),
        TEAM("班组日查", Cadence.Unit.DAY);

        private final String label;
        private final Cadence.Unit unit;

        Level(String label, Cadence.Unit unit) {
            this.label = label;
            this.unit = unit;
        }

        public String label() {
            return label;
        }

        public Cadence.Unit unit() {
            return unit;
        }
    }

    public record ItemInput(UUID clauseId, String title, InspectionService.ItemResult result, String note) {
    }

    /**
     * @param checkedAt when the check took place (default now); its date in Asia/Shanghai is the date that counts
     * @param ledBy     who led it (plan item 23: 各级主要负责人带队)
     */
    public record NewSelfInspection(Level level, Instant checkedAt, String scopeName, String ledBy, String participants,
                                    String summary, List<ItemInput> items) {
    }

    public record Row(UUID id, UUID enterpriseId, String enterpriseName, Level level, Instant checkedAt, LocalDate checkedOn,
                      String scopeName, String ledBy, String participants, String summary, String recordedByName,
                      int items, int findings, boolean demo) {
    }

    public record Item(UUID id, UUID clauseId, String title, InspectionService.ItemResult result, String note) {
    }

    public record Detail(Row row, List<Item> items) {
    }

    public record Missing(UUID enterpriseId, String enterpriseName, Cadence.Settings settings,
                          List<Cadence.PeriodState> periods) {

        public long missing() {
            return periods.stream().filter(p -> p.state() == Cadence.State.MISSING).count();
        }
    }

    /** @param counts per level name: [required, done, missing] periods */
    public record OverviewRow(UUID enterpriseId, String enterpriseName, String regionCode, Map<String, long[]> counts) {
    }

    // ---- recording ----

    @Transactional
    public UUID record(NewSelfInspection in) {
        CurrentUser user = CurrentUser.require();
        if (user.role() != Role.ENTERPRISE || user.enterpriseId() == null) {
            throw ProblemException.forbidden("SELF_INSPECTION_ENTERPRISE_ONLY", "自查记录由企业账号填报");
        }
        var enterprise = enterprises.find(user.enterpriseId())
                .orElseThrow(() -> ProblemException.notFound("ENTERPRISE_NOT_FOUND", "企业不存在"));
        Instant now = clock.instant();
        Instant at = in.checkedAt() == null ? now : in.checkedAt();
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        if (in.level() == null) {
            problems.add(new ProblemException.FieldProblem("level", "请选择自查层级"));
        }
        if (at.isAfter(now.plus(5, ChronoUnit.MINUTES))) {
            problems.add(new ProblemException.FieldProblem("checkedAt", "检查时间不能晚于现在"));
        }
        String ledBy = trim(in.ledBy());
        if (ledBy == null || ledBy.length() > 100) {
            problems.add(new ProblemException.FieldProblem("ledBy", "请填写带队负责人（不超过 100 字）"));
        }
        String scopeName = trim(in.scopeName());
        if (scopeName != null && scopeName.length() > 100) {
            problems.add(new ProblemException.FieldProblem("scopeName", "检查范围不能超过 100 字"));
        }
        String participants = trim(in.participants());
        String summary = trim(in.summary());
        if (participants != null && participants.length() > 500 || summary != null && summary.length() > 4000) {
            problems.add(new ProblemException.FieldProblem("summary", "参加人员不超过 500 字，检查情况不超过 4000 字"));
        }
        if (in.items() == null || in.items().isEmpty() || in.items().size() > 500) {
            problems.add(new ProblemException.FieldProblem("items", "请至少记录一项检查内容（不超过 500 项）"));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    String.join("；", problems.stream().map(ProblemException.FieldProblem::message).toList()), problems);
        }
        LocalDate on = LocalDate.ofInstant(at, PlatformConfiguration.ZONE);
        Map<UUID, StandardClause> checklist = new HashMap<>();
        standards.checklist(enterprise.id(), on).sections().forEach(s -> s.clauses().forEach(c -> checklist.put(c.id(), c)));
        List<Object[]> items = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (ItemInput it : in.items()) {
            if (it.result() == null) {
                throw ProblemException.badRequest("SELF_INSPECTION_ITEM_RESULT_REQUIRED", "请为每个检查项选择检查结果");
            }
            String note = trim(it.note());
            if (note != null && note.length() > 1000) {
                throw ProblemException.badRequest("SELF_INSPECTION_ITEM_NOTE_TOO_LONG", "检查项说明不能超过 1000 字");
            }
            String title;
            if (it.clauseId() != null) {
                StandardClause c = checklist.get(it.clauseId());
                if (c == null) {
                    throw ProblemException.unprocessable("SELF_INSPECTION_CLAUSE_NOT_IN_CHECKLIST",
                            "该条款不在本企业 " + on + " 适用的检查清单中");
                }
                if (!seen.add(c.id())) {
                    throw ProblemException.badRequest("SELF_INSPECTION_CLAUSE_TWICE", "同一条款只能记录一次");
                }
                title = InspectionService.clauseTitle(c);
            } else {
                title = trim(it.title());
                if (title == null || title.length() > 200) {
                    throw ProblemException.badRequest("SELF_INSPECTION_ITEM_TITLE_REQUIRED", "请填写检查内容（不超过 200 字）");
                }
            }
            items.add(new Object[]{it.clauseId(), title, it.result().name(), note});
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into insp_self_inspection (id, enterprise_id, region_code, zone_code, industry_code, level, checked_at,
                    checked_on, scope_name, led_by, participants, summary, recorded_at, recorded_by, recorded_by_name, demo)
                values (:id, :e, :r, :z, :i, :level, :at, :on, :scope, :led, :participants, :summary, :now, :by, :byName, :demo)""")
                .param("id", id).param("e", enterprise.id()).param("r", enterprise.regionCode()).param("z", enterprise.zoneCode())
                .param("i", enterprise.industryCode()).param("level", in.level().name()).param("at", Timestamp.from(at))
                .param("on", on).param("scope", scopeName).param("led", ledBy).param("participants", participants)
                .param("summary", summary).param("now", Timestamp.from(now)).param("by", user.id())
                .param("byName", user.displayName()).param("demo", enterprise.demo()).update();
        for (Object[] it : items) {
            jdbc.sql("""
                    insert into insp_self_item (id, self_inspection_id, clause_id, title, result, note)
                    values (:id, :s, :c, :t, :r, :n)""")
                    .param("id", UUID.randomUUID()).param("s", id).param("c", it[0]).param("t", it[1]).param("r", it[2])
                    .param("n", it[3]).update();
        }
        audit.record(AuditEntry.success(AuditAction.CREATE, "self-inspection", id, Map.of(
                "level", in.level().name(), "checkedOn", on.toString(), "items", items.size())));
        return id;
    }

    /** The enterprise says whether a group company checks it and whether its teams work weekends. */
    @Transactional
    public void saveSettings(boolean groupChecks, boolean teamWorkdaysOnly, LocalDate trackingFrom) {
        CurrentUser user = CurrentUser.require();
        if (user.role() != Role.ENTERPRISE || user.enterpriseId() == null) {
            throw ProblemException.forbidden("SELF_INSPECTION_ENTERPRISE_ONLY", "自查设置由企业账号填报");
        }
        LocalDate from = trackingFrom == null ? Cadence.DEFAULT_TRACKING_FROM : trackingFrom;
        if (from.isBefore(Cadence.DEFAULT_TRACKING_FROM)) {
            throw ProblemException.badRequest("SELF_INSPECTION_TRACKING_INVALID", "自查频次自 2024-07-01 起执行，不能更早");
        }
        Cadence.Settings before = settings(user.enterpriseId());
        jdbc.sql("""
                insert into insp_self_settings (enterprise_id, group_checks, team_workdays_only, tracking_from, updated_at, updated_by)
                values (:e, :g, :w, :f, :at, :by) on conflict (enterprise_id) do update
                set group_checks = :g, team_workdays_only = :w, tracking_from = :f, updated_at = :at, updated_by = :by""")
                .param("e", user.enterpriseId()).param("g", groupChecks).param("w", teamWorkdaysOnly).param("f", from)
                .param("at", Timestamp.from(clock.instant())).param("by", user.username()).update();
        audit.record(AuditEntry.success(AuditAction.UPDATE, "self-inspection-settings", user.enterpriseId(), AuditLog.diff(
                Map.of("groupChecks", before.groupChecks(), "teamWorkdaysOnly", before.teamWorkdaysOnly(),
                        "trackingFrom", before.trackingFrom().toString()),
                Map.of("groupChecks", groupChecks, "teamWorkdaysOnly", teamWorkdaysOnly, "trackingFrom", from.toString()))));
    }

    public Cadence.Settings settings(UUID enterpriseId) {
        return jdbc.sql("select group_checks, team_workdays_only, tracking_from from insp_self_settings where enterprise_id = :e")
                .param("e", enterpriseId).query((rs, n) -> new Cadence.Settings(rs.getBoolean(1), rs.getBoolean(2),
                        rs.getObject(3, LocalDate.class))).optional()
                .orElse(new Cadence.Settings(false, false, Cadence.DEFAULT_TRACKING_FROM));
    }

    // ---- reading ----

    private static final String ROW = """
            select s.id, s.enterprise_id, s.level, s.checked_at, s.checked_on, s.scope_name, s.led_by, s.participants,
                   s.summary, s.recorded_by_name, s.demo,
                   (select count(*) from insp_self_item i where i.self_inspection_id = s.id) as items,
                   (select count(*) from insp_self_item i where i.self_inspection_id = s.id and i.result = 'FINDING') as findings
            from insp_self_inspection s""";

    public List<Row> list(CurrentUser user, UUID enterpriseId, LocalDate from, LocalDate to, int limit) {
        DataScope.Sql scope = user.scope().toSql("s.enterprise_id", "s.region_code", "s.zone_code", "s.industry_code");
        return jdbc.sql(ROW + " where " + scope.where() + " and (:e::uuid is null or s.enterprise_id = :e)"
                        + " and (:from::date is null or s.checked_on >= :from) and (:to::date is null or s.checked_on <= :to)"
                        + " order by s.checked_at desc limit :n")
                .params(scope.params()).param("e", enterpriseId).param("from", from).param("to", to).param("n", limit)
                .query(this::row).list();
    }

    public Detail detail(CurrentUser user, UUID id) {
        DataScope.Sql scope = user.scope().toSql("s.enterprise_id", "s.region_code", "s.zone_code", "s.industry_code");
        Row row = jdbc.sql(ROW + " where s.id = :id and " + scope.where()).param("id", id).params(scope.params())
                .query(this::row).optional()
                .orElseThrow(() -> ProblemException.notFound("SELF_INSPECTION_NOT_FOUND", "自查记录不存在"));
        List<Item> items = jdbc.sql("select id, clause_id, title, result, note from insp_self_item where self_inspection_id = :s order by title")
                .param("s", id).query((rs, n) -> new Item(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), InspectionService.ItemResult.valueOf(rs.getString(4)), rs.getString(5))).list();
        return new Detail(row, items);
    }

    /** The required checks of one enterprise in [from, to] with their state (404 outside the caller's scope). */
    public Missing missing(CurrentUser user, UUID enterpriseId, LocalDate from, LocalDate to) {
        var e = enterprises.find(enterpriseId)
                .filter(x -> user.scope().covers(x.id(), x.regionCode(), x.zoneCode(), x.industryCode()))
                .orElseThrow(() -> ProblemException.notFound("ENTERPRISE_NOT_FOUND", "企业不存在"));
        requireRange(from, to);
        Map<Level, Set<LocalDate>> done = doneDates(List.of(enterpriseId), from, to).getOrDefault(enterpriseId, Map.of());
        Cadence.Settings settings = settings(enterpriseId);
        return new Missing(e.id(), e.name(), settings, Cadence.evaluate(settings, done, from, to, today()));
    }

    /**
     * Every producing enterprise in the caller's scope with, per level, [required, done, missing] periods in [from, to],
     * those with most missing first.
     */
    public List<OverviewRow> overview(CurrentUser user, LocalDate from, LocalDate to, int limit) {
        return overview(user, from, to, limit, null);
    }

    /** As above; with an enterprise, only that one (when it is in the caller's scope). */
    public List<OverviewRow> overview(CurrentUser user, LocalDate from, LocalDate to, int limit, UUID enterpriseId) {
        requireRange(from, to);
        // one enterprise: looked up by id (not the whole scope loaded and filtered)
        List<EnterpriseDirectory.Profile> inScope = enterpriseId == null ? enterprises.profiles(user.scope(), null, null)
                : enterprises.profile(enterpriseId)
                        .filter(p -> user.scope().covers(p.id(), p.regionCode(), p.zoneCode(), p.industryCode())).stream().toList();
        var list = inScope.stream()
                .filter(p -> p.status() == EnterpriseStatus.OPERATING || p.status() == EnterpriseStatus.UNDER_CONSTRUCTION)
                .toList();
        List<UUID> ids = list.stream().map(EnterpriseDirectory.Profile::id).toList();
        Map<UUID, Map<Level, Set<LocalDate>>> done = doneDates(ids, from, to);
        Map<UUID, Cadence.Settings> settings = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select enterprise_id, group_checks, team_workdays_only, tracking_from from insp_self_settings where enterprise_id in (:e)")
                    .param("e", ids).query(rs -> {
                        settings.put(rs.getObject(1, UUID.class), new Cadence.Settings(rs.getBoolean(2), rs.getBoolean(3),
                                rs.getObject(4, LocalDate.class)));
                    });
        }
        LocalDate today = today();
        List<OverviewRow> out = new ArrayList<>();
        for (var p : list) {
            Cadence.Settings s = settings.getOrDefault(p.id(), new Cadence.Settings(false, false, Cadence.DEFAULT_TRACKING_FROM));
            Map<String, long[]> counts = new LinkedHashMap<>();
            for (Cadence.PeriodState ps : Cadence.evaluate(s, done.getOrDefault(p.id(), Map.of()), from, to, today)) {
                long[] c = counts.computeIfAbsent(ps.period().level().name(), k -> new long[3]);
                c[0]++;
                if (ps.state() == Cadence.State.DONE) {
                    c[1]++;
                } else if (ps.state() == Cadence.State.MISSING) {
                    c[2]++;
                }
            }
            out.add(new OverviewRow(p.id(), p.name(), p.regionCode(), counts));
        }
        out.sort((a, b) -> Long.compare(missingTotal(b), missingTotal(a)));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    static long missingTotal(OverviewRow r) {
        return r.counts().values().stream().mapToLong(c -> c[2]).sum();
    }

    private Map<UUID, Map<Level, Set<LocalDate>>> doneDates(List<UUID> enterpriseIds, LocalDate from, LocalDate to) {
        Map<UUID, Map<Level, Set<LocalDate>>> out = new LinkedHashMap<>();
        if (enterpriseIds.isEmpty()) {
            return out;
        }
        // a quarter's check may lie before `from` in the same quarter: look back to the quarter's start
        LocalDate start = from.withMonth(((from.getMonthValue() - 1) / 3) * 3 + 1).withDayOfMonth(1);
        jdbc.sql("""
                select distinct enterprise_id, level, checked_on from insp_self_inspection
                where enterprise_id in (:e) and checked_on between :from and :to""")
                .param("e", enterpriseIds).param("from", start).param("to", to.plusMonths(3))
                .query(rs -> {
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(Level.class))
                            .computeIfAbsent(Level.valueOf(rs.getString(2)), k -> new HashSet<>())
                            .add(rs.getObject(3, LocalDate.class));
                });
        return out;
    }

    private static void requireRange(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw ProblemException.badRequest("SELF_INSPECTION_RANGE_INVALID", "请选择不超过一年的起止日期");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID e = rs.getObject("enterprise_id", UUID.class);
        return new Row(rs.getObject("id", UUID.class), e, enterprises.find(e).map(cn.zhiben.org.EnterpriseRef::name).orElse(""),
                Level.valueOf(rs.getString("level")), rs.getTimestamp("checked_at").toInstant(),
                rs.getObject("checked_on", LocalDate.class), rs.getString("scope_name"), rs.getString("led_by"),
                rs.getString("participants"), rs.getString("summary"), rs.getString("recorded_by_name"),
                rs.getInt("items"), rs.getInt("findings"), rs.getBoolean("demo"));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The checked-at instant of a date given without a time: noon in Asia/Shanghai. */
    public static Instant noonOf(LocalDate date) {
        return date.atTime(LocalTime.NOON).atZone(PlatformConfiguration.ZONE).toInstant();
    }
}
