package cn.zhiben.campaign.internal;

import cn.zhiben.org.Labelled;

public enum TaskAction implements Labelled {
    START("开始推进"),
    PROGRESS("报告进展"),
    COMPLETE("报告完成"),
    REOPEN("退回重新推进"),
    DELEGATE("分解到县级部门"),
    ATTACH("上传佐证材料");

    private final String label;

    TaskAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
