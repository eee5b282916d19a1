package org.voluntree.app.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.api.InvalidFieldException;
import org.voluntree.app.testing.ApiClient;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.event.Json;
import tools.jackson.databind.JsonNode;

/**
 * Editing a signup keeps the people confirmed in its slots: a slot moved to other times keeps them
 * (slots may trade times) unless the new times overlap another place one of them holds, and a slot with
 * confirmed volunteers is only removed when the admin says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OrganisationFixture.class)
@DirtiesContext
class SignupEditingIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web");
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    SignupStore signups;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient owner;
    long org;
    Instant morning;

    @BeforeEach
    void setUp() {
        fixture.deleteAllOrganisations();
        org = fixture.organisation("Riverside");
        fixture.admin(org, "owner@edit.example", "owner-password", "owner");
        owner = ApiClient.basic(port, "owner@edit.example", "owner-password");
        morning = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    }

    @Test
    void aSlotMovedToOtherTimesKeepsItsVolunteers() {
        Created created = twoSlotsTheFirstWith("Rita");
        long signup = created.signup();
        long first = created.first();
        long second = created.second();
        // Rita was reminded of the old times
        jdbc.update("update slot_assignments set reminded_at = now() where slot_id = ?", first);

        HttpResponse<String> moved =
                owner.put("/api/signups/" + signup, body(slot(first, 1, 4, 3) + "," + slot(second, 4, 6, 2), null));

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode slot = json(moved).path("slots").get(0);
        assertThat(slot.path("id").asLong()).isEqualTo(first);
        assertThat(slot.path("startsAt").asString())
                .isEqualTo(morning.plus(1, ChronoUnit.HOURS).toString());
        assertThat(slot.path("required").asInt()).isEqualTo(3);
        assertThat(slot.path("confirmed").asInt()).isEqualTo(1);
        assertThat(signups.volunteersBySlot(signup).get(0).volunteers())
                .extracting(SlotVolunteers.Confirmed::name)
                .containsExactly("Rita");
        assertThat(jdbc.queryForList("select reminded_at from slot_assignments where slot_id = ?", Object.class, first))
                .as("she is reminded again before the new times")
                .containsOnlyNulls();
    }

    @Test
    void twoSlotsCanTradeTheirTimesInOneEditAndEachKeepsItsVolunteers() {
        Created created = twoSlotsTheFirstWith("Tess");
        long signup = created.signup();
        long first = created.first();
        long second = created.second();
        confirm(signup, second, "fb-Uma", "Uma");

        HttpResponse<String> swapped =
                owner.put("/api/signups/" + signup, body(slot(first, 4, 6, 2) + "," + slot(second, 0, 3, 2), null));

        assertThat(swapped.statusCode()).as(swapped.body()).isEqualTo(200);
        assertThat(signups.allSlots(signup))
                .extracting(Slot::id, Slot::startsAt, Slot::endsAt, Slot::confirmed)
                .containsExactly(
                        tuple(second, morning, morning.plus(3, ChronoUnit.HOURS), 1),
                        tuple(first, morning.plus(4, ChronoUnit.HOURS), morning.plus(6, ChronoUnit.HOURS), 1));
        assertThat(signups.volunteersBySlot(signup))
                .extracting(SlotVolunteers::slotId, s -> s.volunteers().get(0).name())
                .containsExactly(tuple(second, "Uma"), tuple(first, "Tess"));
    }

    @Test
    void twoSlotsEndingWithTheSameTimesAreRefusedAndNothingChanges() {
        Created created = twoSlotsTheFirstWith("Vic");
        long signup = created.signup();
        long first = created.first();
        long second = created.second();
        List<Slot> before = signups.allSlots(signup);

        HttpResponse<String> refused = owner.put(
                "/api/signups/" + signup,
                body("Sunday sort", slot(first, 4, 6, 2) + "," + slot(second, 4, 6, 3), null));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("field").asString()).isEqualTo("slots[1]");
        assertThat(json(refused).path("reason").asString()).isEqualTo("has the same times as an earlier slot");
        assertThat(signups.allSlots(signup)).isEqualTo(before);
        assertThat(json(owner.get("/api/signups/" + signup)).path("title").asString())
                .isEqualTo("Saturday sort");

        // the store holds to it on its own: the times are checked once every slot is written
        SignupRequest.SlotRequest firstMoved = new SignupRequest.SlotRequest(
                first, morning.plus(4, ChronoUnit.HOURS), morning.plus(6, ChronoUnit.HOURS), null, 2);
        SignupRequest.SlotRequest secondKept = new SignupRequest.SlotRequest(
                second, morning.plus(4, ChronoUnit.HOURS), morning.plus(6, ChronoUnit.HOURS), null, 3);
        assertThatThrownBy(() -> signups.update(
                        org,
                        signup,
                        new SignupRequest("Sunday sort", null, null, null, List.of(firstMoved, secondKept), null)))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("slots"));
        assertThat(signups.allSlots(signup)).isEqualTo(before);
        assertThat(signups.find(org, signup).orElseThrow().title()).isEqualTo("Saturday sort");
    }

    @Test
    void removingASlotPeopleAreConfirmedInNeedsTheAdminsSayAndOtherwiseChangesNothing() {
        Created created = twoSlotsTheFirstWith("Sam");
        long signup = created.signup();
        long first = created.first();
        long second = created.second();

        HttpResponse<String> refused =
                owner.put("/api/signups/" + signup, body("Sunday sort", slot(second, 4, 6, 2), null));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("field").asString()).isEqualTo("removeConfirmedVolunteers");
        assertThat(json(refused).path("reason").asString()).contains("1 confirmed");
        assertThat(signups.allSlots(signup)).extracting(Slot::id).containsExactly(first, second);
        assertThat(json(owner.get("/api/signups/" + signup)).path("title").asString())
                .as("nothing of the edit was kept")
                .isEqualTo("Saturday sort");

        HttpResponse<String> removed = owner.put("/api/signups/" + signup, body(slot(second, 4, 6, 2), true));
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(signups.allSlots(signup)).extracting(Slot::id).containsExactly(second);
    }

    @Test
    void requiredBelowTheSlotsConfirmedVolunteersIsRefusedNamingTheSlotAndNothingChanges() {
        Created created = twoSlotsTheFirstWith("Wes");
        long signup = created.signup();
        long first = created.first();
        long second = created.second();
        confirm(signup, first, "fb-Xia", "Xia");
        List<Slot> before = signups.allSlots(signup);

        HttpResponse<String> refused = owner.put(
                "/api/signups/" + signup,
                body("Sunday sort", slot(second, 4, 6, 2) + "," + slot(first, 0, 3, 1), null));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).path("field").asString()).isEqualTo("slots[1].required");
        assertThat(json(refused).path("reason").asString())
                .contains(before.get(0).describe(ZoneId.of("UTC")))
                .contains("has 2 confirmed volunteers")
                .contains("keep required at 2 or more");
        assertThat(signups.allSlots(signup)).isEqualTo(before);
        assertThat(json(owner.get("/api/signups/" + signup)).path("title").asString())
                .as("nothing of the edit was kept")
                .isEqualTo("Saturday sort");

        // matched by its times rather than its id, the slot is held to the same
        HttpResponse<String> byTimes =
                owner.put("/api/signups/" + signup, body(slot(null, 0, 3, 1) + "," + slot(second, 4, 6, 2), null));
        assertThat(byTimes.statusCode()).as(byTimes.body()).isEqualTo(400);
        assertThat(json(byTimes).path("field").asString()).isEqualTo("slots[0].required");
        assertThat(signups.allSlots(signup)).isEqualTo(before);

        HttpResponse<String> asMany =
                owner.put("/api/signups/" + signup, body(slot(first, 0, 3, 2) + "," + slot(second, 4, 6, 1), null));
        assertThat(asMany.statusCode())
                .as("required equal to the confirmed count, and lowered where nobody is confirmed")
                .isEqualTo(200);
        assertThat(signups.allSlots(signup)).extracting(Slot::required).containsExactly(2, 1);
    }

    @Test
    void movingASlotOntoTimesThatOverlapAnotherPlaceOfSomeoneInItIsRefusedAndChangesNothing() {
        Created created = twoSlotsTheFirstWith("Rita");
        long signup = created.signup();
        long first = created.first();
        long second = created.second();
        confirm(signup, second, "fb-Sol", "Sol");
        // Rita also holds a place in another event, from 5 to 7
        JsonNode cleanUp = json(owner.post("/api/signups", body("Park clean-up", slot(null, 5, 7, 2), null)));
        confirm(
                cleanUp.path("id").asLong(),
                cleanUp.path("slots").get(0).path("id").asLong(),
                "fb-Rita",
                "Rita");
        List<Slot> before = signups.allSlots(signup);

        HttpResponse<String> refused = owner.put(
                "/api/signups/" + signup,
                body("Sunday sort", slot(second, 4, 6, 2) + "," + slot(first, 6, 9, 2), null));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused).path("field").asString()).isEqualTo("slots[1]");
        Slot movedTo = new Slot(
                first, signup, morning.plus(6, ChronoUnit.HOURS), morning.plus(9, ChronoUnit.HOURS), null, 2, 1);
        assertThat(json(refused).path("reason").asString())
                .contains(movedTo.describe(ZoneId.of("UTC")) + " overlaps another place held by its 1 confirmed"
                        + " volunteer")
                .contains("nothing was changed", "choose times clear of their other places", "add a new slot")
                .contains("GET /api/signups/" + signup + "/volunteers")
                .doesNotContain("Rita", "fb-");
        assertThat(signups.allSlots(signup)).isEqualTo(before);
        assertThat(json(owner.get("/api/signups/" + signup)).path("title").asString())
                .as("nothing of the edit was kept")
                .isEqualTo("Saturday sort");

        HttpResponse<String> clear = owner.put(
                "/api/signups/" + signup,
                body("Sunday sort", slot(second, 4, 6, 2) + "," + slot(first, 7, 9, 2), null));
        assertThat(clear.statusCode())
                .as("7–9 only touches her 5–7: " + clear.body())
                .isEqualTo(200);
        assertThat(signups.volunteersBySlot(signup))
                .extracting(SlotVolunteers::slotId, s -> s.volunteers().get(0).name())
                .containsExactly(tuple(second, "Sol"), tuple(first, "Rita"));
    }

    @Test
    void aSlotMovedOntoAnotherSlotOfTheSameSignupIsRefusedWhenSomeoneHoldsBoth() {
        Created created = twoSlotsTheFirstWith("Tess");
        long signup = created.signup();
        long first = created.first();
        long second = created.second();
        confirm(signup, second, "fb-Tess", "Tess");
        confirm(signup, second, "fb-Uma", "Uma");
        List<Slot> before = signups.allSlots(signup);

        HttpResponse<String> refused =
                owner.put("/api/signups/" + signup, body(slot(first, 0, 3, 2) + "," + slot(second, 2, 5, 2), null));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused).path("field").asString()).isEqualTo("slots[1]");
        assertThat(json(refused).path("reason").asString()).contains("held by 1 of its 2 confirmed volunteers");
        assertThat(signups.allSlots(signup)).isEqualTo(before);

        HttpResponse<String> swapped =
                owner.put("/api/signups/" + signup, body(slot(first, 4, 6, 2) + "," + slot(second, 0, 3, 2), null));
        assertThat(swapped.statusCode())
                .as("trading times leaves her two places apart: " + swapped.body())
                .isEqualTo(200);
    }

    @Test
    void slotsWithoutIdsAreMatchedByTheirTimesAndForeignIdsAreRefused() {
        JsonNode created = json(owner.post("/api/signups", body(slot(null, 0, 3, 2), null)));
        long signup = created.path("id").asLong();
        long first = created.path("slots").get(0).path("id").asLong();
        confirm(signup, first, "fb-ana", "Ana");
        long other = json(owner.post("/api/signups", body(slot(null, 0, 3, 2), null)))
                .path("slots")
                .get(0)
                .path("id")
                .asLong();

        HttpResponse<String> sameTimes =
                owner.put("/api/signups/" + signup, body(slot(null, 0, 3, 5) + "," + slot(null, 5, 7, 1), null));
        assertThat(sameTimes.statusCode()).as(sameTimes.body()).isEqualTo(200);
        assertThat(signups.allSlots(signup)).first().satisfies(slot -> {
            assertThat(slot.id()).isEqualTo(first);
            assertThat(slot.required()).isEqualTo(5);
            assertThat(slot.confirmed()).isEqualTo(1);
        });

        HttpResponse<String> foreign = owner.put("/api/signups/" + signup, body(slot(other, 0, 3, 2), null));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(json(foreign).path("field").asString()).isEqualTo("slots[0].id");
        HttpResponse<String> twice =
                owner.put("/api/signups/" + signup, body(slot(null, 0, 3, 2) + "," + slot(null, 0, 3, 4), null));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(signups.allSlots(signup)).hasSize(2);
    }

    @Test
    void aMistypedYearIsRefusedWithItsFieldAndNothingIsStored() {
        long signup = json(owner.post("/api/signups", body("Saturday sort", slot(null, 0, 3, 2), null)))
                .path("id")
                .asLong();
        String farOff =
                "{\"startsAt\":\"+999999-01-01T09:00:00Z\",\"endsAt\":\"+999999-01-01T10:00:00Z\",\"required\":1}";
        String nextDecade = "{\"startsAt\":\"" + morning.plus(3650, ChronoUnit.DAYS) + "\",\"endsAt\":\""
                + morning.plus(3650, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS) + "\",\"required\":1}";
        List<Slot> before = signups.allSlots(signup);

        HttpResponse<String> created = owner.post("/api/signups", body("Year", farOff, null));
        HttpResponse<String> edited =
                owner.put("/api/signups/" + signup, body(slot(null, 0, 3, 2) + "," + nextDecade, null));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
        assertThat(json(created).path("field").asString()).isEqualTo("slots[0].startsAt");
        assertThat(json(created).path("reason").asString()).contains("more than 5 years ahead", "check the year");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(400);
        assertThat(json(edited).path("field").asString()).isEqualTo("slots[1].startsAt");
        assertThat(signups.allSlots(signup)).isEqualTo(before);
        assertThat(signups.latestActive(org)).contains(signup);
    }

    @Test
    void peopleWritingWithoutAPostAreOfferedTheNewestSignupThatStillHasDatesComing() {
        long upcoming = json(owner.post("/api/signups", body("Upcoming", slot(null, 0, 3, 2), null)))
                .path("id")
                .asLong();
        Instant past = Instant.parse("2020-12-01T09:00:00Z");
        String pastSlot =
                "{\"startsAt\":\"" + past + "\",\"endsAt\":\"" + past.plus(3, ChronoUnit.HOURS) + "\",\"required\":2}";
        HttpResponse<String> refused = owner.post("/api/signups", body("Over", pastSlot, null));
        assertThat(refused.statusCode()).as("a new event's dates are to come").isEqualTo(400);
        assertThat(json(refused).path("field").asString()).isEqualTo("slots[0].startsAt");
        // an event whose dates have passed: created when they were still to come, then edited
        long over = json(owner.post("/api/signups", body("Over", slot(null, 0, 3, 2), null)))
                .path("id")
                .asLong();
        assertThat(owner.put("/api/signups/" + over, body("Over", pastSlot, null))
                        .statusCode())
                .isEqualTo(200);

        assertThat(over).isGreaterThan(upcoming);
        assertThat(signups.latestActive(org)).contains(upcoming);
    }

    @Test
    void anAdminGivesUpAVolunteersPlaceAndItIsFreeForSomeoneElseAtOnce() {
        JsonNode created =
                json(owner.post("/api/signups", body(slot(null, 0, 3, 1) + "," + slot(null, 4, 6, 1), null)));
        long signup = created.path("id").asLong();
        long slot = created.path("slots").get(0).path("id").asLong();
        long otherSlot = created.path("slots").get(1).path("id").asLong();
        confirm(signup, slot, "fb-Wen", "Wen");
        confirm(signup, otherSlot, "fb-Wen", "Wen");
        long xia = signups.volunteer(org, "fb-Xia", "Xia");
        assertThat(signups.assign(signup, slot, xia, "messenger").outcome()).isEqualTo(SignupStore.Assignment.FULL);
        long wen = signups.volunteersBySlot(signup).get(0).volunteers().get(0).volunteerId();
        String place = "/api/signups/" + signup + "/slots/" + slot + "/volunteers/" + wen;

        fixture.admin(org, "viewer@edit.example", "viewer-password", "viewer");
        assertThat(ApiClient.basic(port, "viewer@edit.example", "viewer-password")
                        .delete(place)
                        .statusCode())
                .as("a viewer changes nothing")
                .isEqualTo(403);
        long elsewhere = fixture.organisation("Hillside");
        fixture.admin(elsewhere, "owner@hillside.example", "hillside-password", "owner");
        assertThat(ApiClient.basic(port, "owner@hillside.example", "hillside-password")
                        .delete(place)
                        .statusCode())
                .as("another organisation's signup is not found")
                .isEqualTo(404);
        assertThat(signups.find(org, signup).orElseThrow().slots().get(0).confirmed())
                .isEqualTo(1);

        HttpResponse<String> removed = owner.delete(place);

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertThat(signups.volunteersBySlot(signup))
                .as("only that place: the other slot keeps them")
                .extracting(SlotVolunteers::slotId, s -> s.volunteers().size())
                .containsExactly(tuple(slot, 0), tuple(otherSlot, 1));
        assertThat(signups.assign(signup, slot, xia, "messenger").outcome())
                .isEqualTo(SignupStore.Assignment.CONFIRMED);
        HttpResponse<String> again = owner.delete(place);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json(again).path("reason").asString()).contains("place of that volunteer");
        assertThat(owner.delete("/api/signups/" + signup + "/slots/" + otherSlot + "/volunteers/" + xia)
                        .statusCode())
                .as("Xia holds no place in the other slot")
                .isEqualTo(404);
    }

    @Test
    void aPlaceHeldUnderAMergedIdIsGivenUpUnderEitherId() {
        JsonNode created = json(owner.post("/api/signups", body(slot(null, 0, 3, 2), null)));
        long signup = created.path("id").asLong();
        long slot = created.path("slots").get(0).path("id").asLong();
        long comment = signups.volunteer(org, "fb-comment-Yan", "Yan");
        long messenger = signups.volunteer(org, "psid-Yan", "Yan");
        signups.assign(signup, slot, messenger, "messenger");
        assertThat(owner.post("/api/volunteers/" + comment + "/merge", "{\"duplicateId\":" + messenger + "}")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> removed =
                owner.delete("/api/signups/" + signup + "/slots/" + slot + "/volunteers/" + comment);

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertThat(signups.volunteersBySlot(signup).get(0).volunteers()).isEmpty();
    }

    @Test
    void mergingTwoIdsThatEachHoldAPlaceInTheSameSlotLeavesOnePlaceTakenFirst() {
        JsonNode created =
                json(owner.post("/api/signups", body(slot(null, 0, 3, 2) + "," + slot(null, 4, 6, 2), null)));
        long signup = created.path("id").asLong();
        long slot = created.path("slots").get(0).path("id").asLong();
        long otherSlot = created.path("slots").get(1).path("id").asLong();
        long comment = signups.volunteer(org, "fb-comment-Zoe", "Zoe");
        long messenger = signups.volunteer(org, "psid-Zoe", "Zoe");
        signups.assign(signup, slot, comment, "messenger");
        signups.assign(signup, slot, messenger, "messenger");
        signups.assign(signup, otherSlot, messenger, "messenger");
        assertThat(signups.find(org, signup).orElseThrow().slots().get(0).confirmed())
                .isEqualTo(2);

        HttpResponse<String> merged =
                owner.post("/api/volunteers/" + messenger + "/merge", "{\"duplicateId\":" + comment + "}");

        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(signups.volunteersBySlot(signup))
                .as("one place in the slot both held, the first one taken; the other slot untouched")
                .extracting(
                        SlotVolunteers::slotId,
                        s -> s.volunteers().stream()
                                .map(SlotVolunteers.Confirmed::volunteerId)
                                .toList())
                .containsExactly(tuple(slot, List.of(comment)), tuple(otherSlot, List.of(messenger)));
        assertThat(json(merged).path("signups").size()).isEqualTo(2);
        assertThat(signups.find(org, signup).orElseThrow().slots().get(0).confirmed())
                .isEqualTo(1);
    }

    @Test
    void theRosterListsEveryPlaceWithWhoHoldsItAndTheEmailTheyVerified() {
        Created created = twoSlotsTheFirstWith("Rita");
        long comment = signups.volunteer(org, "fb-comment-Sol", "=Sol");
        long messenger = signups.volunteer(org, "psid-Sol", null);
        signups.verifiedEmail(messenger, "sol@example.org");
        signups.assign(created.signup(), created.second(), messenger, "messenger");
        assertThat(owner.post("/api/volunteers/" + comment + "/merge", "{\"duplicateId\":" + messenger + "}")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> csv = owner.get("/api/signups/" + created.signup() + "/volunteers.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .isEqualTo("slot_starts_at,slot_ends_at,slot_label,volunteer_id,name,email,confirmed_at,source");
        assertThat(lines.get(1))
                .startsWith(morning + "," + morning.plus(3, ChronoUnit.HOURS) + ",,")
                .contains(",Rita,,")
                .endsWith(",messenger");
        assertThat(lines.get(2))
                .as("under the volunteer the ids are merged into, the name safe from spreadsheets, the e-mail verified")
                .startsWith(morning.plus(4, ChronoUnit.HOURS) + "," + morning.plus(6, ChronoUnit.HOURS) + ",," + comment
                        + ",'=Sol,sol@example.org,");
        long elsewhere = fixture.organisation("Hillside");
        fixture.admin(elsewhere, "owner@roster.example", "hillside-password", "owner");
        assertThat(ApiClient.basic(port, "owner@roster.example", "hillside-password")
                        .get("/api/signups/" + created.signup() + "/volunteers.csv")
                        .statusCode())
                .isEqualTo(404);
    }

    /** A signup's id and its two slots' ids. */
    record Created(long signup, long first, long second) {}

    /** A signup with two slots, someone confirmed in the first. */
    private Created twoSlotsTheFirstWith(String name) {
        JsonNode created =
                json(owner.post("/api/signups", body(slot(null, 0, 3, 2) + "," + slot(null, 4, 6, 2), null)));
        Created ids = new Created(
                created.path("id").asLong(),
                created.path("slots").get(0).path("id").asLong(),
                created.path("slots").get(1).path("id").asLong());
        confirm(ids.signup(), ids.first(), "fb-" + name, name);
        return ids;
    }

    private void confirm(long signup, long slot, String facebookUserId, String name) {
        long volunteer = signups.volunteer(org, facebookUserId, name);
        signups.assign(signup, slot, volunteer, "messenger");
    }

    private String slot(Long id, int fromHour, int toHour, int required) {
        return "{" + (id == null ? "" : "\"id\":" + id + ",") + "\"startsAt\":\""
                + morning.plus(fromHour, ChronoUnit.HOURS) + "\",\"endsAt\":\""
                + morning.plus(toHour, ChronoUnit.HOURS) + "\",\"required\":" + required + "}";
    }

    private static String body(String slots, Boolean removeConfirmed) {
        return body("Saturday sort", slots, removeConfirmed);
    }

    private static String body(String title, String slots, Boolean removeConfirmed) {
        return "{\"title\":\"" + title + "\",\"slots\":[" + slots + "]"
                + (removeConfirmed == null ? "" : ",\"removeConfirmedVolunteers\":" + removeConfirmed) + "}";
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }
}
