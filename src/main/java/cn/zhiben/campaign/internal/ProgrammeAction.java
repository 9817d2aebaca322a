package cn.zhiben.campaign.internal;

import cn.zhiben.org.Labelled;

public enum ProgrammeAction implements Labelled {
    /** The reference plan loaded at start-up (a history row only, never offered). */
    LOAD("载入"),
    EDIT("修改措施、目标和责任分工"),
    CHECK_MEASURE("核对责任分工"),
    ACTIVATE("启用并分解任务"),
    CLOSE("结束"),
    COPY("复制为新一年度方案"),
    EDIT_PARTIES("调整报送单位"),
    SET_DUE_EXCEPTION("调整报送期限");

    private final String label;

    ProgrammeAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
