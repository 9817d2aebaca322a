package cn.zhiben.standards;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * zhiben.standards.* settings.
 *
 * @param maxImportSize    largest standard file (.xlsx or .json) accepted for import
 * @param maxImportClauses most clauses one imported version may hold
 */
@ConfigurationProperties("zhiben.standards")
public record StandardsProperties(
        @DefaultValue("5MB") DataSize maxImportSize,
        @DefaultValue("5000") int maxImportClauses) {
}
