package org.voluntree.app.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. The webhook is public (it is signed instead); health probes and the login
 * page are public; the dashboard, API and WebSocket need a logged-in admin. The browser logs in
 * with a form and a session cookie; API clients may use HTTP Basic. API and WebSocket calls
 * without a session get 401 rather than a redirect.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        RequestMatcher machineCalls = request -> {
            String path = request.getRequestURI();
            return path.startsWith("/api/") || path.startsWith("/ws/") || path.startsWith("/actuator/");
        };
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/webhooks/**", "/actuator/health", "/actuator/health/**", "/login",
                                "/login.html", "/assets/**", "/favicon.ico", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login.html")
                        .loginProcessingUrl("/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/", true)
                        .failureUrl("/login.html?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login.html?logout"))
                .httpBasic(Customizer.withDefaults())
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                machineCalls))
                // a forged cross-site request rides on a session cookie: requests with an
                // Authorization header or without any session have nothing to forge
                .csrf(csrf -> csrf
                        .ignoringRequestMatchers("/webhooks/**", "/login")
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                                || request.getRequestedSessionId() == null));
        return http.build();
    }
}
