package org.safeguardfhir.server.security;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.PropertyResolver;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.util.StringUtils;

/**
 * Every token must name the issuer the server was configured to trust. Spring Boot checks {@code iss} only when it
 * discovers the issuer; given a fixed public key or a JWK set it checks the signature alone, and a token that any
 * other system signed with a shared key would pass. So an external key needs its issuer too
 * ({@code safeguard.security.issuer}, else the OpenID Connect issuer URI), and every decoder is wrapped to check it.
 */
final class ExpectedIssuer implements BeanPostProcessor {

    static final String PROPERTY = "safeguard.security.issuer";
    private static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    private final String issuer;

    private ExpectedIssuer(String issuer) {
        this.issuer = issuer;
    }

    /** The issuer tokens must carry; start-up stops when an external key is configured without one. */
    static ExpectedIssuer from(PropertyResolver environment) {
        if (LocalIssuerMode.active(environment)) {
            return new ExpectedIssuer(LocalIssuerKeys.ISSUER);
        }
        String issuer = environment.getProperty(PROPERTY, "");
        if (!StringUtils.hasText(issuer)) {
            issuer = environment.getProperty(ISSUER_URI, "");
        }
        if (!StringUtils.hasText(issuer)) {
            throw new IllegalStateException("A JWK set or a fixed public key is configured but no issuer: set"
                    + " SAFEGUARD_SECURITY_ISSUER to the iss claim the identity provider's tokens carry");
        }
        return new ExpectedIssuer(issuer.strip());
    }

    String issuer() {
        return issuer;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof JwtDecoder decoder && !(bean instanceof Checking)) {
            return new Checking(decoder, issuer);
        }
        return bean;
    }

    private record Checking(JwtDecoder delegate, String issuer) implements JwtDecoder {

        @Override
        public Jwt decode(String token) {
            Jwt jwt = delegate.decode(token);
            String claimed = jwt.getClaimAsString("iss");
            if (!issuer.equals(claimed)) {
                // The same words as Spring's own validator, and never the claimed issuer: the token is the client's.
                throw new BadJwtException("The iss claim is not valid");
            }
            return jwt;
        }
    }
}
