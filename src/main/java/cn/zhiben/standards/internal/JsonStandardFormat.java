package cn.zhiben.standards.internal;

import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.platform.web.ProblemException.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a standard version ("zhiben-standard/1"): {standard:{code,name}, version:{…}, categories:[…],
 * clauses:[…]}. Keys are the English header keys of {@link StandardDocument}.
 */
final class JsonStandardFormat {

    static final String FORMAT = "zhiben-standard/1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonStandardFormat() {
    }

    record Parsed(StandardDocument document, List<FieldProblem> problems) {
    }

    static Parsed read(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw ProblemException.badRequest("MALFORMED_FILE", "文件不是有效的 JSON");
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.badRequest("MALFORMED_FILE", "JSON 文件的顶层应为对象（含 standard、version、categories、clauses）");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        JsonNode standard = root.path("standard");
        put(header, where, problems, "code", standard.path("code"), "standard.code");
        put(header, where, problems, "standardName", standard.path("name"), "standard.name");
        JsonNode version = root.path("version");
        if (!version.isObject()) {
            problems.add(new FieldProblem("version", "缺少版本信息（version 对象）"));
        }
        for (String key : StandardDocument.HEADER_KEYS.keySet()) {
            if (!key.equals("code") && !key.equals("standardName")) {
                put(header, where, problems, key, version.path(key), "version." + key);
            }
        }
        List<StandardDocument.CategoryLine> categories = new ArrayList<>();
        int i = 0;
        for (JsonNode c : array(root, "categories", problems)) {
            String at = "categories[" + i++ + "]";
            if (!c.isObject()) {
                problems.add(new FieldProblem(at, "应为对象"));
                continue;
            }
            categories.add(new StandardDocument.CategoryLine(at, text(c, "code", at, problems), text(c, "name", at, problems),
                    text(c, "group", at, problems), text(c, "note", at, problems)));
        }
        List<StandardDocument.ClauseLine> clauses = new ArrayList<>();
        i = 0;
        for (JsonNode c : array(root, "clauses", problems)) {
            String at = "clauses[" + i++ + "]";
            if (!c.isObject()) {
                problems.add(new FieldProblem(at, "应为对象"));
                continue;
            }
            clauses.add(new StandardDocument.ClauseLine(at, text(c, "clauseNo", at, problems),
                    text(c, "category", at, problems), text(c, "summary", at, problems),
                    text(c, "confidence", at, problems), text(c, "industries", at, problems),
                    text(c, "specialOperation", at, problems), text(c, "note", at, problems),
                    text(c, "related", at, problems)));
        }
        return new Parsed(new StandardDocument(header, where, categories, clauses), problems);
    }

    static byte[] write(StandardDocument doc) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode standard = root.putObject("standard");
        standard.put("code", doc.get("code"));
        standard.put("name", doc.get("standardName"));
        ObjectNode version = root.putObject("version");
        for (String key : StandardDocument.HEADER_KEYS.keySet()) {
            if (key.equals("code") || key.equals("standardName")) {
                continue;
            }
            String v = doc.get(key);
            switch (key) {
                case "industries" -> {
                    ArrayNode a = version.putArray(key);
                    split(v).forEach(a::add);
                }
                case "allIndustries", "partial", "possiblySuperseded" -> version.put(key, "是".equals(v) || "true".equals(v));
                case "caveats" -> {
                    ArrayNode a = version.putArray(key);
                    if (v != null) {
                        v.lines().filter(l -> !l.isBlank()).forEach(a::add);
                    }
                }
                default -> version.put(key, v);
            }
        }
        ArrayNode categories = root.putArray("categories");
        for (StandardDocument.CategoryLine c : doc.categories()) {
            ObjectNode o = categories.addObject();
            o.put("code", c.code());
            o.put("name", c.name());
            o.put("group", c.group());
            o.put("note", c.note());
        }
        ArrayNode clauses = root.putArray("clauses");
        for (StandardDocument.ClauseLine c : doc.clauses()) {
            ObjectNode o = clauses.addObject();
            o.put("clauseNo", c.clauseNo());
            o.put("category", c.category());
            o.put("summary", c.summary());
            o.put("confidence", c.confidence());
            ArrayNode a = o.putArray("industries");
            split(c.industries()).forEach(a::add);
            o.put("specialOperation", c.specialOperation());
            o.put("note", c.note());
            o.put("related", c.related());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    static List<String> split(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(list.split("[,，、;；\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Iterable<JsonNode> array(JsonNode root, String name, List<FieldProblem> problems) {
        JsonNode node = root.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(new FieldProblem(name, "应为数组"));
            return List.of();
        }
        return node;
    }

    private static void put(Map<String, String> header, Map<String, String> where, List<FieldProblem> problems,
                            String key, JsonNode node, String at) {
        where.put(key, at);
        String value = scalar(node, at, problems);
        if (value != null) {
            header.put(key, value);
        }
    }

    private static String text(JsonNode o, String field, String at, List<FieldProblem> problems) {
        return scalar(o.path(field), at + "." + field, problems);
    }

    /** A string, number or boolean as text; an array of those joined (industries, caveat lines); null if absent. */
    private static String scalar(JsonNode node, String at, List<FieldProblem> problems) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode n : node) {
                if (n.isObject() || n.isArray()) {
                    problems.add(new FieldProblem(at, "数组中应为文本"));
                    return null;
                }
                parts.add(n.asString());
            }
            return at.endsWith("caveats") ? String.join("\n", parts) : String.join(",", parts);
        }
        if (node.isObject()) {
            problems.add(new FieldProblem(at, "应为文本"));
            return null;
        }
        return node.asString();
    }
}
