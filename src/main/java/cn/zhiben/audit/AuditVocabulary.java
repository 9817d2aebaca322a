package cn.zhiben.audit;

import java.util.Map;
import java.util.Optional;

/**
 * How a module's audit entries read to an auditor (issue 10 item 7): Chinese names of the entity types it writes and of
 * their fields, readable values (labels of codes, names of ids), and the name or number of an object. Each module that
 * audits implements it as a bean for its own entity types; the audit log page and export ask every bean. What no bean
 * knows stays as written. Raw values are kept: the export has them beside the readable ones.
 */
public interface AuditVocabulary {

    /** entity type as written -> Chinese name, for the types this module writes. */
    Map<String, String> entityTypes();

    /** Chinese name of a field of an entry of this entity type (null for any type), or null when unknown here. */
    default String field(String entityType, String field) {
        return null;
    }

    /** A readable form of a field's value (a label for a code, a name for an id), or null to keep it as written. */
    default String value(String entityType, String field, String raw) {
        return null;
    }

    /** The object's name or number (a hazard's number, an account's username), if this module knows it. */
    default Optional<String> name(String entityType, String entityId) {
        return Optional.empty();
    }
}
