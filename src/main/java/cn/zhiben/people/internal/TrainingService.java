package cn.zhiben.people.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.people.PeopleEvents;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Training sessions with attendance (安全生产法 Art. 28: the unit keeps a 培训档案 of time, content, attendees and results).
 * An enterprise records its own sessions; a department records a 集中培训 it organised (plan items 15, 16) for persons of
 * several enterprises in its scope. Days attended are what coverage counts (docs/people.md, "Coverage").
 */
@Service
public class TrainingService {

    static final String ENTITY = "training_session";
    static final BigDecimal MAX_DAYS = BigDecimal.valueOf(60);

    private final JdbcClient jdbc;
    private final RegisterRepository register;
    private final RegisterService registerService;
    private final ScopedEnterprises enterprises;
    private final ReferenceData reference;
    private final EvidenceStore evidence;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    TrainingService(JdbcClient jdbc, RegisterRepository register, RegisterService registerService,
                    ScopedEnterprises enterprises, ReferenceData reference, EvidenceStore evidence, AuditLog audit,
                    ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.register = register;
        this.registerService = registerService;
        this.enterprises = enterprises;
        this.reference = reference;
        this.evidence = evidence;
        this.audit = audit;
        this.events = events;
    }

    public record AttendeeInput(UUID personId, BigDecimal days, Integer score) {
    }

    /**
     * @param enterpriseId the enterprise that trains its own staff; null for a session a department organised (an
     *                     enterprise account may leave it out: its own)
     */
    public record SessionInput(UUID enterpriseId, String title, List<String> topics, LocalDate startsOn, LocalDate endsOn,
                               BigDecimal days, BigDecimal hours, String mode, String location, String notes,
                               List<AttendeeInput> attendees) {
    }

    public record AttendeeView(UUID personId, String name, String idNumber, String enterpriseName, BigDecimal days,
                               Integer score) {
    }

    public record SessionView(UUID id, String organizerKind, UUID enterpriseId, String enterpriseName, String organizer,
                              String title, List<RegisterService.Option> topics, LocalDate startsOn, LocalDate endsOn,
                              BigDecimal days, BigDecimal hours, RegisterService.Option mode, String location, String notes,
                              int attendees, boolean demo) {
    }

    public record SessionDetail(SessionView session, List<AttendeeView> attendees, List<EvidenceStore.Evidence> evidence) {
    }

    // ---------------------------------------------------------------- writes

