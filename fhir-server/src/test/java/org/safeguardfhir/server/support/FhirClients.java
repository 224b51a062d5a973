package org.safeguardfhir.server.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;

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

    /** A client with {@link TestTokens#superuser()}'s token, for tests about something other than access. */
    /**
     * The base URL the server writes into its links for a test client: the address it listens on (tests connect to
     * localhost, which is 127.0.0.1), never the Host header the client sent.
     */
    public static String advertisedBaseUrl(int port) {
        return "http://127.0.0.1:" + port + "/fhir";
    }

    public static IGenericClient forPort(int port) {
        return forPort(port, TestTokens.superuser());
    }

    public static IGenericClient forPort(int port, String token) {
        var client = anonymous(port);
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    public static IGenericClient anonymous(int port) {
        return CONTEXT.newRestfulGenericClient(baseUrl(port));
    }
}
