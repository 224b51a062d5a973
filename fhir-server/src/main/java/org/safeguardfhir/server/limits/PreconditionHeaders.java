package org.safeguardfhir.server.limits;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The conditional headers FHIR defines, checked for their syntax so that a malformed one is a 400 naming it rather
 * than an exception inside HAPI: {@code If-Match} and {@code If-None-Match} carry one version ETag
 * ({@code W/"3"}; {@code *} for If-None-Match too), {@code If-Modified-Since} an HTTP date.
 */
final class PreconditionHeaders {

    static final Pattern VERSION_ETAG = Pattern.compile("(W/)?\"\\d{1,18}\"");

    private PreconditionHeaders() {}

    static Optional<String> problem(HttpServletRequest request) {
        for (String value : Collections.list(request.getHeaders("If-Match"))) {
            if (!VERSION_ETAG.matcher(value.trim()).matches()) {
                return Optional.of("If-Match must be one version ETag such as W/\"3\"");
            }
        }
        for (String value : Collections.list(request.getHeaders("If-None-Match"))) {
            if (!value.trim().equals("*") && !VERSION_ETAG.matcher(value.trim()).matches()) {
                return Optional.of("If-None-Match must be * or one version ETag such as W/\"3\"");
            }
        }
        for (String value : Collections.list(request.getHeaders("If-Modified-Since"))) {
            try {
                ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            } catch (DateTimeParseException e) {
                return Optional.of("If-Modified-Since must be an HTTP date such as Tue, 01 Dec 2026 10:00:00 GMT");
            }
        }
        return Optional.empty();
    }
}
