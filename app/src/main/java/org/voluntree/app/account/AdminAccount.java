package org.voluntree.app.account;

import java.util.List;
import java.util.Locale;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A logged-in admin: their login plus the organisation every request of theirs is limited to. */
public class AdminAccount extends User {

    private final long adminId;
    private final long organisationId;
    private final String role;

    public AdminAccount(long adminId, long organisationId, String email, String passwordHash, String role) {
        super(email, passwordHash, List.of(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT))));
        this.adminId = adminId;
        this.organisationId = organisationId;
        this.role = role;
    }

    public long adminId() {
        return adminId;
    }

    public long organisationId() {
        return organisationId;
    }

    public String role() {
        return role;
    }
}
