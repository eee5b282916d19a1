package org.voluntree.app.reply;

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

    /** One analyzer's verdict. */
    public record Verdict(String label, float score, int version) {}

    public MessageToAnswer {
        classifications = classifications == null ? Map.of() : Map.copyOf(classifications);
    }

    /** The label of an analyzer, or null when it did not classify the message. */
    public String label(String analyzer) {
        Verdict verdict = classifications.get(analyzer);
        return verdict == null ? null : verdict.label();
    }
}
