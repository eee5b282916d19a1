package org.voluntree.app.analytics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voluntree.app.api.TimeRange;

/**
 * The SQL of the analytics series: one grouped query over the range, buckets aligned to the
 * epoch (UTC), empty buckets filled in so the chart shows quiet times as quiet.
 */
@Repository
class AnalyticsQueries {

    /**
     * One bucket. Averages are null when the bucket has no classified message. Sentiment is the
     * mean probability of {@code positive}; offense the mean probability of hate or offensive
     * language (one minus {@code neither}); the interest rate is interests per message.
     */
    record Bucket(
            Instant start,
            long messages,
            Double averageSentiment,
            Double averageOffense,
            long interests,
            Double interestRate) {}

    private final JdbcTemplate jdbc;

    AnalyticsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param neitherIndex 1-based position of {@code neither} in the offense scores, or 0 when unknown */
    List<Bucket> series(long organisationId, TimeRange range, Duration bucket, int neitherIndex) {
        long seconds = bucket.toSeconds();
        Map<Long, Bucket> found = new HashMap<>();
        jdbc.query(
                """
                select floor(extract(epoch from m.created_at) / ?)::bigint as slot,
                       count(*) as messages,
                       avg(case when s.label = 'positive' then s.score when s.label is not null then 1 - s.score end),
                       avg(case when ? > 0 then 1 - o.scores[?] end),
                       count(i.id) as interests
                  from messages m
                  left join classifications s on s.message_id = m.id and s.analyzer = 'sentiment' and not m.dialog_answer
                  left join classifications o on o.message_id = m.id and o.analyzer = 'offense'
                  left join interests i on i.message_id = m.id
                 where m.organisation_id = ? and m.created_at >= ? and m.created_at < ?
                 group by slot
                """,
                rs -> {
                    long slot = rs.getLong(1);
                    long messages = rs.getLong(2);
                    double sentiment = rs.getDouble(3);
                    Double averageSentiment = rs.wasNull() ? null : sentiment;
                    double offense = rs.getDouble(4);
                    Double averageOffense = rs.wasNull() ? null : offense;
                    long interests = rs.getLong(5);
                    found.put(
                            slot,
                            new Bucket(
                                    Instant.ofEpochSecond(slot * seconds),
                                    messages,
                                    averageSentiment,
                                    averageOffense,
                                    interests,
                                    messages == 0 ? null : (double) interests / messages));
                },
                (double) seconds,
                neitherIndex,
                Math.max(neitherIndex, 1),
                organisationId,
                Timestamp.from(range.from()),
                Timestamp.from(range.to()));
        List<Bucket> series = new ArrayList<>();
        long first = Math.floorDiv(range.from().getEpochSecond(), seconds);
        long last = Math.floorDiv(range.to().minusNanos(1).getEpochSecond(), seconds);
        for (long slot = first; slot <= last; slot++) {
            series.add(found.getOrDefault(
                    slot, new Bucket(Instant.ofEpochSecond(slot * seconds), 0, null, null, 0, null)));
        }
        return series;
    }
}
