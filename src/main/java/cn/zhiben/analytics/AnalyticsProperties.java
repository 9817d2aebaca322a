package cn.zhiben.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * zhiben.analytics.* — choices the plan leaves open, with their defaults; docs/analytics.md gives the reasons (all our
 * inference unless a source is named there).
 *
 * @param rebuildOnFirstStart rebuild the hazard read models from the hazards module when they were never built
 * @param stockGoal2024       share of the 2023-and-earlier stock to be rectified by 2024-12-31 (plan 主要目标: 基本消除 —
 *                            "basically" read as 95%, our inference)
 * @param dispatchOnTimeGoal  share of dispatches to answer on time that counts as green (our inference)
 * @param comparisonTolerance a county's figure differing from the platform's by at most this many hazards is not listed
 *                            (0: every difference is a discrepancy)
 * @param topOverdue          rows in the dashboard's top-overdue list
 * @param drillLimit          largest page of hazards a drill-down returns
 */
@ConfigurationProperties("zhiben.analytics")
public record AnalyticsProperties(
        @DefaultValue("true") boolean rebuildOnFirstStart,
        @DefaultValue("0.95") double stockGoal2024,
        @DefaultValue("0.9") double dispatchOnTimeGoal,
        @DefaultValue("0") int comparisonTolerance,
        @DefaultValue("10") int topOverdue,
        @DefaultValue("200") int drillLimit) {
}
