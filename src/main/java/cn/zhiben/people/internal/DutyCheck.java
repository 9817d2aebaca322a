package cn.zhiben.people.internal;

import cn.zhiben.people.PeopleProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * For a set of employments on a date: is the person on duty (employed and not taken off the post for retraining),
 * which certificates the post needs and lacks ({@link Duties}), and whether the employment type may hold the post at all.
 */
@Component
public class DutyCheck {

    private final CertificateRepository certificates;
    private final ReferenceData reference;
    private final PeopleProperties properties;
    private final JdbcClient jdbc;

    DutyCheck(CertificateRepository certificates, ReferenceData reference, PeopleProperties properties, JdbcClient jdbc) {
        this.certificates = certificates;
        this.reference = reference;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    public record Status(boolean active, boolean offPost, List<Duties.Gap> gaps, ReferenceData.PostKind forbiddenPost) {
        public boolean onDuty() {
            return active && !offPost;
        }
    }

    public Map<UUID, Status> of(Collection<RegisterRepository.EmploymentRow> employments, LocalDate on) {
        Map<UUID, Status> out = new HashMap<>();
        if (employments.isEmpty()) {
            return out;
        }
        Set<UUID> persons = new HashSet<>();
        employments.forEach(e -> persons.add(e.personId()));
        Map<String, ReferenceData.CertificateType> types = reference.certificateTypesByCode();
        Map<UUID, List<Duties.Held>> held = new HashMap<>();
        for (CertificateRepository.CertificateRow c : certificates.ofPersons(persons)) {
            held.computeIfAbsent(c.personId(), k -> new java.util.ArrayList<>())
                    .add(new Duties.Held(c.typeCode(), types.get(c.typeCode()).category(), c.dates()));
        }
        Set<UUID> offPost = offPost(employments.stream().map(RegisterRepository.EmploymentRow::id).toList());
        Map<String, ReferenceData.PostKind> posts = new HashMap<>();
        reference.postKinds().forEach(p -> posts.put(p.code(), p));
        for (RegisterRepository.EmploymentRow e : employments) {
            ReferenceData.CertificateType op = e.operationType() == null ? null : types.get(e.operationType());
            List<Duties.Requirement> req = Duties.requirements(e.roles(), e.operationType(), op == null ? null : op.name(),
                    e.industryCode(), properties.assessedIndustries());
            List<Duties.Gap> gaps = Duties.gaps(req, held.getOrDefault(e.personId(), List.of()), on, properties.expiringDays());
            ReferenceData.PostKind post = posts.get(e.postKind());
            ReferenceData.PostKind forbidden = post != null && post.forbids(e.industryCode(), e.type()) ? post : null;
            out.put(e.id(), new Status(e.activeOn(on), offPost.contains(e.id()), gaps, forbidden));
        }
        return out;
    }

    /** Employments whose holder is off the post for retraining. */
    Set<UUID> offPost(Collection<UUID> employmentIds) {
        if (employmentIds.isEmpty()) {
            return Set.of();
        }
        Set<UUID> out = new HashSet<>();
        List<UUID> all = List.copyOf(employmentIds);
        for (int i = 0; i < all.size(); i += 1000) {
            out.addAll(jdbc.sql("select employment_id from ppl_retraining where status in ('OFF_POST', 'RETRAINING', 'EXAM_PASSED') "
                            + "and employment_id in (:ids)")
                    .param("ids", all.subList(i, Math.min(all.size(), i + 1000))).query(UUID.class).list());
        }
        return out;
    }
}
