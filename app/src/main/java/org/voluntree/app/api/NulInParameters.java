package org.voluntree.app.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.voluntree.contracts.event.Json;

/**
 * The query parameters of an {@code /api} request ({@code ?text=…}, {@code ?q=…}) may not contain U+0000,
 * which PostgreSQL cannot take in a text: such a request is a 400 naming the parameter, before any
 * controller runs (request bodies are checked where they are read: {@link RequestBodyJson}; path variables,
 * which Tomcat refuses before any filter, in {@link NulInPath}).
 */
@Component
class NulInParameters extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        // a NUL arrives percent-encoded: most requests have none and are not parsed here
        if (query != null && query.contains("%00")) {
            for (Map.Entry<String, String[]> parameter :
                    request.getParameterMap().entrySet()) {
                for (String value : parameter.getValue()) {
                    if (parameter.getKey().indexOf(0) >= 0 || value.indexOf(0) >= 0) {
                        response.setStatus(HttpStatus.BAD_REQUEST.value());
                        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                        response.getOutputStream()
                                .write(Json.write(ApiErrorBodies.of(
                                        HttpStatus.BAD_REQUEST,
                                        parameter.getKey().replace('\u0000', '?'),
                                        RequestBodyJson.NUL_REASON)));
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }
}
