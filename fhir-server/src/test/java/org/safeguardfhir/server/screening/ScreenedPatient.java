package org.safeguardfhir.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.safeguardfhir.routes.referral.ReferralIdentifiers;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A patient with one positive adult screening that the pipeline has processed: restricted records (the response,
 * the Flag, the result Observation, Tasks) for tests of who may see them.
 *
 * @param patientId the patient's id part
 * @param response the screening response's id part
 * @param flag the safeguarding-concern Flag's id part (the screening also raises a safe-contact Flag)
 * @param result the screening-result Observation's id part
 */
public record ScreenedPatient(String patientId, String response, String flag, String result) {

    /** Stores the patient and the screening with a client that may, and waits for the pipeline. */
    public static ScreenedPatient create(IGenericClient client, JdbcTemplate jdbc, String birthDate) {
        var screenings = new Screenings(client, jdbc);
        Reference subject = screenings.patient(birthDate);
        String patientId = subject.getReferenceElement().getIdPart();
        String response = screenings.submit(screenings.example("adult-screening-positive", subject));
        screenings.awaitProcessed(response);
        return new ScreenedPatient(
                patientId,
                response,
                only(
                        client,
                        "Flag?patient=" + patientId + "&identifier=" + ReferralIdentifiers.FLAG_SYSTEM + "|"
                                + patientId),
                only(client, "Observation?derived-from=QuestionnaireResponse/" + response));
    }

    public String patient() {
        return "Patient/" + patientId;
    }

    /** The id part of the one resource a search finds. */
    public static String only(IGenericClient client, String search) {
        var found = client.search().byUrl(search).returnBundle(Bundle.class).execute();
        assertThat(found.getEntry()).as(search).hasSize(1);
        return found.getEntryFirstRep().getResource().getIdElement().getIdPart();
    }
}
