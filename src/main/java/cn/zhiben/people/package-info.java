/**
 * People: the personnel register of every enterprise (principals, safety managers, special-operation personnel and
 * their employment type), certificates with dates-derived status and reminders, training sessions and drills with
 * attendance and evidence, coverage against the plan's targets, 三违 and 逢查必考 retraining, training institutions
 * (AQ 8011-2023) and enforcement officers' training — plan actions 四 and 五 (items 15–19) and item 34.
 */
package cn.zhiben.people;
