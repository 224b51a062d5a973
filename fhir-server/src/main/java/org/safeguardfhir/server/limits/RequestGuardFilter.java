package org.safeguardfhir.server.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.safeguardfhir.server.errors.NamedProblem;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a FHIR request's method, URL and precondition headers and reads its body, up to the size limit, before
 * anything else does: 405 for a method FHIR does not use, 400 for malformed percent-encoding or headers, 413 beyond
 * {@code safeguard.limits.max-request-size}. The body is then handed on from memory, for {@link RequestBodyFilter}
 * to check once the caller is known.
 */
class RequestGuardFilter extends OncePerRequestFilter {

    private static final List<String> FHIR_METHODS =
            List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final RequestLimits limits;
    private final Refusal refusal;

    RequestGuardFilter(RequestLimits limits, Refusal refusal) {
        this.limits = limits;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Every path: TRACE would echo the request's headers, its token among them, and a Host that is no host is
        // refused as RFC 9112 asks.
        if (request.getMethod().equals("TRACE") || request.getMethod().equals("CONNECT")) {
            response.setHeader("Allow", String.join(", ", FHIR_METHODS));
            refuse(response, 405, "The method " + request.getMethod() + " is not allowed");
            return;
        }
        if (!RequestHeaders.validHost(request.getHeader("Host"))) {
            refusal.send(response, NamedProblem.http(400, "Host", "The Host header is not a host and port"));
            return;
        }
        if (!request.getRequestURI().startsWith("/fhir")) {
            chain.doFilter(request, response);
            return;
        }
        if (!FHIR_METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", FHIR_METHODS));
            refuse(
                    response,
                    405,
                    "The method " + abbreviate(request.getMethod()) + " is not one FHIR uses here: "
                            + String.join(", ", FHIR_METHODS));
            return;
        }
        if (request.getRequestURI().contains("/_history/") && !RequestHeaders.isRead(request)) {
            response.setHeader("Allow", "GET, HEAD");
            refuse(response, 405, "A version of a resource is only read; change the resource");
            return;
        }
        long max = limits.maxRequestSize().toBytes();
        Optional<String> urlProblem = RequestText.problemInEncoded(request.getRequestURI(), "The request path")
                .or(() -> request.getQueryString() == null
                        ? Optional.empty()
                        : RequestText.problemInEncoded(request.getQueryString(), "The query"));
        if (urlProblem.isPresent()) {
            refuse(response, 400, urlProblem.get());
            return;
        }
        Optional<NamedProblem> headerProblem = RequestHeaders.problem(request);
        if (headerProblem.isPresent()) {
            refusal.send(response, headerProblem.get());
            return;
        }
        if (request.getContentLengthLong() > max) {
            tooLarge(response, max);
            return;
        }
        byte[] body = readUpTo(request.getInputStream(), max + 1);
        if (body.length > max) {
            tooLarge(response, max);
            return;
        }
        chain.doFilter(
                new BufferedBodyRequest(request, body, RequestHeaders.ignorableIfModifiedSince(request)), response);
    }

    private void tooLarge(HttpServletResponse response, long max) throws IOException {
        response.setHeader("Connection", "close");
        refuse(
                response,
                413,
                "The request body is larger than the limit safeguard.limits.max-request-size (" + max + " bytes)");
    }

    private void refuse(HttpServletResponse response, int status, String problem) throws IOException {
        refusal.send(response, NamedProblem.request(status, problem));
    }

    private static String abbreviate(String method) {
        return method.length() > 20 ? method.substring(0, 20) + "…" : method;
    }

    private static byte[] readUpTo(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
    }
}
