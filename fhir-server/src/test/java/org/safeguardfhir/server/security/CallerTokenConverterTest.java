package org.safeguardfhir.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTokenConverterTest {

    final CallerTokenConverter converter =
            new CallerTokenConverter(new SecurityProperties("roles", new SecurityProperties.Smart("", "")));

    @Test
    void readsRolesAndScopesAndIgnoresRolesThatAreNotOurs() {
        var caller = converter.caller(jwt(Map.of(
                "roles",
                List.of("clinician", "safeguarding-lead", "offline-access"),
                "scope",
                "openid user/*.cruds system/Task.rs")));

        assertThat(caller.subject()).isEqualTo("someone");
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.CLINICIAN, Role.SAFEGUARDING_LEAD);
        assertThat(caller.scopes()).hasSize(2);
        assertThat(caller.patientFacing()).isFalse();
        assertThat(caller.proxy()).isFalse();
    }

    @Test
    void readsRolesFromASpaceOrCommaSeparatedString() {
        var caller = converter.caller(jwt(Map.of("roles", "admin, researcher dashboard", "scope", "user/*.rs")));

        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.RESEARCHER, Role.DASHBOARD);
    }

    @Test
    void readsRolesFromANestedClaimWhenConfigured() {
        var keycloak = new CallerTokenConverter(
                new SecurityProperties("realm_access.roles", new SecurityProperties.Smart("", "")));

        var caller = keycloak.caller(jwt(Map.of("realm_access", Map.of("roles", List.of("admin")), "scope", "x")));

        assertThat(caller.roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void aTokenWithoutRolesHasNone() {
        assertThat(converter.caller(jwt(Map.of("scope", "user/*.rs"))).roles()).isEmpty();
    }

    @Test
    void aPatientScopeOrClaimMakesAPatientFacingApp() {
        assertThat(converter.caller(jwt(Map.of("scope", "patient/*.rs"))).patientFacing())
                .isTrue();
        assertThat(converter
                        .caller(jwt(Map.of("scope", "openid", "patient", "123")))
                        .patientFacing())
                .isTrue();
    }

    @Test
    void aRelatedPersonUserIsAProxy() {
        var caller = converter.caller(
                jwt(Map.of("scope", "user/*.rs", "fhirUser", "https://fhir.example.org/fhir/RelatedPerson/7")));

        assertThat(caller.proxy()).isTrue();
        assertThat(converter
                        .caller(jwt(Map.of("scope", "user/*.rs", "fhirUser", "Practitioner/1")))
                        .proxy())
                .isFalse();
    }

    @Test
    void theAuthenticationCarriesOneAuthorityPerRole() {
        var authentication =
                converter.convert(jwt(Map.of("roles", List.of("admin", "clinician"), "scope", "user/*.rs")));

        assertThat(authentication.getAuthorities())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_CLINICIAN");
    }

    private static Jwt jwt(Map<String, Object> claims) {
        var builder = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("someone")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
