package org.voluntree.app.api;

import jakarta.servlet.RequestDispatcher;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * What Spring Boot's {@code /error} answers for a request under {@code /api/} that no controller
 * answered (an unknown path, a failure nothing translated): the API's error shape with a reason that
 * says what to do, instead of Boot's {@code {"timestamp","status",...}}. Other paths keep Boot's.
 */
@Component
class ApiErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST);
        if (!(uri instanceof String path) || !path.startsWith("/api/")) {
            return super.getErrorAttributes(request, options);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String method = request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod()
                : "";
        return new LinkedHashMap<>(ApiErrorBodies.of(status, null, reason(status, method, path)));
    }

    private static String reason(HttpStatus status, String method, String path) {
        return switch (status) {
            case NOT_FOUND -> "no such API path: " + method + " " + path + "; /docs lists the API's paths";
            case UNAUTHORIZED -> "log in, or send Authorization: Bearer <token>";
            case FORBIDDEN -> "your role may not do this";
            case INTERNAL_SERVER_ERROR ->
                "the server failed on this request and logged why; try again, and if it fails again,"
                        + " report it with the time";
            default -> status.getReasonPhrase() + "; /docs describes what " + path + " takes";
        };
    }
}
