package cn.zhiben.campaign.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.campaign.CampaignProperties;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** 办实事、解难题 lists (plan item 3), one per level and year, tracked to the yearly minimum. */
@Service
public class PracticalItemService {

    static final String ENTITY = "practical";
    private final JdbcClient jdbc;
    private final ProgrammeRepository programmes;
    private final UnitCatalog units;
    private final TransitionLog log;
    private final AuditLog audit;
    private final CampaignProperties properties;
    private final CampaignTime time;
    private final CampaignNames names;

    PracticalItemService(JdbcClient jdbc, ProgrammeRepository programmes, UnitCatalog units, TransitionLog log,
                         AuditLog audit, CampaignProperties properties, CampaignTime time, CampaignNames names) {
        this.names = names;
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.units = units;
        this.log = log;
        this.audit = audit;
        this.properties = properties;
        this.time = time;
    }

    public record NewItem(UUID programmeId, Integer year, String title, String category, UUID responsibleUnitId,
                          LocalDate dueOn) {
    }

    /** A level's list for a year: how many listed, solved, dropped, against the yearly minimum. */
    public record Tally(String ownerRegion, int year, long listed, long solved, long dropped, int minimum) {
        public boolean enoughListed() {
            return listed - dropped >= minimum;
        }

        public boolean enoughSolved() {
            return solved >= minimum;
        }
    }

    public static boolean mayKeep(CurrentUser user) {
        return user != null && user.ready() && (user.role() == cn.zhiben.platform.security.Role.CITY_OFFICE
                || (user.role() == cn.zhiben.platform.security.Role.COUNTY_OFFICE && user.scope().regionCode() != null));
    }

    @Transactional
    public UUID create(NewItem in) {
        CurrentUser user = CurrentUser.require();
        if (!mayKeep(user)) {
            throw CampaignErrors.forbidden("办实事清单由市、县两级安委办维护");
        }
        Programme p = programmes.find(in.programmeId() == null ? new UUID(0, 0) : in.programmeId())
                .orElseThrow(() -> ProblemException.badRequest("PROGRAMME_NOT_FOUND", "方案不存在"));
        if (in.year() == null || in.year() < p.startsOn().getYear() || in.year() > p.endsOn().getYear()) {
            throw ProblemException.badRequest("PRACTICAL_YEAR_INVALID", "清单年度须在方案实施期内");
        }
        if (in.responsibleUnitId() != null && units.find(in.responsibleUnitId()).isEmpty()) {
            throw ProblemException.badRequest("UNIT_NOT_FOUND", "责任单位不存在");
        }
        String title = CampaignErrors.require(in.title(), "PRACTICAL_TITLE_REQUIRED", "请填写具体问题");
        Addressee owner = Addressee.of(user).orElseThrow();
        Instant now = time.now();
        PracticalItem item = PracticalItem.listed(p.id(), in.year(), owner, title, in.category(), in.responsibleUnitId(),
                in.dueOn(), Actor.of(user), now);
        jdbc.sql("""
                insert into cmp_practical_item (id, programme_id, year, owner_region, title, category, responsible_unit_id,
                    due_on, status, created_at, created_by, updated_at, version)
                values (:id, :p, :y, :owner, :title, :category, :unit, :due, :status, :now, :by, :now, 0)""")
                .param("id", item.id).param("p", p.id()).param("y", in.year()).param("owner", owner.regionCode())
                .param("title", title).param("category", in.category()).param("unit", in.responsibleUnitId())
                .param("due", in.dueOn()).param("status", item.status.name()).param("now", Timestamp.from(now))
                .param("by", user.displayName()).update();
        log.append(ENTITY, item.id, item.transitions);
        audit.record(AuditEntry.success(AuditAction.CREATE, "campaign-practical-item", item.id,
                Map.of("year", in.year(), "category", in.category())));
        return item.id;
    }

    public List<PracticalItem> list(UUID programmeId, Integer year, String ownerRegion) {
        CurrentUser user = CurrentUser.require();
        CampaignScope.Sql s = ownerScope(user);
        StringBuilder where = new StringBuilder(s.where());
        Map<String, Object> p = new LinkedHashMap<>(s.params());
        if (programmeId != null) {
            where.append(" and programme_id = :programme");
            p.put("programme", programmeId);
        }
        if (year != null) {
            where.append(" and year = :year");
            p.put("year", year);
        }
        if (ownerRegion != null) {
            where.append(ownerRegion.equals("CITY") ? " and owner_region is null" : " and owner_region = :owner");
            p.put("owner", ownerRegion);
        }
        return jdbc.sql("select * from cmp_practical_item where " + where + " order by year desc, owner_region nulls first, due_on, created_at")
                .params(p).query(PracticalItemService::map).list();
    }

