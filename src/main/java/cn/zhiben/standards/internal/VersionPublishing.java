package cn.zhiben.standards.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The life of a version: a DRAFT is visible to the city office and the unit that imported it, and may be deleted;
 * publishing makes it (and its clauses) immutable and ends the version it supersedes the day before it starts.
 */
@Service
public class VersionPublishing {

    private final JdbcClient jdbc;
    private final LibraryRepository repo;
    private final AuditLog audit;
    private final Clock clock;

    VersionPublishing(JdbcClient jdbc, LibraryRepository repo, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.repo = repo;
        this.audit = audit;
        this.clock = clock;
    }

    /** Drafts are seen only by the city office and the unit that imported them; everyone else gets 404. */
    public static boolean visible(VersionRow v, CurrentUser user) {
        return v.published() || user.can(Permission.STANDARD_APPROVE)
                || (user.can(Permission.STANDARD_DRAFT) && v.createdUnitId() != null && v.createdUnitId().equals(user.unitId()));
    }

    public VersionRow requireVisible(UUID id, CurrentUser user) {
        return repo.version(id).filter(v -> visible(v, user)).orElseThrow(VersionPublishing::notFound);
    }

    static ProblemException notFound() {
        return ProblemException.notFound("VERSION_NOT_FOUND", "标准版本不存在");
    }

    @Transactional
    public VersionRow publish(UUID id, CurrentUser user) {
        VersionRow v = lock(id).filter(r -> visible(r, user)).orElseThrow(VersionPublishing::notFound);
        if (v.published()) {
            throw ProblemException.conflict("VERSION_ALREADY_PUBLISHED", "该版本已发布，已发布的版本不能再修改");
        }
        if (v.effectiveFrom() == null) {
            throw ProblemException.unprocessable("VERSION_DATE_MISSING", "发布前须确定施行日期");
        }
        VersionRow old = null;
        if (v.supersedesId() != null) {
            old = lock(v.supersedesId()).orElseThrow(() ->
                    ProblemException.conflict("SUPERSEDED_VERSION_MISSING", "被替代的版本不存在"));
            if (!old.published()) {
                throw ProblemException.conflict("SUPERSEDED_VERSION_NOT_PUBLISHED", "被替代的版本尚未发布");
            }
            if (!old.standardId().equals(v.standardId())) {
                throw ProblemException.conflict("SUPERSEDES_OTHER_STANDARD", "只能替代同一标准的版本");
            }
            VersionRow o = old;
            if (repo.versions().stream().anyMatch(x -> x.published() && o.id().equals(x.supersedesId()))) {
                throw ProblemException.conflict("ALREADY_SUPERSEDED", "被替代的版本已被其他版本替代");
            }
            if (old.effectiveFrom() != null && !v.effectiveFrom().isAfter(old.effectiveFrom())
                    && !(v.effectiveFrom().equals(old.effectiveFrom()) && completes(old, repo))) {
                throw ProblemException.conflict("VERSION_OVERLAP", "施行日期须晚于被替代版本的施行日期 " + old.effectiveFrom());
            }
            if (old.effectiveTo() != null && !old.effectiveTo().isBefore(v.effectiveFrom())) {
                throw ProblemException.conflict("VERSION_OVERLAP", "被替代版本的有效期至 " + old.effectiveTo() + "，与新版本重叠");
            }
        }
        LocalDate from = v.effectiveFrom();
        LocalDate to = v.effectiveTo();
        UUID oldId = old == null ? null : old.id();
        for (VersionRow other : repo.versions()) {
            if (!other.published() || !other.standardId().equals(v.standardId()) || other.id().equals(oldId)) {
                continue;
            }
            boolean overlaps = (other.effectiveTo() == null || !other.effectiveTo().isBefore(from))
                    && (to == null || other.effectiveFrom() == null || !other.effectiveFrom().isAfter(to));
            if (overlaps) {
                throw ProblemException.conflict("VERSION_OVERLAP", "有效期与已发布的《" + other.name() + "》" + other.edition()
                        + "（" + Library.period(other.effectiveFrom(), other.effectiveTo()) + "）重叠");
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (old != null && old.effectiveTo() == null) {
            LocalDate end = from.minusDays(1);
            jdbc.sql("update std_version set effective_to = :to where id = :id").param("to", end).param("id", old.id()).update();
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("effectiveTo", Arrays.asList(null, end.toString()));
            change.put("supersededBy", Arrays.asList(null, v.id().toString()));
            audit.record(AuditEntry.success(AuditAction.UPDATE, "std_version", old.id(), change));
        }
        jdbc.sql("update std_version set status = 'PUBLISHED', published_at = :now, published_by = :by where id = :id")
                .param("now", now).param("by", user.username()).param("id", id).update();
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("status", Arrays.asList(VersionRow.DRAFT, VersionRow.PUBLISHED));
        change.put("version", v.name() + " " + v.edition());
        change.put("effectiveFrom", from.toString());
        if (old != null) {
            change.put("supersedes", old.id().toString());
        }
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "std_version", id, change));
        return repo.version(id).orElseThrow();
    }

    @Transactional
    public void deleteDraft(UUID id, CurrentUser user) {
        VersionRow v = lock(id).filter(r -> visible(r, user)).orElseThrow(VersionPublishing::notFound);
        if (v.published()) {
            throw ProblemException.conflict("VERSION_PUBLISHED", "已发布的版本不能删除");
        }
        boolean mayDelete = user.can(Permission.STANDARD_APPROVE) || Objects.equals(v.createdUnitId(), user.unitId());
        if (!mayDelete) {
            throw ProblemException.forbidden("FORBIDDEN", "只能删除本单位导入的草稿");
        }
        int clauses = jdbc.sql("delete from std_clause where version_id = :id").param("id", id).update();
        jdbc.sql("delete from std_category where version_id = :id").param("id", id).update();
        jdbc.sql("delete from std_version where id = :id").param("id", id).update();
        boolean seriesEmpty = jdbc.sql("select count(*) from std_version where standard_id = :s")
                .param("s", v.standardId()).query(Long.class).single() == 0;
        if (seriesEmpty) {
            jdbc.sql("delete from std_standard where id = :s").param("s", v.standardId()).update();
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("standard", v.standardCode());
        facts.put("version", v.name() + " " + v.edition());
        facts.put("clauses", clauses);
        audit.record(AuditEntry.success(AuditAction.DELETE, "std_version", id, facts));
    }

    private java.util.Optional<VersionRow> lock(UUID id) {
        boolean exists = !jdbc.sql("select id from std_version where id = :id for update").param("id", id)
                .query(UUID.class).list().isEmpty();
        return exists ? repo.version(id) : java.util.Optional.empty();
    }

    /**
     * A version the library holds only in part and without any clause of the standard itself (GB 35181-2025 as first
     * loaded) may be replaced by the full text starting the same day; it then never was in force (issue 8: the city
     * office imports the clauses when it has the official text).
     */
    static boolean completes(VersionRow old, LibraryRepository repo) {
        return old.partial() && repo.clauses(java.util.List.of(old.id())).stream()
                .noneMatch(c -> c.origin() == cn.zhiben.standards.ClauseOrigin.STANDARD);
    }
}
