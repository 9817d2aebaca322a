package cn.zhiben.support;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.support.AccessTable.Row;
import cn.zhiben.support.Endpoints.Endpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Bad input is never a 500 (issue 9 item 5): every query parameter of every list endpoint — every GET mapping without
 * path variables, API and pages, found from the mappings like the access table — gets a corpus of malformed values,
 * asked as an account the access table allows (the one with the smallest scope, so exports stay small). Each answer
 * must be below 500; an API error must be a problem detail with a stable code and a Chinese message.
 */
class QueryParameterFuzzWebTests extends IntegrationTest {

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"[A-Z][A-Z0-9_]*\"");
    private static final Pattern CHINESE = Pattern.compile("\"detail\"\\s*:\\s*\"[^\"]*\\p{IsHan}");
    /** Who asks: the narrowest scope first. */
    private static final List<Role> PREFERENCE = List.of(Role.ENTERPRISE, Role.TOWNSHIP, Role.COUNTY_UNIT, Role.COUNTY_OFFICE,
            Role.MEMBER_UNIT, Role.EXPERT, Role.CITY_OFFICE, Role.SEC_ADMIN, Role.AUDIT_ADMIN, Role.SYS_ADMIN);

    /** Values wrong for almost any parameter: blanks, separators only, NUL, huge, odd Unicode, out-of-range numbers. */
    static final List<String> CORPUS = List.of("", " ", ",", " , ", ",,", "\u0000", "a\u0000b", "%", "%00", "x".repeat(5000),
            "中文😀", "'\"<>;--", "\u202egnp.exe", "\uD800", "-1", "0", "99999999999999999999", "1.5", "1e309", "NaN",
            "null", "true,false", "2026-02-30", "+999999999-12-31", "../../etc/passwd", "[]", "{}");

    @Autowired
    ApplicationContext context;
    @Autowired
    AccountDirectory accounts;

    /** A query parameter of a handler: its name and the type it binds to (element type for collections). */
    record Param(String name, Class<?> type) {
    }

    @Test
    void noQueryParameterValueOfAnyListEndpointIsAServerError() throws Exception {
        Map<String, Row> rows = new HashMap<>();
        AccessTable.load().rows().forEach(r -> rows.put(r.key(), r));
        List<CurrentUser> users = new ArrayList<>();
        for (String u : jdbc.sql("select username from idn_user where demo order by username").query(String.class).list()) {
            users.add(accounts.runAs(u, CurrentUser::require));
        }
        MockMvc quiet = QuietMockMvc.of(context);
        CachedLogins logins = new CachedLogins(this::token, this::login);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        int endpoints = 0;
        long started = System.nanoTime();
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (Endpoint e : Endpoints.all(context)) {
            if (!(e.method().equals("GET") || e.method().equals("ANY")) || !Endpoints.variables(e.path()).isEmpty()
                    || e.path().contains("*")) {
                continue;
            }
            List<Param> params = params(e);
            Row row = rows.get(e.key());
            if (params.isEmpty() || row == null) {
                continue; // no parameters; a missing row fails AccessTableWebTests
            }
            CurrentUser caller = caller(row, users);
            endpoints++;
            for (Param p : params) {
                for (String value : values(p)) {
                    MockHttpServletRequestBuilder request = get(e.path()).param(p.name(), value);
                    if (caller != null) {
                        if (e.api()) {
                            request.header("Authorization", "Bearer " + logins.token(caller.username()));
                        } else {
                            request.session(logins.session(caller.username()));
                        }
                    }
                    requests++;
                    String what = e.path() + "?" + p.name() + "=" + printable(value) + " as " + (caller == null ? "anonymous" : caller.username());
                    MvcResult r;
                    try {
                        r = quiet.perform(request).andReturn();
                    } catch (Exception ex) {
                        failures.add(what + " threw " + ex);
                        continue;
                    }
                    int status = r.getResponse().getStatus();
                    String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
                    if (status >= 500) {
                        failures.add(what + " answered " + status + " " + excerpt(body));
                    } else if (e.api() && status >= 400 && !(CODE.matcher(body).find() && CHINESE.matcher(body).find())) {
                        failures.add(what + " answered " + status + " without a problem detail (code, Chinese detail): " + excerpt(body));
                    }
                }
            }
        }
        System.out.printf("query fuzz: %d endpoints, %d requests in %.1f s (%.1f s CPU of the test thread)%n", endpoints, requests,
                (System.nanoTime() - started) / 1e9,
                (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9);
        assertThat(endpoints).as("list endpoints with query parameters found").isGreaterThan(10);
        assertThat(failures).as(() -> failures.size() + " malformed query values were not answered with a 4xx problem or a result:\n"
                + String.join("\n", failures)).isEmpty();
    }

    /** The allowed account with the smallest scope; null (anonymous) for public rows. */
    private static CurrentUser caller(Row row, List<CurrentUser> users) {
        for (Role role : PREFERENCE) {
            for (CurrentUser u : users) {
                if (u.role() == role && row.who().allows(u)) {
                    return u;
                }
            }
        }
        return null;
    }

    /** The corpus, plus values near-valid for the parameter's type: an enum constant with a stray comma, in lower case. */
    static List<String> values(Param p) {
        Set<String> out = new LinkedHashSet<>(CORPUS);
        if (p.type().isEnum() && p.type().getEnumConstants().length > 0) {
            String first = ((Enum<?>) p.type().getEnumConstants()[0]).name();
            out.addAll(List.of(first + ",", "," + first, first.toLowerCase(), first + ", " + first, first + ",,x"));
        }
        if (p.type() == int.class || p.type() == Integer.class || p.type() == long.class || p.type() == Long.class) {
            out.addAll(List.of("2147483648", "-2147483649", "9223372036854775808", "0x10", " 1 "));
        }
        if (p.type().getName().startsWith("java.time.")) {
            out.addAll(List.of("2026-13-01", "2026-1-1", "0000-00-00", "2026-12-03T10:00"));
        }
        return List.copyOf(out);
    }

    /** The query parameters a handler reads: @RequestParam names and the properties of parameter objects it binds. */
    static List<Param> params(Endpoint e) {
        Map<String, Param> out = new LinkedHashMap<>();
        for (MethodParameter mp : e.handler().getMethodParameters()) {
            Class<?> type = mp.getParameterType();
            RequestParam rp = mp.getParameterAnnotation(RequestParam.class);
            if (rp != null) {
                if (Map.class.isAssignableFrom(type) || MultipartFile.class.isAssignableFrom(type)) {
                    continue;
                }
                String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : mp.getParameterName();
                out.put(name, new Param(name, element(ResolvableType.forMethodParameter(mp))));
            } else if (mp.hasParameterAnnotation(ModelAttribute.class)
                    || (mp.getParameterAnnotations().length == 0 && type.getName().startsWith("cn.zhiben.")
                    && !BeanUtils.isSimpleProperty(type))) {
                if (type.isRecord()) {
                    for (RecordComponent c : type.getRecordComponents()) {
                        out.put(c.getName(), new Param(c.getName(), element(ResolvableType.forType(c.getGenericType()))));
                    }
                } else {
                    for (PropertyDescriptor d : BeanUtils.getPropertyDescriptors(type)) {
                        if (d.getWriteMethod() != null) {
                            out.put(d.getName(), new Param(d.getName(),
                                    element(ResolvableType.forMethodParameter(d.getWriteMethod(), 0))));
                        }
                    }
                }
            }
        }
        return List.copyOf(out.values());
    }

    private static Class<?> element(ResolvableType t) {
        if (Collection.class.isAssignableFrom(t.toClass()) && t.hasGenerics()) {
            return t.getGeneric(0).toClass();
        }
        if (t.isArray()) {
            return t.getComponentType().toClass();
        }
        return t.toClass();
    }

    private static String printable(String value) {
        String v = value.length() > 20 ? value.substring(0, 20) + "…(" + value.length() + ")" : value;
        StringBuilder sb = new StringBuilder();
        v.codePoints().forEach(c -> sb.append(c < 0x20 || (c >= 0x202a && c <= 0x202e) || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return sb.toString();
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
