package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A verb that the hazard's current state does not allow: 409. */
public class IllegalTransitionException extends ProblemException {

    public IllegalTransitionException(HazardStatus current, HazardAction action) {
        super(HttpStatus.CONFLICT, "HAZARD_ILLEGAL_TRANSITION",
                "隐患当前状态为「" + current.label() + "」，不能执行「" + action.label() + "」");
    }

    public IllegalTransitionException(String code, String message) {
        super(HttpStatus.CONFLICT, code, message);
    }
}
