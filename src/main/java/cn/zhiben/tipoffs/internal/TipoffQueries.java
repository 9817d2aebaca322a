package cn.zhiben.tipoffs.internal;

import cn.zhiben.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What staff read about tip-offs. The views carry no field of the reporter's identity — the sealed table is never
 * joined here — and only "named"/"anonymous" as a fact (实名/匿名), which says nothing about who.
 */
@Service
public class TipoffQueries {

    private final JdbcClient jdbc;
    private final TipoffRepository repo;
    private final TipoffAttachments attachments;

    TipoffQueries(JdbcClient jdbc, TipoffRepository repo, TipoffAttachments attachments) {
        this.jdbc = jdbc;
        this.repo = repo;
        this.attachments = attachments;
    }

    public record Row(UUID id, String number, String channel, String category, String enterpriseName, String regionCode,
                      String industryCode, String status, String statusLabel, LocalDate receivedOn, LocalDate due,
                      boolean overdue, UUID unitId, String unitRegionCode, String finding, boolean demo) {
    }

    public record Filter(String status, Boolean overdue, String keyword) {
    }

    public List<Row> list(CurrentUser u, Filter f, int limit) {
        TipoffRules.Sql scope = TipoffRules.scope(u);
        Map<String, Object> p = new LinkedHashMap<>(scope.params());
        StringBuilder where = new StringBuilder(scope.where());
        if (f.status() != null && !f.status().isBlank()) {
            where.append(" and t.status = :status");
            p.put("status", f.status());
        }
        if (f.overdue() != null) {
            where.append(" and t.overdue = :overdue");
            p.put("overdue", f.overdue());
        }
        if (f.keyword() != null && !f.keyword().isBlank()) {
            where.append(" and (t.number ilike :kw or t.enterprise_name ilike :kw)");
            p.put("kw", "%" + f.keyword().trim().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        p.put("limit", Math.max(1, Math.min(limit, 500)));
        return jdbc.sql("select t.* from tip_tipoff t where " + where + " order by t.received_at desc limit :limit")
                .params(p).query(TipoffRepository::map).list().stream().map(TipoffQueries::row).toList();
    }

    public record Figures(long awaitingTriage, long verifying, long overdue, long substantiatedThisYear) {
    }

    public Figures figures(CurrentUser u, int year) {
        TipoffRules.Sql scope = TipoffRules.scope(u);
        return jdbc.sql("select count(*) filter (where status = 'RECEIVED'), count(*) filter (where status = 'VERIFYING'),"
                        + " count(*) filter (where overdue and status in ('RECEIVED','VERIFYING','CONCLUDED')),"
                        + " count(*) filter (where finding in ('TRUE','PARTLY_TRUE') and extract(year from concluded_on) = :y)"
                        + " from tip_tipoff t where " + scope.where())
                .params(scope.params()).param("y", year)
                .query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    public record Detail(Row row, String enterpriseAddress, String place, LocalDate occurredOn, String description,
                         boolean anonymous, UUID enterpriseId, String conclusion, Map<String, Integer> concealedDeaths,
                         UUID hazardId, String hazardNumber, String duplicateOfNumber, LocalDate acceptDue,
                         LocalDate verifyDue, LocalDate replyDue, String reply, LocalDate repliedOn, Long fineFen, int version,
                         List<Transition> timeline, List<TipoffAttachments.Attachment> attachments,
                         List<TipoffAction> availableActions) {
    }

    public Optional<Detail> detail(CurrentUser u, UUID id) {
        if (!TipoffRules.mayRead(u)) {
            return Optional.empty();
        }
        return repo.find(id, TipoffRules.scope(u)).map(t -> {
            Map<String, Integer> deaths = new LinkedHashMap<>();
            t.concealedDeaths.forEach((k, v) -> deaths.put(k.name(), v));
            String dup = t.duplicateOf == null ? null : repo.findUnscoped(t.duplicateOf).map(Tipoff::number).orElse(null);
            return new Detail(row(t), t.enterpriseAddress, t.place, t.occurredOn, t.description, t.anonymous, t.enterpriseId,
                    t.conclusion, deaths, t.hazardId, t.hazardNumber, dup, t.acceptDue, t.verifyDue, t.replyDue, t.reply,
                    t.repliedOn, t.fineFen, t.version, repo.timeline(t.id), attachments.list(t.id), TipoffRules.available(u, t));
        });
    }

    /** An attachment of a tip-off the user sees; otherwise empty (404). */
    public Optional<TipoffAttachments.Attachment> attachment(CurrentUser u, UUID attachmentId) {
        return attachments.find(attachmentId).filter(a -> TipoffRules.mayRead(u)
                && repo.find(a.tipoffId(), TipoffRules.scope(u)).isPresent());
    }

    public byte[] bytes(TipoffAttachments.Attachment a) {
        return attachments.read(a);
    }

    static Row row(Tipoff t) {
        return new Row(t.id, t.number, t.channel.name(), t.category.name(), t.enterpriseName, t.regionCode, t.industryCode,
                t.status.name(), t.status.label(), t.receivedOn, t.currentDue(), t.overdue, t.unitId, t.unitRegionCode,
                t.finding == null ? null : t.finding.name(), t.demo);
    }
}
