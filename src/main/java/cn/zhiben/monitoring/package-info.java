/**
 * Monitoring and early warning (监测预警, plan item 26): monitoring points and device credentials, telemetry ingestion
 * over MQTT and HTTP (acknowledged only after the write), readings partitioned by day, versioned alarm rules, alarms
 * with their handling lifecycle and escalation, electricity monitoring during shutdown orders, conversion to hazards.
 */
package cn.zhiben.monitoring;
