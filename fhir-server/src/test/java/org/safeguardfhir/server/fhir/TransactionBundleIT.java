package org.safeguardfhir.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@FhirServerIntegrationTest
class TransactionBundleIT {

    static final String LOCAL_ID_SYSTEM = "https://gp.example.org/fhir/sid/local-patient-id";

    @Autowired
    IGenericClient client;

    @Test
    void storesAPatientAndAReferringObservationTogether() {
        String localId = UUID.randomUUID().toString();

        var response = client.transaction().withBundle(bundleFor(localId)).execute();

        assertThat(response.getEntry()).hasSize(2);
        assertThat(response.getEntry())
                .allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
        String patientId =
                response.getEntry().get(0).getResponse().getLocation().split("/_history")[0];
        var observation = client.read()
                .resource(Observation.class)
                .withUrl(response.getEntry().get(1).getResponse().getLocation())
                .execute();
        assertThat(observation.getSubject().getReference()).isEqualTo(patientId);
    }

    @Test
    void resubmittingTheSameBundleReusesTheConditionallyCreatedPatient() {
        String localId = UUID.randomUUID().toString();

        client.transaction().withBundle(bundleFor(localId)).execute();
        var again = client.transaction().withBundle(bundleFor(localId)).execute();

        assertThat(again.getEntry().get(0).getResponse().getStatus()).startsWith("200");
        var patients = client.search()
                .forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndIdentifier(LOCAL_ID_SYSTEM, localId))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(patients.getEntry()).hasSize(1);
    }

    @Test
    void rollsBackEveryEntryWhenOneFails() {
        String localId = UUID.randomUUID().toString();
        var bundle = bundleFor(localId);
        ((Observation) bundle.getEntry().get(1).getResource()).setSubject(new Reference("Patient/does-not-exist"));

        try {
            client.transaction().withBundle(bundle).execute();
        } catch (ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException expected) {
            assertThat(expected.getStatusCode()).isBetween(400, 499);
        }

        var patients = client.search()
                .forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndIdentifier(LOCAL_ID_SYSTEM, localId))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(patients.getEntry()).isEmpty();
    }

    private static Bundle bundleFor(String localId) {
        var patient = new Patient();
        patient.addIdentifier().setSystem(LOCAL_ID_SYSTEM).setValue(localId);
        var observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().setText("transaction test");
        String patientUrl = "urn:uuid:"
                + java.util.UUID.nameUUIDFromBytes(localId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        observation.setSubject(new Reference(patientUrl));

        var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry()
                .setFullUrl(patientUrl)
                .setResource(patient)
                .getRequest()
                .setMethod(HTTPVerb.POST)
                .setUrl("Patient")
                .setIfNoneExist("identifier=" + LOCAL_ID_SYSTEM + "|" + localId);
        bundle.addEntry()
                .setResource(observation)
                .getRequest()
                .setMethod(HTTPVerb.POST)
                .setUrl("Observation");
        return bundle;
    }
}
