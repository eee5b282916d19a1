package org.voluntree.app.reply;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@code signup_offers}: a person gets one private signup offer per signup post's signup
 * (or per post, when the post belongs to no signup). The offer is claimed under that unique key
 * before it is sent, so two comments answered at the same time by two reply workers offer once.
 */
@Repository
public class SignupOfferRecords {

    /** What claiming an offer for a comment found. */
    enum Claim {
        /** This comment may send the offer (a first offer, a retry of this comment's, or one taking over a lapsed one). */
        OFFER,
        /** An earlier offer is open (not answered, or accepted). */
        OPEN,
        /** The person declined the earlier offer too recently. */
        DECLINED
    }

    private final JdbcTemplate jdbc;

    SignupOfferRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the offer of {@code offeredFor} to the person for this comment. An earlier offer is taken
     * over when its private reply failed or was skipped, or when the person declined it at least
     * {@code declineHolds} ago.
     */
    Claim claim(
            long organisationId, String facebookUserId, String offeredFor, String commentId, Duration declineHolds) {
        List<String> inserted =
                jdbc.queryForList("""
                insert into signup_offers (organisation_id, facebook_user_id, offered_for, comment_id)
                values (?, ?, ?, ?)
                on conflict (organisation_id, facebook_user_id, offered_for) do nothing
                returning comment_id
                """, String.class, organisationId, facebookUserId, offeredFor, commentId);
        if (!inserted.isEmpty()) {
            return Claim.OFFER;
        }
        List<String> earlier = jdbc.queryForList("""
                select comment_id from signup_offers
                 where organisation_id = ? and facebook_user_id = ? and offered_for = ?
                """, String.class, organisationId, facebookUserId, offeredFor);
        if (earlier.contains(commentId)) {
            // a retry of this comment's job: the reply's own record keeps it from being sent twice
            return Claim.OFFER;
        }
        // conditional, so that of two comments taking over the same lapsed offer only one does
        List<String> taken =
                jdbc.queryForList("""
                update signup_offers o
                   set comment_id = ?, offered_at = now(), declined_at = null
                 where o.organisation_id = ? and o.facebook_user_id = ? and o.offered_for = ?
                   and (o.declined_at <= now() - make_interval(secs => ?)
                        or exists (select 1 from replies r
                                    where r.target_id = o.comment_id and r.kind = 'private'
                                      and r.status in ('failed', 'skipped')))
                returning comment_id
                """, String.class, commentId, organisationId, facebookUserId, offeredFor, (double)
                        declineHolds.toSeconds());
        if (!taken.isEmpty()) {
            return Claim.OFFER;
        }
        Boolean declined = jdbc.queryForList("""
                select declined_at is not null from signup_offers
                 where organisation_id = ? and facebook_user_id = ? and offered_for = ?
                """, Boolean.class, organisationId, facebookUserId, offeredFor).stream()
                .findFirst()
                .orElse(false);
        return declined ? Claim.DECLINED : Claim.OPEN;
    }

    /** The person said No to the offer sent in reply to this comment. */
    public void declined(long organisationId, String commentId) {
        jdbc.update("""
                update signup_offers set declined_at = now()
                 where organisation_id = ? and comment_id = ? and declined_at is null
                """, organisationId, commentId);
    }
}
