package cn.zhiben.org.internal;

import cn.zhiben.audit.AuditVocabulary;
import cn.zhiben.org.EnterpriseScale;
import cn.zhiben.org.EnterpriseStatus;
import cn.zhiben.org.Industry;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.Labelled;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.org.SpecialOperation;
import cn.zhiben.org.StandardizationGrade;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** How the org module's audit entries (enterprises, industries, the leading group) read to an auditor (issue 10 item 7). */
@Component
class OrgAuditVocabulary implements AuditVocabulary {

    private static final Map<String, String> FIELDS;

    static {
        Map<String, String> m = new HashMap<>();
        for (EnterpriseField f : EnterpriseField.values()) {
            m.put(f.property(), f.label());
        }
        m.putAll(Map.ofEntries(
                Map.entry("grade", "标准化等级"), Map.entry("industryCode", "行业领域"), Map.entry("keyword", "关键词"),
                Map.entry("demo", "演示数据"), Map.entry("rows", "行数"), Map.entry("filters", "筛选条件"),
                Map.entry("file", "文件"), Map.entry("mode", "导入方式"), Map.entry("total", "总行数"),
                Map.entry("valid", "有效行数"), Map.entry("invalid", "无效行数"), Map.entry("imported", "已导入"),
                Map.entry("position", "职务"), Map.entry("personName", "姓名"), Map.entry("jobTitle", "职务名称"),
                Map.entry("unit", "单位"), Map.entry("userId", "账号"), Map.entry("sortOrder", "排序"),
                Map.entry("revision", "修订版本"), Map.entry("parentCode", "上级行业"), Map.entry("planRef", "行动方案依据"),
                Map.entry("lead", "牵头监管部门"), Map.entry("cooperating", "配合部门"), Map.entry("active", "启用"),
                Map.entry("assignable", "可选为企业行业")));
        FIELDS = Map.copyOf(m);
    }

    private static final Map<String, String> TYPES = Map.of(
            EnterpriseService.ENTITY, "企业", LeadingGroupService.ENTITY, "安委会成员",
            EnterpriseImportService.JOB_ENTITY, "企业批量导入", IndustryService.ENTITY, "行业领域");

    private final JdbcClient jdbc;
    private final RegionCatalog regions;
    private final IndustryCatalog industries;

    OrgAuditVocabulary(JdbcClient jdbc, RegionCatalog regions, IndustryCatalog industries) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.industries = industries;
    }

    @Override
    public Map<String, String> entityTypes() {
        return TYPES;
    }

    @Override
    public String field(String entityType, String field) {
        if (!TYPES.containsKey(entityType)) {
            return null;
        }
        if (field.equals("name")) {
            return IndustryService.ENTITY.equals(entityType) ? "行业名称" : "企业名称";
        }
        return FIELDS.get(field);
    }

    @Override
    public String value(String entityType, String field, String raw) {
        if (!TYPES.containsKey(entityType)) {
            return null;
        }
        return switch (field) {
            case "regionCode", "zoneCode" -> regions.find(raw).map(Region::name).orElse(null);
            case "industryCode", "parentCode" -> industries.find(raw).map(Industry::name).orElse(null);
            case "scale" -> label(EnterpriseScale.class, raw);
            case "status" -> label(EnterpriseStatus.class, raw);
            case "standardizationGrade", "grade" -> label(StandardizationGrade.class, raw);
            case "specialOperations" -> raw.isBlank() ? "无" : Arrays.stream(raw.split(","))
                    .map(s -> Optional.ofNullable(label(SpecialOperation.class, s)).orElse(s)).collect(Collectors.joining("、"));
            case "mode" -> Arrays.stream(EnterpriseImportJob.Mode.values()).filter(m -> m.name().equals(raw))
                    .map(EnterpriseImportJob.Mode::label).findFirst().orElse(null);
            default -> null;
        };
    }

    @Override
    public Optional<String> name(String entityType, String entityId) {
        if (entityId == null) {
            return Optional.empty();
        }
        if (IndustryService.ENTITY.equals(entityType)) {
            return industries.find(entityId).map(i -> i.name() + "（" + i.code() + "）");
        }
        Optional<UUID> id = uuid(entityId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (EnterpriseService.ENTITY.equals(entityType)) {
            return jdbc.sql("select name from org_enterprise where id = :id").param("id", id.get()).query(String.class).optional();
        }
        if (LeadingGroupService.ENTITY.equals(entityType)) {
            return jdbc.sql("select person_name from org_leading_group_member where id = :id").param("id", id.get())
                    .query(String.class).optional();
        }
        return Optional.empty();
    }

    private static <E extends Enum<E> & Labelled> String label(Class<E> type, String raw) {
        return Labelled.parse(type, raw).map(Labelled::label).orElse(null);
    }

    private static Optional<UUID> uuid(String raw) {
        try {
            return Optional.of(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
