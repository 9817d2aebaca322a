package cn.zhiben.campaign.web;

import java.util.Map;

/** Labels of the figures form, as the report template names its fields. */
public final class ReportPages {

    static final Map<String, String> FIELDS = Map.of("排查发现隐患", "found", "其中重大事故隐患", "majorFound",
            "重大事故隐患销号", "signedOff", "一般隐患整改关闭", "closed", "未销号重大事故隐患", "openMajor",
            "逾期未整改隐患", "overdue", "挂牌督办隐患", "listed");

    private ReportPages() {
    }

    public static String field(String label) {
        return FIELDS.get(label);
    }
}
