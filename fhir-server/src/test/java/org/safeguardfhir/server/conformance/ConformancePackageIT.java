package org.safeguardfhir.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.profiles.ConformancePackage;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.PackageExamples;
import org.springframework.beans.factory.annotation.Autowired;

@FhirServerIntegrationTest
class ConformancePackageIT {

    @Autowired
    ConformancePackageInstaller installer;

    @Autowired
    IGenericClient client;

    @Test
    void servesEachScreeningQuestionnaireExactlyOnceByCanonical() {
        for (String canonical : ConformancePackage.SCREENING_QUESTIONNAIRES) {
            var found = client.search()
                    .byUrl("Questionnaire?url=" + canonical)
                    .returnBundle(Bundle.class)
                    .execute();

            assertThat(found.getEntry()).as(canonical).hasSize(1);
            var questionnaire = (Questionnaire) found.getEntryFirstRep().getResource();
            assertThat(questionnaire.getVersion()).isEqualTo(ConformancePackage.VERSION);
        }
    }

    @Test
    void servesEveryArtefactOfThePackage() throws IOException {
        var artefacts = artefactsOfPackage();
        assertThat(artefacts).isNotEmpty();

        for (var artefact : artefacts) {
            var found = client.search()
                    .byUrl(artefact.type() + "?url=" + artefact.url())
                    .returnBundle(Bundle.class)
                    .execute();
            assertThat(found.getEntry()).as(artefact.url()).hasSize(1);
        }
    }

    @Test
    void installingAgainFromTwoNodesAtOnceStoresNothingTwice() throws Exception {
        var first = CompletableFuture.runAsync(installer::install);
        var second = CompletableFuture.runAsync(installer::install);
        CompletableFuture.allOf(first, second).get();

        for (var artefact : artefactsOfPackage()) {
            var found = client.search()
                    .byUrl(artefact.type() + "?url=" + artefact.url())
                    .returnBundle(Bundle.class)
                    .execute();
            assertThat(found.getEntry()).as(artefact.url()).hasSize(1);
            assertThat(found.getEntryFirstRep().getResource().getMeta().getVersionId())
                    .as("unchanged artefacts keep their first version: " + artefact.url())
                    .isEqualTo("1");
        }
    }

    record Artefact(String type, String url) {}

    private static List<Artefact> artefactsOfPackage() throws IOException {
        var npm = PackageExamples.conformancePackage();
        var mapper = new ObjectMapper();
        var artefacts = new ArrayList<Artefact>();
        for (String file : npm.list("package")) {
            if (file.equals("package.json") || !file.endsWith(".json") || file.startsWith(".")) {
                continue;
            }
            try (var in = npm.load("package", file)) {
                var json = mapper.readTree(in);
                String type = json.path("resourceType").asText();
                if (ConformancePackageInstaller.INSTALLED_TYPES.contains(type)) {
                    artefacts.add(new Artefact(type, json.path("url").asText()));
                }
            }
        }
        return artefacts;
    }
}
