package org.safeguardfhir.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Safeguard FHIR server: the HAPI FHIR JPA server at {@code /fhir}, on PostgreSQL (an embedded PostgreSQL when no
 * database is configured).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FhirServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(FhirServerApplication.class, args);
    }
}
