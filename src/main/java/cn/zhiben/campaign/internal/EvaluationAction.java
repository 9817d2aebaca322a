package cn.zhiben.campaign.internal;

import cn.zhiben.org.Labelled;

public enum EvaluationAction implements Labelled {
    CREATE("制定评估方案"),
    EDIT("修改评估方案"),
    OPEN("启动评估"),
    SELF_ASSESS("自查自评"),
    SUBMIT_SELF("提交自评"),
    SCORE("评估组评分"),
    PUBLISH("发布评估结果"),
    CORRECT("更正评估结果"),
    CLOSE("结束评估");

    private final String label;

    EvaluationAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
