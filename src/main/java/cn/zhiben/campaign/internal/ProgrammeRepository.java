package cn.zhiben.campaign.internal;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Programmes and their structure (actions, measures, owners, targets), calendar (schedules, exceptions) and parties. */
@Repository
public class ProgrammeRepository {

    static final String ENTITY = "programme";
    private final JdbcClient jdbc;
    private final TransitionLog log;

    ProgrammeRepository(JdbcClient jdbc, TransitionLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    public record TargetView(UUID id, int seq, LocalDate dueOn, boolean yearly, BigDecimal quantity, String quantityUnit,
                             String wording, String text) {
    }

    public record OwnerView(UUID unitId, OwnerRole role) {
    }

    public record MeasureView(UUID id, UUID actionId, int actionNo, int no, String title, String text, Levels levels,
                              OwnerRole officeRole, String basis, Instant checkedAt, String checkedBy,
                              List<OwnerView> owners, List<TargetView> targets) {

        /** The last dated target, or null: a task's due date is this, or the programme's end. */
        public LocalDate lastTargetDate() {
            return targets.stream().map(TargetView::dueOn).filter(java.util.Objects::nonNull).max(LocalDate::compareTo)
                    .orElse(null);
        }

        public boolean checked() {
            return checkedAt != null;
        }
    }

    public record ActionView(UUID id, int no, String numeral, String title, List<MeasureView> measures) {
    }

    public record ScheduleRow(ReportKind kind, Recurrence recurrence, String monthDay, LocalDate onceOn, Audience audience,
                              String source, boolean inferred, boolean active) {

        ReportCalendar.Schedule schedule() {
            return new ReportCalendar.Schedule(kind, recurrence, monthDay == null ? null : MonthDay.parse("--" + monthDay),
                    onceOn, audience);
        }
    }

    public record DueException(UUID id, ReportKind kind, String period, LocalDate dueOn, String reason, String setBy,
                               Instant setAt) {
    }

    // ---- programme ----

    public Optional<Programme> find(UUID id) {
        return jdbc.sql("select * from cmp_programme where id = :id").param("id", id).query(ProgrammeRepository::map).optional();
    }

    public Optional<Programme> findForUpdate(UUID id) {
        return jdbc.sql("select * from cmp_programme where id = :id for update").param("id", id)
                .query(ProgrammeRepository::map).optional();
    }

    public Optional<Programme> findByCode(String code) {
        return jdbc.sql("select * from cmp_programme where code = :c").param("c", code).query(ProgrammeRepository::map).optional();
    }

    public List<Programme> all() {
        return jdbc.sql("select * from cmp_programme order by starts_on desc, created_at desc").query(ProgrammeRepository::map).list();
    }

    public List<Programme> active() {
        return jdbc.sql("select * from cmp_programme where status = 'ACTIVE' order by starts_on").query(ProgrammeRepository::map).list();
    }

    public boolean codeTaken(String code) {
        return jdbc.sql("select exists (select 1 from cmp_programme where code = :c)").param("c", code)
                .query(Boolean.class).single();
    }

    public void save(Programme p) {
        int n = jdbc.sql("""
                update cmp_programme set title = :title, starts_on = :starts, ends_on = :ends, reporting_from = :from,
                    status = :status, activated_at = :activatedAt, version = version + 1
                where id = :id and version = :version""")
                .param("title", p.title).param("starts", p.startsOn).param("ends", p.endsOn).param("from", p.reportingFrom)
                .param("status", p.status.name()).param("activatedAt", TransitionLog.ts(p.activatedAt))
                .param("id", p.id).param("version", p.version).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("programme " + p.id + " changed");
        }
        p.version++;
        log.append(ENTITY, p.id, p.transitions);
        p.transitions.clear();
    }

