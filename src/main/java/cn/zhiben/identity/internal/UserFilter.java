package cn.zhiben.identity.internal;

import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;

/**
 * What the account list is filtered by; null means "any".
 *
 * @param region a region code: accounts whose region lies in its subtree (or the management area itself)
 * @param page   from 0
 */
public record UserFilter(Role role, String region, String keyword, Boolean enabled, Boolean locked, int page, int size) {

    public static final int MAX_SIZE = 100;

    public UserFilter {
        region = blankToNull(region);
        keyword = blankToNull(keyword);
        if (page < 0) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "页码 page 不能小于 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "每页条数 size 须在 1 到 " + MAX_SIZE + " 之间");
        }
        if (keyword != null && keyword.length() > 64) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "关键字不能超过 64 个字符");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
