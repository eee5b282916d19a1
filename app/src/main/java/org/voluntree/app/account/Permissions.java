package org.voluntree.app.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Checks shared by the API controllers. */
public final class Permissions {

    private Permissions() {
    }

    /** Viewers may read but never change anything. */
    public static void requireWriter(AdminAccount admin) {
        if ("viewer".equals(admin.role())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "viewers can look but not change anything");
        }
    }

    /** Another organisation's resource is answered like a missing one. */
    public static ResponseStatusException notFound(String what) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, what + " not found");
    }
}
