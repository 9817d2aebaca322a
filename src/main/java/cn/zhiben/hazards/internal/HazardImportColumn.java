package cn.zhiben.hazards.internal;

/**
 * The columns of the history import template, in order, with what the instructions sheet says about each. The header
 * text is how a column is found again in an upload (the order of columns does not matter).
 */
public enum HazardImportColumn {
    USCC("企业统一社会信用代码", true, "企业须已在平台登记（可先批量导入企业），且在您的数据范围内", "18 位代码，如企业信息中所示"),
    ENTERPRISE("企业名称", false, "选填，用于核对；与登记名称不一致时报错（企业已更名的可清空此列）", "泽州示范巴公煤业有限公司"),
    FOUND_ON("发现日期", true, "yyyy-MM-dd，或 Excel 日期", "2023-06-12"),
    GRADE("隐患等级", true, "一般 / 重大", "重大"),
    CHANNEL("发现渠道", true, "企业自查 / 部门检查 / 群众举报查实 / 专家/第三方服务机构 / 监测预警转办 / 上级交办", "部门检查"),
    STANDARD("判定标准", false, "重大事故隐患填写：标准文号或名称，须为发现日期当日有效的版本，如 应急管理部令第4号", "应急管理部令第4号"),
    CLAUSE_NO("条款号", false, "重大事故隐患填写：标准库中的条款号，如 4.1（可在“判定标准”页面查询）", "7.2"),
    BASIS("判定依据说明", false, "重大事故隐患无法对应标准库条款时（如综合判定、专家论证）填写原判定依据，代替判定标准和条款号", ""),
    DESCRIPTION("隐患描述", true, "不超过 2000 字", "瓦斯抽采泵站备用泵不能正常运行"),
    LOCATION("隐患部位", true, "不超过 500 字", "地面瓦斯抽采泵站"),
    FOUND_BY("发现人（单位）", true, "原记录中的发现人或检查单位", "泽州县能源局检查组"),
    SHUTDOWN("停产停业", false, "不停产（默认） / 局部停产停业 / 全部停产停业", "局部停产停业"),
    STATUS("整改状态", true, "一般隐患：整改中 / 已整改关闭；重大事故隐患：待制定整改方案 / 整改中 / 整改完成待评估 / 已销号", "已销号"),
    DEADLINE("整改期限", false, "“整改中”的隐患必填（已挂牌的可只填督办期限）", "2023-09-30"),
    RECTIFIED_ON("整改完成日期", false, "“整改完成待评估”“已销号”“已整改关闭”必填", "2023-09-20"),
    SIGNED_OFF_ON("销号日期", false, "“已销号”必填，只有重大事故隐患有销号日期", "2024-03-15"),
    LISTING_LEVEL("挂牌级别", false, "挂牌督办的重大事故隐患填写：市级 / 县级；以下三列须同时填写", "县级"),
    LISTING_DOC("督办文号", false, "如 泽安办督〔2023〕5号", "泽安办督〔2023〕5号"),
    LISTED_ON("挂牌日期", false, "不早于发现日期", "2023-06-20"),
    LISTING_DEADLINE("督办期限", false, "不早于挂牌日期", "2023-10-31"),
    LEGACY_NUMBER("原编号", false, "原系统或台账中的编号，便于对照", "ZZ-2023-0087"),
    REMARK("备注", false, "不超过 500 字", "");

    private final String header;
    private final boolean required;
    private final String help;
    private final String example;

    HazardImportColumn(String header, boolean required, String help, String example) {
        this.header = header;
        this.required = required;
        this.help = help;
        this.example = example;
    }

    public String header() {
        return header;
    }

    /** The header as written in the template: required columns carry an asterisk. */
    public String templateHeader() {
        return required ? header + "*" : header;
    }

    public boolean required() {
        return required;
    }

    public String help() {
        return help;
    }

    public String example() {
        return example;
    }

    /** The column that holds a fact the hazard's history rules name ({@link Hazard.HistoryProblem#field()}). */
    static HazardImportColumn ofFact(String field) {
        return switch (field) {
            case "foundOn" -> FOUND_ON;
            case "status" -> STATUS;
            case "clauseId" -> CLAUSE_NO;
            case "listingLevel" -> LISTING_LEVEL;
            case "signedOffOn" -> SIGNED_OFF_ON;
            case "rectifiedOn" -> RECTIFIED_ON;
            case "deadline" -> DEADLINE;
            case "listedOn" -> LISTED_ON;
            case "listingDeadline" -> LISTING_DEADLINE;
            default -> null;
        };
    }
}
