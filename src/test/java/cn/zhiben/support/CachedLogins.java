package cn.zhiben.support;

import org.springframework.mock.web.MockHttpSession;

import java.util.HashMap;
import java.util.Map;

/** One bearer token and one UI session per account for a whole sweep of requests, instead of a login per request. */
final class CachedLogins {

    @FunctionalInterface
    interface Login<T> {
        T as(String username) throws Exception;
    }

    private final Login<String> token;
    private final Login<MockHttpSession> session;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, MockHttpSession> sessions = new HashMap<>();

    CachedLogins(Login<String> token, Login<MockHttpSession> session) {
        this.token = token;
        this.session = session;
    }

    String token(String username) {
        return tokens.computeIfAbsent(username, u -> call(token, u));
    }

    MockHttpSession session(String username) {
        return sessions.computeIfAbsent(username, u -> call(session, u));
    }

    /** A login of its own, for a request that ends the caller's login. */
    String freshToken(String username) {
        return call(token, username);
    }

    MockHttpSession freshSession(String username) {
        return call(session, username);
    }

    private static <T> T call(Login<T> login, String username) {
        try {
            return login.as(username);
        } catch (Exception e) {
            throw new IllegalStateException("login of " + username + " failed", e);
        }
    }
}
