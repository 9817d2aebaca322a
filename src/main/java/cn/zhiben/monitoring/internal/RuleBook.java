package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.AlarmLevel;
import cn.zhiben.platform.PlatformConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule-set version in force (the latest whose effective date has come) and the rules it gives a point: for each
 * rule code, the row for the point's location type if there is one, else the row for any location ('*'). Process
 * thresholds take the point's own design values.
 */
@Component
public class RuleBook {

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Loaded loaded;

    RuleBook(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Loaded(int version, LocalDate loadedFor, List<Rule> rules) {
    }

    /** The version in force today and its rules (reloaded when the day changes or on {@link #reload()}). */
    public Loaded current() {
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        Loaded l = loaded;
        if (l == null || !l.loadedFor().equals(today)) {
            l = load(today);
            loaded = l;
        }
        return l;
    }

    public void reload() {
        loaded = null;
    }

    public int version() {
        return current().version();
    }

    public List<Rule> all() {
        return current().rules();
    }

    private Loaded load(LocalDate today) {
        Integer version = jdbc.sql("select max(version) from mon_rule_version where effective_from <= :d")
                .param("d", today).query(Integer.class).optional().orElse(null);
        if (version == null) {
            return new Loaded(0, today, List.of());
        }
        List<Rule> rules = jdbc.sql("""
                select version, code, kind, location, rule_type, level, direction, trigger_value, clear_value, minutes,
                       factor, label, action, source, confidence
                from mon_rule where version = :v order by kind, code, location""").param("v", version)
                .query((rs, n) -> new Rule(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Rule.Type.valueOf(rs.getString(5)), AlarmLevel.valueOf(rs.getString(6)),
                        rs.getString(7) == null ? null : Rule.Direction.valueOf(rs.getString(7)),
                        (Double) rs.getObject(8), (Double) rs.getObject(9), (Integer) rs.getObject(10),
                        (Double) rs.getObject(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15)))
                .list();
        return new Loaded(version, today, List.copyOf(rules));
    }

    /** The design values a point may carry for process thresholds. */
    public record Design(Double high, Double highHigh, Double low, Double lowLow, double rangeMin, double rangeMax) {
        public static Design none(double rangeMin, double rangeMax) {
            return new Design(null, null, null, null, rangeMin, rangeMax);
        }
    }

    /** The rules that apply to a point of this kind at this location type, in a stable order. */
    public List<Rule> forPoint(String kind, String locationType, Design design) {
        return resolve(all(), kind, locationType, design);
    }

    static List<Rule> resolve(List<Rule> rules, String kind, String locationType, Design design) {
        Map<String, Rule> byCode = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (!r.kind().equals(kind)) {
                continue;
            }
            if (r.location().equals(locationType)) {
                byCode.put(r.code(), r);
            } else if (r.location().equals("*")) {
                byCode.putIfAbsent(r.code(), r);
            }
        }
        List<Rule> out = new ArrayList<>();
        for (Rule r : byCode.values()) {
            if (r.type() == Rule.Type.THRESHOLD && r.trigger() == null) {
                Double v = switch (r.code()) {
                    case "PROCESS_HIGH" -> design.high();
                    case "PROCESS_HIGH_HIGH" -> design.highHigh();
                    case "PROCESS_LOW" -> design.low();
                    case "PROCESS_LOW_LOW" -> design.lowLow();
                    default -> null;
                };
                if (v != null) {
                    out.add(r.withTrigger(v, design.rangeMax() - design.rangeMin()));
                }
            } else {
                out.add(r);
            }
        }
        return out;
    }
}
