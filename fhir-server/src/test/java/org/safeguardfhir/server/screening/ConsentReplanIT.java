package org.safeguardfhir.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.server.support.PackageExamples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A referral Consent recorded, changed or withdrawn after the screen re-plans the patient's screenings through the
 * outbox: a held referral goes ahead when the patient agrees, and one not yet picked up is cancelled when they
 * withdraw.
 */
@FhirServerIntegrationTest
class ConsentReplanIT {

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Scheduler scheduler;

    Screenings screenings;

    @BeforeEach
    void setUp() {
        screenings = new Screenings(client, jdbc);
    }

    @Test
    void agreementRecordedAfterTheScreenReleasesTheHeldNrmReferralAndDropsTheDutyToNotify() {
        Reference patient = screenings.patient("1988-08-08");
        var response = screenings.example("adult-screening-positive", patient);
        Screenings.withoutAnswer(response, "consent.uk.nrm");
        String id = process(response);
        assertThat(status(tasks(id).get("nrm-first-responder"))).isEqualTo("on-hold/awaiting-consent");
        assertThat(tasks(id)).containsKey("duty-to-notify");

        client.create().resource(consent(patient, new Date())).execute();
        screenings.awaitProcessed(id);

        Map<String, Task> after = tasks(id);
        assertThat(status(after.get("nrm-first-responder"))).isEqualTo("requested/willing-to-be-referred");
        assertThat(status(after.get("duty-to-notify"))).isEqualTo("cancelled/closed-no-further-action");
    }

    @Test
    void withdrawingTheAgreementCancelsTheReferralNotYetPickedUp() {
        Reference patient = screenings.patient("1988-08-08");
        String id = process(screenings.example("adult-screening-positive", patient));
        assertThat(status(tasks(id).get("nrm-first-responder"))).isEqualTo("requested/willing-to-be-referred");
        var recorded = (Consent)
                client.create().resource(consent(patient, new Date())).execute().getResource();
        screenings.awaitProcessed(id);

        recorded.setStatus(Consent.ConsentState.INACTIVE);
        client.update().resource(recorded).execute();
        screenings.awaitProcessed(id);

        Map<String, Task> after = tasks(id);
        assertThat(status(after.get("nrm-first-responder"))).isEqualTo("cancelled/declined-by-patient");
        assertThat(after).as("the lead now considers a Duty to Notify").containsKey("duty-to-notify");
    }

    @Test
    void aConsentWriteEnqueuesEachOfThePatientsScreeningsExactlyOnce() throws Exception {
        Reference patient = screenings.patient("1988-08-08");
        String first = process(screenings.example("adult-screening-positive", patient));
        String second = process(screenings.example("adult-screening-negative", patient));
        scheduler.pause();
        try {
            client.create().resource(consent(patient, new Date())).execute();

            assertThat(screenings.pendingFor(patient.getReference())).containsExactlyInAnyOrder(first, second);
        } finally {
            scheduler.resume();
        }
        screenings.awaitProcessed(first);
        screenings.awaitProcessed(second);
        assertThat(status(tasks(first).get("nrm-first-responder"))).isEqualTo("requested/willing-to-be-referred");
    }

    private String process(org.hl7.fhir.r4.model.QuestionnaireResponse response) {
        String id = screenings.submit(response);
        screenings.awaitProcessed(id);
        return id;
    }

    private Consent consent(Reference patient, Date when) {
        var consent =
                PackageExamples.example(Consent.class, "nrm-referral-permit").copy();
        consent.setId((String) null);
        consent.setPatient(patient.copy());
        consent.getPerformer().clear();
        consent.addPerformer(patient.copy());
        consent.getOrganization().clear();
        consent.setDateTime(when);
        consent.getProvision().getPeriod().setStart(when);
        return consent;
    }

    private Map<String, Task> tasks(String responseId) {
        List<Task> tasks = screenings.search(Task.class, "focus=QuestionnaireResponse/" + responseId);
        return tasks.stream()
                .collect(Collectors.toMap(
                        task -> task.getCode().getCodingFirstRep().getCode(), Function.identity()));
    }

    private static String status(Task task) {
        return task.getStatus().toCode() + "/"
                + task.getBusinessStatus().getCodingFirstRep().getCode();
    }
}
