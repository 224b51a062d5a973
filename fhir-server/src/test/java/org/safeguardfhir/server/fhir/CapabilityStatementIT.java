package org.safeguardfhir.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@FhirServerIntegrationTest
class CapabilityStatementIT {

    @LocalServerPort
    int port;

    @Autowired
    IGenericClient client;

    @Test
    void servesAnR4CapabilityStatementNamingThisServer() {
        var capabilities =
                client.capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(capabilities.getFhirVersion()).isEqualTo(FHIRVersion._4_0_1);
        assertThat(capabilities.getSoftware().getName()).isEqualTo("Safeguard FHIR");
        assertThat(capabilities.getImplementation().getUrl()).isEqualTo(FhirClients.advertisedBaseUrl(port));
        assertThat(capabilities.getRestFirstRep().getMode())
                .isEqualTo(CapabilityStatement.RestfulCapabilityMode.SERVER);
    }

    @Test
    void declaresThatClientsAuthenticateWithSmartOnFhirTokens() {
        var security = FhirClients.anonymous(port)
                .capabilities()
                .ofType(CapabilityStatement.class)
                .execute()
                .getRestFirstRep()
                .getSecurity();

        assertThat(security.getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR");
        assertThat(security.getCors()).isFalse();
    }

    @Test
    void declaresTheInteractionsPatientSupports() {
        var patient = resource("Patient");

        assertThat(patient.getInteraction())
                .extracting(i -> i.getCode())
                .contains(
                        TypeRestfulInteraction.READ,
                        TypeRestfulInteraction.VREAD,
                        TypeRestfulInteraction.CREATE,
                        TypeRestfulInteraction.UPDATE,
                        TypeRestfulInteraction.DELETE,
                        TypeRestfulInteraction.SEARCHTYPE,
                        TypeRestfulInteraction.HISTORYINSTANCE);
        assertThat(patient.getConditionalCreate()).isTrue();
        assertThat(patient.getSearchParam()).extracting(p -> p.getName()).contains("identifier", "birthdate");
    }

    @Test
    void declaresTransactionBatchAndSystemHistory() {
        var capabilities =
                client.capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(capabilities.getRestFirstRep().getInteraction())
                .extracting(i -> i.getCode().toCode())
                .contains("transaction", "batch", "history-system");
    }

    @Test
    void advertisesNoOperationTheServerDoesNotOffer() {
        var capabilities =
                client.capabilities().ofType(CapabilityStatement.class).execute();
        var systemOperations = capabilities.getRestFirstRep().getOperation().stream()
                .map(o -> o.getName())
                .toList();

        assertThat(systemOperations)
                .doesNotContain(
                        "graphql",
                        "import",
                        "expunge",
                        "get-resource-counts",
                        "mark-all-resources-for-reindexing",
                        "perform-reindexing-pass",
                        "hapi.fhir.replace-references");
    }

    @ParameterizedTest
    @ValueSource(strings = {"safeguarding-statistics", "resolve-pseudonym", "export"})
    void declaresOurOperationsWithTheirPublishedDefinitions(String operation) {
        var capabilities =
                client.capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(capabilities.getRestFirstRep().getOperation())
                .filteredOn(o -> o.getName().equals(operation))
                .singleElement()
                .satisfies(o -> assertThat(o.getDefinition())
                        .isEqualTo("https://safeguardfhir.org/fhir/OperationDefinition/" + operation));
        assertThat(client.search()
                        .byUrl("OperationDefinition?url=https://safeguardfhir.org/fhir/OperationDefinition/"
                                + operation)
                        .returnBundle(org.hl7.fhir.r4.model.Bundle.class)
                        .execute()
                        .getEntry())
                .as("the package installs the definition the statement points at")
                .hasSize(1);
    }

    @Test
    void saysTheResearchExportFollowsBulkData() {
        var capabilities =
                client.capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(capabilities.getInstantiates())
                .extracting(c -> c.getValue())
                .containsExactly("http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data");
        assertThat(capabilities.getRestFirstRep().getOperation())
                .extracting(o -> o.getName())
                .contains("export", "export-poll-status", "export-file");
    }

    @Test
    void saysWhereWebsocketSubscriptionsBindAndThatSubscriptionsRotateTheirSecret() {
        var capabilities =
                client.capabilities().ofType(CapabilityStatement.class).execute();

        var websocket = capabilities
                .getRestFirstRep()
                .getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/capabilitystatement-websocket");
        assertThat(websocket.getValue().primitiveValue()).matches("ws://(localhost|127\\.0\\.0\\.1):\\d+/websocket");
        assertThat(resource("Subscription").getOperation())
                .filteredOn(o -> o.getName().equals("rotate-secret"))
                .singleElement()
                .satisfies(o -> assertThat(o.getDefinition())
                        .isEqualTo("https://safeguardfhir.org/fhir/OperationDefinition/rotate-secret"));
    }

    @Test
    void revealsNoResourceCountsToUnauthenticatedCallers() {
        var capabilities =
                client.capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(capabilities.getRestFirstRep().getResource()).allSatisfy(r -> assertThat(r.getExtension())
                .noneMatch(e -> e.getUrl().endsWith("resourceCount")));
    }

    private CapabilityStatementRestResourceComponent resource(String type) {
        return client
                .capabilities()
                .ofType(CapabilityStatement.class)
                .execute()
                .getRestFirstRep()
                .getResource()
                .stream()
                .filter(r -> r.getType().equals(type))
                .findFirst()
                .orElseThrow();
    }
}
