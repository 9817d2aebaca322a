package cn.zhiben.support;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every request mapping of the running application (controllers, pages, API, springdoc, actuator), one per METHOD +
 * path pattern exactly as Spring maps it; a mapping without a method condition is "ANY".
 */
public final class Endpoints {

    private static final Pattern MODULE = Pattern.compile("^cn\\.zhiben\\.([a-z0-9]+)\\.");

    private Endpoints() {
    }

    /** One mapped METHOD + pattern and the handler behind it. */
    public record Endpoint(String method, String path, String module, Set<MediaType> consumes, HandlerMethod handler) {

        public String key() {
            return method + " " + path;
        }

        public boolean api() {
            return path.startsWith("/api/") || path.startsWith("/actuator");
        }

        public boolean multipart() {
            return consumes.stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes);
        }
    }

    public static List<Endpoint> all(ApplicationContext context) {
        Map<String, Endpoint> out = new LinkedHashMap<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = e.getKey();
                HandlerMethod handler = e.getValue();
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                List<String> names = methods.isEmpty() ? List.of("ANY") : methods.stream().map(Enum::name).sorted().toList();
                for (String pattern : info.getPatternValues()) {
                    for (String method : names) {
                        Endpoint endpoint = new Endpoint(method, pattern, moduleOf(handler.getBeanType()),
                                info.getConsumesCondition().getConsumableMediaTypes(), handler);
                        out.putIfAbsent(endpoint.key(), endpoint);
                    }
                }
            }
        }
        List<Endpoint> list = new ArrayList<>(out.values());
        list.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return list;
    }

    /** The module whose table lists a handler: its base package under cn.zhiben; "platform" for libraries' handlers. */
    static String moduleOf(Class<?> type) {
        Matcher m = MODULE.matcher(type.getName());
        return m.find() ? m.group(1) : "platform";
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)(?::((?:[^{}]|\\{[^{}]*})*))?}");

    /** The names of a pattern's path variables, in order. */
    public static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The pattern with its variables filled in; wildcards become a plain segment. */
    public static String expand(String pattern, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("no value for {" + m.group(1) + "} in " + pattern);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString().replace("**", "x").replace("*", "x");
    }
}
