/**
 * Analytics: read models built from the other modules' events (hazard snapshots, inspection findings and decisions,
 * dispatches), the breakdowns of plan item 25, the 四个二 indicators of plan item 6, the county-city comparison and the
 * command dashboard (挂图作战, plan section 六). Owns no business rule of the modules it reads; definitions in
 * docs/analytics.md.
 */
package cn.zhiben.analytics;
