package org.safeguardfhir.server.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.UriType;
import org.safeguardfhir.server.fhir.RestInterceptor;
import org.springframework.stereotype.Component;

/**
 * Completes HAPI's generated CapabilityStatement: names the server, declares {@code batch}, which the transaction
 * endpoint processes but HAPI's generator leaves out, and says how clients authenticate.
 */
@Component
@Interceptor
public class CapabilityStatementCustomizer implements RestInterceptor {

    static final String BULK_DATA = "http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data";

    static final String WEBSOCKET = "http://hl7.org/fhir/StructureDefinition/capabilitystatement-websocket";

    /** The FHIR base with /fhir replaced by /websocket, and http(s) by ws(s). */
    static String websocketUrl(RequestDetails request) {
        String base = request == null ? "" : request.getFhirServerBase();
        if (base == null || !base.matches("https?://.*")) {
            return "/websocket";
        }
        String root = base.replaceFirst("/fhir/?$", "");
        return root.replaceFirst("^http", "ws") + "/websocket";
    }

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void complete(IBaseConformance generated, RequestDetails request) {
        var capabilities = (CapabilityStatement) generated;
        capabilities.setName("SafeguardFhir");
        capabilities.setTitle("Safeguard FHIR");
        capabilities.setPublisher("Safeguard FHIR");
        // The research export follows Bulk Data's kick-off, status and file requests, at system level.
        if (!capabilities.hasInstantiates(BULK_DATA)) {
            capabilities.addInstantiates(BULK_DATA);
        }
        var rest = capabilities.getRestFirstRep();
        boolean declared = rest.getInteraction().stream().anyMatch(i -> i.getCode() == SystemRestfulInteraction.BATCH);
        if (!declared) {
            rest.addInteraction().setCode(SystemRestfulInteraction.BATCH);
        }
        // Where websocket Subscriptions are bound (FHIR R4's extension for it); relative to the server's root.
        rest.getExtension().removeIf(e -> WEBSOCKET.equals(e.getUrl()));
        rest.addExtension(WEBSOCKET, new UriType(websocketUrl(request)));
        var security = rest.getSecurity();
        security.setCors(false);
        security.setDescription("Every request except GET metadata needs an OAuth 2.0 Bearer JWT (SMART on FHIR scopes,"
                + " roles in a claim); see .well-known/smart-configuration.");
        security.getServiceFirstRep()
                .addCoding(new Coding(
                        "http://terminology.hl7.org/CodeSystem/restful-security-service",
                        "SMART-on-FHIR",
                        "SMART-on-FHIR"));
    }
}
