package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.MonitoringProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an upload (the same JSON over MQTT, an external broker and HTTP) and checks each reading: known point of
 * this device, a sequence number, a time within the accepted window, a finite value inside the measuring range.
 * <pre>{"readings":[{"point":"BG-CH4-T0","seq":1024,"ts":"2026-12-03T10:00:00+08:00","value":0.42}, …]}</pre>
 * A single reading object without the array is accepted too; ts may be epoch milliseconds.
 */
@Component
public class Intake {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final PointRegistry registry;
    private final MonitoringProperties properties;
    private final Rejections rejections;
    private final Clock clock;

    Intake(PointRegistry registry, MonitoringProperties properties, Rejections rejections, Clock clock) {
        this.registry = registry;
        this.properties = properties;
        this.rejections = rejections;
        this.clock = clock;
    }

    /** A reading that was refused: its index in the upload, the point code it named, why. */
    public record Refused(int index, String pointCode, RejectReason reason, String detail) {
    }

    /** @param malformed the upload as a whole could not be read (then both lists are empty) */
    public record Checked(List<Reading> valid, List<Refused> refused, String malformed) {
        public int total() {
            return valid.size() + refused.size();
        }
    }

    /**
     * What every channel (MQTT, external broker, HTTP) does with an upload of an authenticated device: check it, and
     * count and sample every refusal (the whole upload when malformed) with {@link Rejections}.
     */
    public Checked accept(Rejections.Channel channel, DeviceInfo device, byte[] payload) {
        Checked c = check(device, payload);
        count(channel, device.code(), c, payload);
        return c;
    }

    Checked check(DeviceInfo device, byte[] payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JacksonException e) {
            return new Checked(List.of(), List.of(), "JSON 无法解析");
        }
        if (root == null || !root.isObject()) {
            return new Checked(List.of(), List.of(), "上传内容须为 JSON 对象");
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.has("readings")) {
            JsonNode arr = root.get("readings");
            if (!arr.isArray() || arr.isEmpty()) {
                return new Checked(List.of(), List.of(), "readings 须为非空数组");
            }
            arr.forEach(items::add);
        } else {
            items.add(root);
        }
        Instant now = clock.instant();
        Instant earliest = now.minus(properties.retention().raw()).plusSeconds(3600);
        Instant latest = now.plus(properties.ingest().maxFuture());
        List<Reading> valid = new ArrayList<>(items.size());
        List<Refused> refused = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode r = items.get(i);
            String code = r.hasNonNull("point") && r.get("point").isString() ? r.get("point").asString() : null;
            if (code == null || !r.hasNonNull("seq") || !r.get("seq").canConvertToLong() || r.get("seq").asLong() < 0
                    || !r.hasNonNull("value") || !r.get("value").isNumber() || !r.hasNonNull("ts")) {
                refused.add(new Refused(i, code, RejectReason.MALFORMED, "须包含 point、seq（非负整数）、ts 和数值 value"));
                continue;
            }
            Instant ts = time(r.get("ts"));
            if (ts == null) {
                refused.add(new Refused(i, code, RejectReason.MALFORMED, "ts 须为 ISO-8601 时间或毫秒时间戳"));
                continue;
            }
            double value = r.get("value").asDouble();
            if (!Double.isFinite(value)) {
                refused.add(new Refused(i, code, RejectReason.MALFORMED, "value 须为有限数值"));
                continue;
            }
            PointInfo p = registry.point(code).filter(PointInfo::enabled).orElse(null);
            if (p == null) {
                refused.add(new Refused(i, code, RejectReason.UNKNOWN_POINT, "测点 " + code + " 不存在或已停用"));
                continue;
            }
            if (!p.deviceId().equals(device.id())) {
                refused.add(new Refused(i, code, RejectReason.FOREIGN_POINT, "测点 " + code + " 不属于设备 " + device.code()));
                continue;
            }
            if (ts.isAfter(latest) || ts.isBefore(earliest)) {
                refused.add(new Refused(i, code, RejectReason.TIMESTAMP_OUT_OF_WINDOW, "时间 " + ts + " 超出允许范围"));
                continue;
            }
            if (!p.inRange(value)) {
                refused.add(new Refused(i, code, RejectReason.OUT_OF_RANGE,
                        "数值 " + value + " 超出测量范围 " + Rule.fmt(p.rangeMin()) + "~" + Rule.fmt(p.rangeMax()) + p.unit()));
                continue;
            }
            valid.add(new Reading(p, r.get("seq").asLong(), ts, value, now));
        }
        return new Checked(valid, refused, null);
    }

    private static Instant time(JsonNode ts) {
        if (ts.isIntegralNumber()) {
            return Instant.ofEpochMilli(ts.asLong());
        }
        if (ts.isString()) {
            try {
                return OffsetDateTime.parse(ts.asString()).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(ts.asString());
                } catch (DateTimeParseException e2) {
                    return null;
                }
            }
        }
        return null;
    }

    private void count(Rejections.Channel channel, String deviceCode, Checked c, byte[] payload) {
        if (c.malformed() == null && c.refused().isEmpty()) {
            return; // the usual case: no copy of the payload
        }
        String text = payload == null ? null : new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        if (c.malformed() != null) {
            rejections.reject(channel, RejectReason.MALFORMED, deviceCode, null, c.malformed(), text);
            return;
        }
        for (Refused r : c.refused()) {
            rejections.reject(channel, r.reason(), deviceCode, r.pointCode(), "第 " + (r.index() + 1) + " 条：" + r.detail(), text);
        }
    }
}
