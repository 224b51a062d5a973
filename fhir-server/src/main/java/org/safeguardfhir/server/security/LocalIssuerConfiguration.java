package org.safeguardfhir.server.security;

import org.safeguardfhir.server.database.DataDirectoryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The embedded default's token issuer, active only when no external issuer or key is configured: tokens signed with
 * the key in the data directory, minted by {@code bin/token} (see {@link LocalTokenCommand}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalIssuerCondition.class)
class LocalIssuerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalIssuerConfiguration.class);

    @Bean
    JwtDecoder localIssuerJwtDecoder(DataDirectoryProperties dataDirectory) {
        var keys = LocalIssuerKeys.loadOrCreate(dataDirectory.dataDir());
        log.warn(
                "No token issuer configured: accepting tokens of the local issuer, whose key is in {}. Mint one with"
                        + " bin/token <role>. Configure SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI for real"
                        + " users.",
                LocalIssuerKeys.directory(dataDirectory.dataDir()));
        var decoder = NimbusJwtDecoder.withPublicKey(keys.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        // Timestamps here; the issuer is checked for every decoder alike, by ExpectedIssuer.
        decoder.setJwtValidator(JwtValidators.createDefault());
        return decoder;
    }
}
