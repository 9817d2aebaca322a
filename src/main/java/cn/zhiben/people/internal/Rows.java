package cn.zhiben.people.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Small JDBC helpers: text arrays travel as comma-separated text (codes never contain commas). */
final class Rows {

    private Rows() {
    }

    static Set<String> texts(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        if (a == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream((Object[]) a.getArray()).map(Object::toString).forEach(out::add);
        return out;
    }

    static <E extends Enum<E>> Set<E> enums(ResultSet rs, String column, Class<E> type) throws SQLException {
        Set<E> out = new LinkedHashSet<>();
        for (String s : texts(rs, column)) {
            out.add(Enum.valueOf(type, s));
        }
        return out;
    }

    static String csv(Collection<?> values) {
        return String.join(",", values.stream().map(v -> v instanceof Enum<?> e ? e.name() : v.toString()).toList());
    }

    static <T> List<String> names(Collection<T> values, Function<T, String> f) {
        return values.stream().map(f).toList();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** LIKE pattern of a user's keyword, its wildcards escaped. */
    static String like(String keyword) {
        return "%" + keyword.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
