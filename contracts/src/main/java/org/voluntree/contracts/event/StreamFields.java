package org.voluntree.contracts.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared field reading for the stream records. */
final class StreamFields {

    private StreamFields() {}

    static InboundEvent event(Map<String, byte[]> fields) {
        byte[] json = required(fields, FeaturisedMessage.EVENT);
        try {
            return Json.read(json, InboundEvent.class);
        } catch (RuntimeException e) {
            throw MalformedRecordException.because("event is not a valid event record: " + e.getMessage());
        }
    }

    static List<String> analyzers(Map<String, byte[]> fields) {
        List<String> analyzers = new ArrayList<>();
        for (String name : fields.keySet()) {
            if (name.startsWith(FeaturisedMessage.VERSION_PREFIX)) {
                analyzers.add(name.substring(FeaturisedMessage.VERSION_PREFIX.length()));
            }
        }
        analyzers.sort(null);
        return analyzers;
    }

    static int version(Map<String, byte[]> fields, String analyzer) {
        String text = text(fields, FeaturisedMessage.VERSION_PREFIX + analyzer);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw MalformedRecordException.because("version of " + analyzer + " is not a number");
        }
    }

    static String text(Map<String, byte[]> fields, String name) {
        return new String(required(fields, name), StandardCharsets.UTF_8);
    }

    static byte[] required(Map<String, byte[]> fields, String name) {
        byte[] value = fields.get(name);
        if (value == null) {
            throw MalformedRecordException.because("field '" + name + "' is missing");
        }
        return value;
    }
}
