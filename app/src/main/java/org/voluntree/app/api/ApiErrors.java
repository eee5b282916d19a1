package org.voluntree.app.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.voluntree.app.facebook.GraphException;
import org.voluntree.app.page.PageConnectionException;
import org.voluntree.app.page.PageNotConnectedException;
import org.voluntree.contracts.model.ModelNotFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns the API's expected failures into {@code {"error": ..., "field": ..., "reason": ...}}
 * with a 4xx status; nothing is changed by a refused request. A resource of another
 * organisation is a 404, like one that does not exist.
 */
@RestControllerAdvice(basePackages = "org.voluntree.app")
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, String>> invalidBody(MethodArgumentNotValidException e) {
        FieldError field = e.getBindingResult().getFieldError();
        return badRequest(
                field == null ? null : field.getField(),
                field == null ? "request is not valid" : field.getDefaultMessage());
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, String>> invalidParameter(HandlerMethodValidationException e) {
        var result = e.getParameterValidationResults().isEmpty()
                ? null
                : e.getParameterValidationResults().get(0);
        String name = result == null ? null : result.getMethodParameter().getParameterName();
        String reason = result == null || result.getResolvableErrors().isEmpty()
                ? "parameter is not valid"
                : result.getResolvableErrors().get(0).getDefaultMessage();
        return badRequest(name, reason);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Map<String, String>> invalidField(InvalidFieldException e) {
        return badRequest(e.field(), e.getMessage());
    }

    /** A constraint on a parameter of a {@code @Validated} controller: the field is the parameter's name. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Map<String, String>> violated(ConstraintViolationException e) {
        ConstraintViolation<?> violation =
                e.getConstraintViolations().stream().findFirst().orElse(null);
        if (violation == null) {
            return badRequest(null, "request is not valid");
        }
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            field = node.getName();
        }
        return badRequest(field, violation.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> mistyped(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null
                ? "another type"
                : e.getRequiredType().getSimpleName();
        return badRequest(e.getName(), "'" + e.getValue() + "' is not a valid " + expected);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, String>> missing(MissingServletRequestParameterException e) {
        return badRequest(e.getParameterName(), "is required");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        String field = fieldOf(e);
        if (field == null) {
            return badRequest(null, "request body is not the JSON this endpoint expects");
        }
        return badRequest(field, reasonOf(e.getCause()));
    }

    /** What is wrong with a value the body's reader refused, and what to do about it. */
    private static String reasonOf(Throwable readerFailure) {
        if (readerFailure instanceof RefusedValueException refused) {
            return refused.reason();
        }
        if (readerFailure instanceof InvalidNullException) {
            return "is null; remove it, or give a value";
        }
        if (readerFailure instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            String given = readerFailure instanceof InvalidFormatException format && format.getValue() != null
                    ? "'" + format.getValue() + "' "
                    : "";
            Class<?> type = mismatched.getTargetType();
            if (type == Instant.class) {
                return given + "is not an ISO-8601 instant with its zone;"
                        + " write it like 2026-12-05T09:00:00Z (UTC) or 2026-12-05T10:00:00+01:00";
            }
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return given + "is not a whole number; write it without quotes, e.g. 2";
            }
            if (type == boolean.class || type == Boolean.class) {
                return given + "is not true or false; write one of them without quotes";
            }
        }
        return "is not a value of the type this field takes";
    }

    /** The JSON field a body failed on ("slots[0].required"), when the reader says. */
    private static String fieldOf(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof JacksonException jackson)
                || jackson.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : jackson.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(NotFoundException e) {
        return body(HttpStatus.NOT_FOUND, e.field(), e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Map<String, String>> forbidden(ForbiddenException e) {
        return body(HttpStatus.FORBIDDEN, null, e.getMessage());
    }

    @ExceptionHandler(UnauthorizedException.class)
    ResponseEntity<Map<String, String>> unauthorized(UnauthorizedException e) {
        return body(HttpStatus.UNAUTHORIZED, null, e.getMessage());
    }

    @ExceptionHandler(TooManyAttemptsException.class)
    ResponseEntity<Map<String, String>> tooMany(TooManyAttemptsException e) {
        log.warn("Refused a login: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(ApiErrorBodies.of(HttpStatus.TOO_MANY_REQUESTS, null, e.getMessage()));
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

    @ExceptionHandler(PageNotConnectedException.class)
    ResponseEntity<Map<String, String>> pageWithoutToken(PageNotConnectedException e) {
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
        return ResponseEntity.status(status).body(ApiErrorBodies.of(status, field, reason));
    }
}
