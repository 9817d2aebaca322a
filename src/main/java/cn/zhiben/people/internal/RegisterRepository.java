package cn.zhiben.people.internal;

import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.RegionCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** SQL for persons and employments. Reads take the caller's scope and apply it to the employment's copied columns. */
@Repository
public class RegisterRepository {

    private final JdbcClient jdbc;

    RegisterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record PersonRow(UUID id, String name, String idNumberEnc, String idNumberMask, String idNumberDigest,
                            String mobileEnc, String mobileMask, boolean demo, int version, Instant createdAt,
                            String createdBy, Instant updatedAt, String updatedBy) {
    }

    public record EmploymentRow(UUID id, UUID personId, UUID enterpriseId, String enterpriseName, String regionCode,
                                String zoneCode, String industryCode, Set<PersonRole> roles, EmploymentType type,
                                String post, String postKind, String operationType, LocalDate startedOn,
                                LocalDate endedOn, String endReason, boolean demo, int version, Instant createdAt,
                                String createdBy, Instant updatedAt, String updatedBy) {

        public boolean activeOn(LocalDate d) {
            return !startedOn.isAfter(d) && (endedOn == null || !endedOn.isBefore(d));
        }
    }

    /** A row of the register: an employment with its person's name and masked numbers. */
    public record Entry(EmploymentRow employment, String name, String idNumberMask, String mobileMask) {
    }

    public static DataScope.Sql scope(DataScope scope, String alias) {
        return scope.toSql(alias + ".enterprise_id", alias + ".region_code", alias + ".zone_code", alias + ".industry_code");
    }

    // ---------------------------------------------------------------- persons

    public Optional<PersonRow> personByDigest(String digest) {
        return jdbc.sql("select * from ppl_person where id_number_digest = :d").param("d", digest)
                .query(RegisterRepository::person).optional();
    }

    public Optional<PersonRow> person(UUID id) {
        return jdbc.sql("select * from ppl_person where id = :id").param("id", id).query(RegisterRepository::person).optional();
    }

    /** The person, if one of their employments (current or past) lies in the scope. */
    public Optional<PersonRow> personInScope(UUID id, DataScope scope) {
        DataScope.Sql s = scope(scope, "e");
        return jdbc.sql("select p.* from ppl_person p where p.id = :id and exists (select 1 from ppl_employment e where e.person_id = p.id and "
                        + s.where() + ")")
                .params(s.params()).param("id", id).query(RegisterRepository::person).optional();
    }

    public void insertPerson(PersonRow p) {
        jdbc.sql("""
                        insert into ppl_person (id, name, id_number_enc, id_number_mask, id_number_digest, mobile_enc, mobile_mask,
                                                demo, version, created_at, created_by, updated_at, updated_by)
                        values (:id, :name, :idEnc, :idMask, :digest, :mEnc, :mMask, :demo, 0, :at, :by, :at, :by)""")
                .param("id", p.id()).param("name", p.name()).param("idEnc", p.idNumberEnc()).param("idMask", p.idNumberMask())
                .param("digest", p.idNumberDigest()).param("mEnc", p.mobileEnc(), Types.VARCHAR)
                .param("mMask", p.mobileMask(), Types.VARCHAR).param("demo", p.demo())
                .param("at", Timestamp.from(p.createdAt())).param("by", p.createdBy()).update();
    }

    public boolean updatePerson(UUID id, int version, String name, String mobileEnc, String mobileMask, Instant at, String by) {
        return jdbc.sql("""
                        update ppl_person set name = :name, mobile_enc = :mEnc, mobile_mask = :mMask, version = version + 1,
                            updated_at = :at, updated_by = :by where id = :id and version = :v""")
                .param("name", name).param("mEnc", mobileEnc, Types.VARCHAR).param("mMask", mobileMask, Types.VARCHAR)
                .param("at", Timestamp.from(at)).param("by", by).param("id", id).param("v", version).update() == 1;
    }

    // ---------------------------------------------------------------- employments

