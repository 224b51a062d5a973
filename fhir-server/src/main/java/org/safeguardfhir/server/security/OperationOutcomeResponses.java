package org.safeguardfhir.server.security;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.safeguardfhir.server.fhir.OperationOutcomeWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The answers to a request that carries no valid token (401) or a token without the role it needs (403), as FHIR
 * clients expect them: an OperationOutcome. They say what to do, never why a token failed: the reason goes to the log.
 */
class OperationOutcomeResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(OperationOutcomeResponses.class);
    private static final String REALM = "Bearer realm=\"safeguard-fhir\"";

    private final OperationOutcomeWriter outcomes;

    OperationOutcomeResponses(FhirContext fhirContext) {
        this.outcomes = new OperationOutcomeWriter(fhirContext);
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        boolean tokenPresented = authException instanceof InvalidBearerTokenException
                || authException instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException;
        // RFC 6750: error="invalid_token" when a token was presented, only the challenge when none was.
        response.setHeader("WWW-Authenticate", tokenPresented ? REALM + ", error=\"invalid_token\"" : REALM);
        if (tokenPresented) {
            log.info(
                    "Refused a token on {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    authException.getMessage());
        }
        outcomes.write(
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                IssueType.LOGIN,
                "Authentication required: send a valid Bearer token.");
    }

    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException accessDeniedException)
            throws IOException {
        outcomes.write(
                response,
                HttpServletResponse.SC_FORBIDDEN,
                IssueType.FORBIDDEN,
                "Your role does not allow this request.");
    }
}
