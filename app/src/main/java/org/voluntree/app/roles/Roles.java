package org.voluntree.app.roles;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Reads {@code voluntree.roles}: a comma-separated list such as {@code web,gear}. */
public final class Roles {

    private Roles() {}

    public static Set<Role> parse(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : text.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            try {
                roles.add(Role.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "unknown role '" + name + "' in VOLUNTREE_ROLES; use any of web, workers, gear, scheduler", e);
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException(
                    "VOLUNTREE_ROLES names no role; use any of web, workers, gear, scheduler");
        }
        return roles;
    }
}
