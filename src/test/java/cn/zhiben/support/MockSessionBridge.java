package cn.zhiben.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Lets MockMvc tests keep passing sessions as {@code .session(session)} while the application stores sessions with
 * Spring Session JDBC, as it does in production (issue 9 part 7): the real session lives in the database and is found
 * by its SESSION cookie. This filter, in front of Spring Session's, carries the cookie in the MockHttpSession a test
 * holds, and copies the stored session's attributes into it after each request (so a test can still read e.g. the
 * last login error). It acts on MockMvc requests only; requests over HTTP (browser tests) pass untouched.
 */
class MockSessionBridge extends OncePerRequestFilter {

    static final String COOKIE = "SESSION";
    private static final String ID = MockSessionBridge.class.getName() + ".cookie";
    private final SessionRepository<? extends Session> sessions;

    MockSessionBridge(SessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(request instanceof MockHttpServletRequest mock) || !(response instanceof MockHttpServletResponse mockResponse)) {
            chain.doFilter(request, response);
            return;
        }
        if (mock.getSession(false) instanceof MockHttpSession held && held.getAttribute(ID) instanceof String cookie
                && !hasSessionCookie(mock)) {
            List<Cookie> cookies = new ArrayList<>(mock.getCookies() == null ? List.of() : Arrays.asList(mock.getCookies()));
            cookies.add(new Cookie(COOKIE, cookie));
            mock.setCookies(cookies.toArray(Cookie[]::new));
        }
        chain.doFilter(request, response);
        Cookie issued = mockResponse.getCookie(COOKIE);
        if (issued != null && (issued.getValue() == null || issued.getValue().isEmpty() || issued.getMaxAge() == 0)) {
            // the session ended (logout, invalidation): like a browser, forget the cookie
            if (mock.getSession(false) instanceof MockHttpSession held) {
                held.clearAttributes();
            }
            return;
        }
        String cookie = issued != null ? issued.getValue() : sessionCookie(mock);
        if (cookie == null || cookie.isEmpty()) {
            return;
        }
        MockHttpSession held = (MockHttpSession) mock.getSession(true);
        held.clearAttributes();
        Session stored = sessions.findById(new String(Base64.getDecoder().decode(cookie)));
        if (stored == null) {
            return;
        }
        held.setAttribute(ID, cookie);
        for (String name : stored.getAttributeNames()) {
            held.setAttribute(name, stored.getAttribute(name));
        }
    }

    private static boolean hasSessionCookie(MockHttpServletRequest request) {
        return sessionCookie(request) != null;
    }

    private static String sessionCookie(MockHttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        return Arrays.stream(request.getCookies()).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue)
                .findFirst().orElse(null);
    }
}
