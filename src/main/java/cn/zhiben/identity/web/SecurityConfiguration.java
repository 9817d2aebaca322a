package cn.zhiben.identity.web;

import cn.zhiben.identity.internal.LoginService;
import cn.zhiben.identity.internal.PrincipalFactory;
import cn.zhiben.identity.internal.TokenService;
import cn.zhiben.identity.internal.ScopeGeneration;
import cn.zhiben.identity.internal.UserRepository;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.security.PublicEndpoints;
import cn.zhiben.platform.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

import java.time.Clock;
import java.util.List;

/**
 * Two filter chains: the API (/api/**, actuator) with bearer tokens and no session or CSRF; the UI with a session,
 * a login form, CSRF on every form and an idle timeout (server.servlet.session.timeout = zhiben.identity.idle-timeout).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationProvider passwordTotpAuthenticationProvider(LoginService logins) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                // the form's first step; an account with a second factor continues at /login/totp (LoginFailureHandler)
                LoginService.LoginResult result = logins.checkPassword(authentication.getName(),
                        authentication.getCredentials() == null ? null : authentication.getCredentials().toString(), "WEB");
                CurrentUser user = result.user();
                UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
                        PrincipalFactory.authorities(user));
                token.setDetails(result);
                return token;
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    /** The servlet container's and Spring Session's default names, and a configured one. */
    private static String[] sessionCookies(Environment environment) {
        return java.util.stream.Stream.of("JSESSIONID", "SESSION", environment.getProperty("server.servlet.session.cookie.name"))
                .filter(java.util.Objects::nonNull).distinct().toArray(String[]::new);
    }

    private static final org.springframework.util.AntPathMatcher PATHS = new org.springframework.util.AntPathMatcher();

    /** Whether the request's path (without the context path) matches one of the modules' public patterns. */
    private static boolean matchesAny(List<String> patterns, jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return patterns.stream().anyMatch(p -> PATHS.match(p, path));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, TokenService tokens, ObjectProvider<PublicEndpoints> open) throws Exception {
        List<String> publicApi = open.orderedStream().flatMap(e -> e.api().stream()).toList();
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .anonymous(a -> {
                })
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers(request -> matchesAny(publicApi, request)).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Permission.SYSTEM_CONFIG.authority())
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new PendingDutiesFilter(true), AuthorizationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                Problems.write(res, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录：请求头 Authorization: Bearer <令牌>"))
                        .accessDeniedHandler((req, res, ex) ->
                                Problems.write(res, HttpStatus.FORBIDDEN, "FORBIDDEN", "当前账号无权执行此操作")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http, LoginService logins, UserRepository users, Clock clock,
                           PrincipalFactory principals, ScopeGeneration scopes, ObjectProvider<PublicEndpoints> open,
                           Environment environment, PlatformProperties platform) throws Exception {
        List<String> publicUi = open.orderedStream().flatMap(e -> e.ui().stream()).toList();
        // the API description: public in demo mode only, unless configured (zhiben.web.api-docs-public)
        boolean apiDocsPublic = platform.apiDocsPublic();
        http.authorizeHttpRequests(a -> {
                    a.requestMatchers("/login", "/login/totp", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error")
                            .permitAll();
                    if (apiDocsPublic) {
                        a.requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**").permitAll();
                    }
                    a.requestMatchers(request -> matchesAny(publicUi, request)).permitAll()
                            .anyRequest().authenticated();
                })
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(new LoginSuccessHandler(users))
                        .failureHandler(new LoginFailureHandler(clock)))
                .logout(l -> l.logoutUrl("/logout")
                        .addLogoutHandler((req, res, auth) -> {
                            if (auth != null && auth.getPrincipal() instanceof CurrentUser u) {
                                logins.loggedOut(u, "WEB");
                            }
                        })
                        // the old session's cookie would make the next page say the session timed out
                        .deleteCookies(sessionCookies(environment))
                        .logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.invalidSessionUrl("/login?timeout"))
                .addFilterBefore(new SessionStampFilter(users, clock, principals, scopes), AuthorizationFilter.class)
                .addFilterBefore(new PendingDutiesFilter(false), AuthorizationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .frameOptions(fo -> fo.deny()));
        return http.build();
    }
}
