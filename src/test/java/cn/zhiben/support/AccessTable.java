package cn.zhiben.support;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The endpoint × caller access table: {@code src/test/resources/access/<module>.tsv}, one row per METHOD + path pattern
 * as Spring maps it. Format and vocabulary: docs/access-table.md.
 */
public final class AccessTable {

    public static final String LOCATION = "src/test/resources/access/";

    /** Groups of roles, fixed here on purpose: a role that gains a permission by mistake must show up as a failure. */
    static final Map<String, Set<Role>> GROUPS = Map.of(
            "BUSINESS", EnumSet.of(Role.CITY_OFFICE, Role.MEMBER_UNIT, Role.COUNTY_OFFICE, Role.COUNTY_UNIT, Role.TOWNSHIP,
                    Role.ENTERPRISE, Role.EXPERT),
            "GOVERNMENT", EnumSet.of(Role.CITY_OFFICE, Role.MEMBER_UNIT, Role.COUNTY_OFFICE, Role.COUNTY_UNIT, Role.TOWNSHIP),
            "ADMINISTRATORS", EnumSet.of(Role.SYS_ADMIN, Role.SEC_ADMIN, Role.AUDIT_ADMIN));

    private final List<Row> rows;

    private AccessTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Every access/*.tsv on the test class path; a malformed line fails with its file and line. */
    public static AccessTable load() throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:access/*.tsv");
        for (Resource file : files) {
            String module = file.getFilename().substring(0, file.getFilename().length() - ".tsv".length());
            String text = file.getContentAsString(StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].stripTrailing();
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    rows.add(Row.parse(module, i + 1, line));
                } catch (IllegalArgumentException e) {
                    errors.add(LOCATION + module + ".tsv:" + (i + 1) + ": " + e.getMessage() + "\n    " + line);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("malformed access table rows:\n" + String.join("\n", errors));
        }
        return new AccessTable(rows);
    }

    /** A row: who may call METHOD path, which fixture fills its ids, and what request to send. */
    public record Row(String module, int line, String method, String path, Who who, String fixture,
                      Map<String, String> literals, String request, boolean fresh) {

        static Row parse(String module, int line, String text) {
            String[] cols = text.split("\t+");
            if (cols.length < 4 || cols.length > 5) {
                throw new IllegalArgumentException("expected 4 or 5 tab-separated columns (method, path, allowed, fixture[, request]), found " + cols.length);
            }
            String method = cols[0].strip();
            if (!method.matches("GET|POST|PUT|PATCH|DELETE|ANY")) {
                throw new IllegalArgumentException("unknown method " + method);
            }
            String path = cols[1].strip();
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with /: " + path);
            }
            Who who = Who.parse(cols[2].strip());
            String fixture = null;
            Map<String, String> literals = new LinkedHashMap<>();
            String f = cols[3].strip();
            if (!f.equals("-")) {
                for (String token : f.split("\\s+")) {
                    int eq = token.indexOf('=');
                    if (eq < 0) {
                        if (fixture != null) {
                            throw new IllegalArgumentException("two fixture names: " + fixture + ", " + token);
                        }
                        fixture = token;
                    } else {
                        literals.put(token.substring(0, eq), token.substring(eq + 1));
                    }
                }
            }
            String request = cols.length == 5 ? cols[4].strip() : "-";
            boolean fresh = false;
            if (request.equals("fresh") || request.startsWith("fresh ")) {
                fresh = true;
                request = request.substring(5).strip();
                if (request.isEmpty()) {
                    request = "-";
                }
            }
            return new Row(module, line, method, path, who, fixture, Collections.unmodifiableMap(literals),
                    request.equals("-") ? null : request, fresh);
        }

        public String key() {
            return method + " " + path;
        }

        public String where() {
            return LOCATION + module + ".tsv:" + line;
        }

        /** Whether the row's path has ids filled from a fixture or from literal values. */
        public boolean hasObject() {
            return fixture != null || !literals.isEmpty();
        }
    }

    /**
     * Who may call: space-separated tokens, each a group (ANONYMOUS, AUTHENTICATED, BUSINESS, GOVERNMENT, ADMINISTRATORS),
     * a role name, or one demo account as {@code @username}; a token prefixed with {@code !} is taken out again.
     * NOBODY allows no one.
     */
    public record Who(String text, List<String> plus, List<String> minus) {

        static Who parse(String text) {
            List<String> plus = new ArrayList<>();
            List<String> minus = new ArrayList<>();
            for (String token : text.split("\\s+")) {
                boolean negative = token.startsWith("!");
                String t = negative ? token.substring(1) : token;
                if (!(t.equals("ANONYMOUS") || t.equals("AUTHENTICATED") || t.equals("NOBODY") || GROUPS.containsKey(t)
                        || t.startsWith("@") || isRole(t))) {
                    throw new IllegalArgumentException("unknown caller " + token
                            + " (groups: ANONYMOUS AUTHENTICATED BUSINESS GOVERNMENT ADMINISTRATORS NOBODY, roles, @username)");
                }
                if (t.equals("NOBODY") && (negative || text.strip().contains(" "))) {
                    throw new IllegalArgumentException("NOBODY stands alone");
                }
                (negative ? minus : plus).add(t);
            }
            return new Who(text, List.copyOf(plus), List.copyOf(minus));
        }

        private static boolean isRole(String t) {
            for (Role r : Role.values()) {
                if (r.name().equals(t)) {
                    return true;
                }
            }
            return false;
        }

        public boolean anonymous() {
            return plus.contains("ANONYMOUS") && !minus.contains("ANONYMOUS");
        }

        /** Whether this signed-in account may call. */
        public boolean allows(CurrentUser user) {
            return plus.stream().anyMatch(t -> matches(t, user)) && minus.stream().noneMatch(t -> matches(t, user));
        }

        /** The @username tokens, to check that they name demo accounts. */
        public List<String> accounts() {
            List<String> out = new ArrayList<>();
            plus.stream().filter(t -> t.startsWith("@")).map(t -> t.substring(1)).forEach(out::add);
            minus.stream().filter(t -> t.startsWith("@")).map(t -> t.substring(1)).forEach(out::add);
            return out;
        }

        private static boolean matches(String token, CurrentUser user) {
            if (token.equals("ANONYMOUS") || token.equals("AUTHENTICATED")) {
                return true;
            }
            if (token.equals("NOBODY")) {
                return false;
            }
            if (token.startsWith("@")) {
                return token.substring(1).equals(user.username());
            }
            Set<Role> group = GROUPS.get(token);
            return group != null ? group.contains(user.role()) : user.role().name().equals(token);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
