package org.voluntree.app.post;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A post as an admin composes it; {@code scheduledAt} empty means "when I press publish". */
public record PostRequest(
        @NotBlank String pageId,
        Long signupId,
        @NotBlank @Size(max = 10_000) String message,
        Boolean appendSchedule,

        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String photoUrl,

        Instant scheduledAt) {}
