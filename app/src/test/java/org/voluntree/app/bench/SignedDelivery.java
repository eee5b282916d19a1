package org.voluntree.app.bench;

import java.util.ArrayList;
import java.util.List;
import org.voluntree.app.testing.FacebookPayloads;
import org.voluntree.app.testing.FacebookPayloads.Comment;
import org.voluntree.app.webhook.WebhookSignatureVerifier;

/** One webhook body, signed ahead of time so that the load generator spends no CPU on it while timing. */
record SignedDelivery(byte[] body, String signature, List<String> commentIds) {

    /** Splits the comments into deliveries of {@code entriesPerDelivery} entries (one change per entry). */
    static List<SignedDelivery> of(String pageId, List<Comment> comments, int entriesPerDelivery) {
        WebhookSignatureVerifier signer = new WebhookSignatureVerifier(AppProcess.APP_SECRET);
        List<SignedDelivery> deliveries = new ArrayList<>();
        for (int from = 0; from < comments.size(); from += entriesPerDelivery) {
            List<Comment> slice = comments.subList(from, Math.min(comments.size(), from + entriesPerDelivery));
            byte[] body = FacebookPayloads.commentsAsEntries(pageId, slice);
            deliveries.add(new SignedDelivery(
                    body,
                    signer.headerFor(body),
                    slice.stream().map(Comment::commentId).toList()));
        }
        return deliveries;
    }
}
