package cn.zhiben.campaign.internal;

import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A verb the record's current state does not allow (409), with a stable code and a Chinese message. */
public class CampaignConflict extends ProblemException {

    public CampaignConflict(String code, String message) {
        super(HttpStatus.CONFLICT, code, message);
    }

    /** "…当前状态为「x」，不能执行「y」" */
    public static CampaignConflict illegal(String code, String what, String status, String action) {
        return new CampaignConflict(code, what + "当前状态为「" + status + "」，不能" + action);
    }
}
