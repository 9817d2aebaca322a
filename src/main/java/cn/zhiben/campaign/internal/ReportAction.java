package cn.zhiben.campaign.internal;

public enum ReportAction {
    SAVE_DRAFT("保存草稿"),
    SUBMIT("报送"),
    RECORD_RECEIVED("代录线下报送"),
    RETURN("退回修改"),
    ACCEPT("审阅通过"),
    ATTACH("上传附件");

    private final String label;

    ReportAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static String labelOf(String name) {
        try {
            return valueOf(name).label();
        } catch (IllegalArgumentException e) {
            return switch (name) {
                case "REMIND" -> "到期提醒";
                case "LATE" -> "逾期提醒";
                default -> name;
            };
        }
    }
}
