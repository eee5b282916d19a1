package org.voluntree.app.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code GET /login} leads to the login page ({@code /login.html}), whose form posts back to
 * {@code /login}; people type the address they log in at.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class LoginPageRedirect implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/login", "/login.html");
    }
}
