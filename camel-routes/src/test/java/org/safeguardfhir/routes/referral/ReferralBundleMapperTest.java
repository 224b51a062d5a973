package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
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

class ReferralBundleMapperTest {

    static final ReferralIdentifiers IDENTIFIERS =
            new ReferralIdentifiers("an installation key of 32 bytes!".getBytes(StandardCharsets.UTF_8));

    final ReferralBundleMapper mapper = new ReferralBundleMapper(
            IDENTIFIERS, Icd10cmMap.load(), Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void positiveScreenWritesTasksFlagObservationConditionAndProvenanceByIdentifier() {
        var screening = screening("adult-screening-positive", nothingStored());

        Bundle bundle = map(screening);

        assertThat(urls(bundle))
                .containsExactly(
                        "Task?identifier=" + ReferralIdentifiers.TASK_SYSTEM + "|42.designated-safeguarding-lead",
                        "Task?identifier=" + ReferralIdentifiers.TASK_SYSTEM + "|42.nrm-first-responder",
                        "Task?identifier=" + ReferralIdentifiers.TASK_SYSTEM + "|42.modern-slavery-helpline",
                        "Flag?identifier=" + ReferralIdentifiers.FLAG_SYSTEM + "|7",
                        "Observation?identifier=" + ReferralIdentifiers.OBSERVATION_SYSTEM + "|42",
                        "Condition?identifier=" + ReferralIdentifiers.CONDITION_SYSTEM + "|42.labour",
                        "Provenance");
        var provenance = (Provenance) bundle.getEntry().get(6).getResource();
        assertThat(provenance.getTarget()).hasSize(6);
        assertThat(provenance.getEntityFirstRep().getWhat().getReference())
                .isEqualTo("QuestionnaireResponse/42/_history/1");
        var condition = (Condition) bundle.getEntry().get(5).getResource();
        assertThat(condition.getCode().getCoding()).extracting("code").containsExactly("labour", "T76.61");
    }

    @Test
    void dutyToNotifyTaskCarriesNothingThatIdentifiesThePatient() {
        Bundle bundle = map(screening("adult-screening-positive-duty-to-notify", nothingStored()));

        Task anonymous = tasks(bundle).stream()
                .filter(task -> task.getCode().getCodingFirstRep().getCode().equals("duty-to-notify"))
                .findFirst()
                .orElseThrow();
        assertThat(anonymous.hasFor()).isFalse();
        assertThat(anonymous.hasFocus()).isFalse();
        assertThat(anonymous.hasRequester()).isFalse();
        assertThat(anonymous.getAuthoredOnElement().getValueAsString()).isEqualTo("2026-11-22");
        assertThat(anonymous.getIdentifierFirstRep().getValue())
                .isEqualTo(IDENTIFIERS.anonymousTask("42", ReferralPathway.DUTY_TO_NOTIFY))
                .doesNotContain("42.");
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
        amended.getItem().stream()
                .filter(item -> item.getLinkId().equals("consent"))
                .flatMap(item -> item.getItem().stream())
                .filter(item -> item.getLinkId().equals("consent.uk"))
                .flatMap(item -> item.getItem().stream())
                .filter(item -> item.getLinkId().equals("consent.uk.nrm"))
                .forEach(item -> item.getAnswerFirstRep().getValueCoding().setCode("yes"));

        Bundle bundle = map(screening(amended, storedFrom(first, false)));

        assertThat(tasks(bundle))
                .extracting(task -> task.getCode().getCodingFirstRep().getCode(), task -> task.getStatus()
                        .toCode())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("nrm-first-responder", "requested"),
                        org.assertj.core.groups.Tuple.tuple("duty-to-notify", "cancelled"));
    }

    @Test
    void negativeScreenOfAFlaggedPatientLowersTheFlagOnlyWhenNoOtherScreeningSupportsIt() {
        var positive = map(screening("adult-screening-positive", nothingStored()));

        var lowered = map(screening("adult-screening-negative", storedFrom(positive, false)));
        var kept = map(screening("adult-screening-negative", storedFrom(positive, true)));

        assertThat(resources(lowered, Flag.class)).singleElement().satisfies(flag -> assertThat(flag.getStatus())
                .isEqualTo(Flag.FlagStatus.INACTIVE));
        assertThat(resources(kept, Flag.class)).isEmpty();
        assertThat(resources(lowered, Condition.class)).singleElement().satisfies(c -> assertThat(
                        c.getVerificationStatus().getCodingFirstRep().getCode())
                .isEqualTo("refuted"));
    }

    Bundle map(ScreeningCase screening) {
        ScreeningAssessment assessment = new ScreeningAssessor().assess(screening.response(), screening.birthDate());
        ReferralPlan plan = new ReferralPlanner()
                .plan(assessment, Jurisdiction.UK, ConsentState.of(assessment.consent(), List.of()));
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
        return new ExistingOutputs(List.of(), Optional.empty(), Optional.empty(), List.of(), false);
    }

    /** What the server would hold after committing {@code bundle}: each resource with an id of its own. */
    static ExistingOutputs storedFrom(Bundle bundle, boolean otherPositiveScreening) {
        List<Task> tasks = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        Flag flag = null;
        Observation observation = null;
        int id = 100;
        for (Resource resource : resources(bundle, Resource.class)) {
            var stored = resource.copy();
            stored.setId(resource.fhirType() + "/" + id++ + "/_history/1");
            if (stored instanceof Task task) {
                tasks.add(task);
            } else if (stored instanceof Condition condition) {
                conditions.add(condition);
            } else if (stored instanceof Flag storedFlag) {
                flag = storedFlag;
            } else if (stored instanceof Observation result) {
                observation = result;
            }
        }
        return new ExistingOutputs(
                tasks, Optional.ofNullable(flag), Optional.ofNullable(observation), conditions, otherPositiveScreening);
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
