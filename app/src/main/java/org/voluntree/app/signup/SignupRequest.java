package org.voluntree.app.signup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A signup as an admin creates or edits it. On an edit, {@code removeConfirmedVolunteers} must be true
 * for the edit to remove a slot that has confirmed volunteers (they lose their place).
 */
public record SignupRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 5000) String description,
        Map<@NotBlank @Size(max = 60) String, @NotBlank @Size(max = 1000) String> facts,
        @Pattern(regexp = "active|disabled") String state,
        @NotEmpty @Size(max = 200) List<@Valid SlotRequest> slots,
        Boolean removeConfirmedVolunteers) {

    boolean removesConfirmedVolunteers() {
        return Boolean.TRUE.equals(removeConfirmedVolunteers);
    }

    /**
     * One date x time slot and how many volunteers it needs; on an edit, {@code id} names the existing
     * slot it changes (its volunteers stay), none for a new slot.
     */
    public record SlotRequest(
            Long id,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @Size(max = 100) String label,
            @Min(1) @Max(10_000) int required) {}
}
