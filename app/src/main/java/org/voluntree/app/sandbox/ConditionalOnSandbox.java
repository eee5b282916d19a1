package org.voluntree.app.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/** Creates the bean only in a web process with {@code voluntree.facebook.sandbox.enabled=true}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnBooleanProperty("voluntree.facebook.sandbox.enabled")
@ConditionalOnRole(Role.WEB)
@interface ConditionalOnSandbox {}
