package org.voluntree.app.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.voluntree.contracts.event.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A Graph call as the sandbox sees it, read the ways RestFB and other clients send one: parameters
 * from the query, a form body, a multipart body (with binary {@code source}) or a JSON body; the
 * access token as {@code access_token} or in {@code Authorization: Bearer|OAuth}; an optional
 * {@code vNN.N} version segment; {@code method=delete} on a POST as a DELETE.
 */
record GraphRequest(
        String method,
        String version,
        List<String> path,
        Map<String, String> params,
        Map<String, MultipartFile> files,
        String token,
        boolean tokenInQuery,
        String url) {

    static final String BASE = "/sandbox/graph";
    static final String DEFAULT_VERSION = "v24.0";
    /** Parameters that carry secrets: recorded only as fingerprints. */
    static final Set<String> SECRET_PARAMETERS =
            Set.of("access_token", "appsecret_proof", "input_token", "client_secret", "fb_exchange_token", "code");

    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");

    static GraphRequest from(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String rest = uri.length() > BASE.length() ? uri.substring(BASE.length()) : "";
        List<String> segments = new ArrayList<>(
                Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty()).toList());
        String version = DEFAULT_VERSION;
        if (!segments.isEmpty() && VERSION.matcher(segments.get(0)).matches()) {
            version = segments.remove(0);
        }
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, unquote(values[0])));
        if (isJson(request.getContentType())) {
            readJsonBody(request, params);
        }
        Map<String, MultipartFile> files = request instanceof MultipartHttpServletRequest multipart
                ? Map.copyOf(multipart.getFileMap())
                : Map.of();
        String token = params.get("access_token");
        boolean inQuery = token != null;
        if (token == null) {
            token = headerToken(request.getHeader("Authorization"));
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if ("POST".equals(method) && "delete".equalsIgnoreCase(params.get("method"))) {
            method = "DELETE";
        }
        return new GraphRequest(
                method,
                version,
                List.copyOf(segments),
                params,
                files,
                token,
                inQuery,
                request.getRequestURL().toString());
    }

    String param(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    String required(String name) {
        String value = param(name);
        if (value == null) {
            throw GraphApiException.missingParameter(name);
        }
        return value;
    }

    /** The path after the version, as Facebook writes it: {@code /{id}/{edge}}. */
    String pathText() {
        return "/" + String.join("/", path);
    }

    /** The parameters as recorded: secrets replaced by their fingerprints, uploads by their size. */
    Map<String, String> recordedParams() {
        Map<String, String> recorded = new LinkedHashMap<>();
        params.forEach((name, value) ->
                recorded.put(name, SECRET_PARAMETERS.contains(name) ? AccessTokens.fingerprint(value) : value));
        files.forEach(
                (name, file) -> recorded.put(name, "<" + file.getSize() + " bytes " + file.getContentType() + ">"));
        return recorded;
    }

    private static String headerToken(String header) {
        if (header == null) {
            return null;
        }
        for (String scheme : List.of("Bearer ", "OAuth ")) {
            if (header.regionMatches(true, 0, scheme, 0, scheme.length())) {
                String token = header.substring(scheme.length()).strip();
                return token.isEmpty() ? null : token;
            }
        }
        return null;
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null
                    && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void readJsonBody(HttpServletRequest request, Map<String, String> params) {
        JsonNode body;
        try {
            byte[] bytes = request.getInputStream().readAllBytes();
            if (bytes.length == 0) {
                return;
            }
            body = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw GraphApiException.invalidParameter("The request body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw GraphApiException.invalidParameter("The request body must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            JsonNode value = field.getValue();
            params.putIfAbsent(field.getKey(), value.isString() ? value.asString() : value.toString());
        }
    }

    /** RestFB serialises some values (enums, strings) as JSON strings: {@code "RESPONSE"} means RESPONSE. */
    private static String unquote(String value) {
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            try {
                JsonNode node = Json.MAPPER.readTree(value);
                if (node.isString()) {
                    return node.asString();
                }
            } catch (JacksonException e) {
                return value;
            }
        }
        return value;
    }
}