    public void insertEmployment(EmploymentRow e) {
        jdbc.sql("""
                        insert into ppl_employment (id, person_id, enterprise_id, enterprise_name, region_code, zone_code,
                            industry_code, roles, employment_type, post, post_kind, operation_type, started_on, ended_on,
                            end_reason, demo, version, created_at, created_by, updated_at, updated_by)
                        values (:id, :person, :ent, :entName, :region, :zone, :industry, string_to_array(:roles, ','), :type,
                            :post, :postKind, :op, :from, :to, :reason, :demo, 0, :at, :by, :at, :by)""")
                .param("id", e.id()).param("person", e.personId()).param("ent", e.enterpriseId())
                .param("entName", e.enterpriseName()).param("region", e.regionCode()).param("zone", e.zoneCode(), Types.VARCHAR)
                .param("industry", e.industryCode()).param("roles", Rows.csv(e.roles())).param("type", e.type().name())
                .param("post", e.post(), Types.VARCHAR).param("postKind", e.postKind())
                .param("op", e.operationType(), Types.VARCHAR).param("from", e.startedOn())
                .param("to", e.endedOn(), Types.DATE).param("reason", e.endReason(), Types.VARCHAR).param("demo", e.demo())
                .param("at", Timestamp.from(e.createdAt())).param("by", e.createdBy()).update();
    }

    public boolean updateEmployment(EmploymentRow e, int expectedVersion) {
        return jdbc.sql("""
                        update ppl_employment set roles = string_to_array(:roles, ','), employment_type = :type, post = :post,
                            post_kind = :postKind, operation_type = :op, started_on = :from, ended_on = :to, end_reason = :reason,
                            version = version + 1, updated_at = :at, updated_by = :by
                        where id = :id and version = :v""")
                .param("roles", Rows.csv(e.roles())).param("type", e.type().name()).param("post", e.post(), Types.VARCHAR)
                .param("postKind", e.postKind()).param("op", e.operationType(), Types.VARCHAR).param("from", e.startedOn())
                .param("to", e.endedOn(), Types.DATE).param("reason", e.endReason(), Types.VARCHAR)
                .param("at", Timestamp.from(e.updatedAt())).param("by", e.updatedBy()).param("id", e.id())
                .param("v", expectedVersion).update() == 1;
    }

    public Optional<EmploymentRow> employmentInScope(UUID id, DataScope scope) {
        DataScope.Sql s = scope(scope, "e");
        return jdbc.sql("select e.* from ppl_employment e where e.id = :id and " + s.where()).params(s.params())
                .param("id", id).query(RegisterRepository::employment).optional();
    }

    public boolean openEmploymentExists(UUID personId, UUID enterpriseId) {
        return jdbc.sql("select exists (select 1 from ppl_employment where person_id = :p and enterprise_id = :e and ended_on is null)")
                .param("p", personId).param("e", enterpriseId).query(Boolean.class).single();
    }

    public List<EmploymentRow> employmentsOf(UUID personId) {
        return jdbc.sql("select * from ppl_employment where person_id = :p order by started_on desc, created_at desc")
                .param("p", personId).query(RegisterRepository::employment).list();
    }

    public List<EmploymentRow> employmentsOf(Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from ppl_employment where person_id in (:p)").param("p", List.copyOf(personIds))
                .query(RegisterRepository::employment).list();
    }

    /** Employments at these enterprises (for coverage), with the person's name. */
    public List<Entry> employmentsAt(Collection<UUID> enterpriseIds) {
        if (enterpriseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select e.*, p.name, p.id_number_mask, p.mobile_mask from ppl_employment e join ppl_person p on p.id = e.person_id "
                        + "where e.enterprise_id in (:ids)")
                .param("ids", List.copyOf(enterpriseIds)).query(RegisterRepository::entry).list();
    }

    /** Employments active on the date inside the scope (the whole city: null scope SQL). */
    public List<Entry> activeOn(LocalDate date, DataScope scope) {
        DataScope.Sql s = scope(scope, "e");
        return jdbc.sql("select e.*, p.name, p.id_number_mask, p.mobile_mask from ppl_employment e join ppl_person p on p.id = e.person_id "
                        + "where e.started_on <= :d and (e.ended_on is null or e.ended_on >= :d) and " + s.where())
                .params(s.params()).param("d", date).query(RegisterRepository::entry).list();
    }

    /** The search of the register page and API. */
    public record Criteria(String keyword, UUID enterpriseId, String regionCode, PersonRole role, EmploymentType type,
                           Boolean active, LocalDate today) {
    }

