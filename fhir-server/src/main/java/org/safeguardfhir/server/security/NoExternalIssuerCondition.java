package org.safeguardfhir.server.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when none of Spring Boot's resource-server properties names an issuer, a key set or a public key. */
class NoExternalIssuerCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return LocalIssuerMode.active(context.getEnvironment());
    }
}
