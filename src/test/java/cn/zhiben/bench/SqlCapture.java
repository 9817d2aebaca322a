package cn.zhiben.bench;

import cn.zhiben.hazards.HazardsProperties;
import cn.zhiben.hazards.internal.AttachmentStore;
import cn.zhiben.hazards.internal.HazardQueries;
import cn.zhiben.platform.security.DataScope;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.util.unit.DataSize;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Runs the platform's own read code ({@link HazardQueries}, {@link AttachmentStore}) against the benchmark database
 * through a JDBC proxy that records every statement and its bound parameters, so the reference tool replays exactly
 * the SQL the endpoint runs, with the same parameters.
 */
final class SqlCapture {

    /** One executed statement: SQL with JDBC '?' placeholders and the values bound to them, in order. */
    record Statement(String sql, List<Object> params) {
    }

    private final String url;
    private final String user;
    private final String password;
    private final List<Statement> recorded = new ArrayList<>();
    private final HazardQueries queries;
    private final AttachmentStore attachments;

    SqlCapture(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        JdbcClient jdbc = JdbcClient.create(new NamedParameterJdbcTemplate(new RecordingDataSource()));
        this.queries = construct(HazardQueries.class, new Class<?>[]{JdbcClient.class}, jdbc);
        this.attachments = construct(AttachmentStore.class, new Class<?>[]{JdbcClient.class, HazardsProperties.class, Clock.class},
                jdbc, new HazardsProperties(10, Period.ofMonths(3), "./data/bench/files", DataSize.ofMegabytes(10), "-", 2, 3, 2, 2, 10, 20, 5, 3),
                Clock.systemUTC());
    }

    /** The statements GET /api/v1/hazards runs for this scope and filter (first page, default order and size). */
    List<Statement> list(DataScope scope, HazardQueries.Filter filter) {
        recorded.clear();
        queries.search(scope, filter, HazardQueries.Sort.FOUND_DESC, 0, 20);
        return List.copyOf(recorded);
    }

    /** The statements GET /api/v1/hazards/{id} runs (the hazard with its timeline, plans, …; then its attachments). */
    List<Statement> detail(DataScope scope, UUID id) {
        recorded.clear();
        queries.detail(id, scope).orElseThrow(() -> new IllegalStateException("sample hazard " + id + " not in scope"));
        attachments.list(id);
        return List.copyOf(recorded);
    }

    /** The statement GET /api/v1/hazards/listings runs. */
    List<Statement> board(DataScope viewer) {
        recorded.clear();
        queries.listingBoard(200, viewer);
        return List.copyOf(recorded);
    }

    @SuppressWarnings("unchecked")
    private static <T> T construct(Class<T> type, Class<?>[] types, Object... args) {
        try {
            Constructor<T> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private final class RecordingDataSource extends AbstractDataSource {
        @Override
        public Connection getConnection() throws SQLException {
            Connection real = DriverManager.getConnection(url, user, password);
            return proxy(Connection.class, (p, m, a) -> {
                Object result = invoke(real, m, a);
                if (m.getName().equals("prepareStatement") && a != null && a[0] instanceof String sql) {
                    TreeMap<Integer, Object> params = new TreeMap<>();
                    PreparedStatement ps = (PreparedStatement) result;
                    PreparedStatement recording = proxy(PreparedStatement.class, (p2, m2, a2) -> {
                        if (m2.getName().startsWith("set") && a2 != null && a2.length >= 2 && a2[0] instanceof Integer i) {
                            params.put(i, m2.getName().equals("setNull") ? null : a2[1]);
                        }
                        if (m2.getName().startsWith("execute")) {
                            recorded.add(new Statement(sql, new ArrayList<>(params.values())));
                        }
                        return invoke(ps, m2, a2);
                    });
                    return recording;
                }
                return result;
            });
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler h) {
        return (T) Proxy.newProxyInstance(SqlCapture.class.getClassLoader(), new Class<?>[]{type}, h);
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