    /** A new DRAFT programme with its whole structure, calendar and parties; returns its id. */
    public UUID insert(ReferencePlan.PlanDraft d, UUID copiedFrom, String copyReason, List<Party> parties, Actor actor,
                       Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into cmp_programme (id, code, title, document_number, issued_on, starts_on, ends_on, reporting_from,
                    status, source, copied_from, copy_reason, created_at, created_by, version)
                values (:id, :code, :title, :doc, :issued, :starts, :ends, :from, 'DRAFT', :source, :copiedFrom, :reason,
                    :now, :by, 0)""")
                .param("id", id).param("code", d.code()).param("title", d.title()).param("doc", d.documentNumber())
                .param("issued", d.issuedOn()).param("starts", d.startsOn()).param("ends", d.endsOn())
                .param("from", d.reportingFrom()).param("source", d.source()).param("copiedFrom", copiedFrom)
                .param("reason", copyReason).param("now", Timestamp.from(now)).param("by", actor.name()).update();
        for (ReferencePlan.ActionDraft a : d.actions()) {
            UUID actionId = UUID.randomUUID();
            jdbc.sql("insert into cmp_action (id, programme_id, no, numeral, title) values (:id, :p, :no, :numeral, :title)")
                    .param("id", actionId).param("p", id).param("no", a.no()).param("numeral", a.numeral())
                    .param("title", a.title()).update();
            for (ReferencePlan.MeasureDraft m : a.measures()) {
                UUID measureId = UUID.randomUUID();
                jdbc.sql("""
                        insert into cmp_measure (id, programme_id, action_id, no, title, text, levels, office_role, basis)
                        values (:id, :p, :a, :no, :title, :text, :levels, :office, :basis)""")
                        .param("id", measureId).param("p", id).param("a", actionId).param("no", m.no())
                        .param("title", m.title()).param("text", m.text()).param("levels", m.levels().name())
                        .param("office", m.officeRole() == null ? null : m.officeRole().name()).param("basis", m.basis())
                        .update();
                writeOwners(measureId, m.units());
                writeTargets(measureId, m.targets());
            }
        }
        for (ReferencePlan.ScheduleDraft s : d.schedules()) {
            jdbc.sql("""
                    insert into cmp_schedule (programme_id, kind, recurrence, month_day, once_on, audience, source, inferred)
                    values (:p, :kind, :rec, :md, :once, :aud, :source, :inferred)""")
                    .param("p", id).param("kind", s.kind().name()).param("rec", s.recurrence().name())
                    .param("md", s.monthDay()).param("once", s.onceOn()).param("aud", s.audience().name())
                    .param("source", s.source()).param("inferred", s.inferred()).update();
        }
        for (Party party : parties) {
            jdbc.sql("insert into cmp_party (programme_id, unit_id, region_code, active) values (:p, :u, :r, :a)")
                    .param("p", id).param("u", party.addressee().unitId()).param("r", party.addressee().regionCode())
                    .param("a", party.active()).update();
        }
        ProgrammeAction how = copiedFrom == null ? ProgrammeAction.LOAD : ProgrammeAction.COPY;
        log.append(ENTITY, id, List.of(new Transition(null, ProgrammeStatus.DRAFT.name(), how.name(), how.label(),
                actor.userId(), actor.name(), actor.role() == null ? null : actor.role().name(), false, now, copyReason)));
        return id;
    }

    void writeOwners(UUID measureId, List<ReferencePlan.UnitRole> owners) {
        jdbc.sql("delete from cmp_measure_unit where measure_id = :m").param("m", measureId).update();
        for (ReferencePlan.UnitRole u : owners) {
            jdbc.sql("insert into cmp_measure_unit (measure_id, unit_id, role) values (:m, :u, :r)")
                    .param("m", measureId).param("u", u.unitId()).param("r", u.role().name()).update();
        }
    }

    void writeTargets(UUID measureId, List<ReferencePlan.TargetDraft> targets) {
        jdbc.sql("delete from cmp_target where measure_id = :m").param("m", measureId).update();
        for (ReferencePlan.TargetDraft t : targets) {
            jdbc.sql("""
                    insert into cmp_target (id, measure_id, seq, due_on, yearly, quantity, quantity_unit, wording, text)
                    values (:id, :m, :seq, :due, :yearly, :q, :qu, :wording, :text)""")
                    .param("id", UUID.randomUUID()).param("m", measureId).param("seq", t.seq()).param("due", t.dueOn())
                    .param("yearly", t.yearly()).param("q", t.quantity()).param("qu", t.quantityUnit())
                    .param("wording", t.wording()).param("text", t.text()).update();
        }
    }

    void updateMeasure(UUID measureId, String title, Levels levels, OwnerRole officeRole, String basis) {
        jdbc.sql("""
                update cmp_measure set title = :title, levels = :levels, office_role = :office, basis = :basis,
                    checked_at = null, checked_by = null where id = :id""")
                .param("title", title).param("levels", levels.name())
                .param("office", officeRole == null ? null : officeRole.name()).param("basis", basis)
                .param("id", measureId).update();
    }

    void markChecked(UUID measureId, String by, Instant at) {
        jdbc.sql("update cmp_measure set checked_at = :at, checked_by = :by where id = :id")
                .param("at", Timestamp.from(at)).param("by", by).param("id", measureId).update();
    }

    public long uncheckedMeasures(UUID programmeId) {
        return jdbc.sql("select count(*) from cmp_measure where programme_id = :p and checked_at is null")
                .param("p", programmeId).query(Long.class).single();
    }

    // ---- structure ----

    public List<ActionView> structure(UUID programmeId) {
        Map<UUID, List<OwnerView>> owners = new LinkedHashMap<>();
        jdbc.sql("""
                select mu.measure_id, mu.unit_id, mu.role from cmp_measure_unit mu join cmp_measure m on m.id = mu.measure_id
                where m.programme_id = :p order by mu.measure_id, mu.role, mu.unit_id""")
                .param("p", programmeId)
                .query(rs -> {
                    owners.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new OwnerView(rs.getObject(2, UUID.class), OwnerRole.valueOf(rs.getString(3))));
                });
        Map<UUID, List<TargetView>> targets = new LinkedHashMap<>();
        jdbc.sql("""
                select t.* from cmp_target t join cmp_measure m on m.id = t.measure_id where m.programme_id = :p
                order by t.measure_id, t.seq""")
                .param("p", programmeId)
                .query(rs -> {
                    Date due = rs.getDate("due_on");
                    targets.computeIfAbsent(rs.getObject("measure_id", UUID.class), k -> new ArrayList<>()).add(new TargetView(
                            rs.getObject("id", UUID.class), rs.getInt("seq"), due == null ? null : due.toLocalDate(),
                            rs.getBoolean("yearly"), rs.getBigDecimal("quantity"), rs.getString("quantity_unit"),
                            rs.getString("wording"), rs.getString("text")));
                });
        Map<UUID, List<MeasureView>> measures = new LinkedHashMap<>();
        jdbc.sql("""
                select m.*, a.no as action_no from cmp_measure m join cmp_action a on a.id = m.action_id
                where m.programme_id = :p order by m.no""")
                .param("p", programmeId)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String office = rs.getString("office_role");
                    Timestamp checked = rs.getTimestamp("checked_at");
                    measures.computeIfAbsent(rs.getObject("action_id", UUID.class), k -> new ArrayList<>()).add(new MeasureView(
                            id, rs.getObject("action_id", UUID.class), rs.getInt("action_no"), rs.getInt("no"),
                            rs.getString("title"), rs.getString("text"), Levels.valueOf(rs.getString("levels")),
                            office == null ? null : OwnerRole.valueOf(office), rs.getString("basis"),
                            checked == null ? null : checked.toInstant(), rs.getString("checked_by"),
                            List.copyOf(owners.getOrDefault(id, List.of())), List.copyOf(targets.getOrDefault(id, List.of()))));
                });
        return jdbc.sql("select * from cmp_action where programme_id = :p order by no").param("p", programmeId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new ActionView(id, rs.getInt("no"), rs.getString("numeral"), rs.getString("title"),
                            List.copyOf(measures.getOrDefault(id, List.of())));
                }).list();
    }

    public Optional<MeasureView> measure(UUID measureId) {
        UUID programme = jdbc.sql("select programme_id from cmp_measure where id = :id").param("id", measureId)
                .query(UUID.class).optional().orElse(null);
        if (programme == null) {
            return Optional.empty();
        }
        return structure(programme).stream().flatMap(a -> a.measures().stream()).filter(m -> m.id().equals(measureId))
                .findFirst();
    }

    public Optional<UUID> programmeOfMeasure(UUID measureId) {
        return jdbc.sql("select programme_id from cmp_measure where id = :id").param("id", measureId).query(UUID.class).optional();
    }

    // ---- calendar and parties ----

    public List<ScheduleRow> schedules(UUID programmeId) {
        return jdbc.sql("select * from cmp_schedule where programme_id = :p order by kind").param("p", programmeId)
                .query((rs, n) -> {
                    Date once = rs.getDate("once_on");
                    return new ScheduleRow(ReportKind.valueOf(rs.getString("kind")), Recurrence.valueOf(rs.getString("recurrence")),
                            rs.getString("month_day"), once == null ? null : once.toLocalDate(),
                            Audience.valueOf(rs.getString("audience")), rs.getString("source"), rs.getBoolean("inferred"),
                            rs.getBoolean("active"));
                }).list();
    }

    public List<DueException> exceptions(UUID programmeId) {
        return jdbc.sql("select * from cmp_due_exception where programme_id = :p order by kind, period").param("p", programmeId)
                .query((rs, n) -> new DueException(rs.getObject("id", UUID.class), ReportKind.valueOf(rs.getString("kind")),
                        rs.getString("period"), rs.getDate("due_on").toLocalDate(), rs.getString("reason"),
                        rs.getString("set_by"), rs.getTimestamp("set_at").toInstant()))
                .list();
    }

    void putException(UUID programmeId, ReportKind kind, String period, LocalDate dueOn, String reason, String by, Instant at) {
        jdbc.sql("""
                insert into cmp_due_exception (id, programme_id, kind, period, due_on, reason, set_by, set_at)
                values (:id, :p, :k, :period, :due, :reason, :by, :at)
                on conflict (programme_id, kind, period) do update set due_on = excluded.due_on, reason = excluded.reason,
                    set_by = excluded.set_by, set_at = excluded.set_at""")
                .param("id", UUID.randomUUID()).param("p", programmeId).param("k", kind.name()).param("period", period)
                .param("due", dueOn).param("reason", reason).param("by", by).param("at", Timestamp.from(at)).update();
    }

    public record Party(Addressee addressee, boolean active) {
    }

    public List<Party> parties(UUID programmeId) {
        return jdbc.sql("select unit_id, region_code, active from cmp_party where programme_id = :p")
                .param("p", programmeId)
                .query((rs, n) -> new Party(new Addressee(rs.getObject(1, UUID.class), rs.getString(2)), rs.getBoolean(3)))
                .list();
    }

    void setParty(UUID programmeId, Addressee a, boolean active) {
        jdbc.sql("""
                insert into cmp_party (programme_id, unit_id, region_code, active) values (:p, :u, :r, :a)
                on conflict (programme_id, unit_id, region_code) do update set active = excluded.active""")
                .param("p", programmeId).param("u", a.unitId()).param("r", a.regionCode()).param("a", active).update();
    }

    private static Programme map(ResultSet rs, int n) throws SQLException {
        Date issued = rs.getDate("issued_on");
        Timestamp activated = rs.getTimestamp("activated_at");
        return new Programme(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("title"),
                rs.getString("document_number"), issued == null ? null : issued.toLocalDate(),
                rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                rs.getDate("reporting_from").toLocalDate(), ProgrammeStatus.valueOf(rs.getString("status")),
                rs.getString("source"), rs.getObject("copied_from", UUID.class),
                activated == null ? null : activated.toInstant(), rs.getInt("version"));
    }
}
