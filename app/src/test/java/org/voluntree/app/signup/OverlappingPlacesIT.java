package org.voluntree.app.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.voluntree.app.signup.SignupStore.Assignment;
import org.voluntree.app.signup.SignupStore.Placement;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.app.volunteer.Volunteers;

/**
 * A person holds no two places whose times overlap, in one signup or across the organisation's
 * signups; slots that only touch (9–12 and 12–15) do not overlap. The database decides, so two
 * picks of the same person at once cannot both get through, nor a pick and an admin's edit that moves
 * a slot the person holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(OrganisationFixture.class)
@DirtiesContext
class OverlappingPlacesIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "scheduler");
    }

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    SignupStore signups;

    @Autowired
    Volunteers volunteers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    long org;
    Instant nine;

    @BeforeEach
    void setUp() {
        fixture.deleteAllOrganisations();
        org = fixture.organisation("Riverside");
        nine = Instant.now()
                .plus(3, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.DAYS)
                .plus(9, ChronoUnit.HOURS);
    }

    @Test
    void aSlotOverlappingAPlaceThePersonHoldsInAnotherSignupIsRefusedNamingThatPlaceAndNothingIsWritten() {
        long sort = signup("Food sort", slot(9, 12, "sorting"));
        long cleanUp = signup("Park clean-up", slot(11, 14, "litter"), slot(12, 15, "paths"), slot(8, 10, "early"));
        long held = slotAt(sort, 9);
        long maya = signups.volunteer(org, "fb-maya", "Maya");
        assertThat(signups.assign(sort, held, maya, "messenger").outcome()).isEqualTo(Assignment.CONFIRMED);

        Placement overlapping = signups.assign(cleanUp, slotAt(cleanUp, 11), maya, "messenger");
        Placement before = signups.assign(cleanUp, slotAt(cleanUp, 8), maya, "messenger");

        assertThat(overlapping.outcome()).isEqualTo(Assignment.OVERLAPS);
        assertThat(overlapping.overlapped()).isNotNull();
        assertThat(overlapping.overlapped().id()).isEqualTo(held);
        assertThat(overlapping.overlapped().label()).isEqualTo("sorting");
        assertThat(overlapping.overlapped().startsAt()).isEqualTo(nine);
        assertThat(before.outcome()).as("8–10 overlaps 9–12 too").isEqualTo(Assignment.OVERLAPS);
        assertThat(placesOf(maya)).containsExactly(held);

        assertThat(signups.assign(cleanUp, slotAt(cleanUp, 12), maya, "messenger")
                        .outcome())
                .as("12–15 only touches 9–12")
                .isEqualTo(Assignment.CONFIRMED);
        assertThat(signups.assign(cleanUp, slotAt(cleanUp, 11), signups.volunteer(org, "fb-rosa", "Rosa"), "messenger")
                        .outcome())
                .as("someone else is free to take it")
                .isEqualTo(Assignment.CONFIRMED);
    }

    @Test
    void overlappingSlotsOfOneSignupCannotBothBeHeld() {
        long sort = signup("Food sort", slot(9, 12, "sorting"), slot(10, 11, "packing"));
        long maya = signups.volunteer(org, "fb-maya", "Maya");
        assertThat(signups.assign(sort, slotAt(sort, 10), maya, "messenger").outcome())
                .isEqualTo(Assignment.CONFIRMED);

        Placement refused = signups.assign(sort, slotAt(sort, 9), maya, "messenger");

        assertThat(refused.outcome()).as("9–12 contains 10–11").isEqualTo(Assignment.OVERLAPS);
        assertThat(refused.overlapped().label()).isEqualTo("packing");
        assertThat(placesOf(maya)).containsExactly(slotAt(sort, 10));
    }

    @Test
    void aPlaceHeldUnderAnIdMergedIntoThePersonCounts() {
        long sort = signup("Food sort", slot(9, 12, "sorting"), slot(11, 13, "packing"));
        long commenter = signups.volunteer(org, "fb-comment-id", "Maya");
        long messenger = signups.volunteer(org, "fb-messenger-id", null);
        assertThat(signups.assign(sort, slotAt(sort, 9), messenger, "messenger").outcome())
                .isEqualTo(Assignment.CONFIRMED);
        volunteers.merge(org, commenter, messenger);

        Placement refused = signups.assign(sort, slotAt(sort, 11), commenter, "messenger");

        assertThat(refused.outcome()).isEqualTo(Assignment.OVERLAPS);
        assertThat(refused.overlapped().id()).isEqualTo(slotAt(sort, 9));
        assertThat(placesOf(commenter))
                .as("the place taken under the merged id only")
                .containsExactly(slotAt(sort, 9));
    }

    @Test
    void thePlacesAPersonHoldsIncludeThoseTakenUnderAnIdMergedIntoThem() {
        long sort = signup("Food sort", slot(9, 12, "sorting"), slot(13, 15, "packing"));
        long commenter = signups.volunteer(org, "fb-comment-id", "Maya");
        long messenger = signups.volunteer(org, "fb-messenger-id", null);
        signups.assign(sort, slotAt(sort, 9), messenger, "messenger");
        volunteers.merge(org, commenter, messenger);
        signups.assign(sort, slotAt(sort, 13), commenter, "messenger");

        // what the slot menu marks as held and the confirmation lists
        assertThat(signups.slotsOf(commenter, sort)).extracting(Slot::label).containsExactly("sorting", "packing");
    }

    @Test
    void theSlotsAMenuMarksAsOverlappingAreThoseAssignRefuses() {
        long sort = signup("Food sort", slot(9, 12, "sorting"));
        long cleanUp = signup("Park clean-up", slot(11, 14, "litter"), slot(12, 15, "paths"), slot(8, 10, "early"));
        long commenter = signups.volunteer(org, "fb-comment-id", "Maya");
        long messenger = signups.volunteer(org, "fb-messenger-id", null);
        signups.assign(sort, slotAt(sort, 9), messenger, "messenger");
        volunteers.merge(org, commenter, messenger);

        assertThat(signups.clashingSlots(commenter, cleanUp))
                .containsExactlyInAnyOrder(slotAt(cleanUp, 11), slotAt(cleanUp, 8));
        assertThat(signups.clashingSlots(commenter, sort))
                .as("a held slot does not clash with itself")
                .isEmpty();
        for (long slot : signups.clashingSlots(commenter, cleanUp)) {
            assertThat(signups.assign(cleanUp, slot, commenter, "messenger").outcome())
                    .isEqualTo(Assignment.OVERLAPS);
        }
        assertThat(signups.assign(cleanUp, slotAt(cleanUp, 12), commenter, "messenger")
                        .outcome())
                .isEqualTo(Assignment.CONFIRMED);
    }

    @Test
    void twoPicksOfThePersonAtOnceDoNotBothGetAPlace() throws Exception {
        long sort = signup("Food sort", slot(9, 12, "sorting"));
        long cleanUp = signup("Park clean-up", slot(11, 14, "litter"));
        long maya = signups.volunteer(org, "fb-maya", "Maya");

        CompletableFuture<Placement> second = new TransactionTemplate(transactions).execute(status -> {
            // the first pick has written its place and not committed yet when the second one asks
            assertThat(signups.assign(sort, slotAt(sort, 9), maya, "messenger").outcome())
                    .isEqualTo(Assignment.CONFIRMED);
            CompletableFuture<Placement> other = CompletableFuture.supplyAsync(
                    () -> signups.assign(cleanUp, slotAt(cleanUp, 11), maya, "messenger"));
            pause(Duration.ofMillis(500));
            assertThat(other).as("the second pick waits for the first").isNotDone();
            return other;
        });

        assertThat(second.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Assignment.OVERLAPS);
        assertThat(placesOf(maya)).containsExactly(slotAt(sort, 9));
    }

    @Test
    void aPickWhileAnEditMovesThePersonsSlotWaitsForTheEditAndSeesTheNewTimes() throws Exception {
        long sort = signup("Food sort", slot(9, 12, "sorting"));
        long cleanUp = signup("Park clean-up", slot(12, 15, "litter"));
        long sorting = slotAt(sort, 9);
        long maya = signups.volunteer(org, "fb-maya", "Maya");
        assertThat(signups.assign(sort, sorting, maya, "messenger").outcome()).isEqualTo(Assignment.CONFIRMED);

        CompletableFuture<Placement> pick = new TransactionTemplate(transactions).execute(status -> {
            // the edit has moved 9–12 to 11–14 and not committed yet when the person picks 12–15
            assertThat(signups.update(org, sort, edit("Food sort", moved(sorting, 11, 14, "sorting"))))
                    .isTrue();
            CompletableFuture<Placement> other = CompletableFuture.supplyAsync(
                    () -> signups.assign(cleanUp, slotAt(cleanUp, 12), maya, "messenger"));
            pause(Duration.ofMillis(500));
            assertThat(other).as("the pick waits for the edit").isNotDone();
            return other;
        });

        assertThat(pick.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Assignment.OVERLAPS);
        assertThat(placesOf(maya)).containsExactly(sorting);
    }

    @Test
    void anEditWhileThePersonsPickIsUnderwayWaitsForThePickAndIsRefused() throws Exception {
        long sort = signup("Food sort", slot(9, 12, "sorting"));
        long cleanUp = signup("Park clean-up", slot(12, 15, "litter"));
        long sorting = slotAt(sort, 9);
        long maya = signups.volunteer(org, "fb-maya", "Maya");
        signups.assign(sort, sorting, maya, "messenger");

        CompletableFuture<Boolean> edit = new TransactionTemplate(transactions).execute(status -> {
            // the person has taken 12–15 and not committed yet when the admin moves 9–12 to 11–14
            assertThat(signups.assign(cleanUp, slotAt(cleanUp, 12), maya, "messenger")
                            .outcome())
                    .isEqualTo(Assignment.CONFIRMED);
            CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(
                    () -> signups.update(org, sort, edit("Food sort", moved(sorting, 11, 14, "sorting"))));
            pause(Duration.ofMillis(500));
            assertThat(other).as("the edit waits for the pick").isNotDone();
            return other;
        });

        assertThatThrownBy(() -> edit.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SlotsWouldOverlapException.class);
        assertThat(signups.allSlots(sort)).extracting(Slot::startsAt).containsExactly(nine);
        assertThat(placesOf(maya)).containsExactly(sorting, slotAt(cleanUp, 12));
    }

    @Test
    void anEditCountsAPlaceHeldUnderAnIdMergedIntoThePerson() {
        long sort = signup("Food sort", slot(9, 12, "sorting"), slot(13, 15, "packing"));
        long cleanUp = signup("Park clean-up", slot(12, 15, "litter"));
        long commenter = signups.volunteer(org, "fb-comment-id", "Maya");
        long messenger = signups.volunteer(org, "fb-messenger-id", null);
        long rosa = signups.volunteer(org, "fb-rosa", "Rosa");
        signups.assign(sort, slotAt(sort, 9), messenger, "messenger");
        signups.assign(sort, slotAt(sort, 9), rosa, "messenger");
        signups.assign(cleanUp, slotAt(cleanUp, 12), commenter, "messenger");
        volunteers.merge(org, commenter, messenger);
        List<Slot> before = signups.allSlots(sort);

        assertThatThrownBy(() -> signups.update(
                        org,
                        sort,
                        edit(
                                "Food sort, moved",
                                moved(slotAt(sort, 9), 11, 14, "sorting"),
                                moved(slotAt(sort, 13), 13, 15, "packing"))))
                .isInstanceOfSatisfying(SlotsWouldOverlapException.class, e -> {
                    assertThat(e.field()).isEqualTo("slots[0]");
                    assertThat(e.getMessage()).contains("held by 1 of its 2 confirmed volunteers");
                });
        assertThat(signups.allSlots(sort)).isEqualTo(before);
        assertThat(signups.title(sort)).isEqualTo("Food sort");
    }

    private static SignupRequest edit(String title, SignupRequest.SlotRequest... slots) {
        return new SignupRequest(title, null, null, null, List.of(slots), null);
    }

    /** The existing slot with new times. */
    private SignupRequest.SlotRequest moved(long slotId, int fromHour, int toHour, String label) {
        return new SignupRequest.SlotRequest(
                slotId, nine.plus(fromHour - 9, ChronoUnit.HOURS), nine.plus(toHour - 9, ChronoUnit.HOURS), label, 5);
    }

    private long signup(String title, SignupRequest.SlotRequest... slots) {
        return signups.create(org, new SignupRequest(title, null, null, null, List.of(slots), null));
    }

    private SignupRequest.SlotRequest slot(int fromHour, int toHour, String label) {
        return new SignupRequest.SlotRequest(
                null, nine.plus(fromHour - 9, ChronoUnit.HOURS), nine.plus(toHour - 9, ChronoUnit.HOURS), label, 5);
    }

    /** The signup's slot that starts at this hour. */
    private long slotAt(long signup, int hour) {
        Instant start = nine.plus(hour - 9, ChronoUnit.HOURS);
        return signups.allSlots(signup).stream()
                .filter(s -> s.startsAt().equals(start))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** The slots the volunteer holds places in, under their own id or one merged into it. */
    private List<Long> placesOf(long volunteer) {
        return jdbc.queryForList("""
                select a.slot_id from slot_assignments a join volunteers d on d.id = a.volunteer_id
                 where d.id = ? or d.merged_into = ? order by a.slot_id
                """, Long.class, volunteer, volunteer);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
