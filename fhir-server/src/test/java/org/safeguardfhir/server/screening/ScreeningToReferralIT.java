package org.safeguardfhir.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.server.support.FhirServerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A completed screening, submitted over HTTP, becomes the referrals the decision table prescribes (UK rules). */
@FhirServerIntegrationTest
class ScreeningToReferralIT {

    static final String ADULT_BORN = "1990-05-01";

    @Autowired
    IGenericClient client;

    @Autowired
    JdbcTemplate jdbc;

    Screenings screenings;

    @BeforeEach
    void setUp() {
        screenings = new Screenings(client, jdbc);
    }

    @Test
    void adultPositiveWithConsentIsReferredToTheLeadAndTheNrm() {
        Reference patient = screenings.patient(ADULT_BORN);
        String id = process(screenings.example("adult-screening-positive", patient));

        Map<String, Task> tasks = tasksByPathway(id);
        assertThat(tasks)
                .containsOnlyKeys("designated-safeguarding-lead", "nrm-first-responder", "modern-slavery-helpline");
        assertThat(tasks.values()).allSatisfy(task -> {
            assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
            assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.URGENT);
            assertThat(task.getFor().getReference()).isEqualTo(patient.getReference());
            assertThat(task.getFocus().getReference()).isEqualTo("QuestionnaireResponse/" + id);
            assertThat(labels(task)).contains("R", "SDV", "HT");
        });
        var owner = client.read()
                .resource(Organization.class)
                .withId(tasks.get("nrm-first-responder").getOwner().getReferenceElement())
                .execute();
        assertThat(owner.getIdentifierFirstRep().getValue()).isEqualTo("nrm-first-responder");

