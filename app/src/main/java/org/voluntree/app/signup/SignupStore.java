package org.voluntree.app.signup;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.voluntree.app.api.InvalidFieldException;
import org.voluntree.app.volunteer.Volunteers;
import org.voluntree.contracts.event.Json;

/** The SQL of signups, their slots and the volunteers confirmed in them. */
@Repository
public class SignupStore {

    /** What became of a request for a place in a slot. */
    public enum Assignment {
        CONFIRMED,
        ALREADY_CONFIRMED,
        /** The person holds a place in a slot whose times overlap it. */
        OVERLAPS,
        FULL,
        NO_SUCH_SLOT
    }

    /**
     * The answer to a request for a place.
     *
     * @param outcome what became of it
     * @param overlapped with {@link Assignment#OVERLAPS}, the slot the person holds that overlaps the one asked for
     */
    public record Placement(Assignment outcome, Slot overlapped) {

        static Placement of(Assignment outcome) {
            return new Placement(outcome, null);
        }
    }

    private final JdbcTemplate jdbc;
    private final Volunteers volunteers;
    /** The zone slot times are written in, in what the API tells admins. */
    private final ZoneId zone;

    SignupStore(JdbcTemplate jdbc, Volunteers volunteers, @Value("${voluntree.conversation.zone:UTC}") ZoneId zone) {
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.zone = zone;
    }

    /** The signup a published post belongs to, while it is active (answers to questions under the post). */
    public Optional<Long> signupOfPost(String facebookPostId) {
        return jdbc.queryForList("""
                select s.id from posts p join signups s on s.id = p.signup_id
                 where p.facebook_post_id = ? and s.state = 'active'
                """, Long.class, facebookPostId).stream().findFirst();
    }

    /**
     * The signup a published post was made for, whatever its state: someone who accepts the offer
     * under the post of a disabled signup is told so, not sent into another event.
     */
    public Optional<Long> signupMadeFor(String facebookPostId) {
        return jdbc
                .queryForList(
                        "select signup_id from posts where facebook_post_id = ? and signup_id is not null",
                        Long.class,
                        facebookPostId)
                .stream()
                .findFirst();
    }

