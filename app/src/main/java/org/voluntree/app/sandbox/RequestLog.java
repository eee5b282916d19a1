package org.voluntree.app.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** The last requests the Graph API emulation received, oldest first, with secrets already fingerprinted. */
final class RequestLog {

    /**
     * One request as received.
     *
     * @param parameters query, form and JSON-body parameters; tokens, proofs, secrets and codes as fingerprints
     * @param token the fingerprint of the access token used (parameter or header), or null
     * @param errorCode Facebook's error code when the answer was an error
     */
    record RecordedRequest(
            long seq,
            Instant at,
            String method,
            String path,
            Map<String, String> parameters,
            String token,
            int status,
            Integer errorCode) {}

    private final int capacity;
    private final Deque<RecordedRequest> entries = new ArrayDeque<>();
    private long sequence;

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(
            Instant at,
            String method,
            String path,
            Map<String, String> parameters,
            String token,
            int status,
            Integer errorCode) {
        entries.addLast(
                new RecordedRequest(++sequence, at, method, path, Map.copyOf(parameters), token, status, errorCode));
        while (entries.size() > capacity) {
            entries.pollFirst();
        }
    }

    /** Requests whose path contains {@code pathPart} (all when null) and, when given, of that method. */
    synchronized List<RecordedRequest> find(String pathPart, String method) {
        return entries.stream()
                .filter(r -> pathPart == null || r.path().contains(pathPart))
                .filter(r -> method == null || r.method().equalsIgnoreCase(method))
                .toList();
    }

    synchronized void clear() {
        entries.clear();
    }
}
