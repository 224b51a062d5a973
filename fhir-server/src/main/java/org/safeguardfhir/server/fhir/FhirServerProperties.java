package org.safeguardfhir.server.fhir;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the FHIR REST API.
 *
 * @param defaultPageSize page size of a search that names no {@code _count}
 * @param maxPageSize largest page a client may ask for; larger {@code _count} values are capped
 * @param serverAddress public base URL (for links in bundles and Location) when the server sits behind a proxy; empty
 *     for the address the server itself listens on (never the client's Host header)
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-*} headers are honoured; empty for none
 * @param resourceTypes the FHIR resource types this server stores and serves; every other type answers 404 and is
 *     absent from the CapabilityStatement
 */
@Validated
@ConfigurationProperties("safeguard.fhir")
public record FhirServerProperties(
        @Min(1) @Max(1000) int defaultPageSize,
        @Min(1) @Max(1000) int maxPageSize,
        String serverAddress,
        @NotEmpty Set<String> resourceTypes,
        Set<String> trustedProxies) {

    public FhirServerProperties {
        trustedProxies = trustedProxies == null ? Set.of() : Set.copyOf(trustedProxies);
    }
}
