package org.voluntree.app.account;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins as stored in PostgreSQL, looked up by e-mail (case-insensitive). */
@Service
public class AdminAccounts implements UserDetailsService {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    AdminAccounts(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public AdminAccount loadUserByUsername(String email) {
        List<AdminAccount> found = jdbc.query(
                """
                select id, organisation_id, email, password_hash, role from admins where lower(email) = lower(?)
                """,
                (rs, n) -> new AdminAccount(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                email);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("no admin with that e-mail");
        }
        return found.get(0);
    }

    /** Creates an admin, or resets the password and role of an existing one with that e-mail. */
    @Transactional
    public long createOrUpdate(long organisationId, String email, String rawPassword, String role) {
        return jdbc.queryForObject("""
                insert into admins (organisation_id, email, password_hash, role) values (?, ?, ?, ?)
                on conflict (lower(email)) do update
                   set password_hash = excluded.password_hash, role = excluded.role,
                       organisation_id = excluded.organisation_id
                returning id
                """, Long.class, organisationId, email, passwords.encode(rawPassword), role);
    }
}
