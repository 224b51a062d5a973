package org.safeguardfhir.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class ExpectedIssuerTest {

    private static final String KEY = "spring.security.oauth2.resourceserver.jwt.public-key-location";

    /** Decodes any token to one whose issuer is the token's text, as if its signature were good. */
    private static final JwtDecoder SIGNATURE_ONLY = token ->
            Jwt.withTokenValue(token).header("alg", "RS256").claim("iss", token).build();

    @Test
    void aFixedKeyWithoutAnIssuerStopsStartUpNamingTheSetting() {
        var environment = new MockEnvironment().withProperty(KEY, "file:/etc/key.pem");

        assertThatThrownBy(() -> ExpectedIssuer.from(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SAFEGUARD_SECURITY_ISSUER");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedEvenWhenItsSignatureIsGood() {
        var environment = new MockEnvironment()
                .withProperty(KEY, "file:/etc/key.pem")
                .withProperty(ExpectedIssuer.PROPERTY, "https://idp.example.org");
        var decoder = (JwtDecoder) ExpectedIssuer.from(environment).postProcessAfterInitialization(SIGNATURE_ONLY, "d");

        assertThat(decoder.decode("https://idp.example.org").getClaimAsString("iss"))
                .isEqualTo("https://idp.example.org");
        assertThatThrownBy(() -> decoder.decode("https://hostile.example"))
                .isInstanceOf(BadJwtException.class)
                .hasMessageNotContaining("hostile");
    }

    @Test
    void theDiscoveredIssuerIsTheExpectedOneWhenNoOtherIsNamed() {
        var environment = new MockEnvironment()
                .withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://idp.example.org/realm");

        assertThat(ExpectedIssuer.from(environment).issuer()).isEqualTo("https://idp.example.org/realm");
    }

    @Test
    void theLocalIssuerExpectsItsOwnName() {
        assertThat(ExpectedIssuer.from(new MockEnvironment()).issuer()).isEqualTo(LocalIssuerKeys.ISSUER);
    }
}
