package org.voluntree.app.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.voluntree.app.api.ApiErrorBodies;

/**
 * Refuses password logins (the login form and HTTP Basic) with 429 and {@code Retry-After} once
 * an e-mail has failed too often from the caller's address, and counts HTTP Basic failures. The
 * login form counts its own failures and successes ({@link SecurityConfiguration}).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = formLoginEmail(request);
        boolean basic = false;
        if (email == null) {
            email = basicEmail(request);
            basic = email != null;
        }
        if (email == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> wait = throttle.blockedFor(email, request.getRemoteAddr());
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            response.setHeader(
                    HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, wait.get().toSeconds())));
            String reason = "too many failed logins; try again in " + minutes + " min";
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            if (!basic && accept != null && accept.contains("text/html")) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter()
                        .write("<!doctype html><title>Voluntree</title><link rel=stylesheet href=/assets/app.css>"
                                + "<body class=login><div class=card><h1>Voluntree</h1><p class=error>Too many failed logins."
                                + " Try again in " + minutes
                                + " min.</p><a href=/login.html>Back to the login</a></div>");
                return;
            }
            ApiErrorBodies.write(response, HttpStatus.TOO_MANY_REQUESTS, reason);
            return;
        }
        chain.doFilter(request, response);
        if (basic && response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.recordFailure(email, request.getRemoteAddr());
        }
    }

    private static String formLoginEmail(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            String email = request.getParameter("email");
            return email == null ? "" : email;
        }
        return null;
    }

    private static String basicEmail(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(header.substring(BASIC.length()).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
