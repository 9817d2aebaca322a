package cn.zhiben.tipoffs.web;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.tipoffs.internal.TipoffRules;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * TipoffRules for {@code @PreAuthorize}, so the right is checked before the request body is bound and validated
 * (platform EarlyAuthorization): a caller without it gets 403 whatever it sent.
 */
@Component("tipoffAccess")
class TipoffAccess {

    public boolean mayRegister(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser u && TipoffRules.mayRegister(u);
    }
}