    public List<Tally> tallies(UUID programmeId, int year) {
        CurrentUser user = CurrentUser.require();
        CampaignScope.Sql s = ownerScope(user);
        return jdbc.sql("""
                select owner_region, count(*) as listed, count(*) filter (where status = 'SOLVED') as solved,
                  count(*) filter (where status = 'DROPPED') as dropped
                from cmp_practical_item where programme_id = :p and year = :y and %s
                group by owner_region order by owner_region nulls first""".formatted(s.where()))
                .param("p", programmeId).param("y", year).params(s.params())
                .query((rs, n) -> new Tally(rs.getString(1), year, rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        properties.practicalItemsPerYear())).list();
    }

    /** All levels' tallies, for documents (no scope). */
    public List<Tally> talliesUnscoped(UUID programmeId, int year) {
        return jdbc.sql("""
                select owner_region, count(*), count(*) filter (where status = 'SOLVED'), count(*) filter (where status = 'DROPPED')
                from cmp_practical_item where programme_id = :p and year = :y group by owner_region order by owner_region nulls first""")
                .param("p", programmeId).param("y", year)
                .query((rs, n) -> new Tally(rs.getString(1), year, rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        properties.practicalItemsPerYear())).list();
    }

    public record Detail(Views.PracticalView item, List<Transition> history, java.util.Set<PracticalItem.Action> actions) {
    }

    public List<Views.PracticalView> views(UUID programmeId, Integer year, String ownerRegion, CampaignNames.Snapshot n) {
        LocalDate today = time.today();
        return list(programmeId, year, ownerRegion).stream().map(i -> Views.of(i, n, today)).toList();
    }

    public Detail detail(UUID id) {
        CurrentUser user = CurrentUser.require();
        PracticalItem item = find(id, user, false).orElseThrow(CampaignErrors::itemNotFound);
        return new Detail(Views.of(item, names.snapshot(), time.today()), log.list(ENTITY, id, PracticalItem.Action.class),
                item.actionsFor(Actor.of(user)));
    }

    @Transactional
    public void progress(UUID id, Integer version, String note) {
        act(id, version, (i, a, now) -> i.progress(a, now, note));
    }

    @Transactional
    public void solve(UUID id, Integer version, String result, LocalDate solvedOn) {
        act(id, version, (i, a, now) -> i.solve(a, now, result, solvedOn, time.today()));
    }

    @Transactional
    public void drop(UUID id, Integer version, String reason) {
        act(id, version, (i, a, now) -> i.drop(a, now, reason));
    }

    private interface Verb {
        void run(PracticalItem i, Actor actor, Instant now);
    }

    private void act(UUID id, Integer version, Verb work) {
        CurrentUser user = CurrentUser.require();
        PracticalItem i = find(id, user, true).orElseThrow(CampaignErrors::itemNotFound);
        CampaignErrors.checkVersion(version, i.version);
        PracticalItem.Status before = i.status;
        Instant now = time.now();
        work.run(i, Actor.of(user), now);
        int n = jdbc.sql("""
                update cmp_practical_item set status = :status, result = :result, solved_on = :solved, updated_at = :now,
                    version = version + 1 where id = :id and version = :version""")
                .param("status", i.status.name()).param("result", i.result).param("solved", i.solvedOn)
                .param("now", Timestamp.from(now)).param("id", id).param("version", i.version).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("practical item " + id + " changed");
        }
        log.append(ENTITY, id, i.transitions);
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "campaign-practical-item", id,
                Map.of("status", List.of(before.name(), i.status.name()))));
    }

    /** The city office sees every level's list; a county office its own; nobody else any. */
    private static CampaignScope.Sql ownerScope(CurrentUser user) {
        return switch (user.role()) {
            case CITY_OFFICE -> new CampaignScope.Sql("true", Map.of());
            case COUNTY_OFFICE -> user.scope().regionCode() == null ? new CampaignScope.Sql("false", Map.of())
                    : new CampaignScope.Sql("owner_region = :scopeCounty", Map.of("scopeCounty", user.scope().regionCode()));
            default -> new CampaignScope.Sql("false", Map.of());
        };
    }

    private Optional<PracticalItem> find(UUID id, CurrentUser user, boolean forUpdate) {
        CampaignScope.Sql s = ownerScope(user);
        return jdbc.sql("select * from cmp_practical_item where id = :id and " + s.where() + (forUpdate ? " for update" : ""))
                .param("id", id).params(s.params()).query(PracticalItemService::map).optional();
    }

    private static PracticalItem map(ResultSet rs, int n) throws SQLException {
        Date solved = rs.getDate("solved_on");
        return new PracticalItem(rs.getObject("id", UUID.class), rs.getObject("programme_id", UUID.class), rs.getInt("year"),
                rs.getString("owner_region"), rs.getString("title"), rs.getString("category"),
                rs.getObject("responsible_unit_id", UUID.class), rs.getDate("due_on").toLocalDate(),
                PracticalItem.Status.valueOf(rs.getString("status")), rs.getString("result"),
                solved == null ? null : solved.toLocalDate(), rs.getInt("version"));
    }
}
