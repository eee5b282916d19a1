package org.voluntree.app.reply;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.voluntree.contracts.event.InboundEvent;

/**
 * A job of {@code q:reply}: a message the writer stored, with its verdicts. The writer may enqueue
 * the same message twice (a replayed batch): handlers make their effects exactly once.
 *
 * @param organisationId the organisation whose page received it
 * @param messageId the row id in {@code messages}
 * @param event the message as the webhook accepted it
 * @param classifications per analyzer, the label and score
 * @param notice null for the message itself; else what the bot has to tell the person later about
 *     this message, answered as a reply of its own ({@link #replyTarget}): {@code pin_undelivered}, the
 *     PIN e-mail asked for in it was given up on (queued by the mail worker)
 */
public record MessageToAnswer(
        long organisationId,
        long messageId,
        InboundEvent event,
        Map<String, Verdict> classifications,
        @JsonInclude(JsonInclude.Include.NON_NULL) String notice) {

    /** The job of a message the writer stored. */
    public MessageToAnswer(
            long organisationId, long messageId, InboundEvent event, Map<String, Verdict> classifications) {
        this(organisationId, messageId, event, classifications, null);
    }

    /**
     * One analyzer's verdict; for sentiment, {@code shown} is how the dashboard shows it (SQL
     * {@code sentiment_shown}; null in jobs queued before it was carried).
     */
    public record Verdict(
            String label,
            float score,
            int version,
            @JsonInclude(JsonInclude.Include.NON_NULL) String shown) {}

    /** Whether the dashboard shows the message as negative: confidently so, not a guess. */
    public boolean readsNegative() {
        Verdict sentiment = classifications.get("sentiment");
        return sentiment != null && "negative".equals(sentiment.shown());
    }

    public MessageToAnswer {
        classifications = classifications == null ? Map.of() : Map.copyOf(classifications);
    }

    /** A job telling the person {@code notice} about this message later, its verdicts left out. */
    public MessageToAnswer withNotice(String notice) {
        return new MessageToAnswer(organisationId, messageId, event, Map.of(), notice);
    }

    /**
     * What the reply to this job is recorded under in {@code replies}, once: the comment or message id,
     * and for a notice, {@code <id>#<notice>}, a reply of its own beside the one the message got.
     */
    public String replyTarget() {
        return notice == null ? event.externalId() : event.externalId() + "#" + notice;
    }

    /** The label of an analyzer, or null when it did not classify the message. */
    public String label(String analyzer) {
        Verdict verdict = classifications.get(analyzer);
        return verdict == null ? null : verdict.label();
    }
}
