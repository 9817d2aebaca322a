package cn.zhiben.campaign.internal;

import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The module's recurring refusals, one code each. */
public final class CampaignErrors {

    private CampaignErrors() {
    }

    public static ProblemException programmeNotFound() {
        return ProblemException.notFound("PROGRAMME_NOT_FOUND", "方案不存在");
    }

    public static ProblemException measureNotFound() {
        return ProblemException.notFound("MEASURE_NOT_FOUND", "措施不存在");
    }

    public static ProblemException taskNotFound() {
        return ProblemException.notFound("TASK_NOT_FOUND", "任务不存在");
    }

    public static ProblemException reportNotFound() {
        return ProblemException.notFound("REPORT_NOT_FOUND", "报送事项不存在");
    }

    public static ProblemException dispatchNotFound() {
        return ProblemException.notFound("DISPATCH_NOT_FOUND", "调度事项不存在");
    }

    public static ProblemException supervisionNotFound() {
        return ProblemException.notFound("SUPERVISION_NOT_FOUND", "督办记录不存在");
    }

    public static ProblemException evaluationNotFound() {
        return ProblemException.notFound("EVALUATION_NOT_FOUND", "评估不存在");
    }

    public static ProblemException itemNotFound() {
        return ProblemException.notFound("PRACTICAL_ITEM_NOT_FOUND", "办实事事项不存在");
    }

    public static ProblemException attachmentNotFound() {
        return ProblemException.notFound("ATTACHMENT_NOT_FOUND", "附件不存在");
    }

    public static ProblemException forbidden(String message) {
        return ProblemException.forbidden("CAMPAIGN_FORBIDDEN", message);
    }

    /** The record changed since the caller loaded it. */
    public static ProblemException stale() {
        return new ProblemException(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION", "该事项已被他人办理，请刷新后重试");
    }

    public static void checkVersion(Integer seen, int current) {
        if (seen != null && seen != current) {
            throw stale();
        }
    }

    public static String require(String text, String code, String message) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest(code, message);
        }
        return text.strip();
    }
}
