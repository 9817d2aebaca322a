package cn.zhiben.people.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The module's reference tables: certificate types, post kinds, training topics and coverage targets. */
@Component
public class ReferenceData {

    private final JdbcClient jdbc;

    ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CertificateType(String code, String category, String name, Integer validityYears, Integer reviewYears,
                                  String source, String confidence) {
        public boolean specialOperation() {
            return "SPECIAL_OPERATION".equals(category);
        }
    }

    /** A post and the employment types that must not hold it in the given industries (with their sub-industries). */
    public record PostKind(String code, String name, Set<String> industryCodes, Set<String> forbiddenTypes, String source,
                           String confidence) {

        public boolean appliesTo(String industryCode) {
            return industryCodes.isEmpty() || industryCodes.stream().anyMatch(c -> under(industryCode, c));
        }

        public boolean forbids(String industryCode, EmploymentType type) {
            return !industryCodes.isEmpty() && appliesTo(industryCode) && forbiddenTypes.contains(type.name());
        }
    }

    public record Topic(String code, String name, String source) {
    }

    public record Target(UUID id, String code, int year, String sectorName, Set<String> industryCodes,
                         Set<String> specialOperations, Set<String> roles, BigDecimal minDays, int participationPct,
                         Set<String> requiredTopics, String source, String confidence, String note, boolean active,
                         int version) {
    }

    /** mine.coal is under mine and under itself. */
    static boolean under(String code, String ancestor) {
        return code != null && (code.equals(ancestor) || code.startsWith(ancestor + "."));
    }

    static boolean underAny(String code, Collection<String> ancestors) {
        return ancestors.stream().anyMatch(a -> under(code, a));
    }

    public List<CertificateType> certificateTypes() {
        return jdbc.sql("select * from ppl_certificate_type order by sort_order")
                .query((rs, n) -> new CertificateType(rs.getString("code"), rs.getString("category"), rs.getString("name"),
                        (Integer) rs.getObject("validity_years"), (Integer) rs.getObject("review_years"),
                        rs.getString("source"), rs.getString("confidence")))
                .list();
    }

    public Map<String, CertificateType> certificateTypesByCode() {
        Map<String, CertificateType> out = new LinkedHashMap<>();
        certificateTypes().forEach(t -> out.put(t.code(), t));
        return out;
    }

    public Optional<CertificateType> certificateType(String codeOrName) {
        if (codeOrName == null) {
            return Optional.empty();
        }
        String v = codeOrName.strip();
        return certificateTypes().stream().filter(t -> t.code().equals(v) || t.name().equals(v)
                || t.name().equals("特种作业·" + v)).findFirst();
    }

    public List<PostKind> postKinds() {
        return jdbc.sql("select * from ppl_post_kind order by sort_order")
                .query((rs, n) -> new PostKind(rs.getString("code"), rs.getString("name"),
                        Rows.texts(rs, "industry_codes"), Rows.texts(rs, "forbidden_employment_types"),
                        rs.getString("source"), rs.getString("confidence")))
                .list();
    }

    public Optional<PostKind> postKind(String codeOrName) {
        if (codeOrName == null) {
            return Optional.empty();
        }
        String v = codeOrName.strip();
        return postKinds().stream().filter(p -> p.code().equals(v) || p.name().equals(v)).findFirst();
    }

    public List<Topic> topics() {
        return jdbc.sql("select * from ppl_topic order by sort_order")
                .query((rs, n) -> new Topic(rs.getString("code"), rs.getString("name"), rs.getString("source"))).list();
    }

    public Map<String, String> topicNames() {
        Map<String, String> out = new LinkedHashMap<>();
        topics().forEach(t -> out.put(t.code(), t.name()));
        return out;
    }

    public List<Target> targets() {
        return jdbc.sql("select * from ppl_training_target order by year, code").query(ReferenceData::target).list();
    }

    public Optional<Target> target(UUID id) {
        return jdbc.sql("select * from ppl_training_target where id = :id").param("id", id).query(ReferenceData::target).optional();
    }

    private static Target target(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Target(rs.getObject("id", UUID.class), rs.getString("code"), rs.getInt("year"), rs.getString("sector_name"),
                Rows.texts(rs, "industry_codes"), Rows.texts(rs, "special_operations"), Rows.texts(rs, "roles"),
                rs.getBigDecimal("min_days"), rs.getInt("participation_pct"), Rows.texts(rs, "required_topics"),
                rs.getString("source"), rs.getString("confidence"), rs.getString("note"), rs.getBoolean("active"),
                rs.getInt("version"));
    }
}
