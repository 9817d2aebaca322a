/**
 * Hazards: every major and general hazard from every channel in one place, its two-level confirmation, closed-loop
 * rectification, extension, listing for supervision (挂牌督办) and sign-off after review (销号) — plan items 6, 23-25.
 */
package cn.zhiben.hazards;
