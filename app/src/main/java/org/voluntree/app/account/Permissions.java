package org.voluntree.app.account;

import org.voluntree.app.api.ForbiddenException;
import org.voluntree.app.api.NotFoundException;

/** Checks shared by the API controllers. */
public final class Permissions {

    private Permissions() {}

    /** Viewers may read but never change anything. */
    public static void requireWriter(AdminAccount admin) {
        if ("viewer".equals(admin.role())) {
            throw ForbiddenException.because("viewers can look but not change anything");
        }
    }

    /** Another organisation's resource is answered like a missing one. */
    public static NotFoundException notFound(String what) {
        return NotFoundException.of(what);
    }
}
