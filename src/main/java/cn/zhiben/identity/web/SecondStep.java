package cn.zhiben.identity.web;

import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The login between its two steps: whose password was right, until when the code may be given. Kept in the
 * not-yet-authenticated session; the session id changes when the login completes.
 */
record SecondStep(UUID userId, String username, Instant expiresAt) implements Serializable {

    static final String ATTRIBUTE = "zhiben.secondStep";
    /** Long enough to open the authenticator app, short enough that a forgotten half-login is gone. */
    static final long SECONDS = 300;

    static void start(HttpSession session, UUID userId, String username, Instant now) {
        session.setAttribute(ATTRIBUTE, new SecondStep(userId, username, now.plusSeconds(SECONDS)));
    }

    static Optional<SecondStep> current(HttpSession session, Instant now) {
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof SecondStep s)) {
            return Optional.empty();
        }
        if (s.expiresAt().isBefore(now)) {
            session.removeAttribute(ATTRIBUTE);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    static void end(HttpSession session) {
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}