    @Transactional
    public UUID create(CurrentUser user, SessionInput in) {
        boolean own = in.enterpriseId() != null || user.scope().enterpriseId() != null;
        if (own) {
            PeopleRules.requireKeepsRecords(user);
        } else {
            PeopleRules.require(PeopleRules.organisesTraining(user), "PEOPLE_WRITE_FORBIDDEN", "当前账号不能登记集中培训");
        }
        EnterpriseRef enterprise = own ? enterprises.require(user, in.enterpriseId()) : null;
        Check c = new Check();
        String title = c.required("title", "培训名称", in.title(), 100);
        Set<String> topics = topics(c, in.topics());
        c.notNull("startsOn", "开始日期", in.startsOn());
        c.sane("startsOn", "开始日期", in.startsOn());
        c.notAfter("startsOn", "开始日期", in.startsOn(), registerService.today());
        LocalDate ends = in.endsOn() != null ? in.endsOn() : in.startsOn();
        c.sane("endsOn", "结束日期", ends);
        if (in.startsOn() != null && ends != null && ends.isBefore(in.startsOn())) {
            c.add("endsOn", "结束日期不能早于开始日期");
        }
        BigDecimal days = c.range("days", "培训天数", in.days(), new BigDecimal("0.5"), MAX_DAYS, true);
        if (days != null && in.startsOn() != null && ends != null && !ends.isBefore(in.startsOn())
                && days.compareTo(BigDecimal.valueOf(ChronoUnit.DAYS.between(in.startsOn(), ends) + 1)) > 0) {
            c.add("days", "培训天数不能多于起止日期之间的天数");
        }
        BigDecimal hours = c.range("hours", "学时", in.hours(), new BigDecimal("0.5"), BigDecimal.valueOf(600), false);
        SessionMode mode = in.mode() == null || in.mode().isBlank() ? SessionMode.OFFLINE
                : Labels.parse(SessionMode.class, in.mode()).orElse(null);
        if (mode == null) {
            c.add("mode", "培训方式“" + in.mode() + "”无效");
        }
        String location = c.optional("location", "地点", in.location(), 200);
        String notes = c.optional("notes", "备注", in.notes(), 2000);
        List<Attendee> attendees = attendees(c, user, enterprise, in.attendees(), days);
        c.orThrow();
        UUID id = UUID.randomUUID();
        Instant now = registerService.now();
        jdbc.sql("""
                        insert into ppl_session (id, organizer_kind, enterprise_id, enterprise_name, region_code, zone_code,
                            industry_code, organizer, organizer_user_id, organizer_region, title, topics, starts_on, ends_on,
                            days, hours, mode, location, notes, demo, version, created_at, created_by, updated_at, updated_by)
                        values (:id, :kind, :ent, :entName, :region, :zone, :industry, :organizer, :uid, :oRegion, :title,
                            string_to_array(:topics, ','), :starts, :ends, :days, :hours, :mode, :location, :notes, :demo, 0,
                            :at, :by, :at, :by)""")
                .param("id", id).param("kind", own ? "ENTERPRISE" : "GOVERNMENT")
                .param("ent", own ? enterprise.id() : null, Types.OTHER)
                .param("entName", own ? enterprise.name() : null, Types.VARCHAR)
                .param("region", own ? enterprise.regionCode() : user.scope().regionCode(), Types.VARCHAR)
                .param("zone", own ? enterprise.zoneCode() : null, Types.VARCHAR)
                .param("industry", own ? enterprise.industryCode() : null, Types.VARCHAR)
                .param("organizer", own ? enterprise.name() : user.displayName()).param("uid", user.id())
                .param("oRegion", user.scope().regionCode(), Types.VARCHAR).param("title", title)
                .param("topics", String.join(",", topics)).param("starts", in.startsOn()).param("ends", ends)
                .param("days", days).param("hours", hours, Types.NUMERIC).param("mode", mode.name())
                .param("location", location, Types.VARCHAR).param("notes", notes, Types.VARCHAR)
                .param("demo", own ? enterprise.demo() : !attendees.isEmpty() && attendees.stream().allMatch(Attendee::demo)).param("at", Timestamp.from(now)).param("by", user.username())
                .update();
        insertAttendance(id, attendees, now, user.username());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("title", title);
        facts.put("organizer", own ? enterprise.name() : user.displayName());
        facts.put("startsOn", in.startsOn().toString());
        facts.put("days", days.toPlainString());
        facts.put("topics", String.join(",", topics));
        facts.put("attendees", attendees.size());
        audit.record(AuditEntry.success(AuditAction.CREATE, ENTITY, id, facts));
        publish(id);
        return id;
    }

    /** Adds attendees to a session (a sign-in sheet typed in later); someone already recorded is refused. */
    @Transactional
    public int addAttendance(CurrentUser user, UUID sessionId, List<AttendeeInput> in) {
        SessionRow s = load(user, sessionId);
        if (s.enterpriseId() != null) {
            PeopleRules.requireKeepsRecords(user);
        } else {
            PeopleRules.require(PeopleRules.organisesTraining(user) && user.id().equals(s.organizerUserId())
                            || user.role() == cn.zhiben.platform.security.Role.CITY_OFFICE,
                    "PEOPLE_WRITE_FORBIDDEN", "只有组织该培训的账号可以补录签到");
        }
        EnterpriseRef enterprise = s.enterpriseId() == null ? null : enterprises.require(user, s.enterpriseId());
        Check c = new Check();
        if (in == null || in.isEmpty()) {
            c.add("attendees", "请至少填写一名参训人员");
        }
        List<Attendee> attendees = attendees(c, user, enterprise, in, s.days());
        c.orThrow();
        for (Attendee a : attendees) {
            boolean exists = jdbc.sql("select exists (select 1 from ppl_attendance where session_id = :s and person_id = :p)")
                    .param("s", sessionId).param("p", a.personId()).query(Boolean.class).single();
            if (exists) {
                throw ProblemException.conflict("ATTENDANCE_EXISTS", PeopleMasks.name(a.name()) + " 已在该培训的签到名单中");
            }
        }
        insertAttendance(sessionId, attendees, registerService.now(), user.username());
        audit.record(AuditEntry.success(AuditAction.UPDATE, ENTITY, sessionId,
                Map.of("attendeesAdded", attendees.size(), "persons",
                        String.join(",", attendees.stream().map(a -> PeopleMasks.name(a.name())).toList()))));
        publish(sessionId);
        return attendees.size();
    }

