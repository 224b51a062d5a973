package org.safeguardfhir.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /fhir/.well-known/smart-configuration}: how a SMART client finds the identity provider and what it may
 * ask for. Public, as discovery documents are; it names endpoints and capabilities, never data.
 */
class SmartConfigurationServlet extends HttpServlet {

    static final String PATH = "/fhir/.well-known/smart-configuration";

    private final transient Map<String, Object> document;
    private final transient ObjectMapper json = new ObjectMapper();

    SmartConfigurationServlet(String issuer, SecurityProperties.Smart endpoints) {
        var document = new LinkedHashMap<String, Object>();
        if (issuer != null) {
            document.put("issuer", issuer);
        }
        if (!endpoints.authorizationEndpoint().isBlank()) {
            document.put("authorization_endpoint", endpoints.authorizationEndpoint());
            document.put("response_types_supported", List.of("code"));
            document.put("code_challenge_methods_supported", List.of("S256"));
        }
        if (!endpoints.tokenEndpoint().isBlank()) {
            document.put("token_endpoint", endpoints.tokenEndpoint());
            document.put("grant_types_supported", List.of("authorization_code", "client_credentials"));
        }
        document.put("scopes_supported", List.of("openid", "fhirUser", "user/*.cruds", "system/*.rs", "patient/*.rs"));
        document.put(
                "capabilities",
                List.of(
                        "permission-v1",
                        "permission-v2",
                        "permission-user",
                        "permission-patient",
                        "client-confidential-asymmetric"));
        this.document = Map.copyOf(document);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "public, max-age=3600");
        json.writeValue(response.getOutputStream(), document);
    }
}
