package cn.zhiben.audit.internal;

import cn.zhiben.audit.AuditVocabulary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders audit rows for an auditor with every module's {@link AuditVocabulary}: Chinese names for entity types and
 * fields, labels for codes, names for ids. One instance per page or export ({@link #session()}) caches the lookups.
 */
@Component
public class AuditReadable {

    private static final int SUMMARY_MAX = 300;
    private final ObjectProvider<AuditVocabulary> vocabularies;

    AuditReadable(ObjectProvider<AuditVocabulary> vocabularies) {
        this.vocabularies = vocabularies;
    }

    /** Every entity type a module names, code -> Chinese name, for the filter. */
    public Map<String, String> entityTypes() {
        Map<String, String> out = new LinkedHashMap<>();
        vocabularies.orderedStream().flatMap(v -> v.entityTypes().entrySet().stream())
                .sorted(Map.Entry.comparingByValue(java.text.Collator.getInstance(java.util.Locale.CHINA)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The code of an entity type given by its code or its Chinese name. */
    String entityTypeCode(String codeOrName) {
        Map<String, String> types = entityTypes();
        if (types.containsKey(codeOrName)) {
            return codeOrName;
        }
        return types.entrySet().stream().filter(e -> e.getValue().equals(codeOrName)).map(Map.Entry::getKey).findFirst()
                .orElse(codeOrName);
    }

    Session session() {
        return new Session(vocabularies.orderedStream().toList());
    }

    /** Lookups for one page or export, cached. */
    static final class Session {
        private final List<AuditVocabulary> vocabularies;
        private final Map<String, String> types = new HashMap<>();
        private final Map<String, Optional<String>> names = new HashMap<>();
        private final Map<String, String> values = new HashMap<>();

        Session(List<AuditVocabulary> vocabularies) {
            this.vocabularies = vocabularies;
            vocabularies.forEach(v -> types.putAll(v.entityTypes()));
        }

        String typeLabel(String entityType) {
            return entityType == null ? null : types.getOrDefault(entityType, entityType);
        }

        String name(String entityType, String entityId) {
            if (entityType == null || entityId == null) {
                return null;
            }
            return names.computeIfAbsent(entityType + "|" + entityId, k -> vocabularies.stream()
                    .map(v -> v.name(entityType, entityId)).flatMap(Optional::stream).findFirst()).orElse(null);
        }

        String field(String entityType, String field) {
            for (AuditVocabulary v : vocabularies) {
                String label = v.field(entityType, field);
                if (label != null) {
                    return label;
                }
            }
            return field;
        }

        String value(String entityType, String field, String raw) {
            if (raw == null) {
                return "空";
            }
            return values.computeIfAbsent(entityType + "|" + field + "|" + raw, k -> {
                for (AuditVocabulary v : vocabularies) {
                    String readable = v.value(entityType, field, raw);
                    if (readable != null) {
                        return readable;
                    }
                }
                return raw;
            });
        }

        /** "字段：前 → 后" for a change, "字段：值" for a fact; Chinese where a vocabulary knows it, cut to a readable length. */
        String summary(String entityType, JsonNode changes, String raw) {
            if (changes == null) {
                return raw == null ? "" : cut(raw);
            }
            if (!changes.isObject()) {
                return cut(changes.toString());
            }
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : changes.properties()) {
                String key = e.getKey();
                JsonNode v = e.getValue();
                String label = field(entityType, key);
                if (v.isArray() && v.size() == 2) {
                    parts.add(label + "：" + text(entityType, key, v.get(0)) + " → " + text(entityType, key, v.get(1)));
                } else {
                    parts.add(label + "：" + text(entityType, key, v));
                }
            }
            return cut(String.join("；", parts));
        }

        private String text(String entityType, String field, JsonNode v) {
            if (v == null || v.isNull()) {
                return "空";
            }
            if (v.isBoolean()) {
                String readable = value(entityType, field, v.asString());
                return readable.equals(v.asString()) ? (v.asBoolean() ? "是" : "否") : readable;
            }
            if (v.isValueNode()) {
                return value(entityType, field, v.asString());
            }
            if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(i -> items.add(text(entityType, field, i)));
                return String.join("、", items);
            }
            return v.toString();
        }

        private static String cut(String s) {
            return s.length() <= SUMMARY_MAX ? s : s.substring(0, SUMMARY_MAX) + "…";
        }
    }
}
