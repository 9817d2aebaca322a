package cn.zhiben.org;

/**
 * An industry was added or changed (its supervising units, or whether it is active): the data scope of every
 * member-unit and county-unit account may have changed with it.
 */
public record IndustrySupervisionChanged(String industryCode) {
}
