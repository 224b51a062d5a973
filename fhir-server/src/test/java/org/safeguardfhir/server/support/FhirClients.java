package org.safeguardfhir.server.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;

/** HAPI FHIR clients that talk HTTP to the server under test. */
public final class FhirClients {

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    static {
        CONTEXT.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        CONTEXT.getRestfulClientFactory().setSocketTimeout(60_000);
    }

    private FhirClients() {}

    public static FhirContext context() {
        return CONTEXT;
    }

    public static String baseUrl(int port) {
        return "http://localhost:" + port + "/fhir";
    }

    public static IGenericClient forPort(int port) {
        return CONTEXT.newRestfulGenericClient(baseUrl(port));
    }
}