    @Transactional
    public EvidenceStore.Evidence attach(CurrentUser user, UUID sessionId, String fileName, byte[] bytes) {
        SessionRow s = load(user, sessionId);
        if (s.enterpriseId() != null) {
            PeopleRules.requireKeepsRecords(user);
        } else {
            PeopleRules.require(PeopleRules.organisesTraining(user), "PEOPLE_WRITE_FORBIDDEN", "当前账号不能上传培训佐证");
        }
        EvidenceStore.Evidence e = evidence.store("SESSION", sessionId, fileName, bytes, user.username(), registerService.now());
        audit.record(AuditEntry.success(AuditAction.CREATE, "evidence", e.id(),
                Map.of("session", sessionId.toString(), "file", e.fileName(), "size", e.size())));
        return e;
    }

    private record Attendee(UUID personId, String name, UUID enterpriseId, BigDecimal days, Integer score, boolean demo) {
    }

    private List<Attendee> attendees(Check c, CurrentUser user, EnterpriseRef enterprise, List<AttendeeInput> in,
                                     BigDecimal sessionDays) {
        List<Attendee> out = new ArrayList<>();
        if (in == null) {
            return out;
        }
        if (in.size() > 2000) {
            c.add("attendees", "一次最多登记 2000 名参训人员");
            return out;
        }
        Set<UUID> seen = new LinkedHashSet<>();
        LocalDate today = registerService.today();
        for (int i = 0; i < in.size(); i++) {
            AttendeeInput a = in.get(i);
            String f = "attendees[" + i + "]";
            if (a == null || a.personId() == null) {
                c.add(f + ".personId", "第 " + (i + 1) + " 名参训人员未选择");
                continue;
            }
            if (!seen.add(a.personId())) {
                c.add(f + ".personId", "第 " + (i + 1) + " 名参训人员重复");
                continue;
            }
            RegisterRepository.PersonRow p = register.personInScope(a.personId(), user.scope()).orElse(null);
            if (p == null) {
                c.add(f + ".personId", "第 " + (i + 1) + " 名参训人员不存在或不在您的数据范围内");
                continue;
            }
            List<RegisterRepository.EmploymentRow> jobs = register.employmentsOf(p.id());
            UUID at = null;
            if (enterprise != null) {
                if (jobs.stream().noneMatch(e -> e.enterpriseId().equals(enterprise.id()))) {
                    c.add(f + ".personId", PeopleMasks.name(p.name()) + " 不在本企业人员名册中");
                    continue;
                }
                at = enterprise.id();
            } else {
                at = jobs.stream().filter(e -> e.activeOn(today)).findFirst()
                        .or(() -> jobs.stream().findFirst()).map(RegisterRepository.EmploymentRow::enterpriseId).orElse(null);
            }
            BigDecimal days = a.days() != null ? a.days() : sessionDays;
            c.range(f + ".days", "第 " + (i + 1) + " 名参训天数", days, new BigDecimal("0.5"), MAX_DAYS, true);
            if (days != null && sessionDays != null && days.compareTo(sessionDays) > 0) {
                c.add(f + ".days", "第 " + (i + 1) + " 名参训天数不能多于培训天数");
            }
            if (a.score() != null && (a.score() < 0 || a.score() > 100)) {
                c.add(f + ".score", "第 " + (i + 1) + " 名考试成绩应在 0～100 之间");
            }
            out.add(new Attendee(p.id(), p.name(), at, days, a.score(), p.demo()));
        }
        return out;
    }

    private void insertAttendance(UUID sessionId, List<Attendee> attendees, Instant at, String by) {
        for (Attendee a : attendees) {
            jdbc.sql("""
                            insert into ppl_attendance (session_id, person_id, enterprise_id, days, score, recorded_at, recorded_by)
                            values (:s, :p, :e, :d, :score, :at, :by)""")
                    .param("s", sessionId).param("p", a.personId()).param("e", a.enterpriseId(), Types.OTHER)
                    .param("d", a.days()).param("score", a.score(), Types.INTEGER).param("at", Timestamp.from(at))
                    .param("by", by).update();
        }
    }

