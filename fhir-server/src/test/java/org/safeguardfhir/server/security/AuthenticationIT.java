package org.safeguardfhir.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every request needs a valid Bearer token, except the capability statement and the health probes. */
@FhirServerIntegrationTest
class AuthenticationIT {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theCapabilityStatementAndHealthProbesNeedNoToken() throws Exception {
        assertThat(get("/fhir/metadata", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theSmartConfigurationIsPublicAndNamesTheIssuerAndCapabilities() throws Exception {
        var response = get("/fhir/.well-known/smart-configuration", null);

        assertThat(response.statusCode()).isEqualTo(200);
        var document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        assertThat(document.get("capabilities").toString()).contains("permission-v2");
        // The tests trust a fixed public key, not an issuer: the document does not invent one.
        assertThat(document.has("issuer")).isFalse();
    }

    @Test
    void aFhirRequestWithoutATokenIs401WithABearerChallengeAndAnOperationOutcome() throws Exception {
        for (String path : new String[] {"/fhir/Patient", "/fhir/Task/1", "/fhir/_history", "/fhir/Questionnaire"}) {
            var response = get(path, null);

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .as(path)
                    .hasValue("Bearer realm=\"safeguard-fhir\"");
            var outcome = FhirClients.context().newJsonParser().parseResource(OperationOutcome.class, response.body());
            assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);
        }
    }

    @Test
    void aWriteWithoutATokenIs401AndStoresNothing() throws Exception {
        String family = "Unauthenticated" + System.nanoTime();
        var response = http.send(
                HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + "/Patient"))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\"}]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        var found = FhirClients.forPort(port)
                .search()
                .byUrl("Patient?family=" + family)
                .returnBundle(org.hl7.fhir.r4.model.Bundle.class)
                .execute();
        assertThat(found.getEntry()).isEmpty();
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                Arguments.of("expired", (Supplier<String>) () -> TestTokens.sign(TestTokens.claims(Role.ADMIN)
                        .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
                        .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1))))
                        .build())),
                Arguments.of("not yet valid", (Supplier<String>) () -> TestTokens.sign(TestTokens.claims(Role.ADMIN)
                        .notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                        .build())),
                Arguments.of("signed by another key", (Supplier<String>)
                        () -> TestTokens.sign(TestTokens.claims(Role.ADMIN).build(), TestTokens.otherKey())),
                Arguments.of("unsigned (alg none)", (Supplier<String>)
                        () -> new PlainJWT(TestTokens.claims(Role.ADMIN).build()).serialize()),
                Arguments.of("HMAC-signed with the public key as secret", (Supplier<String>)
                        AuthenticationIT::hmacWithPublicKey),
                Arguments.of("payload changed after signing", (Supplier<String>) AuthenticationIT::tampered),
                Arguments.of("not a JWT", (Supplier<String>) () -> "not-a-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void aBadTokenIs401WithInvalidTokenAndNoDetail(String kind, Supplier<String> token) throws Exception {
        var response = get("/fhir/Questionnaire", token.get());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"safeguard-fhir\", error=\"invalid_token\"");
        assertThat(response.body())
                .contains("Authentication required")
                .doesNotContainIgnoringCase("expired")
                .doesNotContainIgnoringCase("signature")
                .doesNotContainIgnoringCase("jwt");
    }

    @Test
    void aValidTokenIsAccepted() throws Exception {
        assertThat(get("/fhir/Questionnaire", TestTokens.forRoles(Role.CLINICIAN))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void operatorEndpointsNeedTheAdminRole() throws Exception {
        for (String path : new String[] {"/admin/work/screening-referral/dead-letters", "/actuator/prometheus"}) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
            var forbidden = get(path, TestTokens.forRoles(Role.SAFEGUARDING_LEAD, Role.CLINICIAN));
            assertThat(forbidden.statusCode()).as(path).isEqualTo(403);
            assertThat(forbidden.body()).contains("\"code\":\"forbidden\"");
            assertThat(get(path, TestTokens.forRoles(Role.ADMIN)).statusCode())
                    .as(path)
                    .isEqualTo(200);
        }
    }

    private static String hmacWithPublicKey() {
        try {
            var jwt = new SignedJWT(
                    new JWSHeader(JWSAlgorithm.HS256),
                    TestTokens.claims(Role.ADMIN).build());
            jwt.sign(new MACSigner(TestTokens.key().toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A validly signed clinician token whose payload was then swapped for one claiming the admin role. */
    private static String tampered() {
        String[] parts = TestTokens.forRoles(Role.CLINICIAN).split("\\.");
        JWTClaimsSet admin = TestTokens.claims(Role.ADMIN).build();
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(admin.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
