package cn.zhiben.campaign.internal;

import cn.zhiben.org.Labelled;

public enum DispatchAction implements Labelled {
    SEND("发出"),
    ANSWER("答复"),
    RETURN("退回重新答复"),
    CLOSE("办结"),
    MARK_OVERDUE("逾期升级"),
    ATTACH("上传附件");

    private final String label;

    DispatchAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
