package org.voluntree.app.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an admin can do about a queued comment; all but {@code dismiss} act on Facebook. */
public enum ModerationAction {
    HIDE,
    UNHIDE,
    DELETE,
    DISMISS;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ModerationAction> parse(String value) {
        return Arrays.stream(values()).filter(a -> a.value().equals(value)).findFirst();
    }
}
