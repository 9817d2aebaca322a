package cn.zhiben.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The client address of the current request, for the audit log (a trusted proxy's X-Forwarded-For is resolved by ClientAddressFilter). */
public final class RequestInfo {

    private RequestInfo() {
    }

    public static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
