package org.voluntree.app.roles;

import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the role named by {@link ConditionalOnRole} is in {@code voluntree.roles}. */
class OnRoleCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnRole.class.getName());
        Role role = (Role) attributes.get("value");
        return Roles.parse(context.getEnvironment().getProperty("voluntree.roles", "")).contains(role);
    }
}
