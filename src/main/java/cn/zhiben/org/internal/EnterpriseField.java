package cn.zhiben.org.internal;

import java.util.Optional;

/** The editable fields of an enterprise: API property name, Chinese label (also the import column header), required. */
public enum EnterpriseField {
    NAME("name", "企业名称", true),
    USCC("uscc", "统一社会信用代码", true),
    REGION("regionCode", "所在乡镇（街道）", true),
    ZONE("zoneCode", "所属园区", false),
    INDUSTRY("industryCode", "行业领域", true),
    SCALE("scale", "企业规模", true),
    STATUS("status", "生产经营状态", true),
    GRADE("standardizationGrade", "标准化等级", true),
    ADDRESS("address", "地址", false),
    LONGITUDE("longitude", "经度", false),
    LATITUDE("latitude", "纬度", false),
    PRINCIPAL_NAME("principalName", "主要负责人", true),
    PRINCIPAL_MOBILE("principalMobile", "主要负责人手机", true),
    CONTROLLER_NAME("controllerName", "实际控制人", false),
    CONTROLLER_MOBILE("controllerMobile", "实际控制人手机", false),
    SPECIAL_OPERATIONS("specialOperations", "特殊作业", false);

    private final String property;
    private final String label;
    private final boolean required;

    EnterpriseField(String property, String label, boolean required) {
        this.property = property;
        this.label = label;
        this.required = required;
    }

    public String property() {
        return property;
    }

    public String label() {
        return label;
    }

    public boolean required() {
        return required;
    }

    /** The import template's header: required columns carry a trailing "*". */
    public String header() {
        return required ? label + "*" : label;
    }

    public static Optional<EnterpriseField> byProperty(String property) {
        for (EnterpriseField f : values()) {
            if (f.property.equals(property)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
