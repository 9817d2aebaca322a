package cn.zhiben.notifications.internal;

import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardEvents;

/**
 * The wording of hazard messages, one template per audience (issue 10 item 9): the enterprise is told what it must do
 * about its own hazard; the regulators what they must supervise. A regulator's wording ("请及时督促整改") never goes to
 * an enterprise, and the enterprise's ("贵单位…") never to a regulator.
 */
final class HazardMessages {

    enum Audience { ENTERPRISE, REGULATOR }

    record Message(String title, String body) {
    }

    private HazardMessages() {
    }

    private static String kind(Grade grade) {
        return grade == Grade.MAJOR ? "重大事故隐患" : "一般隐患";
    }

    static Message reported(HazardEvents.HazardReported e, String enterpriseName, Audience to) {
        return switch (to) {
            case ENTERPRISE -> new Message(kind(e.grade()) + "已登记：" + e.number(),
                    "贵单位" + e.channel().label() + "发现的" + e.grade().label() + "隐患（发现日期 " + e.foundOn()
                            + "）已登记，请按整改期限落实整改，并在平台如实报告整改进展。");
            case REGULATOR -> new Message(kind(e.grade()) + "上报：" + e.number(),
                    enterpriseName + " " + e.channel().label() + "发现的" + e.grade().label() + "隐患（发现日期 " + e.foundOn()
                            + "）已上报，请及时督促整改。");
        };
    }

    /** The text message to the enterprise's principal responsible person and actual controller. */
    static String reportedSms(HazardEvents.HazardReported e, String enterpriseName) {
        return "【治本】" + enterpriseName + "的重大事故隐患（编号 " + e.number() + "）已登记，请您组织制定整改方案，落实整改责任、措施、资金、时限和预案。";
    }

    static Message overdue(HazardEvents.HazardOverdue e, String enterpriseName, Audience to) {
        return switch (to) {
            case ENTERPRISE -> new Message("隐患逾期未整改：" + e.number(),
                    "贵单位该隐患整改期限 " + e.deadline() + " 已过仍未整改完成，已升级至" + e.escalatedTo()
                            + "督办，请立即整改；确有困难的，请说明原因。");
            case REGULATOR -> new Message("隐患逾期未整改：" + e.number(),
                    enterpriseName + " 该隐患整改期限 " + e.deadline() + " 已过，已升级至" + e.escalatedTo() + "督办，请督促企业立即整改。");
        };
    }

    static Message reviewOverdue(HazardEvents.HazardReviewOverdue e, String enterpriseName, Audience to) {
        return switch (to) {
            case ENTERPRISE -> new Message("销号审核逾期：" + e.number(),
                    "贵单位申请销号的该隐患，审核期限 " + e.reviewDueOn() + " 已过仍未完成现场审核，已升级至" + e.escalatedTo()
                            + "督办，审核部门将尽快组织审核，请保持整改措施有效。");
            case REGULATOR -> new Message("销号审核逾期：" + e.number(),
                    enterpriseName + " 已申请销号，审核期限 " + e.reviewDueOn() + " 已过仍未完成现场审核，已升级至" + e.escalatedTo()
                            + "督办，请尽快组织现场审核。");
        };
    }

    static Message listed(HazardEvents.HazardListed e, String enterpriseName, Audience to) {
        String level = e.level().label();
        return switch (to) {
            case ENTERPRISE -> new Message("隐患被" + level + "：" + e.number(),
                    "贵单位该隐患已被" + level + "（督办文号 " + e.documentNumber() + "），请在 " + e.deadline()
                            + " 前整改到位，并按要求报告整改进展。");
            case REGULATOR -> new Message(level + "：" + e.number(),
                    enterpriseName + " 该隐患已被" + level + "（督办文号 " + e.documentNumber() + "），整改期限 " + e.deadline()
                            + "，请跟踪督办。");
        };
    }

    /** Only the enterprise asked for the extension. */
    static Message extensionDecided(HazardEvents.ExtensionDecided e) {
        return e.approved()
                ? new Message("延期申请已批准：" + e.number(), "贵单位的延期申请已批准，整改期限延至 " + e.deadline() + "。")
                : new Message("延期申请未批准：" + e.number(), "贵单位的延期申请未获批准，请按原期限 " + e.deadline() + " 完成整改。");
    }

    static Message signedOff(HazardEvents.HazardSignedOff e) {
        String listing = e.listingLevel() == null ? "" : "，" + e.listingLevel().label() + "结束";
        return new Message("隐患已销号：" + e.number(), "经审核，贵单位该隐患整改到位，已销号" + listing + "。");
    }
}
