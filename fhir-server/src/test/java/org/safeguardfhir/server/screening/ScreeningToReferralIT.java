package org.safeguardfhir.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
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
import org.safeguardfhir.terminology.Canonicals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A completed screening, submitted over HTTP, becomes the referrals the decision table prescribes (England and Wales
 * rules), with the labels and Flags the clinical safety case requires.
 */
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
    void adultWillingToBeReferredGoesToTheLeadAndTheNrmFirstResponderWithoutACondition() {
        Reference patient = screenings.patient(ADULT_BORN);
        String id = process(screenings.example("adult-screening-positive", patient));

        Map<String, Task> tasks = tasksByPathway(id);
        assertThat(tasks)
                .containsOnlyKeys("designated-safeguarding-lead", "nrm-first-responder", "modern-slavery-helpline");
        assertThat(businessStatus(tasks.get("nrm-first-responder"))).isEqualTo("willing-to-be-referred");
        assertThat(tasks.values()).allSatisfy(task -> {
            assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
            assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.URGENT);
            assertThat(task.getFor().getReference()).isEqualTo(patient.getReference());
            assertThat(task.getFocus().getReference()).isEqualTo("QuestionnaireResponse/" + id);
            assertThat(labels(task)).as("labour exploitation is not SDV").containsExactlyInAnyOrder("R", "HT");
        });
        var owner = client.read()
                .resource(Organization.class)
                .withId(tasks.get("nrm-first-responder").getOwner().getReferenceElement())
                .execute();
        assertThat(owner.getIdentifierFirstRep().getValue()).isEqualTo("nrm-first-responder");

        assertThat(flags(patient))
                .extracting(ScreeningToReferralIT::flagCode)
                .containsExactlyInAnyOrder("safeguarding-concern", "safe-contact-restricted");
        assertThat(flags(patient)).allSatisfy(flag -> {
            assertThat(flag.getStatus()).isEqualTo(Flag.FlagStatus.ACTIVE);
            assertThat(labels(flag)).containsExactlyInAnyOrder("R", "SAFEGUARDING");
        });
        assertThat(observation(id).getValueCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("positive");
        assertThat(conditions(id))
                .as("no suspicion recorded from the screen alone")
                .isEmpty();
        assertThat(provenances(id)).singleElement().satisfies(provenance -> assertThat(provenance.getTarget())
                .hasSize(tasks.size() + 3));
        var stored =
                client.read().resource(QuestionnaireResponse.class).withId(id).execute();
        assertThat(labels(stored)).contains("R", "HT");
    }

    @Test
    void adultRefusalIsDeclinedAndTheLeadIsAskedToConsiderADutyToNotify() {
        Reference patient = screenings.patient(ADULT_BORN);
        String id = process(screenings.example("adult-screening-positive-duty-to-notify", patient));

        Map<String, Task> tasks = tasksByPathway(id);
        assertThat(tasks).containsOnlyKeys("designated-safeguarding-lead", "nrm-first-responder", "duty-to-notify");
        Task nrm = tasks.get("nrm-first-responder");
        assertThat(nrm.getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
        assertThat(businessStatus(nrm)).isEqualTo("declined-by-patient");
        Task consider = tasks.get("duty-to-notify");
        assertThat(consider.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(consider.getFor().getReference()).isEqualTo(patient.getReference());
        assertThat(client.read()
                        .resource(Organization.class)
                        .withId(consider.getOwner().getReferenceElement())
                        .execute()
                        .getIdentifierFirstRep()
                        .getValue())
                .isEqualTo("designated-safeguarding-lead");
    }

    @Test
    void consentGivenWhenThePatientWasNotSeenAloneIsHeldAsNotObtainedSafely() {
        var response = screenings.example("adult-screening-positive", screenings.patient(ADULT_BORN));
        Screenings.answer(response, "context.seen-alone", new BooleanType(false));
        Screenings.withoutPrivateAnswers(response);
        String id = process(response);

        Map<String, Task> tasks = tasksByPathway(id);
        assertThat(tasks).containsOnlyKeys("designated-safeguarding-lead", "nrm-first-responder", "duty-to-notify");
        assertThat(tasks.get("nrm-first-responder").getStatus()).isEqualTo(Task.TaskStatus.ONHOLD);
        assertThat(businessStatus(tasks.get("nrm-first-responder"))).isEqualTo("consent-not-obtained-safely");
    }

    @Test
    void anAdultWithNoBirthDateAndNoAgeAnswerIsReviewedByTheLeadToEstablishAgeNotReferredAsAChild() {
        var response = screenings.example("adult-screening-positive", screenings.patient(null));
        Screenings.withoutAnswer(response, "private.age");
        String id = process(response);

        Map<String, Task> tasks = tasksByPathway(id);
        assertThat(tasks).doesNotContainKey("child-protection").containsKey("nrm-first-responder");
        assertThat(inputCodes(tasks.get("designated-safeguarding-lead"))).contains("establish-age");
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
    void aNegativeChildScreenWithOneSignStillGoesToTheChildProtectionLead() {
        Reference patient = screenings.patient("2012-02-02");
        var response = Screenings.nothingInPrivate(screenings.example("child-screening-positive", patient));
        Screenings.answer(response, "context.companion-speaks", new BooleanType(false));
        Screenings.answer(response, "context.interpreter", interpreter("none-needed"));
        Screenings.answer(
                response, "outcome", new Coding(Canonicals.codeSystem(Canonicals.SCREENING_OUTCOME), "negative", null));
        String id = process(response);

        assertThat(observation(id).getValueCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("negative");
        Map<String, Task> tasks = tasksByPathway(id);
        assertThat(tasks).containsOnlyKeys("child-protection");
        assertThat(tasks.get("child-protection").getPriority()).isEqualTo(Task.TaskPriority.URGENT);
        assertThat(flags(patient)).extracting(ScreeningToReferralIT::flagCode).doesNotContain("safeguarding-concern");
    }

    @Test
    void adultQuestionnaireForSomeoneUnder18FollowsTheChildPathway() {
        String id = process(screenings.example("adult-screening-positive", screenings.patient("2010-01-01")));

        assertThat(tasksByPathway(id)).containsOnlyKeys("designated-safeguarding-lead", "child-protection");
        assertThat(conditions(id)).isEmpty();
    }

    @Test
    void immediateDangerCallsThePoliceAtStatPriorityAndACompanionInterpreterRaisesItsFlag() {
        Reference patient = screenings.patient(ADULT_BORN);
        String id = process(screenings.example("adult-screening-immediate-danger", patient));

        Map<String, Task> tasks = tasksByPathway(id);
        assertThat(tasks).containsKeys("designated-safeguarding-lead", "police-emergency");
        assertThat(tasks.get("police-emergency").getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(tasks.values())
                .allSatisfy(task -> assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.STAT));
        assertThat(flags(patient))
                .extracting(ScreeningToReferralIT::flagCode)
                .contains("do-not-use-companion-as-interpreter");
    }

    @Test
    void notBeingSureAboutDangerIsHighRiskWithASameDayReviewByTheLead() {
        var response = screenings.example("adult-screening-negative", screenings.patient(ADULT_BORN));
        Screenings.answer(response, "danger.immediate", "unsure");
        String id = process(response);

        assertThat(observation(id).getValueCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("high-risk");
        Task lead = tasksByPathway(id).get("designated-safeguarding-lead");
        assertThat(lead.getPriority()).isEqualTo(Task.TaskPriority.ASAP);
        assertThat(inputCodes(lead)).contains("same-day-review");
    }

    @Test
    void theProfessionalInterpretersLanguageAndModeTravelWithTheReferrals() {
        var response = screenings.example("adult-screening-positive", screenings.patient(ADULT_BORN));
        Screenings.answerAfter(
                response,
                "context.interpreter",
                "context.interpreter-language",
                new Coding("urn:ietf:bcp:47", "ro", "Romanian"));
        Screenings.answerAfter(
                response,
                "context.interpreter-language",
                "context.interpreter-mode",
                new Coding(Canonicals.codeSystem(Canonicals.INTERPRETER_MODE), "video", "By video"));
        String id = process(response);

        assertThat(tasksByPathway(id).values())
                .allSatisfy(task -> assertThat(inputCodes(task)).contains("ro", "video"));
    }

    @Test
    void negativeScreenRecordsOnlyARestrictedObservation() {
        Reference patient = screenings.patient(ADULT_BORN);
        String id = process(screenings.example("adult-screening-negative", patient));

        assertThat(tasksByPathway(id)).isEmpty();
        assertThat(flags(patient)).isEmpty();
        assertThat(conditions(id)).isEmpty();
        Observation result = observation(id);
        assertThat(result.getValueCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("negative");
        assertThat(labels(result)).contains("R", "HT");
    }

    @Test
    void rescreeningThePatientKeepsOneFlagOfEachKind() {
        Reference patient = screenings.patient(ADULT_BORN);
        process(screenings.example("adult-screening-positive", patient));
        process(screenings.example("adult-screening-positive-duty-to-notify", patient));

        assertThat(flags(patient))
                .extracting(ScreeningToReferralIT::flagCode)
                .containsExactlyInAnyOrder("safeguarding-concern", "safe-contact-restricted");
    }

    String process(QuestionnaireResponse response) {
        String id = screenings.submit(response);
        screenings.awaitProcessed(id);
        assertThat(screenings.deadLetters(id)).as("dead letters").isZero();
        return id;
    }

    /** The response's Tasks by pathway; a declined Task is cancelled from the start and is included. */
    Map<String, Task> tasksByPathway(String responseId) {
        return screenings.search(Task.class, "focus=QuestionnaireResponse/" + responseId).stream()
                .filter(task -> task.getStatus() != Task.TaskStatus.CANCELLED
                        || "declined-by-patient".equals(businessStatus(task)))
                .collect(Collectors.toMap(
                        task -> task.getCode().getCodingFirstRep().getCode(), Function.identity()));
    }

    List<Flag> flags(Reference patient) {
        return screenings.search(Flag.class, "subject=" + patient.getReference());
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

    static String businessStatus(Task task) {
        return task.getBusinessStatus().getCodingFirstRep().getCode();
    }

    static List<String> inputCodes(Task task) {
        return task.getInput().stream()
                .filter(input -> input.getValue() instanceof CodeableConcept)
                .map(input ->
                        ((CodeableConcept) input.getValue()).getCodingFirstRep().getCode())
                .toList();
    }

    static String flagCode(Flag flag) {
        return flag.getCode().getCodingFirstRep().getCode();
    }

    static Coding interpreter(String code) {
        return new Coding(Canonicals.codeSystem(Canonicals.INTERPRETER_TYPE), code, null);
    }

    static List<String> labels(Resource resource) {
        return resource.getMeta().getSecurity().stream().map(Coding::getCode).toList();
    }
}
