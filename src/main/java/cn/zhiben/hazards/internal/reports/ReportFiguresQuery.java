package cn.zhiben.hazards.internal.reports;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.platform.PlatformConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Computes an enterprise's figures for a period from its hazards and their timelines: where each hazard stood at the
 * start and at the end of the period is the state its timeline had reached by then, so a report made late, or after a
 * history import, states the period as it was.
 */
@Component
public class ReportFiguresQuery {

    private static final int DESCRIPTION_CHARS = 80;
    private final JdbcClient jdbc;

    ReportFiguresQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Line(UUID id, String number, Grade grade, Channel channel, LocalDate foundOn, String description,
                        String basis, LocalDate deadline, ListingLevel listingLevel, HazardStatus atStart,
                        HazardStatus atEnd, boolean closedInPeriod, boolean signedOffInPeriod) {
    }

    public ReportFigures figures(UUID enterpriseId, ReportPeriod period) {
        var zone = PlatformConfiguration.ZONE;
        Timestamp start = Timestamp.from(period.from().atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant());
        List<Line> lines = jdbc.sql("""
                        select h.id, h.number, h.grade, h.channel, h.found_on, h.description, h.clause_label, h.deadline,
                               coalesce(h.listing_level, h.listing_ended_level) as listing_level,
                               (select t.to_status from hz_transition t where t.hazard_id = h.id and t.at < :start
                                order by t.at desc, t.id desc limit 1) as at_start,
                               (select t.to_status from hz_transition t where t.hazard_id = h.id and t.at < :end
                                order by t.at desc, t.id desc limit 1) as at_end,
                               exists (select 1 from hz_transition t where t.hazard_id = h.id
                                       and t.action in ('CLOSE', 'FIX_ON_SPOT') and t.at >= :start and t.at < :end) as closed,
                               exists (select 1 from hz_transition t where t.hazard_id = h.id
                                       and t.to_status = 'SIGNED_OFF' and t.from_status is distinct from 'SIGNED_OFF'
                                       and t.at >= :start and t.at < :end) as signed_off
                        from hz_hazard h
                        where h.enterprise_id = :e and h.found_on <= :to and %s
                        order by h.found_on, h.number""".formatted(
                        // merged into another, or withdrawn by its reporter: not a hazard of the enterprise's record
                        HazardStatus.countedSql("h.status")))
                .param("e", enterpriseId).param("to", period.to()).param("start", start).param("end", end)
                .query((rs, n) -> new Line(rs.getObject("id", UUID.class), rs.getString("number"),
                        Grade.valueOf(rs.getString("grade")), Channel.valueOf(rs.getString("channel")),
                        rs.getDate("found_on").toLocalDate(), rs.getString("description"), rs.getString("clause_label"),
                        rs.getDate("deadline") == null ? null : rs.getDate("deadline").toLocalDate(),
                        rs.getString("listing_level") == null ? null : ListingLevel.valueOf(rs.getString("listing_level")),
                        status(rs.getString("at_start")), status(rs.getString("at_end")), rs.getBoolean("closed"),
                        rs.getBoolean("signed_off")))
                .list();
        long found = 0, foundGeneral = 0, foundMajor = 0, self = 0, others = 0, closedGeneral = 0, signedOff = 0;
        long foundAndRectified = 0, openGeneral = 0, openMajor = 0;
        List<ReportFigures.Major> majors = new ArrayList<>();
        for (Line l : lines) {
            boolean foundInPeriod = !l.foundOn().isBefore(period.from());
            // a hazard put on record after the period (a late report, say) had not been rectified by its end
            boolean closedAtEnd = l.atEnd() != null && l.atEnd().terminal();
            if (foundInPeriod) {
                found++;
                if (l.grade() == Grade.MAJOR) {
                    foundMajor++;
                } else {
                    foundGeneral++;
                }
                if (l.channel() == Channel.SELF_INSPECTION) {
                    self++;
                } else {
                    others++;
                }
                if (closedAtEnd) {
                    foundAndRectified++;
                }
            }
            if (l.grade() == Grade.GENERAL && l.closedInPeriod()) {
                closedGeneral++;
            }
            if (l.grade() == Grade.MAJOR && l.signedOffInPeriod()) {
                signedOff++;
            }
            if (!closedAtEnd) {
                if (l.grade() == Grade.MAJOR) {
                    openMajor++;
                } else {
                    openGeneral++;
                }
            }
            boolean openAtStart = foundInPeriod || l.atStart() == null || !l.atStart().terminal();
            if (l.grade() == Grade.MAJOR && openAtStart) {
                majors.add(new ReportFigures.Major(l.id(), l.number(), l.foundOn(), l.channel().label(),
                        l.description().length() > DESCRIPTION_CHARS ? l.description().substring(0, DESCRIPTION_CHARS) + "…" : l.description(),
                        l.basis(), l.atEnd() == null ? "已发现，尚未上报" : l.atEnd().label(), closedAtEnd, l.deadline(),
                        l.listingLevel() == null ? null : l.listingLevel().label()));
            }
        }
        return new ReportFigures(found, foundGeneral, foundMajor, self, others, closedGeneral, signedOff, foundAndRectified,
                openGeneral, openMajor, majors);
    }

    private static HazardStatus status(String s) {
        return s == null ? null : HazardStatus.valueOf(s);
    }
}
