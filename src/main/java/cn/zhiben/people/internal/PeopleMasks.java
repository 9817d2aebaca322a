package cn.zhiben.people.internal;

/** How a person's name appears in audit summaries: the first character (mostly the surname) kept, the rest starred. */
final class PeopleMasks {

    private PeopleMasks() {
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        return n.substring(0, first) + "*".repeat(Math.max(1, n.codePointCount(first, n.length())));
    }
}
