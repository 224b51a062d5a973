package org.safeguardfhir.server.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;
import org.hl7.fhir.r4.model.Coding;
import org.safeguardfhir.server.fhir.RestInterceptor;
import org.springframework.stereotype.Component;

/**
 * Completes HAPI's generated CapabilityStatement: names the server, declares {@code batch}, which the transaction
 * endpoint processes but HAPI's generator leaves out, and says how clients authenticate.
 */
@Component
@Interceptor
public class CapabilityStatementCustomizer implements RestInterceptor {

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void complete(IBaseConformance generated) {
        var capabilities = (CapabilityStatement) generated;
        capabilities.setName("SafeguardFhir");
        capabilities.setTitle("Safeguard FHIR");
        capabilities.setPublisher("Safeguard FHIR");
        var rest = capabilities.getRestFirstRep();
        boolean declared = rest.getInteraction().stream().anyMatch(i -> i.getCode() == SystemRestfulInteraction.BATCH);
        if (!declared) {
            rest.addInteraction().setCode(SystemRestfulInteraction.BATCH);
        }
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
