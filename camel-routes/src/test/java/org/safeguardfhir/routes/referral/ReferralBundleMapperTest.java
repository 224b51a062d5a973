package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.routes.screening.Examples;
import org.safeguardfhir.routes.screening.ScreeningAssessment;
import org.safeguardfhir.routes.screening.ScreeningAssessor;
import org.safeguardfhir.routes.screening.ScreeningResponses;
import org.safeguardfhir.terminology.Canonicals;

class ReferralBundleMapperTest {

    static final String FLAG = ReferralIdentifiers.FLAG_SYSTEM;

    final ReferralBundleMapper mapper =
            new ReferralBundleMapper(Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void positiveScreenWritesTasksFlagsObservationAndProvenanceButNoCondition() {
        Bundle bundle = map(screening("adult-screening-positive", nothingStored()));

        assertThat(urls(bundle))
                .containsExactly(
                        "Task?identifier=" + ReferralIdentifiers.TASK_SYSTEM + "|42.designated-safeguarding-lead",
                        "Task?identifier=" + ReferralIdentifiers.TASK_SYSTEM + "|42.nrm-first-responder",
                        "Task?identifier=" + ReferralIdentifiers.TASK_SYSTEM + "|42.modern-slavery-helpline",
                        "Flag?identifier=" + FLAG + "|7",
                        "Flag?identifier=" + FLAG + "|7.safe-contact-restricted",
                        "Observation?identifier=" + ReferralIdentifiers.OBSERVATION_SYSTEM + "|42",
                        "Provenance");
        var provenance = (Provenance) bundle.getEntry().get(6).getResource();
        assertThat(provenance.getTarget()).hasSize(6);
        assertThat(provenance.getEntityFirstRep().getWhat().getReference())
                .isEqualTo("QuestionnaireResponse/42/_history/1");
        assertThat(resources(bundle, Condition.class)).isEmpty();
    }

    @Test
    void flagsCarryOnlyTheNeutralLabelAndTasksTheTraffickingLabelWithSdvOnlyForSexualExploitation() {
        Bundle labour = map(screening("adult-screening-positive", nothingStored()));
        Bundle sexual = map(screening("child-screening-high-risk", nothingStored()));

        assertThat(resources(labour, Flag.class)).isNotEmpty().allSatisfy(flag -> assertThat(labels(flag))
                .containsExactlyInAnyOrder("R", "SAFEGUARDING"));
        assertThat(tasks(labour)).isNotEmpty().allSatisfy(task -> assertThat(labels(task))
                .containsExactlyInAnyOrder("R", "HT"));
        assertThat(tasks(sexual)).isNotEmpty().allSatisfy(task -> assertThat(labels(task))
                .containsExactlyInAnyOrder("R", "HT", "SDV"));
    }

    @Test
    void dutyToNotifyIsATaskForTheLeadAboutThePatient() {
        Bundle bundle = map(screening("adult-screening-positive-duty-to-notify", nothingStored()));

        Task consider = task(bundle, "duty-to-notify");
        assertThat(consider.getOwner().getReference()).endsWith("|designated-safeguarding-lead");
        assertThat(consider.getFor().getReference()).isEqualTo("Patient/7");
        assertThat(consider.getFocus().getReference()).isEqualTo("QuestionnaireResponse/42");
        assertThat(consider.getIdentifierFirstRep().getValue()).isEqualTo("42.duty-to-notify");
    }

    @Test
    void theLeadsReviewReasonsAndTheInterpreterToBookAreTaskInputs() {
        var response = Examples.response("adult-screening-amended");
        ScreeningResponses.answer(
                response, "danger.immediate", Canonicals.codeSystem(Canonicals.SCREENING_ANSWER), "unsure", null);
        ScreeningResponses.answer(response, "context.interpreter-language", "urn:ietf:bcp:47", "ro", "Romanian");
        ScreeningResponses.answer(
                response,
                "context.interpreter-mode",
                Canonicals.codeSystem(Canonicals.INTERPRETER_MODE),
                "video",
                null);

        Task lead = task(map(screening(response, nothingStored())), "designated-safeguarding-lead");

        assertThat(lead.getInput())
                .extracting(
                        input -> input.getType().getText() + "/"
                                + input.getType().getCodingFirstRep().getCode(),
                        input -> ((CodeableConcept) input.getValue())
                                .getCodingFirstRep()
                                .getCode())
                .containsExactly(
                        tuple("Lead review reason/null", "same-day-review"),
                        tuple("null/interpreter-language", "ro"),
                        tuple("null/interpreter-mode", "video"));
    }

    @Test
    void aCompanionWhoInterpretedRaisesTheProfessionalInterpreterFlagEvenOnANegativeScreen() {
        var response = Examples.response("adult-screening-negative");
        ScreeningResponses.answer(
                response,
                "context.interpreter",
                Canonicals.codeSystem(Canonicals.INTERPRETER_TYPE),
                "family-friend-accompanying",
                null);
        ScreeningResponses.removeAnswers(response, "observed.indicators");

        Bundle bundle = map(screening(response, nothingStored()));

        assertThat(resources(bundle, Flag.class))
                .extracting(flag -> flag.getCode().getCodingFirstRep().getCode())
                .contains("do-not-use-companion-as-interpreter");
    }

    @Test
    void redeliveryOfWhatIsAlreadyStoredWritesNothing() {
        var first = map(screening("adult-screening-positive", nothingStored()));

        Bundle again = map(screening("adult-screening-positive", storedFrom(first, false)));

        assertThat(again.getEntry()).isEmpty();
    }

    @Test
    void amendmentCancelsTheTaskOfAPathwayThatNoLongerApplies() {
        var first = map(screening("adult-screening-positive-duty-to-notify", nothingStored()));
        var amended = Examples.response("adult-screening-positive-duty-to-notify");
        ScreeningResponses.answer(
                amended, "consent.uk.nrm", Canonicals.codeSystem(Canonicals.SCREENING_ANSWER), "yes", "Yes");

        Bundle bundle = map(screening(amended, storedFrom(first, false)));

        assertThat(tasks(bundle))
                .extracting(task -> task.getCode().getCodingFirstRep().getCode(), task -> task.getStatus()
                        .toCode())
                .containsExactlyInAnyOrder(
                        tuple("nrm-first-responder", "requested"), tuple("duty-to-notify", "cancelled"));
    }

    @Test
    void negativeScreenOfAFlaggedPatientLowersTheFlagOnlyWhenNoOtherScreeningSupportsIt() {
        var positive = map(screening("adult-screening-positive", nothingStored()));

        var lowered = map(screening("adult-screening-negative", storedFrom(positive, false)));
        var kept = map(screening("adult-screening-negative", storedFrom(positive, true)));

        assertThat(resources(lowered, Flag.class)).singleElement().satisfies(flag -> {
            assertThat(flag.getCode().getCodingFirstRep().getCode()).isEqualTo("safeguarding-concern");
            assertThat(flag.getStatus()).isEqualTo(Flag.FlagStatus.INACTIVE);
        });
        assertThat(resources(kept, Flag.class)).isEmpty();
    }

    static List<String> labels(Resource resource) {
        return resource.getMeta().getSecurity().stream().map(Coding::getCode).toList();
    }

    static Task task(Bundle bundle, String pathway) {
        return tasks(bundle).stream()
                .filter(task -> task.getCode().getCodingFirstRep().getCode().equals(pathway))
                .findFirst()
                .orElseThrow();
    }

    Bundle map(ScreeningCase screening) {
        ScreeningAssessment assessment = new ScreeningAssessor().assess(screening.response(), screening.birthDate());
        ReferralPlan plan = new ReferralPlanner()
                .plan(assessment, Jurisdiction.ENGLAND_AND_WALES, ConsentState.of(assessment.consent(), List.of()));
        return mapper.map(screening, assessment, plan);
    }

    static ScreeningCase screening(String example, ExistingOutputs existing) {
        return screening(Examples.response(example), existing);
    }

    static ScreeningCase screening(QuestionnaireResponse response, ExistingOutputs existing) {
        response.setId("QuestionnaireResponse/42/_history/1");
        response.getSubject().setReference("Patient/7");
        return new ScreeningCase(response, Optional.of(LocalDate.of(1990, 1, 1)), List.of(), existing);
    }

    static ExistingOutputs nothingStored() {
        return new ExistingOutputs(List.of(), List.of(), Optional.empty(), false);
    }

    /** What the server would hold after committing {@code bundle}: each resource with an id of its own. */
    static ExistingOutputs storedFrom(Bundle bundle, boolean otherPositiveScreening) {
        List<Task> tasks = new ArrayList<>();
        List<Flag> flags = new ArrayList<>();
        Observation observation = null;
        int id = 100;
        for (Resource resource : resources(bundle, Resource.class)) {
            var stored = resource.copy();
            stored.setId(resource.fhirType() + "/" + id++ + "/_history/1");
            if (stored instanceof Task task) {
                tasks.add(task);
            } else if (stored instanceof Flag storedFlag) {
                flags.add(storedFlag);
            } else if (stored instanceof Observation result) {
                observation = result;
            }
        }
        return new ExistingOutputs(tasks, flags, Optional.ofNullable(observation), otherPositiveScreening);
    }

    static List<String> urls(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getRequest().getUrl()).toList();
    }

    static List<Task> tasks(Bundle bundle) {
        return resources(bundle, Task.class);
    }

    static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream()
                .map(BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }
}
