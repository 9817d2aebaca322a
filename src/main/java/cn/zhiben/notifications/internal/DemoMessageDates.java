package cn.zhiben.notifications.internal;

import cn.zhiben.hazards.HazardEvents;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Demo messages that agree with the demo timelines (issue 10 item 9). A demo hazard's story is made today through the
 * real verbs, which send the real messages, and then moved back in time; this re-dates those messages once, from the
 * moved timeline: each gets the time of its step, and the dates in its text move with the story. Whichever runs second
 * — the message's listener or the move's — re-dates (both hold a per-hazard lock), so the order of delivery does not
 * matter. Messages about steps after the move (overdue escalations) are not touched.
 */
@Component
class DemoMessageDates {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    // the categories whose steps happen before the move
    private static final List<String> BEFORE_MOVE = List.of("HAZARD", "HAZARD_LISTED", "HAZARD_EXTENSION", "HAZARD_SIGNED_OFF");

    private final JdbcClient jdbc;

    DemoMessageDates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Shift(int days, Instant reported, Instant listed, Instant extensionDecided, Instant signedOff) {
        Optional<Instant> timeOf(String category) {
            return Optional.ofNullable(switch (category) {
                case "HAZARD" -> reported;
                case "HAZARD_LISTED" -> listed;
                case "HAZARD_EXTENSION" -> extensionDecided;
                case "HAZARD_SIGNED_OFF" -> signedOff;
                default -> null;
            });
        }
    }

    @ApplicationModuleListener
    void on(HazardEvents.DemoHistoryShifted e) {
        lock(e.hazardId());
        jdbc.sql("""
                insert into ntf_demo_shift (hazard_id, days, reported_at, listed_at, extension_decided_at, signed_off_at, recorded_at)
                values (:h, :d, :r, :l, :x, :s, :at) on conflict (hazard_id) do nothing""")
                .param("h", e.hazardId()).param("d", e.days()).param("r", ts(e.reportedAt())).param("l", ts(e.listedAt()))
                .param("x", ts(e.extensionDecidedAt())).param("s", ts(e.signedOffAt())).param("at", ts(e.at())).update();
        apply(e.hazardId());
    }

    /** After messages about a hazard were written (in the same transaction): re-dates them if its story was moved. */
    void redate(UUID hazardId) {
        lock(hazardId);
        apply(hazardId);
    }

    private void apply(UUID hazardId) {
        Optional<Shift> shift = jdbc.sql("""
                        select days, reported_at, listed_at, extension_decided_at, signed_off_at from ntf_demo_shift where hazard_id = :h""")
                .param("h", hazardId).query((rs, n) -> new Shift(rs.getInt(1), instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)))).optional();
        if (shift.isEmpty()) {
            return;
        }
        Shift s = shift.get();
        jdbc.sql("""
                        select id, category, body, created_at from ntf_message
                        where link = :link and category in (:categories) and not redated""")
                .param("link", "/hazards/" + hazardId).param("categories", BEFORE_MOVE)
                .query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4))})
                .list().forEach(m -> {
                    Instant created = (Instant) m[3];
                    Instant at = s.timeOf((String) m[1]).orElse(created.minus(java.time.Duration.ofDays(s.days())));
                    jdbc.sql("update ntf_message set created_at = :at, body = :body, redated = true where id = :id")
                            .param("at", ts(at)).param("body", moveDates((String) m[2], s.days())).param("id", m[0]).update();
                });
    }

    static String moveDates(String text, int days) {
        return DATE.matcher(text).replaceAll(m -> {
            try {
                return LocalDate.parse(m.group()).minusDays(days).toString();
            } catch (java.time.format.DateTimeParseException e) {
                return m.group();
            }
        });
    }

    private void lock(UUID hazardId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 0))").param("k", "ntf-demo-shift:" + hazardId)
                .query((rs, n) -> 1).list();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
