package cn.zhiben.standards.internal;

import cn.zhiben.standards.ClauseOrigin;
import cn.zhiben.standards.Confidence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the library tables. Writes live with the services that own them (import, publish, local changes). */
@Repository
public class LibraryRepository {

    private static final String VERSION_SELECT = """
            select v.*, s.code as standard_code, s.name as standard_name, s.sort_order as standard_order
            from std_version v join std_standard s on s.id = v.standard_id""";
    private static final String CLAUSE_SELECT = """
            select c.*, k.name as category_name, k.group_name as category_group, k.sort_order as category_order
            from std_clause c join std_category k on k.version_id = c.version_id and k.code = c.category_code""";

    private final JdbcClient jdbc;

    LibraryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every version, drafts included, in library order. */
    public List<VersionRow> versions() {
        return jdbc.sql(VERSION_SELECT + " order by s.sort_order, v.effective_from nulls first, v.created_at")
                .query(LibraryRepository::version).list();
    }

    public Optional<VersionRow> version(UUID id) {
        return jdbc.sql(VERSION_SELECT + " where v.id = :id").param("id", id).query(LibraryRepository::version).optional();
    }

    public List<CategoryRow> categories(UUID versionId) {
        return jdbc.sql("select * from std_category where version_id = :v order by sort_order, code")
                .param("v", versionId).query(LibraryRepository::category).list();
    }

    public List<CategoryRow> categories(Collection<UUID> versionIds) {
        if (versionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from std_category where version_id in (:v) order by sort_order, code")
                .param("v", List.copyOf(versionIds)).query(LibraryRepository::category).list();
    }

    /** Clauses of these versions (national and local), in category and clause order. */
    public List<ClauseRow> clauses(Collection<UUID> versionIds) {
        if (versionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(CLAUSE_SELECT + " where c.version_id in (:v) order by k.sort_order, c.sort_order, c.clause_no")
                .param("v", List.copyOf(versionIds)).query(LibraryRepository::clause).list();
    }

    public Optional<ClauseRow> clause(UUID id) {
        return jdbc.sql(CLAUSE_SELECT + " where c.id = :id").param("id", id).query(LibraryRepository::clause).optional();
    }

    /** Approved local corrections of a clause. */
    public List<ClauseRow> corrections(UUID clauseId) {
        return jdbc.sql(CLAUSE_SELECT + " where c.corrects_clause_id = :id order by c.effective_from")
                .param("id", clauseId).query(LibraryRepository::clause).list();
    }

    /**
     * Clauses of published versions whose summary contains every term (case-insensitive substring), in library order.
     * The trigram index serves ILIKE '%…%' where the database locale yields trigrams for the text.
     */
    public List<ClauseRow> search(List<String> terms, String query, int limit) {
        StringBuilder where = new StringBuilder();
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            where.append(i == 0 ? "" : " and ").append("c.summary ilike :p").append(i);
            params.put("p" + i, "%" + escapeLike(terms.get(i)) + "%");
        }
        params.put("q", query);
        params.put("limit", limit);
        return jdbc.sql(CLAUSE_SELECT + """
                         join std_version v on v.id = c.version_id
                         join std_standard s on s.id = v.standard_id
                        where v.status = 'PUBLISHED' and ((%s) or c.clause_no = :q)
                        order by s.sort_order, v.effective_from desc nulls last, k.sort_order, c.sort_order
                        limit :limit""".formatted(where))
                .params(params).query(LibraryRepository::clause).list();
    }

    /** Ids of published clauses whose summary contains the term (trigram index std_clause_summary_trgm). */
    public java.util.Set<UUID> clausesMentioning(String term, int limit) {
        return new java.util.LinkedHashSet<>(jdbc.sql("""
                        select c.id from std_clause c join std_version v on v.id = c.version_id
                        where v.status = 'PUBLISHED' and c.summary ilike :p limit :limit""")
                .param("p", "%" + escapeLike(term) + "%").param("limit", limit).query(UUID.class).list());
    }

    /** A PostgreSQL array literal for cast(:x as text[]) — JdbcClient would expand a Java array into a list. */
    public static String textArray(java.util.Collection<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (String v : values) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static VersionRow version(ResultSet rs, int n) throws SQLException {
        return new VersionRow(rs.getObject("id", UUID.class), rs.getObject("standard_id", UUID.class),
                rs.getString("standard_code"), rs.getString("standard_name"), rs.getInt("standard_order"),
                rs.getString("kind"), rs.getObject("overlay_of", UUID.class), rs.getString("edition"),
                rs.getString("name"), rs.getString("issuer"), rs.getString("doc_no"), rs.getString("legal_nature"),
                date(rs, "effective_from"), date(rs, "effective_to"), rs.getString("dates_note"),
                rs.getObject("supersedes_id", UUID.class), strings(rs.getArray("industry_codes")),
                rs.getBoolean("all_industries"), rs.getBoolean("partial"), rs.getString("partial_note"),
                rs.getBoolean("possibly_superseded"), rs.getString("caveats"),
                Confidence.valueOf(rs.getString("metadata_confidence")), rs.getString("metadata_note"),
                rs.getString("source"), rs.getString("status"), instant(rs, "created_at"), rs.getString("created_by"),
                rs.getObject("created_unit_id", UUID.class), instant(rs, "published_at"), rs.getString("published_by"));
    }

    static CategoryRow category(ResultSet rs, int n) throws SQLException {
        return new CategoryRow(rs.getObject("version_id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getString("group_name"), rs.getInt("sort_order"), rs.getString("note"));
    }

    static ClauseRow clause(ResultSet rs, int n) throws SQLException {
        return new ClauseRow(rs.getObject("id", UUID.class), rs.getObject("version_id", UUID.class),
                rs.getString("category_code"), rs.getString("category_name"), rs.getString("category_group"),
                rs.getInt("category_order"), rs.getString("clause_no"), rs.getString("summary"),
                Confidence.valueOf(rs.getString("confidence")), rs.getString("note"), rs.getString("related"),
                strings(rs.getArray("industry_codes")), rs.getString("special_operation"), rs.getInt("sort_order"),
                ClauseOrigin.valueOf(rs.getString("origin")), rs.getObject("local_change_id", UUID.class),
                rs.getObject("corrects_clause_id", UUID.class), date(rs, "effective_from"), date(rs, "effective_to"),
                rs.getString("local_doc_no"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
