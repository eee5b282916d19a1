package org.voluntree.app.deletion;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Erases what Voluntree holds about a person, by either of their Facebook ids. A person can be
 * known under several: the id they commented under and their page-scoped Messenger id, which the
 * signup dialog (or an admin) merged into one volunteer ({@code volunteers.merged_into}). So the
 * request's id is first widened to every id whose volunteer row is merged with one of its rows, and
 * everything under any of them goes: their messages (and with them classifications, interests and
 * replies), their volunteer rows (with the e-mail typed in Messenger and their slot places), the
 * messages admins wrote to them by hand, their opt-outs, the signup offers they got and their
 * Messenger dialog state in Redis
 * (the e-mail and PIN being verified, the 24-hour window, the pause). What PostgreSQL holds goes in one
 * transaction, which records the request as completed under a confirmation code with only a hash of
 * the id, and every id covered in {@code erased_people} ({@link Erasures}: the writer drops the
 * person's messages still on their way); then their dialogs and their events still in the
 * pipeline's queues and streams are removed from Redis.
 */
@Service
public class PersonalData {

    private static final Logger log = LoggerFactory.getLogger(PersonalData.class);

    /** The outcome of a deletion, as the status URL reports it. */
    public record Deletion(String confirmationCode, String status, int messagesDeleted, int volunteersDeleted) {}

    /** Everyone a person is known as: their Facebook ids and their volunteer rows. */
    private record Person(Set<String> facebookUserIds, Set<Long> volunteerIds) {}

    /** Stands in for an empty list: {@code in ()} is not SQL, and no row has this id. */
    private static final List<Long> NO_ROWS = List.of(-1L);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final StatefulRedisConnection<String, byte[]> redis;
    private final TransactionTemplate transaction;
    private final Erasures erasures;
    private final InFlightEntries inFlightEntries;
    private final SecureRandom random = new SecureRandom();

    PersonalData(
            JdbcTemplate jdbc,
            StatefulRedisConnection<String, byte[]> redis,
            TransactionTemplate transaction,
            Erasures erasures,
            InFlightEntries inFlightEntries) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.redis = redis;
        this.transaction = transaction;
        this.erasures = erasures;
        this.inFlightEntries = inFlightEntries;
    }

    /**
     * Erases the person in one transaction, then removes what of theirs the pipeline still holds in
     * Redis: their Messenger dialogs and their events in the queues and streams ({@link InFlightEntries}).
     */
    public Deletion erase(String facebookUserId) {
        Erased erased = transaction.execute(status -> eraseStored(facebookUserId));
        erased.person().facebookUserIds().forEach(this::eraseConversations);
        long inFlight = inFlightEntries.remove(erased.person().facebookUserIds());
        if (inFlight > 0) {
            log.info("Removed {} queued events and stream entries of an erased person", inFlight);
        }
        return erased.deletion();
    }

    private record Erased(Deletion deletion, Person person) {}

    private Erased eraseStored(String facebookUserId) {
        // before any row lock: a writer batch holding the shared lock may be waiting for one
        erasures.begin();
        byte[] code = new byte[12];
        random.nextBytes(code);
        String confirmation = HexFormat.of().formatHex(code);
        Person person = person(facebookUserId);
        Map<String, Object> ids = Map.of(
                "ids",
                person.facebookUserIds(),
                "rows",
                person.volunteerIds().isEmpty() ? NO_ROWS : person.volunteerIds());
        int messages = named.update("delete from messages where author_id in (:ids)", ids);
        named.update("delete from hand_replies where psid in (:ids)", ids);
        int volunteers = named.update("delete from volunteers where id in (:rows)", ids);
        // the policy before merges were followed: a deleted person's "stop" goes with them
        named.update("delete from opt_outs where facebook_user_id in (:ids)", ids);
        named.update("delete from signup_offers where facebook_user_id in (:ids)", ids);
        // Messenger notices to them that wait for Redis (q:reply jobs, JSON, on a message they wrote)
        named.update(
                "delete from job_outbox where queue = 'q:reply'"
                        + " and convert_from(job, 'UTF8')::jsonb #>> '{event,authorId}' in (:ids)",
                ids);
        erasures.record(person.facebookUserIds());
        jdbc.update("""
                insert into data_deletions (confirmation_code, user_hash, completed_at, messages_deleted, volunteers_deleted)
                values (?, ?, now(), ?, ?)
                """, confirmation, Erasures.hash(facebookUserId), messages, volunteers);
        return new Erased(new Deletion(confirmation, "completed", messages, volunteers), person);
    }

    /**
     * The person behind an id: its volunteer rows in every organisation, the rows merged with them
     * (into them, or what they were merged into, and what else was merged there), the ids of those,
     * and so on until nothing new turns up. The rows are locked until the erasure commits, so a merge
     * cannot slip a row past it.
     */
    private Person person(String facebookUserId) {
        Set<String> ids = new TreeSet<>(Set.of(facebookUserId));
        Set<Long> rows = new TreeSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            Map<String, Object> known = Map.of("ids", ids, "rows", rows.isEmpty() ? NO_ROWS : rows);
            for (Map<String, Object> row : named.queryForList("""
                    select id, facebook_user_id from volunteers
                     where facebook_user_id in (:ids) or id in (:rows) or merged_into in (:rows)
                        or id in (select merged_into from volunteers where id in (:rows))
                       for update
                    """, known)) {
                grew |= rows.add(((Number) row.get("id")).longValue());
                grew |= ids.add((String) row.get("facebook_user_id"));
            }
        }
        return new Person(ids, rows);
    }

    public Optional<Deletion> status(String confirmationCode) {
        return jdbc
                .query(
                        """
                select confirmation_code, completed_at is not null, messages_deleted, volunteers_deleted
                  from data_deletions where confirmation_code = ?
                """,
                        (rs, n) -> new Deletion(
                                rs.getString(1),
                                rs.getBoolean(2) ? "completed" : "pending",
                                rs.getInt(3),
                                rs.getInt(4)),
                        confirmationCode)
                .stream()
                .findFirst();
    }

    private void eraseConversations(String facebookUserId) {
        ScanCursor cursor = ScanCursor.INITIAL;
        String pattern = RedisNames.conversation("*", "*", facebookUserId);
        do {
            KeyScanCursor<String> page =
                    redis.sync().scan(cursor, ScanArgs.Builder.matches(pattern).limit(500));
            if (!page.getKeys().isEmpty()) {
                redis.sync().del(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }
}
