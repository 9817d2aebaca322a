package cn.zhiben.org.internal;

import cn.zhiben.org.EnterpriseScale;
import cn.zhiben.org.EnterpriseStatus;
import cn.zhiben.org.StandardizationGrade;

/**
 * Search filters, all optional.
 *
 * @param keyword      part of the name or of the credit code
 * @param regionCode   a region subtree (county, township) or a management area
 * @param industryCode an industry and everything below it
 */
public record EnterpriseCriteria(String keyword, String regionCode, String industryCode, EnterpriseStatus status,
                                 EnterpriseScale scale, StandardizationGrade grade, Boolean demo) {

    public static EnterpriseCriteria none() {
        return new EnterpriseCriteria(null, null, null, null, null, null, null);
    }
}
