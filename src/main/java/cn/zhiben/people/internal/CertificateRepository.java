package cn.zhiben.people.internal;

import cn.zhiben.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for certificates, their reviews and the notices sent about them. */
@Repository
public class CertificateRepository {

    private final JdbcClient jdbc;

    CertificateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CertificateRow(UUID id, UUID personId, String typeCode, String operationItem, String numberEnc,
                                 String numberMask, String numberDigest, String issuer, LocalDate issuedOn,
                                 LocalDate validUntil, LocalDate nextReviewOn, LocalDate nationalRegisteredOn,
                                 LocalDate revokedOn, String revokeReason, boolean demo, int version, Instant createdAt,
                                 String createdBy, Instant updatedAt, String updatedBy) {

        public CertificatePolicy.Dates dates() {
            return new CertificatePolicy.Dates(issuedOn, validUntil, nextReviewOn, revokedOn);
        }
    }

    public record ReviewRow(UUID id, LocalDate reviewedOn, LocalDate nextReviewOn, LocalDate validUntil, String note,
                            Instant createdAt, String createdBy) {
    }

    private static final String VISIBLE = " and exists (select 1 from ppl_employment e where e.person_id = c.person_id and ";

    public Optional<CertificateRow> inScope(UUID id, DataScope scope) {
        DataScope.Sql s = RegisterRepository.scope(scope, "e");
        return jdbc.sql("select c.* from ppl_certificate c where c.id = :id" + VISIBLE + s.where() + ")")
                .params(s.params()).param("id", id).query(CertificateRepository::map).optional();
    }

    public List<CertificateRow> ofPerson(UUID personId) {
        return jdbc.sql("select * from ppl_certificate where person_id = :p order by issued_on desc, id")
                .param("p", personId).query(CertificateRepository::map).list();
    }

    public List<CertificateRow> ofPersons(Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from ppl_certificate where person_id in (:p)").param("p", List.copyOf(personIds))
                .query(CertificateRepository::map).list();
    }

    public List<CertificateRow> byDigest(String digest) {
        return jdbc.sql("select * from ppl_certificate where number_digest = :d order by issued_on desc").param("d", digest)
                .query(CertificateRepository::map).list();
    }

    public boolean numberTaken(String typeCode, String digest, UUID except) {
        return jdbc.sql("select exists (select 1 from ppl_certificate where type_code = :t and number_digest = :d and id is distinct from :id)")
                .param("t", typeCode).param("d", digest).param("id", except, Types.OTHER).query(Boolean.class).single();
    }

    /** Visible certificates, newest deadline first, with the holder's name (for the certificate list). */
    public record Listed(CertificateRow certificate, String holderName, String holderIdMask) {
    }

    public List<Listed> visible(DataScope scope, String typeCode, int limit) {
        DataScope.Sql s = RegisterRepository.scope(scope, "e");
        return jdbc.sql("select c.*, p.name, p.id_number_mask from ppl_certificate c join ppl_person p on p.id = c.person_id where "
                        + "(cast(:t as text) is null or c.type_code = :t)" + VISIBLE + s.where() + ") "
                        + "order by coalesce(least(c.next_review_on, c.valid_until), c.valid_until, date '9999-12-31'), c.id limit :limit")
                .params(s.params()).param("t", typeCode, Types.VARCHAR).param("limit", limit)
                .query((rs, n) -> new Listed(map(rs, n), rs.getString("name"), rs.getString("id_number_mask"))).list();
    }

    /** Certificates not revoked whose expiry or review falls on or before the date (for the daily job). */
    public List<CertificateRow> dueBy(LocalDate date) {
        return jdbc.sql("""
                select * from ppl_certificate where revoked_on is null
                  and ((valid_until is not null and valid_until <= :d) or (next_review_on is not null and next_review_on <= :d))
                order by id""").param("d", date).query(CertificateRepository::map).list();
    }

