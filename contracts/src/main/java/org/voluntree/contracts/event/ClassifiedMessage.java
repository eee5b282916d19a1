package org.voluntree.contracts.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An entry of {@code s:classified}: the event plus every analyzer's verdict.
 *
 * <p>Stream fields: {@code event} (JSON), and per analyzer {@code v:<analyzer>} (model
 * version), {@code l:<analyzer>} (winning label) and {@code p:<analyzer>} (float32
 * little-endian scores in the manifest's label order). The RedisGears script writes the same.
 */
public record ClassifiedMessage(InboundEvent event, Map<String, Classification> classifications) {

    /** One analyzer's verdict on one message. */
    public record Classification(int version, String label, float[] scores) {

        /** The score of the winning label. */
        public float score() {
            float best = 0f;
            for (float s : scores) {
                best = Math.max(best, s);
            }
            return best;
        }
    }

    static final String LABEL_PREFIX = "l:";
    static final String SCORES_PREFIX = "p:";

    public ClassifiedMessage {
        Objects.requireNonNull(event, "event");
        classifications = Map.copyOf(classifications);
    }

    public Map<String, byte[]> toFields() {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        fields.put(FeaturisedMessage.EVENT, Json.write(event));
        classifications.forEach((analyzer, c) -> {
            fields.put(
                    FeaturisedMessage.VERSION_PREFIX + analyzer,
                    FeaturisedMessage.bytes(Integer.toString(c.version())));
            fields.put(LABEL_PREFIX + analyzer, FeaturisedMessage.bytes(c.label()));
            fields.put(SCORES_PREFIX + analyzer, BinaryArrays.packFloats(c.scores()));
        });
        return fields;
    }

    public static ClassifiedMessage fromFields(Map<String, byte[]> fields) {
        InboundEvent event = StreamFields.event(fields);
        Map<String, Classification> classifications = new LinkedHashMap<>();
        for (String analyzer : StreamFields.analyzers(fields)) {
            int version = StreamFields.version(fields, analyzer);
            String label = StreamFields.text(fields, LABEL_PREFIX + analyzer);
            byte[] scores = StreamFields.required(fields, SCORES_PREFIX + analyzer);
            try {
                classifications.put(analyzer, new Classification(version, label, BinaryArrays.unpackFloats(scores)));
            } catch (IllegalArgumentException e) {
                throw MalformedRecordException.because("scores of " + analyzer + ": " + e.getMessage());
            }
        }
        return new ClassifiedMessage(event, classifications);
    }
}
