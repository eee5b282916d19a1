package org.voluntree.app.account;

import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** First-run setup: a new organisation and its first owner, in one transaction. */
@Service
public class OwnerSetup {

    /** What was created. */
    public record Created(long organisationId, long adminId) {}

    /** The e-mail already belongs to an admin; nothing was created. */
    public static class EmailTakenException extends RuntimeException {
        private EmailTakenException(String email) {
            super("an admin with e-mail " + email + " already exists");
        }

        static EmailTakenException forEmail(String email) {
            return new EmailTakenException(email);
        }
    }

    static final int MIN_PASSWORD_LENGTH = 12;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    public OwnerSetup(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Transactional
    public Created createOwner(String organisation, String email, String password) {
        if (organisation == null || organisation.isBlank()) {
            throw new IllegalArgumentException("the organisation needs a name");
        }
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        Integer taken =
                jdbc.queryForObject("select count(*) from admins where lower(email) = lower(?)", Integer.class, email);
        if (taken != null && taken > 0) {
            throw EmailTakenException.forEmail(email);
        }
        long organisationId = jdbc.queryForObject(
                "insert into organisations (name) values (?) returning id", Long.class, organisation.strip());
        try {
            long adminId = jdbc.queryForObject(
                    """
                    insert into admins (organisation_id, email, password_hash, role) values (?, ?, ?, 'owner')
                    returning id
                    """,
                    Long.class,
                    organisationId,
                    email.strip().toLowerCase(Locale.ROOT),
                    passwords.encode(password));
            return new Created(organisationId, adminId);
        } catch (DuplicateKeyException e) {
            throw EmailTakenException.forEmail(email);
        }
    }
}
