package org.safeguardfhir.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardfhir.profiles.ConformancePackage;
import org.safeguardfhir.server.FhirServerApplication;
import org.safeguardfhir.server.security.LocalIssuerKeys;
import org.safeguardfhir.server.security.LocalTokenCommand;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the application as a newcomer would: nothing configured but the data directory, so it starts its own
 * PostgreSQL and its local token issuer; then stops it and starts it again on the same directory.
 */
class EmbeddedDefaultRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void keepsDataAndTheLocalIssuersKeyAcrossARestartOfTheEmbeddedDefault() {
        String id;
        String token;
        try (var first = start()) {
            // As bin/token does: the key the server generated into its data directory signs the token.
            token = LocalTokenCommand.mint(
                    LocalIssuerKeys.loadOrCreate(dataDir),
                    LocalTokenCommand.TokenRequest.forRoles("clinician", "safeguarding-lead"));
            assertThatThrownBy(() -> FhirClients.forPort(port(first), TestTokens.superuser())
                            .search()
                            .byUrl("Patient")
                            .returnBundle(Bundle.class)
                            .execute())
                    .as("another issuer's token")
                    .isInstanceOf(AuthenticationException.class);
            var patient = new Patient();
            patient.addName().setFamily("Persistent");
            id = FhirClients.forPort(port(first), token)
                    .create()
                    .resource(patient)
                    .execute()
                    .getId()
                    .getIdPart();
            assertThat(first.getEnvironment().getProperty("spring.datasource.url"))
                    .isNull();
        }
        assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();

        try (var second = start()) {
            var read = FhirClients.forPort(port(second), token)
                    .read()
                    .resource(Patient.class)
                    .withId(id)
                    .execute();
            assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Persistent");

            // The conformance package was installed by both starts, and is stored once, unchanged.
            var questionnaires = FhirClients.forPort(port(second), token)
                    .search()
                    .byUrl("Questionnaire?url=" + ConformancePackage.SCREENING_QUESTIONNAIRES.get(0))
                    .returnBundle(Bundle.class)
                    .execute();
            assertThat(questionnaires.getEntry()).hasSize(1);
            assertThat(questionnaires.getEntryFirstRep().getResource().getMeta().getVersionId())
                    .isEqualTo("1");
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, like an operator's: builder default properties would lose to application.yaml.
        return new SpringApplicationBuilder(FhirServerApplication.class)
                .run("--server.port=0", "--safeguard.data-dir=" + dataDir);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
