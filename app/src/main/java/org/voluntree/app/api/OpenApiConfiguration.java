package org.voluntree.app.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The API's OpenAPI description, served at {@code /docs/openapi.json} with its UI at {@code /docs}. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Voluntree API",
                        version = "1",
                        description =
                                "Every call is limited to the caller's organisation. Get a token with POST /api/auth/tokens,"
                                        + " then send Authorization: Bearer TOKEN. Errors are {error, field?, reason}:"
                                        + " 400 bad input (field names the culprit), 401 no or bad credentials, 403 a viewer writing,"
                                        + " 404 not in your organisation (or no such path), 429 too many failed logins (Retry-After)."
                                        + " Times are ISO-8601 instants with their zone, e.g. 2026-12-05T09:00:00Z."),
        security = @SecurityRequirement(name = "token"))
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer")
class OpenApiConfiguration {}
