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
 */
public record MessageToAnswer(
        long organisationId, long messageId, InboundEvent event, Map<String, Verdict> classifications) {

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

    /** The label of an analyzer, or null when it did not classify the message. */
    public String label(String analyzer) {
        Verdict verdict = classifications.get(analyzer);
        return verdict == null ? null : verdict.label();
    }
}
