package cn.zhiben.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** --name=value command-line options of the benchmark tools. */
final class Args {

    private Args() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("expected --name=value, got " + a);
            }
            int eq = a.indexOf('=');
            out.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "" : a.substring(eq + 1));
        }
        return out;
    }

    /**
     * The embedded server's superuser password: --password=…, else the file --password-file=… (the platform writes
     * it, mode 0600, beside the field key), else the environment's PGPASSWORD.
     */
    static String pgPassword(Map<String, String> a) {
        if (a.containsKey("password")) {
            return a.get("password");
        }
        if (a.containsKey("password-file")) {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of(a.get("password-file"))).strip();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        String env = System.getenv("PGPASSWORD");
        if (env == null || env.isBlank()) {
            throw new IllegalArgumentException("the embedded database needs its password: --password-file=<dir>/keys/postgres.password or PGPASSWORD");
        }
        return env;
    }
}
