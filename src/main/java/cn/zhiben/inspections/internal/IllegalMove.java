package cn.zhiben.inspections.internal;

import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A verb the record's current state does not allow: 409 with a stable code. */
public class IllegalMove extends ProblemException {

    public IllegalMove(String code, String message) {
        super(HttpStatus.CONFLICT, code, message);
    }
}
