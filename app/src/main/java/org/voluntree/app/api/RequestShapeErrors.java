package org.voluntree.app.api;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Requests refused before any controller is chosen (a method the path does not take, a body that is
 * not JSON) get the API's error shape too. Not limited to the app's packages as {@link ApiErrors} is:
 * no controller has been chosen yet.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestShapeErrors {

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> wrongMethod(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(headers -> {
                    if (e.getSupportedHttpMethods() != null) {
                        headers.setAllow(e.getSupportedHttpMethods());
                    }
                })
                .body(ApiErrorBodies.of(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        null,
                        e.getMethod() + " is not supported here; use "
                                + String.join(
                                        " or ",
                                        e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods())));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> wrongMediaType(HttpMediaTypeNotSupportedException e) {
        return ApiErrors.body(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                null,
                "send the body as application/json (Content-Type: application/json)");
    }
}