    /** Whether the signup takes volunteers (an admin has not disabled it). */
    public boolean isActive(long signupId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from signups where id = ? and state = 'active')", Boolean.class, signupId));
    }

    /**
     * The organisation's newest active signup with dates still to come (else its newest active one),
     * for people who write without a post in between.
     */
    public Optional<Long> latestActive(long organisationId) {
        return jdbc.queryForList("""
                select s.id from signups s where s.organisation_id = ? and s.state = 'active'
                 order by exists (select 1 from signup_slots t where t.signup_id = s.id and t.starts_at > now()) desc,
                          s.created_at desc, s.id desc
                 limit 1
                """, Long.class, organisationId).stream().findFirst();
    }

    /** An active signup with dates still to come, as a person picking an event sees it. */
    public record OpenSignup(long id, String title, Instant firstStart) {}

    /** A place a person holds: the slot, and the title of its signup. */
    public record Place(Slot slot, String title) {}

    /**
     * One line of a signup's roster: a place, who holds it (the volunteer their ids are merged into, with
     * that volunteer's name or else the name of the id holding it) and the e-mail they verified, if any.
     */
    public record RosterLine(
            Slot slot, long volunteerId, String name, String email, Instant confirmedAt, String source) {}

    /**
     * The organisation's active signups with slots still to come, soonest first (at most {@code limit}),
     * for people who write without a post in between and could mean any of them.
     */
    public List<OpenSignup> openSignups(long organisationId, Instant now, int limit) {
        return openSignups(organisationId, now, limit, false);
    }

    /**
     * The organisation's active signups with slots still to come that have places left, soonest first (at
     * most {@code limit}; {@link OpenSignup#firstStart} is the first such slot's start), to offer instead of
     * an event that stopped taking signups.
     */
    public List<OpenSignup> openSignupsWithPlaces(long organisationId, Instant now, int limit) {
        return openSignups(organisationId, now, limit, true);
    }

    private List<OpenSignup> openSignups(long organisationId, Instant now, int limit, boolean withPlaces) {
        return jdbc.query(
                """
                select s.id, s.title, min(t.starts_at) as first_start
                  from signups s join signup_slots t on t.signup_id = s.id and t.starts_at > ?
                 where s.organisation_id = ? and s.state = 'active'
                   and (not ? or t.required > (select count(*) from slot_assignments a where a.slot_id = t.id))
                 group by s.id, s.title
                 order by first_start, s.id
                 limit ?
                """,
                (rs, n) -> new OpenSignup(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                Timestamp.from(now),
                organisationId,
                withPlaces,
                limit);
    }

    /** The signup's title; empty when it was deleted. */
    public Optional<String> titleIfAny(long signupId) {
        return jdbc.queryForList("select title from signups where id = ?", String.class, signupId).stream()
                .findFirst();
    }

    public String title(long signupId) {
        return jdbc.queryForObject("select title from signups where id = ?", String.class, signupId);
    }

    /**
     * The signup's slots whose times overlap a place the volunteer holds (under their id or one merged
     * into it) in another slot, of this signup or another: {@link #assign} refuses them.
     */
    public Set<Long> clashingSlots(long volunteerId, long signupId) {
        return new HashSet<>(jdbc.queryForList("""
                select distinct s.id from signup_slots s
                  join signup_slots h on h.id <> s.id and h.starts_at < s.ends_at and s.starts_at < h.ends_at
                  join slot_assignments a on a.slot_id = h.id
                  join volunteers d on d.id = a.volunteer_id
                 where s.signup_id = ? and (d.id = ? or d.merged_into = ?)
                """, Long.class, signupId, volunteerId, volunteerId));
    }

    /** The signup's slots that have not started yet, in time order, with their remaining places. */
    public List<Slot> upcomingSlots(long signupId, Instant now) {
        return jdbc.query("""
                select %s
                  from signup_slots s
                 where s.signup_id = ? and s.starts_at > ?
                 order by s.starts_at, s.id
                """.formatted(SLOT_COLUMNS), SignupStore::slot, signupId, Timestamp.from(now));
    }

    /** The slots of the signup a volunteer is confirmed in, under their id or one merged into it, in time order. */
    public List<Slot> slotsOf(long volunteerId, long signupId) {
        return jdbc.query("""
                select %s
                  from signup_slots s
                 where s.signup_id = ?
                   and exists (select 1 from slot_assignments a join volunteers d on d.id = a.volunteer_id
                                where a.slot_id = s.id and (d.id = ? or d.merged_into = ?))
                 order by s.starts_at, s.id
                """.formatted(SLOT_COLUMNS), SignupStore::slot, signupId, volunteerId, volunteerId);
    }

    /**
     * The places the person with this Facebook id (under it or any id merged with it) holds in the
     * organisation's slots that start after {@code now}, soonest first, at most {@code limit}. Finds
     * the person without creating them.
     */
    public List<Place> upcomingPlacesOf(long organisationId, String facebookUserId, Instant now, int limit) {
        return jdbc.query(
                """
                select %s, g.title
                  from volunteers v
                  join volunteers d on d.organisation_id = v.organisation_id
                                   and coalesce(d.merged_into, d.id) = coalesce(v.merged_into, v.id)
                  join slot_assignments a on a.volunteer_id = d.id
                  join signup_slots s on s.id = a.slot_id
                  join signups g on g.id = s.signup_id and g.organisation_id = v.organisation_id
                 where v.organisation_id = ? and v.facebook_user_id = ? and s.starts_at > ?
                 order by s.starts_at, s.id
                 limit ?
                """.formatted(SLOT_COLUMNS),
                (rs, n) -> new Place(slot(rs, n), rs.getString(8)),
                organisationId,
                facebookUserId,
                Timestamp.from(now),
                limit);
    }

    /** Every place of the signup, slot by slot in time order, then in the order they were taken. */
    public List<RosterLine> roster(long signupId) {
        return jdbc.query(
                """
                select %s,
                       r.id, coalesce(r.name, d.name),
                       (select v.email from volunteers v
                         where v.organisation_id = r.organisation_id and coalesce(v.merged_into, v.id) = r.id
                           and v.email_verified_at is not null
                         order by v.email_verified_at desc limit 1),
                       a.confirmed_at, a.source
                  from signup_slots s
                  join slot_assignments a on a.slot_id = s.id
                  join volunteers d on d.id = a.volunteer_id
                  join volunteers r on r.id = coalesce(d.merged_into, d.id)
                 where s.signup_id = ?
                 order by s.starts_at, s.id, a.confirmed_at, d.id
                """.formatted(SLOT_COLUMNS),
                (rs, n) -> new RosterLine(
                        slot(rs, n),
                        rs.getLong(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getTimestamp(11).toInstant(),
                        rs.getString(12)),
                signupId);
    }

    /** The slot with the title of its signup; empty when it was removed. */
    public Optional<Place> place(long slotId) {
        return jdbc
                .query("""
                        select %s, g.title
                          from signup_slots s join signups g on g.id = s.signup_id
                         where s.id = ?
                        """.formatted(SLOT_COLUMNS), (rs, n) -> new Place(slot(rs, n), rs.getString(8)), slotId)
                .stream()
                .findFirst();
    }

    /**
     * The person with this Facebook id gives up their place in a slot that is still to come (the
     * volunteer's own decision, in Messenger), whichever of their ids holds it. Locks the slot first,
     * as {@link #assign} does. The place given up, as it was; empty when they hold no such place (given
     * up already, taken away by an admin, or the slot has started).
     */
    @Transactional
    public Optional<Place> giveUpPlace(long organisationId, String facebookUserId, long slotId, Instant now) {
        boolean toCome = !jdbc.queryForList("""
                        select s.id from signup_slots s join signups g on g.id = s.signup_id
                         where s.id = ? and g.organisation_id = ? and s.starts_at > ?
                           for update of s
                        """, Long.class, slotId, organisationId, Timestamp.from(now))
                .isEmpty();
        Optional<Place> place = toCome ? place(slotId) : Optional.empty();
        if (place.isEmpty()) {
            return Optional.empty();
        }
        int removed = jdbc.update("""
                delete from slot_assignments a
                 using volunteers d, volunteers v
                 where a.slot_id = ? and a.volunteer_id = d.id
                   and v.organisation_id = ? and v.facebook_user_id = ? and d.organisation_id = v.organisation_id
                   and coalesce(d.merged_into, d.id) = coalesce(v.merged_into, v.id)
                """, slotId, organisationId, facebookUserId);
        return removed > 0 ? place : Optional.empty();
    }

    /**
     * Gives up a person's place in a slot of the organisation's signup (an admin's decision: they
     * cannot come, or were put in by mistake), whichever of their ids holds it: {@code volunteerId}
     * may be the id the slot's list shows or any id merged with it. The slot's row is locked first, as
     * {@link #assign} and {@link #update} lock it, so a pick of the freed place waits and then sees
     * it free. False when the signup has no such slot or the person holds no place in it.
     */
    @Transactional
    public boolean removePlace(long organisationId, long signupId, long slotId, long volunteerId) {
        List<Long> slot = jdbc.queryForList("""
                select s.id from signup_slots s join signups g on g.id = s.signup_id
                 where s.id = ? and s.signup_id = ? and g.organisation_id = ?
                   for update of s
                """, Long.class, slotId, signupId, organisationId);
        if (slot.isEmpty()) {
            return false;
        }
        return jdbc.update("""
                delete from slot_assignments a
                 using volunteers d, volunteers p
                 where a.slot_id = ? and a.volunteer_id = d.id
                   and p.id = ? and p.organisation_id = ? and d.organisation_id = p.organisation_id
                   and coalesce(d.merged_into, d.id) = coalesce(p.merged_into, p.id)
                """, slotId, volunteerId, organisationId) > 0;
    }

    /**
     * Confirms a volunteer in a slot of the signup unless the slot is full or the person (under their
     * own id or one merged into it) holds a place in a slot whose times overlap it, in any signup;
     * slots that only touch (9–12, 12–15) do not overlap. The slot's row and then the person's are
     * locked meanwhile, so two requests of the same person are answered one after the other and the
     * second sees the place the first took, and a request waits for an admin's edit of the slots'
     * times ({@link #update}, which locks in the same order: slots, then the people in them) and sees
     * the new times.
     */
    @Transactional
    public Placement assign(long signupId, long slotId, long volunteerId, String source) {
        List<Integer> required = jdbc.queryForList(
                "select required from signup_slots where id = ? and signup_id = ? for update",
                Integer.class,
                slotId,
                signupId);
        if (required.isEmpty()) {
            return Placement.of(Assignment.NO_SUCH_SLOT);
        }
        // "no key update": other writers may still insert rows that refer to the person meanwhile
        jdbc.query("select id from volunteers where id = ? for no key update", rs -> {}, volunteerId);
        Boolean already = jdbc.queryForObject("""
                select exists (select 1 from slot_assignments a join volunteers d on d.id = a.volunteer_id
                                where a.slot_id = ? and (d.id = ? or d.merged_into = ?))
                """, Boolean.class, slotId, volunteerId, volunteerId);
        if (Boolean.TRUE.equals(already)) {
            return Placement.of(Assignment.ALREADY_CONFIRMED);
        }
        Optional<Slot> overlapped =
                jdbc.query("""
                select %s
                  from slot_assignments a
                  join volunteers d on d.id = a.volunteer_id
                  join signup_slots s on s.id = a.slot_id
                  join signup_slots asked on asked.id = ?
                 where (d.id = ? or d.merged_into = ?) and s.id <> asked.id
                   and s.starts_at < asked.ends_at and asked.starts_at < s.ends_at
                 order by s.starts_at, s.id
                 limit 1
                """.formatted(SLOT_COLUMNS), SignupStore::slot, slotId, volunteerId, volunteerId).stream()
                        .findFirst();
        if (overlapped.isPresent()) {
            return new Placement(Assignment.OVERLAPS, overlapped.get());
        }
        Integer confirmed =
                jdbc.queryForObject("select count(*) from slot_assignments where slot_id = ?", Integer.class, slotId);
        if (confirmed >= required.get(0)) {
            return Placement.of(Assignment.FULL);
        }
        jdbc.update(
                "insert into slot_assignments (slot_id, volunteer_id, source) values (?, ?, ?)",
                slotId,
                volunteerId,
                source);
        return Placement.of(Assignment.CONFIRMED);
    }

    /** The columns {@link #slot} reads, first in a query over {@code signup_slots s}. */
    private static final String SLOT_COLUMNS = "s.id, s.signup_id, s.starts_at, s.ends_at, s.label, s.required,"
            + " (select count(*) from slot_assignments x where x.slot_id = s.id) as confirmed";

    /** A slot from the columns id, signup_id, starts_at, ends_at, label, required, confirmed ({@link #SLOT_COLUMNS}). */
    private static Slot slot(ResultSet rs, int row) throws SQLException {
        return new Slot(
                rs.getLong(1),
                rs.getLong(2),
                rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5),
                rs.getInt(6),
                rs.getInt(7));
    }

    /** Creates a signup with its slots; returns its id. */
    @Transactional
    public long create(long organisationId, SignupRequest request) {
        long id = jdbc.queryForObject(
                """
                insert into signups (organisation_id, title, description, facts, state)
                values (?, ?, ?, ?::jsonb, ?) returning id
                """,
                Long.class,
                organisationId,
                request.title(),
                request.description(),
                factsJson(request),
                request.state() == null ? "active" : request.state());
        insertSlots(id, request.slots());
        return id;
    }

    /**
     * Replaces a signup's text, facts, state and slots. A slot named by its {@code id} is changed in
     * place (new times, label, places) and keeps its volunteers; a slot without an id is the existing
     * one with the same times, else a new one. A slot left out is removed — but one with confirmed
     * volunteers only when the request says {@code removeConfirmedVolunteers}: otherwise nothing
     * changes and {@link SlotsHaveVolunteersException} names them. A kept slot's {@code required} may
     * not go below the volunteers confirmed in it ({@link InvalidFieldException} on that slot's
     * {@code required}, naming the slot and the count; the slots are locked meanwhile, so no place
     * is taken between the count and the edit). Slots may trade times; two ending with the same
     * times change nothing ({@link InvalidFieldException}). A slot may not move onto times that
     * overlap another place held by someone confirmed in it (under their id or one merged into it,
     * in this signup or another, as {@link #assign} refuses): nothing changes and
     * {@link SlotsWouldOverlapException} names the slots and how many people each concerns. The
     * people in the moved slots are locked before the check, so a place they take meanwhile is seen
     * here, or sees the new times. Returns false when the signup is not the organisation's.
     */
    @Transactional
    public boolean update(long organisationId, long signupId, SignupRequest request) {
        boolean owned = !jdbc.queryForList(
                        "select 1 from signups where id = ? and organisation_id = ? for update",
                        Integer.class,
                        signupId,
                        organisationId)
                .isEmpty();
        if (!owned) {
            return false;
        }
        // a place taken meanwhile (assign locks the slot row) is counted below, and none is taken
        // until this edit is committed with the slots' new numbers
        jdbc.query("select id from signup_slots where signup_id = ? for update", rs -> {}, signupId);
        List<Slot> existing = allSlots(signupId);
        Set<Long> ids = existing.stream().map(Slot::id).collect(Collectors.toSet());
        // existing slot id -> index of the request's slot that changes it
        Map<Long, Integer> kept = new LinkedHashMap<>();
        List<SignupRequest.SlotRequest> added = new ArrayList<>();
        for (int i = 0; i < request.slots().size(); i++) {
            SignupRequest.SlotRequest slot = request.slots().get(i);
            if (slot.id() != null) {
                if (!ids.contains(slot.id())) {
                    throw InvalidFieldException.of("slots[" + i + "].id", "is not a slot of this signup");
                }
                if (kept.put(slot.id(), i) != null) {
                    throw InvalidFieldException.of("slots[" + i + "].id", "names the same slot twice");
                }
            }
        }
        for (int i = 0; i < request.slots().size(); i++) {
            SignupRequest.SlotRequest slot = request.slots().get(i);
            if (slot.id() == null) {
                Optional<Slot> sameTimes = existing.stream()
                        .filter(e -> !kept.containsKey(e.id())
                                && e.startsAt().equals(slot.startsAt())
                                && e.endsAt().equals(slot.endsAt()))
                        .findFirst();
                if (sameTimes.isPresent()) {
                    kept.put(sameTimes.get().id(), i);
                } else {
                    added.add(slot);
                }
            }
        }
        for (Slot slot : existing) {
            Integer index = kept.get(slot.id());
            if (index != null && request.slots().get(index).required() < slot.confirmed()) {
                throw fewerPlacesThanConfirmed(
                        index, slot, request.slots().get(index).required());
            }
        }
        List<Slot> removed =
                existing.stream().filter(e -> !kept.containsKey(e.id())).toList();
        List<Slot> withVolunteers =
                removed.stream().filter(e -> e.confirmed() > 0).toList();
        if (!withVolunteers.isEmpty() && !request.removesConfirmedVolunteers()) {
            throw new SlotsHaveVolunteersException(withVolunteers, zone);
        }
        Map<Long, Integer> moved = new LinkedHashMap<>();
        for (Slot slot : existing) {
            Integer index = kept.get(slot.id());
            if (index != null
                    && (!slot.startsAt().equals(request.slots().get(index).startsAt())
                            || !slot.endsAt().equals(request.slots().get(index).endsAt()))) {
                moved.put(slot.id(), index);
            }
        }
        lockPeopleIn(moved.keySet());
        // Slots may trade times in one edit, so no row is checked alone: only the slots as the edit
        // leaves them must have distinct times (V26).
        jdbc.execute("set constraints signup_slots_times_unique deferred");
        jdbc.update(
                "update signups set title = ?, description = ?, facts = ?::jsonb, state = ?, updated_at = now() where id = ?",
                request.title(),
                request.description(),
                factsJson(request),
                request.state() == null ? "active" : request.state(),
                signupId);
        jdbc.batchUpdate(
                "delete from signup_slots where id = ?",
                removed.stream().map(e -> new Object[] {e.id()}).toList());
        jdbc.batchUpdate(
                "update signup_slots set starts_at = ?, ends_at = ?, label = ?, required = ? where id = ?",
                kept.entrySet().stream()
                        .map(e -> {
                            SignupRequest.SlotRequest slot = request.slots().get(e.getValue());
                            return new Object[] {
                                Timestamp.from(slot.startsAt()),
                                Timestamp.from(slot.endsAt()),
                                slot.label(),
                                slot.required(),
                                e.getKey()
                            };
                        })
                        .toList());
        insertSlots(signupId, added);
        try {
            jdbc.execute("set constraints signup_slots_times_unique immediate");
        } catch (DuplicateKeyException e) {
            throw InvalidFieldException.of("slots", "two slots would have the same times");
        }
        // checked on the slots as the edit leaves them (a slot may move onto one that moved away);
        // the exception rolls the edit back
        List<SlotsWouldOverlapException.Overlap> overlaps = overlapsHeldIn(moved);
        if (!overlaps.isEmpty()) {
            throw new SlotsWouldOverlapException(signupId, overlaps, zone);
        }
        // a moved slot's people are reminded again before its new times (PlaceReminders)
        jdbc.batchUpdate(
                "update slot_assignments set reminded_at = null where slot_id = ? and reminded_at is not null",
                moved.keySet().stream().map(id -> new Object[] {id}).toList());
        return true;
    }

    /**
     * Locks the people confirmed in these slots (each by the row they are kept under: a merged row's
     * {@code merged_into}) in id order, after the slots' rows, as {@link #assign} locks a slot and then
     * the person: a pick of theirs elsewhere waits for the edit, and the edit for a pick under way.
     */
    private void lockPeopleIn(Set<Long> slotIds) {
        if (slotIds.isEmpty()) {
            return;
        }
        jdbc.query("""
                select id from volunteers
                 where id in (select coalesce(d.merged_into, d.id) from slot_assignments a
                                join volunteers d on d.id = a.volunteer_id
                               where a.slot_id = any(?))
                 order by id
                   for no key update
                """, rs -> {}, (Object) slotIds.toArray(Long[]::new));
    }

    /**
     * The moved slots (id → index in the request) whose times, as written, overlap another place held
     * by someone confirmed in them, with how many people that is, in time order.
     */
    private List<SlotsWouldOverlapException.Overlap> overlapsHeldIn(Map<Long, Integer> moved) {
        if (moved.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                """
                select m.id, m.signup_id, m.starts_at, m.ends_at, m.label, m.required,
                       (select count(*) from slot_assignments x where x.slot_id = m.id) as confirmed,
                       count(distinct coalesce(d.merged_into, d.id)) as overlapping
                  from signup_slots m
                  join slot_assignments a on a.slot_id = m.id
                  join volunteers d on d.id = a.volunteer_id
                 where m.id = any(?)
                   and exists (select 1 from volunteers e
                                 join slot_assignments b on b.volunteer_id = e.id
                                 join signup_slots h on h.id = b.slot_id
                                where coalesce(d.merged_into, d.id) in (e.id, e.merged_into)
                                  and h.id <> m.id and h.starts_at < m.ends_at and m.starts_at < h.ends_at)
                 group by m.id
                 order by m.starts_at, m.id
                """,
                (rs, n) -> new SlotsWouldOverlapException.Overlap(moved.get(rs.getLong(1)), slot(rs, n), rs.getInt(8)),
                (Object) moved.keySet().toArray(Long[]::new));
    }

    /** Lowering {@code required} takes nobody's place away, so it may not go below the people confirmed. */
    private InvalidFieldException fewerPlacesThanConfirmed(int index, Slot slot, int required) {
        return InvalidFieldException.of(
                "slots[" + index + "].required",
                slot.describe(zone) + " has " + slot.confirmed()
                        + (slot.confirmed() == 1 ? " confirmed volunteer" : " confirmed volunteers")
                        + ", more than the "
                        + required
                        + " asked for: keep required at " + slot.confirmed() + " or more (lowering it cancels"
                        + " nobody's place; removing the slot with removeConfirmedVolunteers: true frees its places)");
    }

    private void insertSlots(long signupId, List<SignupRequest.SlotRequest> slots) {
        jdbc.batchUpdate(
                "insert into signup_slots (signup_id, starts_at, ends_at, label, required) values (?, ?, ?, ?, ?)",
                slots,
                200,
                (ps, slot) -> {
                    ps.setLong(1, signupId);
                    ps.setTimestamp(2, Timestamp.from(slot.startsAt()));
                    ps.setTimestamp(3, Timestamp.from(slot.endsAt()));
                    ps.setString(4, slot.label());
                    ps.setInt(5, slot.required());
                });
    }

    private static String factsJson(SignupRequest request) {
        return new String(Json.write(request.facts() == null ? Map.of() : request.facts()), StandardCharsets.UTF_8);
    }

    /** The organisation's signups, newest first, with their slots. */
    public List<SignupView> ofOrganisation(long organisationId) {
        return jdbc.query(
                """
                select id, title, description, facts::text, state, created_at from signups
                 where organisation_id = ? order by created_at desc, id desc
                """,
                (rs, n) -> view(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()),
                organisationId);
    }

    /** One of the organisation's signups. */
    public Optional<SignupView> find(long organisationId, long signupId) {
        return jdbc
                .query(
                        """
                select id, title, description, facts::text, state, created_at from signups
                 where organisation_id = ? and id = ?
                """,
                        (rs, n) -> view(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getTimestamp(6).toInstant()),
                        organisationId,
                        signupId)
                .stream()
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    private SignupView view(long id, String title, String description, String facts, String state, Instant created) {
        Map<String, String> factMap = Json.read(facts.getBytes(StandardCharsets.UTF_8), Map.class);
        return new SignupView(id, title, description, factMap, state, created, allSlots(id));
    }

    /** Every slot of a signup, in time order, with its confirmations. */
    public List<Slot> allSlots(long signupId) {
        return jdbc.query("""
                select %s
                  from signup_slots s where s.signup_id = ? order by s.starts_at, s.id
                """.formatted(SLOT_COLUMNS), SignupStore::slot, signupId);
    }

    /** The volunteers confirmed in each slot of a signup, slots in time order (empty slots included). */
    public List<SlotVolunteers> volunteersBySlot(long signupId) {
        Map<Long, List<SlotVolunteers.Confirmed>> bySlot = new LinkedHashMap<>();
        jdbc.query(
                "select id from signup_slots where signup_id = ? order by starts_at, id",
                rs -> {
                    bySlot.put(rs.getLong(1), new ArrayList<>());
                },
                signupId);
        jdbc.query(
                """
                select a.slot_id, v.id, v.name, a.source, a.confirmed_at
                  from slot_assignments a
                  join signup_slots s on s.id = a.slot_id
                  join volunteers v on v.id = a.volunteer_id
                 where s.signup_id = ?
                 order by a.confirmed_at, v.id
                """,
                rs -> {
                    bySlot.get(rs.getLong(1))
                            .add(new SlotVolunteers.Confirmed(
                                    rs.getLong(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getTimestamp(5).toInstant()));
                },
                signupId);
        return bySlot.entrySet().stream()
                .map(e -> new SlotVolunteers(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    /** The signup's facts, for answers to questions. */
    public Map<String, String> facts(long signupId) {
        return find(signupId).map(SignupView::facts).orElse(Map.of());
    }

    private Optional<SignupView> find(long signupId) {
        return jdbc.queryForList("select organisation_id from signups where id = ?", Long.class, signupId).stream()
                .findFirst()
                .flatMap(org -> find(org, signupId));
    }

    /** The volunteer with this Facebook id (the one it was merged into, if it was), created if new. */
    public long volunteer(long organisationId, String facebookUserId, String name) {
        return volunteer(organisationId, facebookUserId, name, null);
    }

    /** The upsert behind both: first seen at {@code firstSeenAt}, or now when null. */
    private long volunteer(long organisationId, Object facebookUserId, Object name, Object firstSeenAt) {
        return jdbc.queryForObject("""
                insert into volunteers (organisation_id, facebook_user_id, name, first_seen_at)
                values (?, ?, ?, coalesce(?::timestamptz, now()))
                on conflict (organisation_id, facebook_user_id) do update
                   set name = coalesce(volunteers.name, excluded.name)
                returning coalesce(merged_into, id)
                """, Long.class, organisationId, facebookUserId, name, firstSeenAt);
    }

    /**
     * Records that the person with this Messenger id wrote the comment: the commenter's volunteer is
     * created from the comment if the writer has not, carries the comment's name unless it has one,
     * and the Messenger volunteer (and whatever was merged into it) is merged into it. With the same
     * id on both sides (the sandbox's default) there is one row and nothing to merge; nothing happens
     * when the comment is unknown.
     */
    public void sameAsCommenter(long organisationId, String psid, String commentId) {
        List<Map<String, Object>> comment = jdbc.queryForList("""
                select author_id, author_name, created_at from messages
                 where organisation_id = ? and external_id = ? and kind = 'COMMENT' and author_id is not null
                """, organisationId, commentId);
        if (comment.isEmpty()) {
            return;
        }
        Object authorId = comment.get(0).get("author_id");
        Object authorName = comment.get(0).get("author_name");
        long keep =
                volunteer(organisationId, authorId, authorName, comment.get(0).get("created_at"));
        // the commenter's row got the name above; the volunteer it was merged into may have none
        jdbc.update("update volunteers set name = ? where id = ? and name is null", authorName, keep);
        if (psid.equals(authorId)) {
            return;
        }
        long messenger = volunteer(organisationId, psid, null);
        if (messenger == keep) {
            return;
        }
        volunteers.merge(organisationId, keep, messenger);
    }

    /** Whether the person with this Facebook id (or anyone merged with them) holds a place in the signup. */
    public boolean hasConfirmed(long organisationId, String facebookUserId, long signupId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (
                    select 1 from volunteers v
                      join volunteers d on d.organisation_id = v.organisation_id
                                       and coalesce(v.merged_into, v.id) in (d.id, d.merged_into)
                      join slot_assignments a on a.volunteer_id = d.id
                      join signup_slots s on s.id = a.slot_id
                     where v.organisation_id = ? and v.facebook_user_id = ? and s.signup_id = ?)
                """, Boolean.class, organisationId, facebookUserId, signupId));
    }

    public void verifiedEmail(long volunteerId, String email) {
        jdbc.update("update volunteers set email = ?, email_verified_at = now() where id = ?", email, volunteerId);
    }
}
