package org.safeguardfhir.server.limits;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.safeguardfhir.server.errors.NamedProblem;

/**
 * The headers FHIR gives a meaning to, checked for their syntax so that a malformed one is a 4xx naming it rather than
 * an exception inside HAPI or a guess: {@code If-Match} and {@code If-None-Match} carry one version ETag
 * ({@code W/"3"}; {@code *} for If-None-Match too), and If-None-Match belongs to reads; one {@code Authorization};
 * a {@code Content-Type} whose charset, if named, is UTF-8 and whose FHIR version, if named, is R4.
 */
final class RequestHeaders {

    static final Pattern VERSION_ETAG = Pattern.compile("(W/)?\"\\d{1,18}\"");
    private static final int MAX_CONTENT_TYPE_LENGTH = 256;
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.\\-_~%]+|\\[[0-9A-Fa-f:.]+\\])(?::([0-9]{1,5}))?");
    private static final List<String> R4 = List.of("4.0", "4.0.0", "4.0.1");

    private RequestHeaders() {}

    static Optional<NamedProblem> problem(HttpServletRequest request) {
        for (String value : Collections.list(request.getHeaders("If-Match"))) {
            if (!VERSION_ETAG.matcher(value.trim()).matches()) {
                return bad("If-Match", "If-Match must be one version ETag such as W/\"3\"");
            }
        }
        List<String> ifNoneMatch = Collections.list(request.getHeaders("If-None-Match"));
        if (!ifNoneMatch.isEmpty() && !isRead(request)) {
            return bad(
                    "If-None-Match",
                    "If-None-Match is for reads; a conditional create uses If-None-Exist, an update If-Match");
        }
        for (String value : ifNoneMatch) {
            if (!value.trim().equals("*") && !VERSION_ETAG.matcher(value.trim()).matches()) {
                return bad("If-None-Match", "If-None-Match must be * or one version ETag such as W/\"3\"");
            }
        }
        if (Collections.list(request.getHeaders("Authorization")).size() > 1) {
            return bad("Authorization", "The request has more than one Authorization header");
        }
        return contentType(request.getHeader("Content-Type"));
    }

    /**
     * Whether an {@code If-Modified-Since} is no HTTP date, which RFC 9110 says a server ignores (and HAPI would fail
     * on).
     */
    static boolean ignorableIfModifiedSince(HttpServletRequest request) {
        String value = request.getHeader("If-Modified-Since");
        if (value == null) {
            return false;
        }
        try {
            ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return false;
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    private static Optional<NamedProblem> contentType(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > MAX_CONTENT_TYPE_LENGTH) {
            return bad("Content-Type", "Content-Type is longer than " + MAX_CONTENT_TYPE_LENGTH + " characters");
        }
        String[] parts = value.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String given = parameter.substring(equals + 1).trim().replace("\"", "");
            if (name.equals("charset") && !given.equalsIgnoreCase("UTF-8")) {
                return Optional.of(NamedProblem.http(
                        415,
                        "Content-Type",
                        "Content-Type names the charset " + ClientText.quote(given) + ": FHIR bodies are UTF-8"));
            }
            if (name.equals("fhirversion") && !R4.contains(given)) {
                return Optional.of(NamedProblem.http(
                        415,
                        "Content-Type",
                        "Content-Type names the FHIR version " + ClientText.quote(given)
                                + ": this server speaks FHIR R4 (4.0)"));
            }
        }
        return Optional.empty();
    }

    /** A Host header, where there is one, is a host name or address with at most a port in range. */
    static boolean validHost(String host) {
        if (host == null || host.isEmpty()) {
            return true;
        }
        var matcher = HOST.matcher(host.trim());
        if (!matcher.matches()) {
            return false;
        }
        String port = matcher.group(2);
        return port == null || port.length() <= 5 && Integer.parseInt(port) <= 65535;
    }

    static boolean isRead(HttpServletRequest request) {
        return request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
    }

    private static Optional<NamedProblem> bad(String header, String diagnostics) {
        return Optional.of(NamedProblem.http(400, header, diagnostics));
    }
}