    public void insert(CertificateRow c) {
        jdbc.sql("""
                        insert into ppl_certificate (id, person_id, type_code, operation_item, number_enc, number_mask, number_digest,
                            issuer, issued_on, valid_until, next_review_on, national_registered_on, revoked_on, revoke_reason,
                            demo, version, created_at, created_by, updated_at, updated_by)
                        values (:id, :person, :type, :item, :enc, :mask, :digest, :issuer, :issued, :until, :review, :national,
                            null, null, :demo, 0, :at, :by, :at, :by)""")
                .param("id", c.id()).param("person", c.personId()).param("type", c.typeCode())
                .param("item", c.operationItem(), Types.VARCHAR).param("enc", c.numberEnc()).param("mask", c.numberMask())
                .param("digest", c.numberDigest()).param("issuer", c.issuer()).param("issued", c.issuedOn())
                .param("until", c.validUntil(), Types.DATE).param("review", c.nextReviewOn(), Types.DATE)
                .param("national", c.nationalRegisteredOn(), Types.DATE).param("demo", c.demo())
                .param("at", Timestamp.from(c.createdAt())).param("by", c.createdBy()).update();
    }

    public boolean update(CertificateRow c, int expectedVersion) {
        return jdbc.sql("""
                        update ppl_certificate set operation_item = :item, issuer = :issuer, issued_on = :issued,
                            valid_until = :until, next_review_on = :review, national_registered_on = :national,
                            revoked_on = :revoked, revoke_reason = :reason, version = version + 1, updated_at = :at, updated_by = :by
                        where id = :id and version = :v""")
                .param("item", c.operationItem(), Types.VARCHAR).param("issuer", c.issuer()).param("issued", c.issuedOn())
                .param("until", c.validUntil(), Types.DATE).param("review", c.nextReviewOn(), Types.DATE)
                .param("national", c.nationalRegisteredOn(), Types.DATE).param("revoked", c.revokedOn(), Types.DATE)
                .param("reason", c.revokeReason(), Types.VARCHAR).param("at", Timestamp.from(c.updatedAt()))
                .param("by", c.updatedBy()).param("id", c.id()).param("v", expectedVersion).update() == 1;
    }

    public void insertReview(UUID certificateId, LocalDate reviewedOn, LocalDate nextReviewOn, LocalDate validUntil,
                             String note, Instant at, String by) {
        jdbc.sql("""
                        insert into ppl_certificate_review (id, certificate_id, reviewed_on, next_review_on, valid_until, note, created_at, created_by)
                        values (:id, :c, :on, :next, :until, :note, :at, :by)""")
                .param("id", UUID.randomUUID()).param("c", certificateId).param("on", reviewedOn)
                .param("next", nextReviewOn, Types.DATE).param("until", validUntil, Types.DATE).param("note", note, Types.VARCHAR)
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    public List<ReviewRow> reviews(UUID certificateId) {
        return jdbc.sql("select * from ppl_certificate_review where certificate_id = :c order by reviewed_on desc, created_at desc")
                .param("c", certificateId)
                .query((rs, n) -> new ReviewRow(rs.getObject("id", UUID.class), Rows.date(rs, "reviewed_on"),
                        Rows.date(rs, "next_review_on"), Rows.date(rs, "valid_until"), rs.getString("note"),
                        Rows.instant(rs, "created_at"), rs.getString("created_by")))
                .list();
    }

    /** Records that a notice was sent; false when it had been sent already (each notice once). */
    public boolean markNotice(UUID certificateId, LocalDate deadline, String stage, Instant at) {
        return jdbc.sql("""
                        insert into ppl_certificate_notice (certificate_id, deadline, stage, sent_at) values (:c, :d, :s, :at)
                        on conflict do nothing""")
                .param("c", certificateId).param("d", deadline).param("s", stage).param("at", Timestamp.from(at)).update() == 1;
    }

    static CertificateRow map(ResultSet rs, int n) throws SQLException {
        return new CertificateRow(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("type_code"), rs.getString("operation_item"), rs.getString("number_enc"),
                rs.getString("number_mask"), rs.getString("number_digest"), rs.getString("issuer"),
                Rows.date(rs, "issued_on"), Rows.date(rs, "valid_until"), Rows.date(rs, "next_review_on"),
                Rows.date(rs, "national_registered_on"), Rows.date(rs, "revoked_on"), rs.getString("revoke_reason"),
                rs.getBoolean("demo"), rs.getInt("version"), Rows.instant(rs, "created_at"), rs.getString("created_by"),
                Rows.instant(rs, "updated_at"), rs.getString("updated_by"));
    }
}
