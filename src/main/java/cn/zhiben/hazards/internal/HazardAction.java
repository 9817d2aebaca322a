package cn.zhiben.hazards.internal;

/** The verbs of a hazard's life, with the words the timeline shows. */
public enum HazardAction {
    REPORT("企业自查登记"),
    REGISTER("监管登记"),
    FIX_ON_SPOT("立查立改"),
    CONFIRM_DEPARTMENT("安全管理部门确认"),
    CONFIRM_PRINCIPAL("主要负责人确认"),
    RETURN_FOR_CORRECTION("退回修改"),
    WITHDRAW("撤回报告"),
    ACKNOWLEDGE("企业签收"),
    ACKNOWLEDGED_BY_DEFAULT("逾期未签收，视同签收"),
    FILE_PLAN("制定整改方案"),
    REPORT_PROGRESS("报告整改进展"),
    REQUEST_EXTENSION("申请延期"),
    APPROVE_EXTENSION("批准延期"),
    REFUSE_EXTENSION("不予延期"),
    COMPLETE("整改完成"),
    EVALUATE("整改效果评估"),
    REQUEST_SIGN_OFF("申请销号"),
    SIGN_OFF("审核销号"),
    REJECT_SIGN_OFF("审核不通过"),
    CONFIRM_DELISTING("确认摘牌（督办结束）"),
    REFUSE_DELISTING("不同意摘牌"),
    LIST("挂牌督办"),
    RAISE_LISTING("提级督办"),
    REMIND("督办提醒"),
    DELIST("摘牌"),
    REGRADE("调整隐患等级"),
    MARK_OVERDUE("逾期升级"),
    MARK_REVIEW_OVERDUE("销号审核逾期升级"),
    MARK_STEP_OVERDUE("办理逾期升级"),
    CLOSE("整改关闭"),
    REOPEN("抽查重新打开"),
    MERGE("合并重复隐患"),
    DISMISS_DUPLICATE("确认不是重复"),
    ATTACH("上传附件"),
    SELF_CHECK_EVIDENCE("自查未发现佐证"),
    OPEN_ACCOUNTABILITY("启动责任倒查"),
    CLOSE_ACCOUNTABILITY("责任倒查办结");

    private final String label;

    HazardAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