    public List<Entry> search(Criteria c, DataScope scope, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(c, scope, params);
        return jdbc.sql("select e.*, p.name, p.id_number_mask, p.mobile_mask from ppl_employment e join ppl_person p on p.id = e.person_id where "
                        + where + " order by e.enterprise_name, p.name, e.started_on desc, e.id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size).query(RegisterRepository::entry).list();
    }

    public long count(Criteria c, DataScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(c, scope, params);
        return jdbc.sql("select count(*) from ppl_employment e join ppl_person p on p.id = e.person_id where " + where)
                .params(params).query(Long.class).single();
    }

    private static String where(Criteria c, DataScope scope, Map<String, Object> params) {
        DataScope.Sql s = scope(scope, "e");
        StringBuilder w = new StringBuilder(s.where());
        params.putAll(s.params());
        if (c.keyword() != null && !c.keyword().isBlank()) {
            w.append(" and (p.name ilike :kw or e.enterprise_name ilike :kw or e.post ilike :kw)");
            params.put("kw", Rows.like(c.keyword()));
        }
        if (c.enterpriseId() != null) {
            w.append(" and e.enterprise_id = :fEnt");
            params.put("fEnt", c.enterpriseId());
        }
        if (c.regionCode() != null && !c.regionCode().isBlank()) {
            if (RegionCodes.isAdministrative(c.regionCode())) {
                w.append(" and e.region_code like :fRegion");
                params.put("fRegion", RegionCodes.subtreePrefix(c.regionCode()) + "%");
            } else {
                w.append(" and e.zone_code = :fZone");
                params.put("fZone", c.regionCode());
            }
        }
        if (c.role() != null) {
            w.append(" and e.roles @> array[cast(:fRole as text)]");
            params.put("fRole", c.role().name());
        }
        if (c.type() != null) {
            w.append(" and e.employment_type = :fType");
            params.put("fType", c.type().name());
        }
        if (c.active() != null) {
            w.append(c.active() ? " and (e.ended_on is null or e.ended_on >= :fToday)" : " and e.ended_on < :fToday");
            params.put("fToday", c.today());
        }
        return w.toString();
    }

    /** Refreshes the copied enterprise facts of its employments (the enterprise was renamed or moved). */
    public int refreshPlacement(UUID enterpriseId, String name, String region, String zone, String industry) {
        int n = 0;
        for (String table : List.of("ppl_employment", "ppl_retraining", "ppl_drill", "ppl_spot_exam")) {
            n += jdbc.sql("update " + table + " set enterprise_name = :n, region_code = :r, zone_code = :z, industry_code = :i "
                            + "where enterprise_id = :e and (enterprise_name, region_code, coalesce(zone_code, ''), industry_code) "
                            + "is distinct from (:n, :r, coalesce(:z, ''), :i)")
                    .param("n", name).param("r", region).param("z", zone, Types.VARCHAR).param("i", industry)
                    .param("e", enterpriseId).update();
        }
        n += jdbc.sql("update ppl_session set enterprise_name = :n, region_code = :r, zone_code = :z, industry_code = :i "
                        + "where enterprise_id = :e and (enterprise_name, region_code, coalesce(zone_code, ''), industry_code) "
                        + "is distinct from (:n, :r, coalesce(:z, ''), :i)")
                .param("n", name).param("r", region).param("z", zone, Types.VARCHAR).param("i", industry)
                .param("e", enterpriseId).update();
        return n;
    }

    public List<UUID> enterprisesWithRecords() {
        return jdbc.sql("""
                select enterprise_id from ppl_employment union select enterprise_id from ppl_drill
                union select enterprise_id from ppl_session where enterprise_id is not null""").query(UUID.class).list();
    }

    static PersonRow person(ResultSet rs, int n) throws SQLException {
        return new PersonRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("id_number_enc"),
                rs.getString("id_number_mask"), rs.getString("id_number_digest"), rs.getString("mobile_enc"),
                rs.getString("mobile_mask"), rs.getBoolean("demo"), rs.getInt("version"), Rows.instant(rs, "created_at"),
                rs.getString("created_by"), Rows.instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    static EmploymentRow employment(ResultSet rs, int n) throws SQLException {
        return new EmploymentRow(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"), rs.getString("region_code"),
                rs.getString("zone_code"), rs.getString("industry_code"), Rows.enums(rs, "roles", PersonRole.class),
                EmploymentType.valueOf(rs.getString("employment_type")), rs.getString("post"), rs.getString("post_kind"),
                rs.getString("operation_type"), Rows.date(rs, "started_on"), Rows.date(rs, "ended_on"),
                rs.getString("end_reason"), rs.getBoolean("demo"), rs.getInt("version"), Rows.instant(rs, "created_at"),
                rs.getString("created_by"), Rows.instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(employment(rs, n), rs.getString("name"), rs.getString("id_number_mask"), rs.getString("mobile_mask"));
    }
}