        List<Flag> flags = screenings.search(Flag.class, "subject=" + patient.getReference());
        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.getStatus()).isEqualTo(Flag.FlagStatus.ACTIVE);
            assertThat(labels(flag)).contains("R", "SDV", "HT");
        });
        assertThat(observation(id).getValueCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("positive");
        assertThat(conditions(id)).singleElement().satisfies(condition -> {
            assertThat(condition.getVerificationStatus().getCodingFirstRep().getCode())
                    .isEqualTo("provisional");
            assertThat(codes(condition)).containsExactly("labour", "T76.61");
            assertThat(labels(condition)).contains("R", "HT");
        });
        assertThat(provenances(id)).singleElement().satisfies(provenance -> assertThat(provenance.getTarget())
                .hasSize(tasks.size() + 3));
        var stored =
                client.read().resource(QuestionnaireResponse.class).withId(id).execute();
        assertThat(labels(stored)).contains("R", "HT");
    }

    @Test
    void adultPositiveWithoutConsentHoldsTheNrmAndNotifiesAnonymously() {
        Reference patient = screenings.patient(ADULT_BORN);
        String id = process(screenings.example("adult-screening-positive-duty-to-notify", patient));

        Map<String, Task> tasks = tasksByPathway(id);
        assertThat(tasks).containsOnlyKeys("designated-safeguarding-lead", "nrm-first-responder");
        Task nrm = tasks.get("nrm-first-responder");
        assertThat(nrm.getStatus()).isEqualTo(Task.TaskStatus.ONHOLD);
        assertThat(nrm.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("awaiting-consent");

        List<Task> anonymous =
                screenings
                        .search(Task.class, "code=" + pathway("duty-to-notify") + "&authored-on=ge2000-01-01")
                        .stream()
                        .filter(task -> !task.hasFor())
                        .filter(task -> provenances(id).stream()
                                .anyMatch(p -> p.getTarget().stream().anyMatch(t -> t.getReferenceElement()
                                        .getIdPart()
                                        .equals(task.getIdElement().getIdPart()))))
                        .toList();
        assertThat(anonymous).singleElement().satisfies(task -> {
            assertThat(task.hasFocus()).isFalse();
            assertThat(task.hasRequester()).isFalse();
            assertThat(task.getAuthoredOnElement().getValueAsString()).hasSize(10);
            assertThat(task.getIdentifierFirstRep().getValue()).doesNotContain(id);
            assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        });
    }

    @Test
    void childIsReferredToChildProtectionWithoutAskingConsent() {
        String id = process(screenings.example("child-screening-positive", screenings.patient("2012-02-02")));

        Map<String, Task> tasks = tasksByPathway(id);
        assertThat(tasks).containsOnlyKeys("designated-safeguarding-lead", "child-protection");
        assertThat(tasks.values())
                .allSatisfy(task -> assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED));
    }

    @Test
    void adultQuestionnaireForSomeoneUnder18FollowsTheChildPathway() {
        String id = process(screenings.example("adult-screening-positive", screenings.patient("2010-01-01")));

        assertThat(tasksByPathway(id)).containsOnlyKeys("designated-safeguarding-lead", "child-protection");
        assertThat(conditions(id)).singleElement().satisfies(condition -> assertThat(codes(condition))
                .containsExactly("labour", "T76.62"));
    }

    @Test
    void immediateDangerCallsThePoliceAtStatPriorityWhateverTheConsent() {
        String id = process(screenings.example("adult-screening-immediate-danger", screenings.patient(ADULT_BORN)));

        Map<String, Task> tasks = tasksByPathway(id);
        assertThat(tasks).containsKeys("designated-safeguarding-lead", "police-emergency");
        assertThat(tasks.get("police-emergency").getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(tasks.values())
                .allSatisfy(task -> assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.STAT));
    }

    @Test
    void negativeScreenRecordsOnlyARestrictedObservation() {
        Reference patient = screenings.patient(ADULT_BORN);
        String id = process(screenings.example("adult-screening-negative", patient));

        assertThat(tasksByPathway(id)).isEmpty();
        assertThat(screenings.search(Flag.class, "subject=" + patient.getReference()))
                .isEmpty();
        assertThat(conditions(id)).isEmpty();
        Observation result = observation(id);
        assertThat(result.getValueCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("negative");
        assertThat(labels(result)).contains("R", "HT");
    }

    @Test
    void rescreeningThePatientKeepsOneFlag() {
        Reference patient = screenings.patient(ADULT_BORN);
        process(screenings.example("adult-screening-positive", patient));
        process(screenings.example("adult-screening-positive-duty-to-notify", patient));

        assertThat(screenings.search(Flag.class, "subject=" + patient.getReference()))
                .hasSize(1);
    }

    String process(QuestionnaireResponse response) {
        String id = screenings.submit(response);
        screenings.awaitProcessed(id);
        assertThat(screenings.deadLetters(id)).as("dead letters").isZero();
        return id;
    }

    Map<String, Task> tasksByPathway(String responseId) {
        return screenings.search(Task.class, "focus=QuestionnaireResponse/" + responseId).stream()
                .filter(task -> task.getStatus() != Task.TaskStatus.CANCELLED)
                .collect(Collectors.toMap(
                        task -> task.getCode().getCodingFirstRep().getCode(), Function.identity()));
    }

    Observation observation(String responseId) {
        return screenings.search(Observation.class, "derived-from=QuestionnaireResponse/" + responseId).stream()
                .findFirst()
                .orElseThrow();
    }

    List<Condition> conditions(String responseId) {
        return screenings.search(Condition.class, "evidence-detail=QuestionnaireResponse/" + responseId);
    }

    List<Provenance> provenances(String responseId) {
        return screenings.search(Provenance.class, "entity=QuestionnaireResponse/" + responseId);
    }

    static List<String> labels(Resource resource) {
        return resource.getMeta().getSecurity().stream().map(Coding::getCode).toList();
    }

    static List<String> codes(Condition condition) {
        return condition.getCode().getCoding().stream().map(Coding::getCode).toList();
    }

    static String pathway(String code) {
        return "https://safeguardfhir.org/fhir/CodeSystem/referral-pathway|" + code;
    }
}
