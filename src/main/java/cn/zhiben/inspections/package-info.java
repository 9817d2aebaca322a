/**
 * Inspections and enforcement: plans, verifiable random draws (双随机一公开), on-site records, findings that become
 * hazards, enforcement decisions and re-inspections, the expert pool, enterprises' self-inspection cadence and the
 * zero-penalty watch — plan items 6, 20, 23, 32, 34.
 */
package cn.zhiben.inspections;
