package org.voluntree.app.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.voluntree.contracts.event.Json;

/**
 * The one shape of an API error, {@code {"error", "field"?, "reason"}}, for the controller advice
 * and for the security filters that answer before any controller runs.
 */
public final class ApiErrorBodies {

    private ApiErrorBodies() {}

    public static Map<String, String> of(HttpStatus status, String field, String reason) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", status.getReasonPhrase());
        if (field != null) {
            body.put("field", field);
        }
        body.put("reason", reason);
        return body;
    }

    /** Writes the error to a servlet response (for filters, entry points and access-denied handlers). */
    public static void write(HttpServletResponse response, HttpStatus status, String reason) throws IOException {
        write(response, status, null, reason);
    }

    /** Writes the error naming the field (or parameter) at fault, when there is one. */
    public static void write(HttpServletResponse response, HttpStatus status, String field, String reason)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(Json.write(of(status, field, reason)));
    }
}
