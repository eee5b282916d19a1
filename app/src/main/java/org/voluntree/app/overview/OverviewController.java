package org.voluntree.app.overview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.api.TimeRange;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/** {@code GET /api/overview}: the organisation's figures over a range (default: the last 7 days). */
@RestController
@ConditionalOnRole(Role.WEB)
@Tag(name = "Overview")
class OverviewController {

    /**
     * The overview's figures over the range (active signups: now), the latest interests and the
     * latest slot signups.
     */
    record Overview(
            Instant from,
            Instant to,
            long messages,
            long interests,
            long newVolunteers,
            long activeSignups,
            long postsPublished,
            long slotSignups,
            OverviewQueries.SentimentCounts sentiment,
            List<OverviewQueries.RecentInterest> recentInterests,
            List<OverviewQueries.RecentSignup> recentSignups) {}

    static final Duration DEFAULT_SPAN = Duration.ofDays(7);
    static final Duration LONGEST = Duration.ofDays(366);

    private final OverviewQueries queries;
    private final Clock clock = Clock.systemUTC();

    OverviewController(OverviewQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/overview")
    @Operation(
            summary =
                    "Messages, interests, new volunteers, published posts and slot signups in [from, to) (ISO-8601 instants), active signups, and the latest interests and slot signups")
    Overview overview(
            @AuthenticationPrincipal AdminAccount admin,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        TimeRange range = TimeRange.of(from, to, clock.instant(), DEFAULT_SPAN, LONGEST);
        long org = admin.organisationId();
        return new Overview(
                range.from(),
                range.to(),
                queries.messages(org, range),
                queries.interests(org, range),
                queries.newVolunteers(org, range),
                queries.activeSignups(org),
                queries.postsPublished(org, range),
                queries.slotSignups(org, range),
                queries.sentiment(org, range),
                queries.recentInterests(org, 20),
                queries.recentSignups(org, 20));
    }
}
