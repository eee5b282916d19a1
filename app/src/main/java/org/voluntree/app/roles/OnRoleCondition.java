package org.voluntree.app.roles;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when one of the roles named by {@link ConditionalOnRole} is in {@code voluntree.roles}. */
class OnRoleCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnRole.class.getName());
        Role[] wanted = (Role[]) attributes.get("value");
        Set<Role> running = Roles.parse(context.getEnvironment().getProperty("voluntree.roles", ""));
        return Arrays.stream(wanted).anyMatch(running::contains);
    }
}
