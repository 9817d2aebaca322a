package cn.zhiben.inspections.internal;

import cn.zhiben.platform.web.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The steps an aggregate (plan, inspection, decision) adds to its history until the repository appends them, and the
 * two answers its {@code refusal} gives: no right (403) or not in this state (409).
 */
final class Timeline {

    private final List<Step> steps = new ArrayList<>();

    void add(String from, String to, String action, String label, Actor actor, Instant at, String reason) {
        steps.add(new Step(from, to, action, label, actor.userId(), actor.name(), at, reason));
    }

    List<Step> pending() {
        return Collections.unmodifiableList(steps);
    }

    void clear() {
        steps.clear();
    }

    /** 403 with the module's code unless the caller may. */
    static Optional<ProblemException> allow(String code, boolean ok, String message) {
        return ok ? Optional.empty() : Optional.of(ProblemException.forbidden(code, message));
    }

    /** 409 unless the current state is one of those allowed: "{what}当前状态为「…」，不能「…」". */
    static Optional<ProblemException> state(String code, String what, boolean allowed, String currentLabel, String actionLabel) {
        return allowed ? Optional.empty()
                : Optional.of(new IllegalMove(code, what + "当前状态为「" + currentLabel + "」，不能「" + actionLabel + "」"));
    }
}
