package cn.zhiben.campaign.internal;

import cn.zhiben.org.Labelled;

public enum SupervisionAction implements Labelled {
    ISSUE("下达"),
    FEEDBACK("反馈整改情况"),
    CLOSE("办结"),
    ATTACH("上传材料");

    private final String label;

    SupervisionAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
