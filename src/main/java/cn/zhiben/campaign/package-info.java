/**
 * The action plan as data: actions, measures and targets, unit tasks, the reporting calendar, dispatches and
 * supervision (两级调度, 督办交办), evaluation and the year-end summary (挂图作战, 总结评估).
 */
package cn.zhiben.campaign;
