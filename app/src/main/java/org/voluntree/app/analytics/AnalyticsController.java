package org.voluntree.app.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.api.InvalidFieldException;
import org.voluntree.app.api.TimeRange;
import org.voluntree.app.dashboard.ActiveModels;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/** {@code GET /api/analytics}: the organisation's messages per time bucket (default: 10 minutes over the last 24 hours). */
@RestController
@ConditionalOnRole(Role.WEB)
@Tag(name = "Analytics")
class AnalyticsController {

    /** The series and how it was cut. */
    record Series(Instant from, Instant to, Duration bucket, List<AnalyticsQueries.Bucket> buckets) {}

    static final Duration DEFAULT_SPAN = Duration.ofHours(24);
    static final Duration LONGEST = Duration.ofDays(366);
    static final Duration SMALLEST_BUCKET = Duration.ofMinutes(1);
    static final Duration LARGEST_BUCKET = Duration.ofDays(31);
    static final int MOST_BUCKETS = 2_000;

    private final AnalyticsQueries queries;
    private final ActiveModels models;
    private final Clock clock = Clock.systemUTC();

    AnalyticsController(AnalyticsQueries queries, ActiveModels models) {
        this.queries = queries;
        this.models = models;
    }

    @GetMapping("/api/analytics")
    @Operation(
            summary = "Message volume, average sentiment, average offense score and interest rate per bucket",
            description = "from and to are ISO-8601 instants; bucket is a duration such as 10m, 1h or PT30M.")
    Series series(
            @AuthenticationPrincipal AdminAccount admin,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "10m") String bucket) {
        Duration size = parse(bucket);
        if (size.compareTo(SMALLEST_BUCKET) < 0 || size.compareTo(LARGEST_BUCKET) > 0) {
            throw InvalidFieldException.of("bucket", "must be between 1 minute and 31 days");
        }
        TimeRange range = TimeRange.of(from, to, clock.instant(), DEFAULT_SPAN, LONGEST);
        if (range.length().dividedBy(size) > MOST_BUCKETS) {
            throw InvalidFieldException.of(
                    "bucket",
                    "makes more than " + MOST_BUCKETS
                            + " buckets over this range; choose a larger bucket or a shorter range");
        }
        int neither = models.labels("offense")
                .map(labels -> labels.indexOf("neither") + 1)
                .orElse(0);
        return new Series(range.from(), range.to(), size, queries.series(admin.organisationId(), range, size, neither));
    }

    private static Duration parse(String bucket) {
        try {
            return DurationStyle.detectAndParse(bucket.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidFieldException.of("bucket", "'" + bucket + "' is not a duration such as 10m, 1h or PT30M");
        }
    }
}
