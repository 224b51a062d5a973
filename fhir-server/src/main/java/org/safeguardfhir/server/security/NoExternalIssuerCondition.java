package org.safeguardfhir.server.security;

import java.util.List;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when none of Spring Boot's resource-server properties names an issuer, a key set or a public key. */
class NoExternalIssuerCondition implements Condition {

    static final List<String> EXTERNAL_ISSUER_PROPERTIES = List.of(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
            "spring.security.oauth2.resourceserver.jwt.public-key-location");

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return EXTERNAL_ISSUER_PROPERTIES.stream()
                .noneMatch(
                        property -> StringUtils.hasText(context.getEnvironment().getProperty(property)));
    }
}
