package org.voluntree.app.api;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * A path variable holding U+0000 ({@code /api/signups/%00}) is a 400 naming the variable, in the API's
 * error shape. Such a request never reaches a filter or a controller: Tomcat refuses a NUL anywhere in a
 * path before it maps the request, and would answer with its own HTML page. A valve first in Tomcat's
 * engine answers instead, finding the variable from the controllers' own path patterns; a path under
 * {@code /api/} that is none of the API's gets the same shape without a variable, and other paths keep
 * Tomcat's answer. (Query parameters are checked in {@link NulInParameters}, bodies in
 * {@link RequestBodyJson}.)
 */
@Component
class NulInPath implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    static final String NO_API_PATH =
            "the path contains a NUL character (%00), which no API path holds; remove it (/docs lists the API's paths)";

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    NulInPath(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addEngineValves(new Valve());
    }

    /**
     * The variable that holds a NUL in the path of the controller method this request is for, or null
     * when no controller's pattern matches it (the most specific pattern wins, as in Spring MVC).
     */
    String variableHoldingNul(String method, String rawPath) {
        PathContainer path = PathContainer.parsePath(rawPath);
        List<Map.Entry<PathPattern, Map<String, String>>> matches = new ArrayList<>();
        mappings.orderedStream().forEach(mapping -> {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                if (info.getPathPatternsCondition() == null || !allows(info, method)) {
                    continue;
                }
                for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                    PathPattern.PathMatchInfo match = pattern.matchAndExtract(path);
                    if (match != null) {
                        matches.add(Map.entry(pattern, match.getUriVariables()));
                    }
                }
            }
        });
        return matches.stream()
                .sorted(Map.Entry.comparingByKey())
                .flatMap(match -> match.getValue().entrySet().stream())
                .filter(variable -> variable.getValue().indexOf(0) >= 0)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private static boolean allows(RequestMappingInfo info, String method) {
        var methods = info.getMethodsCondition().getMethods();
        // Spring MVC answers HEAD with the GET mapping
        String asked = method.equals("HEAD") ? "GET" : method;
        return methods.isEmpty() || methods.stream().map(RequestMethod::name).anyMatch(asked::equals);
    }

    /** Tomcat's side: sees every request first, and answers only those with a NUL in the path. */
    private final class Valve extends ValveBase {

        Valve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            // the path as it came, still percent-encoded; the query string is not part of it
            String rawPath = request.getRequestURI();
            if (rawPath == null || !rawPath.contains("%00")) {
                getNext().invoke(request, response);
                return;
            }
            String variable = variableHoldingNul(request.getMethod(), rawPath);
            if (variable == null && !rawPath.startsWith("/api/")) {
                getNext().invoke(request, response);
                return;
            }
            // Tomcat has marked the response as a 400 and suspended it: this answer replaces its page
            response.setSuspended(false);
            response.resetBuffer();
            ApiErrorBodies.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    variable,
                    variable == null ? NO_API_PATH : RequestBodyJson.NUL_REASON);
            response.setErrorReported();
        }
    }
}
