package cn.zhiben.tipoffs.internal;

import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A verb the tip-off's current state does not allow: 409. */
public class IllegalTransitionException extends ProblemException {

    public IllegalTransitionException(TipoffStatus current, TipoffAction action) {
        super(HttpStatus.CONFLICT, "TIPOFF_ILLEGAL_TRANSITION",
                "举报当前状态为「" + current.label() + "」，不能执行「" + action.label() + "」");
    }
}
