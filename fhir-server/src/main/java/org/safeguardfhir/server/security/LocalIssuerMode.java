package org.safeguardfhir.server.security;

import java.util.List;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Whether the server runs with its local token issuer: none of Spring Boot's resource-server properties names an
 * issuer, a key set or a public key. That is the embedded default, never a deployment where real users sign in.
 */
public final class LocalIssuerMode {

    static final List<String> EXTERNAL_ISSUER_PROPERTIES = List.of(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
            "spring.security.oauth2.resourceserver.jwt.public-key-location");

    private LocalIssuerMode() {}

    public static boolean active(PropertyResolver environment) {
        return EXTERNAL_ISSUER_PROPERTIES.stream()
                .noneMatch(property -> StringUtils.hasText(environment.getProperty(property)));
    }
}
