package cn.zhiben.campaign.internal;

import cn.zhiben.platform.security.CurrentUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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

/** Tasks: the aggregate's loading and saving (optimistic version), and the scoped lists pages and the API read. */
@Repository
public class TaskRepository {

    static final String ENTITY = "task";
    private final JdbcClient jdbc;
    private final TransitionLog log;

    TaskRepository(JdbcClient jdbc, TransitionLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    public record Row(UUID id, UUID programmeId, UUID measureId, int measureNo, String measureTitle, int actionNo,
                      UUID parentId, Addressee addressee, OwnerRole role, LocalDate dueOn, TaskStatus status, int percent,
                      String lastNote, Instant lastNoteAt, LocalDate completedOn, int attachments, int version) {

        public boolean overdue(LocalDate today) {
            return status != TaskStatus.DONE && today.isAfter(dueOn);
        }
    }

    public record Filter(UUID programmeId, UUID measureId, TaskStatus status, Boolean overdue, UUID unitId,
                         String regionCode, LocalDate today) {
    }

    private static final String ROW = """
            select t.*, m.no as measure_no, m.title as measure_title, a.no as action_no,
              (select count(*) from cmp_attachment x where x.owner_type = 'task' and x.owner_id = t.id) as attachments
            from cmp_task t join cmp_measure m on m.id = t.measure_id join cmp_action a on a.id = m.action_id""";

    public Optional<Task> findForUpdate(UUID id, CurrentUser user) {
        CampaignScope.Sql s = CampaignScope.of(user, "t.unit_id", "t.region_code");
        return jdbc.sql("select t.* from cmp_task t where t.id = :id and " + s.where() + " for update")
                .param("id", id).params(s.params()).query(TaskRepository::aggregate).optional();
    }

    public Optional<Row> row(UUID id, CurrentUser user) {
        CampaignScope.Sql s = CampaignScope.of(user, "t.unit_id", "t.region_code");
        return jdbc.sql(ROW + " where t.id = :id and " + s.where()).param("id", id).params(s.params())
                .query(TaskRepository::row).optional();
    }

    public List<Row> search(CurrentUser user, Filter f, int limit) {
        CampaignScope.Sql s = CampaignScope.of(user, "t.unit_id", "t.region_code");
        StringBuilder where = new StringBuilder(s.where());
        Map<String, Object> p = new LinkedHashMap<>(s.params());
        if (f.programmeId() != null) {
            where.append(" and t.programme_id = :programme");
            p.put("programme", f.programmeId());
        }
        if (f.measureId() != null) {
            where.append(" and t.measure_id = :measure");
            p.put("measure", f.measureId());
        }
        if (f.status() != null) {
            where.append(" and t.status = :status");
            p.put("status", f.status().name());
        }
        if (f.overdue() != null) {
            where.append(f.overdue() ? " and t.status <> 'DONE' and t.due_on < :today" : " and not (t.status <> 'DONE' and t.due_on < :today)");
            p.put("today", f.today());
        }
        if (f.unitId() != null) {
            where.append(" and t.unit_id = :unit");
            p.put("unit", f.unitId());
        }
        if (f.regionCode() != null) {
            where.append(f.regionCode().equals("CITY") ? " and t.region_code is null" : " and t.region_code = :region");
            p.put("region", f.regionCode());
        }
        return jdbc.sql(ROW + " where " + where + " order by m.no, t.region_code nulls first, t.role, t.unit_id limit :limit")
                .params(p).param("limit", limit).query(TaskRepository::row).list();
    }

    /** Every task of a programme (the board and documents count them; the caller decides what it may show). */
    public List<Row> ofProgramme(UUID programmeId) {
        return jdbc.sql(ROW + " where t.programme_id = :p order by m.no").param("p", programmeId).query(TaskRepository::row).list();
    }

    public void insert(Task t, Instant now) {
        jdbc.sql("""
                insert into cmp_task (id, programme_id, measure_id, parent_id, unit_id, region_code, role, due_on, status,
                    percent, created_at, updated_at, version)
                values (:id, :p, :m, :parent, :u, :r, :role, :due, :status, 0, :now, :now, 0)
                on conflict (measure_id, unit_id, region_code) do nothing""")
                .param("id", t.id).param("p", t.programmeId).param("m", t.measureId).param("parent", t.parentId)
                .param("u", t.addressee.unitId()).param("r", t.addressee.regionCode()).param("role", t.role.name())
                .param("due", t.dueOn).param("status", t.status.name()).param("now", Timestamp.from(now)).update();
        log.append(ENTITY, t.id, t.transitions);
        t.transitions.clear();
    }

    public boolean exists(UUID measureId, Addressee a) {
        return jdbc.sql("""
                select exists (select 1 from cmp_task where measure_id = :m and unit_id is not distinct from :u
                  and region_code is not distinct from :r)""")
                .param("m", measureId).param("u", a.unitId()).param("r", a.regionCode()).query(Boolean.class).single();
    }

    public void save(Task t, Instant now) {
        int n = jdbc.sql("""
                update cmp_task set status = :status, percent = :percent, last_note = :note, last_note_at = :noteAt,
                    completed_on = :completed, updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("status", t.status.name()).param("percent", t.percent).param("note", t.lastNote)
                .param("noteAt", TransitionLog.ts(t.lastNoteAt)).param("completed", t.completedOn)
                .param("now", Timestamp.from(now)).param("id", t.id).param("version", t.version).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("task " + t.id + " changed");
        }
        t.version++;
        log.append(ENTITY, t.id, t.transitions);
        t.transitions.clear();
    }

    private static Task aggregate(ResultSet rs, int n) throws SQLException {
        Timestamp noteAt = rs.getTimestamp("last_note_at");
        Date completed = rs.getDate("completed_on");
        return new Task(rs.getObject("id", UUID.class), rs.getObject("programme_id", UUID.class),
                rs.getObject("measure_id", UUID.class), rs.getObject("parent_id", UUID.class),
                new Addressee(rs.getObject("unit_id", UUID.class), rs.getString("region_code")),
                OwnerRole.valueOf(rs.getString("role")), rs.getDate("due_on").toLocalDate(),
                TaskStatus.valueOf(rs.getString("status")), rs.getInt("percent"), rs.getString("last_note"),
                noteAt == null ? null : noteAt.toInstant(), completed == null ? null : completed.toLocalDate(),
                rs.getInt("version"));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp noteAt = rs.getTimestamp("last_note_at");
        Date completed = rs.getDate("completed_on");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("programme_id", UUID.class),
                rs.getObject("measure_id", UUID.class), rs.getInt("measure_no"), rs.getString("measure_title"),
                rs.getInt("action_no"), rs.getObject("parent_id", UUID.class),
                new Addressee(rs.getObject("unit_id", UUID.class), rs.getString("region_code")),
                OwnerRole.valueOf(rs.getString("role")), rs.getDate("due_on").toLocalDate(),
                TaskStatus.valueOf(rs.getString("status")), rs.getInt("percent"), rs.getString("last_note"),
                noteAt == null ? null : noteAt.toInstant(), completed == null ? null : completed.toLocalDate(),
                rs.getInt("attachments"), rs.getInt("version"));
    }
}
