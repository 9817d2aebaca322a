package cn.zhiben.monitoring.internal;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Counts and samples of rejected readings, for the operators. */
@Component
public class RejectionQueries {

    private final JdbcClient jdbc;
    private final Rejections rejections;
    private final Clock clock;

    RejectionQueries(JdbcClient jdbc, Rejections rejections, Clock clock) {
        this.jdbc = jdbc;
        this.rejections = rejections;
        this.clock = clock;
    }

    public record Count(LocalDate day, String channel, RejectReason reason, String reasonLabel, long count) {
    }

    public record Sample(Instant at, String channel, RejectReason reason, String deviceCode, String pointCode,
                         String detail, String payload) {
    }

    public record Report(List<Count> counts, List<Sample> samples) {
    }

    /**
     * The last {@code days} (1–90) of counts and the newest samples. City-wide accounts only: the samples carry device
     * codes and raw payloads of every enterprise.
     */
    public Report report(int days, int samples) {
        if (!CurrentUser.require().scope().wholeCity()) {
            throw ProblemException.forbidden("REJECTIONS_CITY_ONLY", "被拒绝读数的明细仅全市范围的账号可以查看");
        }
        days = Math.max(1, Math.min(days, 90));
        rejections.flush();
        LocalDate from = LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE)).minusDays(days - 1L);
        List<Count> counts = jdbc.sql("""
                select day, channel, reason, count from mon_reject_count where day >= :from order by day desc, channel, reason""")
                .param("from", from).query((rs, n) -> {
                    RejectReason r = RejectReason.valueOf(rs.getString(3));
                    return new Count(rs.getObject(1, LocalDate.class), rs.getString(2), r, r.label(), rs.getLong(4));
                }).list();
        List<Sample> s = jdbc.sql("""
                select at, channel, reason, device_code, point_code, detail, payload from mon_reject
                where at >= :from order by id desc limit :n""")
                .param("from", Timestamp.from(from.atStartOfDay(cn.zhiben.platform.PlatformConfiguration.ZONE).toInstant()))
                .param("n", samples)
                .query((rs, n) -> new Sample(rs.getTimestamp(1).toInstant(), rs.getString(2), RejectReason.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
        return new Report(counts, s);
    }
}
