package cn.zhiben.campaign.internal;

import cn.zhiben.org.Labelled;

public enum ReportAction implements Labelled {
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
}
