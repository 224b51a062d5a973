package org.safeguardfhir.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@FhirServerIntegrationTest
class ConditionalCreateIT {

    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";

    @Autowired
    IGenericClient client;

    @Test
    void returnsTheExistingPatientInsteadOfCreatingASecond() {
        String number = uniqueNumber();
        String condition = "Patient?identifier=" + NHS_NUMBER + "|" + number;

        var first = client.create()
                .resource(patientWith(number))
                .conditionalByUrl(condition)
                .execute();
        var second = client.create()
                .resource(patientWith(number))
                .conditionalByUrl(condition)
                .execute();

        assertThat(first.getResponseStatusCode()).isEqualTo(201);
        assertThat(second.getResponseStatusCode()).isEqualTo(200);
        assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
        assertThat(countWith(number)).isEqualTo(1);
    }

    private Patient patientWith(String number) {
        var patient = new Patient();
        patient.addIdentifier().setSystem(NHS_NUMBER).setValue(number);
        return patient;
    }

    private int countWith(String number) {
        return client.search()
                .forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndIdentifier(NHS_NUMBER, number))
                .returnBundle(Bundle.class)
                .execute()
                .getEntry()
                .size();
    }

    private static String uniqueNumber() {
        return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000L);
    }
}
