package org.safeguardfhir.server.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How tokens are read, and where clients get them.
 *
 * @param rolesClaim the claim that lists the caller's roles; a dotted path reaches into nested claims, as in
 *     Keycloak's {@code realm_access.roles}
 * @param smart the identity provider's endpoints, published in the SMART configuration; empty for the local issuer,
 *     whose tokens come from {@code bin/token}
 */
@Validated
@ConfigurationProperties("safeguard.security")
public record SecurityProperties(@DefaultValue("roles") @NotBlank String rolesClaim, @DefaultValue Smart smart) {

    /**
     * @param authorizationEndpoint the OAuth 2.0 authorization endpoint of the identity provider
     * @param tokenEndpoint its token endpoint
     */
    public record Smart(@DefaultValue("") String authorizationEndpoint, @DefaultValue("") String tokenEndpoint) {}
}
