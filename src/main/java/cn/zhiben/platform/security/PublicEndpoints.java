package cn.zhiben.platform.security;

import java.util.List;

/**
 * Paths a module serves without a signed-in account (e.g. the public result of a random draw, the public tip-off
 * form, a device's telemetry upload authenticated by the module itself). Each module declares its own as a bean; the
 * security configuration opens exactly these and nothing else.
 *
 * @param api paths under /api/** (stateless chain, no CSRF), Ant-style patterns
 * @param ui  page paths (session chain, CSRF on forms), Ant-style patterns
 */
public record PublicEndpoints(List<String> api, List<String> ui) {

    public PublicEndpoints {
        api = List.copyOf(api);
        ui = List.copyOf(ui);
        for (String p : api) {
            // at least /api/v1/<module part>: a module opens its own endpoints, never the API as a whole
            if (!p.startsWith("/api/v1/") || wildcardBefore(p, 4)) {
                throw new IllegalArgumentException("not an API path a module may open: " + p);
            }
        }
        for (String p : ui) {
            if (p.startsWith("/api/") || !p.startsWith("/") || wildcardBefore(p, 2)) {
                throw new IllegalArgumentException("not a page path a module may open: " + p);
            }
        }
    }

    /** Whether one of the first n path segments contains a wildcard. */
    private static boolean wildcardBefore(String pattern, int n) {
        String[] segments = pattern.substring(1).split("/");
        for (int i = 0; i < Math.min(n, segments.length); i++) {
            if (segments[i].contains("*") || segments[i].contains("{")) {
                return true;
            }
        }
        return segments.length < n;
    }
}
