package org.safeguardfhir.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.support.FhirClients;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@FhirServerIntegrationTest
class PatientLifecycleIT {

    static final String LOCAL_ID_SYSTEM = "https://gp.example.org/fhir/sid/local-patient-id";

    @LocalServerPort
    int port;

    @Autowired
    IGenericClient client;

    @Test
    void createsReadsUpdatesSearchesAndDeletesAPatient() {
        String localId = UUID.randomUUID().toString();
        var patient = new Patient();
        patient.addIdentifier().setSystem(LOCAL_ID_SYSTEM).setValue(localId);
        patient.addName().setFamily("Lifecycle").addGiven("Ana");

        var created = client.create().resource(patient).execute();
        assertThat(created.getResponseStatusCode()).isEqualTo(201);
        var id = created.getId().toUnqualifiedVersionless();

        var read = client.read().resource(Patient.class).withId(id).execute();
        assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Lifecycle");
        assertThat(read.getMeta().getVersionId()).isEqualTo("1");

        read.setGender(AdministrativeGender.FEMALE);
        var updated = client.update().resource(read).execute();
        assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");

        var found = client.search()
                .forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndIdentifier(LOCAL_ID_SYSTEM, localId))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(found.getEntry()).hasSize(1);
        assertThat(((Patient) found.getEntryFirstRep().getResource()).getGender())
                .isEqualTo(AdministrativeGender.FEMALE);

        client.delete().resourceById(id).execute();
        assertThatThrownBy(
                        () -> client.read().resource(Patient.class).withId(id).execute())
                .isInstanceOf(ResourceGoneException.class);
    }

    @Test
    void keepsEveryVersionInTheInstanceHistory() {
        var patient = new Patient();
        patient.addName().setFamily("History");
        var id = client.create().resource(patient).execute().getId().toUnqualifiedVersionless();
        patient.setId(id);
        patient.setActive(true);
        client.update().resource(patient).execute();

        var history = client.history().onInstance(id).returnBundle(Bundle.class).execute();

        assertThat(history.getEntry()).hasSize(2);
    }

    @Test
    void rejectsMalformedJsonWith400AndAnOperationOutcome() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(FhirClients.baseUrl(port) + "/Patient"))
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", "Bearer " + TestTokens.superuser())
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\", \"name\": ["))
                .build();

        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        var outcome = FhirClients.context().newJsonParser().parseResource(OperationOutcome.class, response.body());
        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    }

    @Test
    void rejectsAnUnknownSearchParameterWith400() {
        assertThatThrownBy(() -> client.search()
                        .byUrl("Patient?no-such-parameter=1")
                        .returnBundle(Bundle.class)
                        .execute())
                .isInstanceOf(InvalidRequestException.class);
    }
}
