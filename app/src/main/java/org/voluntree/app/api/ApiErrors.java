package org.voluntree.app.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import org.voluntree.app.facebook.GraphException;
import org.voluntree.app.page.PageConnectionException;
import org.voluntree.app.signup.InvalidFieldException;
import org.voluntree.contracts.model.ModelNotFoundException;

/**
 * Turns the API's expected failures into {@code {"error": ..., "field": ..., "reason": ...}}
 * with a 4xx status; nothing is changed by a refused request.
 */
@RestControllerAdvice(basePackages = "org.voluntree.app")
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, String>> invalidBody(MethodArgumentNotValidException e) {
        FieldError field = e.getBindingResult().getFieldError();
        return badRequest(field == null ? null : field.getField(),
                field == null ? "request is not valid" : field.getDefaultMessage());
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, String>> invalidParameter(HandlerMethodValidationException e) {
        var result = e.getParameterValidationResults().isEmpty() ? null : e.getParameterValidationResults().get(0);
        String name = result == null ? null : result.getMethodParameter().getParameterName();
        String reason = result == null || result.getResolvableErrors().isEmpty() ? "parameter is not valid"
                : result.getResolvableErrors().get(0).getDefaultMessage();
        return badRequest(name, reason);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Map<String, String>> invalidField(InvalidFieldException e) {
        return badRequest(e.field(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return badRequest(null, "request body is not the JSON this endpoint expects");
    }

    @ExceptionHandler(ModelNotFoundException.class)
    ResponseEntity<Map<String, String>> noModel(ModelNotFoundException e) {
        log.warn("API request needed a model that is missing: {}", e.getMessage());
        return body(HttpStatus.CONFLICT, null, e.getMessage());
    }

    @ExceptionHandler(PageConnectionException.class)
    ResponseEntity<Map<String, String>> pageNotConnected(PageConnectionException e) {
        return body(HttpStatus.UNPROCESSABLE_CONTENT, null, e.getMessage());
    }

    @ExceptionHandler(GraphException.class)
    ResponseEntity<Map<String, String>> facebookFailed(GraphException e) {
        log.warn("A Graph API call for an API request failed: {}", e.getMessage());
        return body(HttpStatus.BAD_GATEWAY, null, e.getMessage());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, String>> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return body(status, null, e.getReason() == null ? status.getReasonPhrase() : e.getReason());
    }

    static ResponseEntity<Map<String, String>> badRequest(String field, String reason) {
        return body(HttpStatus.BAD_REQUEST, field, reason);
    }

    static ResponseEntity<Map<String, String>> body(HttpStatus status, String field, String reason) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", status.getReasonPhrase());
        if (field != null) {
            body.put("field", field);
        }
        body.put("reason", reason);
        return ResponseEntity.status(status).body(body);
    }
}
