package org.safeguardfhir.server.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.safeguardfhir.server.errors.NamedProblem;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Checks a FHIR request's body once the caller is authenticated (a stranger learns nothing from how his body is
 * judged): 400 for text that is not valid UTF-8 or carries a NUL or an unpaired surrogate, for JSON that
 * {@link JsonBody} refuses, for a resource whose JSON {@link FhirJsonTypes} refuses, naming the element, and for XML
 * that {@link XmlBody} refuses.
 */
class RequestBodyFilter extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirJsonTypes types;
    private final Refusal refusal;

    RequestBodyFilter(FhirJsonTypes types, Refusal refusal) {
        this.types = types;
        this.refusal = refusal;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/fhir");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var buffered = WebUtils.getNativeRequest(request, BufferedBodyRequest.class);
        byte[] body = buffered == null ? new byte[0] : buffered.body();
        if (body.length > 0) {
            String contentType = request.getContentType();
            boolean form = contentType != null && contentType.toLowerCase().startsWith(BufferedBodyRequest.FORM);
            if (request.getRequestURI().endsWith("/_search") && !form) {
                refusal.send(response, NamedProblem.request(415, "A search by POST sends " + BufferedBodyRequest.FORM));
                return;
            }
            Optional<NamedProblem> problem = RequestText.problemInBody(body)
                    .or(() -> {
                        if (form) {
                            return RequestText.problemInEncoded(new String(body, StandardCharsets.UTF_8), "The form");
                        }
                        if (JsonBody.isJson(contentType, body)) {
                            return JsonBody.problem(body);
                        }
                        return XmlBody.isXml(contentType, body) ? XmlBody.problem(body) : Optional.empty();
                    })
                    .map(text -> NamedProblem.request(400, text))
                    .or(() -> JsonBody.isJson(contentType, body) ? resourceProblem(body) : Optional.empty());
            if (problem.isPresent()) {
                refusal.send(response, problem.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<NamedProblem> resourceProblem(byte[] body) {
        try {
            return types.problem(JSON.readTree(body));
        } catch (IOException e) {
            // JsonBody has read the same bytes without a fault: only a reader failure is left.
            return Optional.of(NamedProblem.request(400, "The request body could not be read"));
        }
    }
}
