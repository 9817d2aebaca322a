package cn.zhiben.monitoring.internal;

import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.RegionCodes;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Live updates for the monitoring walls (server-sent events): the lanes report what each commit changed; once a
 * second every open wall receives the new values of the points inside its user's scope and its filter, and a flag
 * when alarms changed (the page then reloads its alarm panel). Values are coalesced per point, so a wall gets at
 * most one value per point per second however fast readings come.
 */
@Component
public class LiveFeed {

    private final Map<Integer, Update> pending = new ConcurrentHashMap<>();
    private volatile boolean alarmsChanged;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    LiveFeed(IngestPipeline pipeline) {
        pipeline.onCommit(this::committed);
    }

    public record Update(UUID pointId, UUID enterpriseId, String regionCode, String zoneCode, String industryCode,
                         double value, Instant at) {
    }

    private record Subscriber(SseEmitter emitter, DataScope scope, String region, UUID enterpriseId) {
        boolean wants(Update u) {
            if (!scope.covers(u.enterpriseId(), u.regionCode(), u.zoneCode(), u.industryCode())) {
                return false;
            }
            if (enterpriseId != null && !enterpriseId.equals(u.enterpriseId())) {
                return false;
            }
            return region == null || !RegionCodes.isAdministrative(region) || RegionCodes.contains(region, u.regionCode());
        }
    }

    void committed(ReadingWriter.Result r) {
        if (subscribers.isEmpty()) {
            return;
        }
        if (!r.alarmsChanged().isEmpty()) {
            alarmsChanged = true;
        }
        for (PointInfo p : r.changedPoints()) {
            pending.put(p.no(), new Update(p.id(), p.enterpriseId(), p.regionCode(), p.zoneCode(), p.industryCode(), Double.NaN, null));
        }
    }

    /** Alarm changes made outside the lanes (jobs, people) also refresh the walls. */
    public void alarmChanged() {
        alarmsChanged = true;
    }

    public SseEmitter subscribe(DataScope scope, String region, UUID enterpriseId) {
        SseEmitter emitter = new SseEmitter(30 * 60_000L);
        Subscriber s = new Subscriber(emitter, scope, region, enterpriseId);
        subscribers.add(s);
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        return emitter;
    }

    public int subscribers() {
        return subscribers.size();
    }

    /** Sends what changed since the last push; the values are read from the latest-value table by the caller. */
    @Scheduled(fixedDelay = 1000)
    void push() {
        if (subscribers.isEmpty()) {
            pending.clear();
            return;
        }
        boolean alarms = alarmsChanged;
        alarmsChanged = false;
        List<Update> updates = new ArrayList<>(pending.values());
        pending.clear();
        if (updates.isEmpty() && !alarms) {
            return;
        }
        for (Subscriber s : subscribers) {
            List<String> ids = new ArrayList<>();
            for (Update u : updates) {
                if (s.wants(u)) {
                    ids.add(u.pointId().toString());
                }
            }
            if (ids.isEmpty() && !alarms) {
                continue;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("points", ids);
            data.put("alarms", alarms);
            try {
                s.emitter().send(SseEmitter.event().name("changed").data(data));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(s);
            }
        }
    }
}
