package org.safeguardfhir.server.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.safeguardfhir.server.errors.ErrorReference;
import org.safeguardfhir.server.fhir.OperationOutcomeWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a FHIR request's body, up to the size limit, and checks its text and its URL's before anything else does:
 * 413 beyond {@code safeguard.limits.max-request-size}, 400 for text that is not valid UTF-8 or carries a NUL or an
 * unpaired surrogate, 400 for malformed percent-encoding. The body is then handed on from memory.
 */
class RequestGuardFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGuardFilter.class);
    private static final List<String> FHIR_METHODS =
            List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final RequestLimits limits;
    private final OperationOutcomeWriter outcomes;

    RequestGuardFilter(RequestLimits limits, OperationOutcomeWriter outcomes) {
        this.limits = limits;
        this.outcomes = outcomes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/fhir");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!FHIR_METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", FHIR_METHODS));
            refuse(
                    response,
                    405,
                    IssueType.NOTSUPPORTED,
                    "The method " + abbreviate(request.getMethod()) + " is not one FHIR uses here: "
                            + String.join(", ", FHIR_METHODS));
            return;
        }
        long max = limits.maxRequestSize().toBytes();
        Optional<String> urlProblem = RequestText.problemInEncoded(request.getRequestURI(), "The request path")
                .or(() -> request.getQueryString() == null
                        ? Optional.empty()
                        : RequestText.problemInEncoded(request.getQueryString(), "The query"));
        Optional<String> headerProblem = urlProblem.isPresent() ? urlProblem : PreconditionHeaders.problem(request);
        if (headerProblem.isPresent()) {
            refuse(response, 400, IssueType.INVALID, headerProblem.get());
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
        if (body.length > 0) {
            Optional<String> problem = RequestText.problemInBody(body)
                    .or(() -> JsonBody.isJson(request.getContentType(), body)
                            ? JsonBody.problem(body)
                            : Optional.empty());
            if (problem.isPresent()) {
                refuse(response, 400, IssueType.INVALID, problem.get());
                return;
            }
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletResponse response, long max) throws IOException {
        response.setHeader("Connection", "close");
        refuse(
                response,
                413,
                IssueType.TOOCOSTLY,
                "The request body is larger than the limit safeguard.limits.max-request-size (" + max + " bytes)");
    }

    private void refuse(HttpServletResponse response, int status, IssueType type, String problem) throws IOException {
        String reference = ErrorReference.of(null);
        LOG.info("Request {} refused with {}: {}", reference, status, problem);
        outcomes.write(response, status, type, problem + ErrorReference.sentence(reference));
    }

    private static String abbreviate(String method) {
        return method.length() > 20 ? method.substring(0, 20) + "…" : method;
    }

    private static byte[] readUpTo(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
    }

    /** The request with its body already read. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            // FHIR bodies are UTF-8 whatever the Content-Type claims, and the text was checked as such.
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
