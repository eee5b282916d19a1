package org.voluntree.app.account;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.voluntree.app.api.ApiErrorBodies;

/**
 * Who may call what. The webhook is public (it is signed instead); health probes, the login page,
 * the token login and the API documentation are public; the dashboard, API and WebSocket need an
 * admin, logged in with the form (a session cookie), an API token ({@code Bearer}) or HTTP Basic.
 * Viewers read; only owners and admins change anything. API and WebSocket calls without
 * credentials get 401 rather than a redirect; password logins are throttled per e-mail and
 * client address ({@link LoginThrottle}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SecurityConfiguration {

    static final String[] WRITERS = {"OWNER", "ADMIN"};

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, ApiTokens tokens, LoginThrottle throttle, ObjectProvider<LogoutHandler> onLogout)
            throws Exception {
        RequestMatcher machineCalls = request -> {
            String path = request.getRequestURI();
            return path.startsWith("/api/") || path.startsWith("/ws/") || path.startsWith("/actuator/");
        };
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/webhooks/**",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/login",
                                "/login.html",
                                "/assets/**",
                                "/favicon.ico",
                                "/error",
                                "/docs",
                                "/docs/**",
                                "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/tokens")
                        .permitAll()
                        // an admin's own tokens, and classifying a text, change nothing of the organisation's
                        .requestMatchers("/api/auth/tokens/**", "/api/predict")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .authenticated()
                        .requestMatchers("/api/**")
                        .hasAnyRole(WRITERS)
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login.html")
                        .loginProcessingUrl("/login")
                        .usernameParameter("email")
                        .successHandler((request, response, authentication) -> {
                            throttle.reset(request.getParameter("email"), request.getRemoteAddr());
                            response.sendRedirect("/");
                        })
                        .failureHandler((request, response, exception) -> {
                            String email = request.getParameter("email");
                            if (email != null) {
                                throttle.recordFailure(email, request.getRemoteAddr());
                            }
                            response.sendRedirect("/login.html?error");
                        })
                        .permitAll())
                // other handlers (the live sockets of the session) run before the session is invalidated
                .logout(logout -> {
                    logout.logoutUrl("/logout").logoutSuccessUrl("/login.html?logout");
                    onLogout.orderedStream().forEach(logout::addLogoutHandler);
                })
                // a wrong Basic password answers in the API's error shape (Spring's own went to /error)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Voluntree\"");
                    ApiErrorBodies.write(
                            response,
                            HttpStatus.UNAUTHORIZED,
                            e instanceof BadCredentialsException
                                    ? "wrong e-mail or password; check them, or send Authorization: Bearer <token>"
                                            + " (POST /api/auth/tokens gives one)"
                                    : "log in, or send Authorization: Bearer <token>");
                }))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                (request, response, e) -> ApiErrorBodies.write(
                                        response,
                                        HttpStatus.UNAUTHORIZED,
                                        "log in, or send Authorization: Bearer <token>"),
                                machineCalls)
                        .defaultAccessDeniedHandlerFor(
                                (request, response, e) -> ApiErrorBodies.write(
                                        response,
                                        HttpStatus.FORBIDDEN,
                                        e instanceof CsrfException
                                                ? "missing or wrong CSRF token: send X-CSRF-TOKEN with the token from /api/me"
                                                : "your role may read but not change this organisation's data"),
                                machineCalls))
                // a forged cross-site request rides on a session cookie: requests with an
                // Authorization header or without any session have nothing to forge
                .csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**", "/login", "/api/auth/tokens")
                        .ignoringRequestMatchers(request ->
                                request.getHeader("Authorization") != null || request.getRequestedSessionId() == null));
        return http.build();
    }
}
