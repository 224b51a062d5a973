package org.safeguardfhir.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.safeguardfhir.terminology.Canonicals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Resubmission, redelivery and amendment update what a screening produced; nothing is ever created twice. */
@FhirServerIntegrationTest
class ExactlyOnceReferralIT {

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScreeningOutbox outbox;

    Screenings screenings;

    @BeforeEach
    void setUp() {
        screenings = new Screenings(client, jdbc);
    }

    @Test
    void conditionalResubmissionProducesOneSetOfReferrals() {
        var response = screenings.example("adult-screening-positive", screenings.patient("1985-03-03"));
        String condition =
                "QuestionnaireResponse?identifier=" + response.getIdentifier().getSystem() + "|"
                        + response.getIdentifier().getValue();

        var first =
                client.create().resource(response).conditionalByUrl(condition).execute();
        var second =
                client.create().resource(response).conditionalByUrl(condition).execute();
        String id = first.getId().getIdPart();
        screenings.awaitProcessed(id);

        assertThat(second.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(second.getId().getIdPart()).isEqualTo(id);
        assertThat(tasks(id)).hasSize(3);
        assertThat(provenances(id)).hasSize(1);
    }

    @Test
    void redeliveryOfAProcessedResponseChangesNothing() {
        var patient = screenings.patient("1985-03-03");
        String id = screenings.submit(screenings.example("adult-screening-positive", patient));
        screenings.awaitProcessed(id);
        Map<String, String> versionsBefore = versions(id);

        outbox.enqueue(id, 1, patient.getReference());
        screenings.awaitProcessed(id);

        assertThat(versions(id)).isEqualTo(versionsBefore);
        assertThat(provenances(id)).hasSize(1);
        assertThat(screenings.search(Flag.class, "subject=" + patient.getReference()))
                .as("the concern and the safe-contact Flag, once each")
                .hasSize(2);
    }

    @Test
    void amendmentUpdatesTheReferralsAndCancelsThoseThatNoLongerApply() {
        var patient = screenings.patient("1985-03-03");
        var response = screenings.example("adult-screening-positive-duty-to-notify", patient);
        String id = screenings.submit(response);
        screenings.awaitProcessed(id);
        Map<String, Task> before = byPathway(tasks(id));
        assertThat(before.get("nrm-first-responder").getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
        Task considerNotifying = before.get("duty-to-notify");

        response.setId(id);
        response.setStatus(QuestionnaireResponseStatus.AMENDED);
        Screenings.answer(response, "consent.uk.nrm", "yes");
        Screenings.withoutAnswer(response, "consent.uk.duty-to-notify");
        client.update().resource(response).execute();
        screenings.awaitProcessed(id);

        Map<String, Task> after = byPathway(tasks(id));
        assertThat(after.get("nrm-first-responder").getIdElement().getIdPart())
                .isEqualTo(before.get("nrm-first-responder").getIdElement().getIdPart());
        assertThat(after.get("nrm-first-responder").getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(after.get("designated-safeguarding-lead").getIdElement().getVersionIdPart())
                .as("an unchanged Task is not rewritten")
                .isEqualTo(before.get("designated-safeguarding-lead")
                        .getIdElement()
                        .getVersionIdPart());
        assertThat(client.read()
                        .resource(Task.class)
                        .withId(considerNotifying.getIdElement().toUnqualifiedVersionless())
                        .execute()
                        .getStatus())
                .as("Duty to Notify is no longer to be considered once the patient is willing to be referred")
                .isEqualTo(Task.TaskStatus.CANCELLED);
        assertThat(tasks(id)).hasSize(3);
    }

    @Test
    void amendmentToNegativeWithdrawsEverythingTheScreeningRaised() {
        Reference patient = screenings.patient("1985-03-03");
        var response = screenings.example("adult-screening-positive", patient);
        String id = screenings.submit(response);
        screenings.awaitProcessed(id);

        response.setId(id);
        response.setStatus(QuestionnaireResponseStatus.AMENDED);
        negative(response);
        client.update().resource(response).execute();
        screenings.awaitProcessed(id);

        assertThat(tasks(id)).hasSize(3).allSatisfy(task -> assertThat(task.getStatus())
                .isEqualTo(Task.TaskStatus.CANCELLED));
        assertThat(screenings.search(Flag.class, "subject=" + patient.getReference()))
                .filteredOn(flag -> flag.getCode().getCodingFirstRep().getCode().equals("safeguarding-concern"))
                .singleElement()
                .satisfies(flag -> assertThat(flag.getStatus()).isEqualTo(Flag.FlagStatus.INACTIVE));
        assertThat(screenings.search(Flag.class, "subject=" + patient.getReference()))
                .filteredOn(flag -> flag.getCode().getCodingFirstRep().getCode().equals("safe-contact-restricted"))
                .as("only the lead lowers an instruction Flag")
                .singleElement()
                .satisfies(flag -> assertThat(flag.getStatus()).isEqualTo(Flag.FlagStatus.ACTIVE));
        assertThat(screenings.search(Observation.class, "derived-from=QuestionnaireResponse/" + id))
                .singleElement()
                .satisfies(result -> {
                    assertThat(result.getValueCodeableConcept()
                                    .getCodingFirstRep()
                                    .getCode())
                            .isEqualTo("negative");
                    assertThat(result.getStatus()).isEqualTo(Observation.ObservationStatus.AMENDED);
                });
        assertThat(provenances(id)).hasSize(2);
    }

    /** Answers every question so that the screen is negative, as a clinician correcting a mis-keyed form would. */
    static void negative(QuestionnaireResponse response) {
        negative(response.getItem());
    }

    private static void negative(List<QuestionnaireResponseItemComponent> items) {
        for (var item : items) {
            if (item.getLinkId().startsWith("private.")
                    && item.hasAnswer()
                    && item.getAnswerFirstRep().hasValueCoding()) {
                item.getAnswerFirstRep().getValueCoding().setCode("no").setDisplay("No");
            }
            if (item.getLinkId().equals("observed.indicators")) {
                item.getAnswer().clear();
            }
            if (item.getLinkId().equals("context.companion-speaks")) {
                item.getAnswerFirstRep().setValue(new BooleanType(false));
            }
            if (item.getLinkId().equals("context.interpreter")) {
                item.getAnswerFirstRep()
                        .getValueCoding()
                        .setCode("professional")
                        .setDisplay("Professional interpreter");
            }
            if (item.getLinkId().equals("outcome")) {
                item.getAnswerFirstRep()
                        .getValueCoding()
                        .setSystem(Canonicals.codeSystem(Canonicals.SCREENING_OUTCOME))
                        .setCode("negative")
                        .setDisplay("Negative");
            }
            negative(item.getItem());
        }
    }

    List<Task> tasks(String responseId) {
        return screenings.search(Task.class, "focus=QuestionnaireResponse/" + responseId);
    }

    List<Provenance> provenances(String responseId) {
        return screenings.search(Provenance.class, "entity=QuestionnaireResponse/" + responseId);
    }

    Map<String, String> versions(String responseId) {
        return tasks(responseId).stream()
                .collect(Collectors.toMap(task -> task.getIdElement().getIdPart(), task -> task.getIdElement()
                        .getVersionIdPart()));
    }

    static Map<String, Task> byPathway(List<Task> tasks) {
        return tasks.stream()
                .collect(Collectors.toMap(
                        task -> task.getCode().getCodingFirstRep().getCode(), Function.identity()));
    }
}
