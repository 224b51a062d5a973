package org.safeguardfhir.server.support;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/** A FHIR client for the server under test, for integration tests to inject. */
@TestConfiguration(proxyBeanMethods = false)
public class FhirClientTestConfiguration {

    /** Lazy: the random port is known only once the web server has started. */
    @Bean
    @Lazy
    IGenericClient fhirClient(Environment environment) {
        return FhirClients.forPort(environment.getRequiredProperty("local.server.port", Integer.class));
    }
}