    private Set<String> topics(Check c, List<String> in) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, String> names = reference.topicNames();
        if (in == null || in.stream().allMatch(t -> t == null || t.isBlank())) {
            c.add("topics", "请至少选择一项培训内容");
            return out;
        }
        for (String t : in) {
            if (t == null || t.isBlank()) {
                continue;
            }
            String code = names.containsKey(t.strip()) ? t.strip()
                    : names.entrySet().stream().filter(e -> e.getValue().equals(t.strip())).map(Map.Entry::getKey).findFirst().orElse(null);
            if (code == null) {
                c.add("topics", "培训内容“" + t + "”无效");
            } else {
                out.add(code);
            }
        }
        return out;
    }

    private void publish(UUID id) {
        SessionRow s = row(id);
        int attendees = jdbc.sql("select count(*) from ppl_attendance where session_id = :s").param("s", id).query(Integer.class).single();
        int officers = jdbc.sql("select count(*) from ppl_officer_attendance where session_id = :s").param("s", id).query(Integer.class).single();
        events.publishEvent(new PeopleEvents.TrainingRecorded(id, s.enterpriseId(), s.regionCode(), s.industryCode(), s.startsOn(),
                s.days().doubleValue(), List.copyOf(s.topics()), attendees, officers, registerService.now()));
    }

    // ---------------------------------------------------------------- reads

    record SessionRow(UUID id, String organizerKind, UUID enterpriseId, String enterpriseName, String regionCode,
                      String zoneCode, String industryCode, String organizer, UUID organizerUserId, String title,
                      Set<String> topics, LocalDate startsOn, LocalDate endsOn, BigDecimal days, BigDecimal hours,
                      String mode, String location, String notes, boolean demo) {
    }

    private static SessionRow map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SessionRow(rs.getObject("id", UUID.class), rs.getString("organizer_kind"), rs.getObject("enterprise_id", UUID.class),
                rs.getString("enterprise_name"), rs.getString("region_code"), rs.getString("zone_code"),
                rs.getString("industry_code"), rs.getString("organizer"), rs.getObject("organizer_user_id", UUID.class),
                rs.getString("title"), Rows.texts(rs, "topics"), Rows.date(rs, "starts_on"), Rows.date(rs, "ends_on"),
                rs.getBigDecimal("days"), rs.getBigDecimal("hours"), rs.getString("mode"), rs.getString("location"),
                rs.getString("notes"), rs.getBoolean("demo"));
    }

    private SessionRow row(UUID id) {
        return jdbc.sql("select * from ppl_session where id = :id").param("id", id).query(TrainingService::map).single();
    }

    /**
     * Visible: an enterprise's sessions inside the scope; a department's 集中培训 to government accounts, and to anyone
     * in whose scope one of its attendees works.
     */
    private String visible(CurrentUser user, Map<String, Object> params) {
        var own = user.scope().toSql("s.enterprise_id", "s.region_code", "s.zone_code", "s.industry_code");
        var attendee = RegisterRepository.scope(user.scope(), "e");
        params.putAll(own.params());
        params.putAll(attendee.params());
        return "((s.enterprise_id is not null and " + own.where() + ") or (s.enterprise_id is null and ("
                + (PeopleRules.government(user) ? "true" : "false")
                + " or exists (select 1 from ppl_attendance a join ppl_employment e on e.person_id = a.person_id "
                + "where a.session_id = s.id and " + attendee.where() + "))))";
    }

    SessionRow load(CurrentUser user, UUID id) {
        PeopleRules.require(PeopleRules.reads(user), "PEOPLE_READ_FORBIDDEN", "当前账号不能查看人员信息");
        Map<String, Object> params = new LinkedHashMap<>();
        String where = visible(user, params);
        return jdbc.sql("select s.* from ppl_session s where s.id = :id and " + where).params(params).param("id", id)
                .query(TrainingService::map).optional()
                .orElseThrow(() -> ProblemException.notFound("TRAINING_NOT_FOUND", "培训记录不存在或不在您的数据范围内"));
    }

    @Transactional(readOnly = true)
    public List<SessionView> list(CurrentUser user, Integer year, UUID enterpriseId) {
        PeopleRules.require(PeopleRules.reads(user), "PEOPLE_READ_FORBIDDEN", "当前账号不能查看人员信息");
        if (year != null && (year < 2000 || year > 2100)) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "年度“" + year + "”不合理");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(visible(user, params));
        if (year != null) {
            where.append(" and s.starts_on between :from and :to");
            params.put("from", LocalDate.of(year, 1, 1));
            params.put("to", LocalDate.of(year, 12, 31));
        }
        if (enterpriseId != null) {
            where.append(" and (s.enterprise_id = :fEnt or exists (select 1 from ppl_attendance a where a.session_id = s.id and a.enterprise_id = :fEnt))");
            params.put("fEnt", enterpriseId);
        }
        Map<String, String> topicNames = reference.topicNames();
        return jdbc.sql("select s.*, (select count(*) from ppl_attendance a where a.session_id = s.id) as attendees "
                        + "from ppl_session s where " + where + " order by s.starts_on desc, s.id limit 500")
                .params(params)
                .query((rs, n) -> view(map(rs, n), rs.getInt("attendees"), topicNames)).list();
    }

    private static SessionView view(SessionRow s, int attendees, Map<String, String> topicNames) {
        SessionMode mode = SessionMode.valueOf(s.mode());
        return new SessionView(s.id(), s.organizerKind(), s.enterpriseId(), s.enterpriseName(), s.organizer(), s.title(),
                s.topics().stream().map(t -> new RegisterService.Option(t, topicNames.getOrDefault(t, t))).toList(),
                s.startsOn(), s.endsOn(), s.days(), s.hours(), new RegisterService.Option(mode.name(), mode.label()),
                s.location(), s.notes(), attendees, s.demo());
    }

    /** The session and those of its attendees the caller may see (names, ID numbers masked). */
    @Transactional(readOnly = true)
    public SessionDetail detail(CurrentUser user, UUID id) {
        SessionRow s = load(user, id);
        var q = RegisterRepository.scope(user.scope(), "e");
        List<AttendeeView> attendees = jdbc.sql("""
                        select a.person_id, p.name, p.id_number_mask, a.days, a.score,
                               (select e2.enterprise_name from ppl_employment e2 where e2.person_id = a.person_id
                                  and (a.enterprise_id is null or e2.enterprise_id = a.enterprise_id)
                                order by e2.started_on desc limit 1) as enterprise_name
                        from ppl_attendance a join ppl_person p on p.id = a.person_id
                        where a.session_id = :s and exists (select 1 from ppl_employment e where e.person_id = a.person_id and """
                        + " " + q.where() + ") order by p.name, a.person_id")
                .params(q.params()).param("s", id)
                .query((rs, n) -> new AttendeeView(rs.getObject("person_id", UUID.class), rs.getString("name"),
                        rs.getString("id_number_mask"), rs.getString("enterprise_name"), rs.getBigDecimal("days"),
                        (Integer) rs.getObject("score"))).list();
        return new SessionDetail(view(s, attendees.size(), reference.topicNames()), attendees, evidence.list("SESSION", id));
    }

    public EvidenceStore.Content evidence(CurrentUser user, UUID sessionId, UUID evidenceId) {
        load(user, sessionId);
        EvidenceStore.Evidence e = evidence.find(evidenceId).filter(x -> x.ownerId().equals(sessionId))
                .orElseThrow(() -> ProblemException.notFound("EVIDENCE_NOT_FOUND", "佐证材料不存在"));
        return new EvidenceStore.Content(e, evidence.bytes(evidenceId));
    }

    /** Attendance of persons, for coverage: the session's first day, days attended and topics. */
    public List<CoveragePolicy.Attendance> attendanceOf(java.util.Collection<UUID> personIds, LocalDate from, LocalDate to) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        List<CoveragePolicy.Attendance> out = new ArrayList<>();
        List<UUID> all = List.copyOf(personIds);
        for (int i = 0; i < all.size(); i += 1000) {
            out.addAll(jdbc.sql("""
                            select a.person_id, s.starts_on, a.days, s.topics from ppl_attendance a join ppl_session s on s.id = a.session_id
                            where a.person_id in (:p) and s.starts_on between :f and :t""")
                    .param("p", all.subList(i, Math.min(all.size(), i + 1000))).param("f", from).param("t", to)
                    .query((rs, n) -> new CoveragePolicy.Attendance(rs.getObject("person_id", UUID.class),
                            Rows.date(rs, "starts_on"), rs.getBigDecimal("days"), Rows.texts(rs, "topics"))).list());
        }
        return out;
    }

}
