package org.voluntree.contracts.event;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An entry of {@code s:comments}: the event plus, per analyzer, the model version whose
 * featuriser produced the ids. The gear classifies it with exactly that version.
 *
 * <p>Stream fields: {@code event} (JSON), and per analyzer {@code v:<analyzer>} (version as
 * decimal text) and {@code f:<analyzer>} (int32 little-endian feature ids).
 */
public record FeaturisedMessage(InboundEvent event, Map<String, Features> features) {

    /** Feature ids for one analyzer, produced by the featuriser of {@code version}. */
    public record Features(int version, int[] ids) {}

    static final String EVENT = "event";
    static final String VERSION_PREFIX = "v:";
    static final String FEATURES_PREFIX = "f:";

    public FeaturisedMessage {
        Objects.requireNonNull(event, "event");
        features = Map.copyOf(features);
    }

    public Map<String, byte[]> toFields() {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        fields.put(EVENT, Json.write(event));
        features.forEach((analyzer, f) -> {
            fields.put(VERSION_PREFIX + analyzer, bytes(Integer.toString(f.version())));
            fields.put(FEATURES_PREFIX + analyzer, BinaryArrays.packInts(f.ids()));
        });
        return fields;
    }

    /** Reads a stream entry; throws {@link MalformedRecordException} when fields are missing or broken. */
    public static FeaturisedMessage fromFields(Map<String, byte[]> fields) {
        InboundEvent event = StreamFields.event(fields);
        Map<String, Features> features = new LinkedHashMap<>();
        for (String analyzer : StreamFields.analyzers(fields)) {
            int version = StreamFields.version(fields, analyzer);
            byte[] ids = StreamFields.required(fields, FEATURES_PREFIX + analyzer);
            try {
                features.put(analyzer, new Features(version, BinaryArrays.unpackInts(ids)));
            } catch (IllegalArgumentException e) {
                throw MalformedRecordException.because("features of " + analyzer + ": " + e.getMessage());
            }
        }
        return new FeaturisedMessage(event, features);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
