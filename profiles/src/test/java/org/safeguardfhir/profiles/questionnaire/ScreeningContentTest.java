package org.safeguardfhir.profiles.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeSystem.ConceptPropertyComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemOperator;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionContainsComponent;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguardfhir.terminology.Canonicals;

/** What the screens ask, when, and what they record: the safeguarding rules behind the structure. */
class ScreeningContentTest {

    static Stream<Named<Questionnaire>> questionnaires() {
        return ScreeningArtefacts.namedQuestionnaires();
    }

    @ParameterizedTest
    @MethodSource("questionnaires")
    void asksThePrivateQuestionsOnlyWhenThePatientIsSeenAlone(Questionnaire questionnaire) {
        QuestionnaireItemComponent seenAlone = item(questionnaire, "context.seen-alone");
        QuestionnaireItemComponent privateQuestions = item(questionnaire, "private");

        assertThat(seenAlone.getRequired()).isTrue();
        assertThat(privateQuestions.getEnableWhen()).singleElement().satisfies(condition -> {
            assertThat(condition.getQuestion()).isEqualTo("context.seen-alone");
            assertThat(condition.getOperator()).isEqualTo(QuestionnaireItemOperator.EQUAL);
            assertThat(((BooleanType) condition.getAnswer()).booleanValue()).isTrue();
        });
        assertThat(privateQuestions.getItem())
                .filteredOn(i -> i.getType() == Questionnaire.QuestionnaireItemType.CHOICE)
                .hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(q -> assertThat(q.getAnswerValueSet())
                        .as("the patient may decline to answer %s", q.getLinkId())
                        .isEqualTo(Canonicals.valueSet(Canonicals.SCREENING_ANSWER)));
    }

    @ParameterizedTest
    @MethodSource("questionnaires")
    void requiresAJudgementOfImmediateDangerAndCalculatesAReadOnlyOutcome(Questionnaire questionnaire) {
        QuestionnaireItemComponent outcome = item(questionnaire, OutcomeExpression.OUTCOME_LINK_ID);

        assertThat(item(questionnaire, "danger.immediate").getRequired()).isTrue();
        assertThat(outcome.getReadOnly()).isTrue();
        assertThat(outcome.getRequired()).isTrue();
        assertThat(outcome.getAnswerValueSet()).isEqualTo(Canonicals.valueSet(Canonicals.SCREENING_OUTCOME));
        assertThat(OutcomeExpression.of(questionnaire).all())
                .allSatisfy(e -> assertThat(e.getLanguage()).isEqualTo("text/fhirpath"));
        assertThat(OutcomeExpression.of(questionnaire).calculated().getDescription())
                .contains("immediate-danger");
    }

    @Test
    void adultScreenAsksConsentForEveryPathwayThatNeedsItAndOffersTheAnonymousDutyToNotify() {
        Questionnaire adult = ScreeningArtefacts.questionnaire(ScreeningArtefacts.ADULT);

        assertThat(pathwaysRecorded(adult))
                .containsAll(pathwaysNeedingConsent())
                .contains("duty-to-notify");
        assertThat(item(adult, "consent.uk.duty-to-notify").getEnableWhen())
                .singleElement()
                .satisfies(condition -> {
                    assertThat(condition.getQuestion()).isEqualTo("consent.uk.nrm");
                    assertThat(((Coding) condition.getAnswer()).getCode()).isEqualTo("no");
                });
    }

    @Test
    void childScreenHasNoConsentGateAndRecordsThatNoneIsNeeded() {
        Questionnaire child = ScreeningArtefacts.questionnaire(ScreeningArtefacts.CHILD);
        QuestionnaireItemComponent noConsent = item(child, "referral.consent-not-required");

        assertThat(pathwaysRecorded(child)).doesNotContainAnyElementsOf(pathwaysNeedingConsent());
        assertThat(noConsent.getReadOnly()).isTrue();
        assertThat(noConsent.getInitialFirstRep().getValueBooleanType().booleanValue())
                .isTrue();
    }

    @Test
    void clinicianIndicatorValueSetHoldsExactlyTheIndicatorsAClinicianObserves() {
        List<String> observedByClinician = ScreeningArtefacts.codeSystems().stream()
                .filter(cs -> cs.getUrl().equals(Canonicals.codeSystem(Canonicals.TRAFFICKING_INDICATOR)))
                .flatMap(cs -> cs.getConcept().stream())
                .flatMap(category -> category.getConcept().stream())
                .filter(indicator ->
                        "clinician".equals(property(indicator, "observedBy").orElse(null)))
                .map(ConceptDefinitionComponent::getCode)
                .toList();

        assertThat(ScreeningValidation.expand(Canonicals.valueSet(Canonicals.TRAFFICKING_INDICATOR_CLINICIAN)))
                .extracting(ValueSetExpansionContainsComponent::getCode)
                .containsExactlyInAnyOrderElementsOf(observedByClinician);
    }

    @ParameterizedTest
    @MethodSource("questionnaires")
    void itemCodesNameOnlyIndicatorsThatExist(Questionnaire questionnaire) {
        List<Coding> indicators = itemConcepts(questionnaire)
                .flatMap(c -> c.getProperty().stream())
                .filter(p -> p.getCode().equals("indicator"))
                .map(ConceptPropertyComponent::getValueCoding)
                .toList();

        assertThat(indicators).isNotEmpty().allSatisfy(indicator -> assertThat(
                        ScreeningArtefacts.concept(indicator.getSystem(), indicator.getCode()))
                .as("indicator %s", indicator.getCode())
                .isPresent());
    }

    private static List<String> pathwaysRecorded(Questionnaire questionnaire) {
        return itemConcepts(questionnaire)
                .flatMap(c -> c.getProperty().stream())
                .filter(p -> p.getCode().equals("pathway"))
                .map(p -> p.getValueCoding().getCode())
                .toList();
    }

    private static List<String> pathwaysNeedingConsent() {
        return ScreeningArtefacts.codeSystems().stream()
                .filter(cs -> cs.getUrl().equals(Canonicals.codeSystem(Canonicals.REFERRAL_PATHWAY)))
                .flatMap(cs -> cs.getConcept().stream())
                .filter(p -> "true".equals(property(p, "requiresConsent").orElse(null)))
                .map(ConceptDefinitionComponent::getCode)
                .toList();
    }

    private static Stream<ConceptDefinitionComponent> itemConcepts(Questionnaire questionnaire) {
        return ScreeningArtefacts.items(questionnaire).stream()
                .flatMap(i -> i.getCode().stream())
                .map(c -> ScreeningArtefacts.concept(c.getSystem(), c.getCode()).orElseThrow());
    }

    private static Optional<String> property(ConceptDefinitionComponent concept, String code) {
        return concept.getProperty().stream()
                .filter(p -> p.getCode().equals(code))
                .map(p -> p.getValue().primitiveValue())
                .findFirst();
    }

    static QuestionnaireItemComponent item(Questionnaire questionnaire, String linkId) {
        return ScreeningArtefacts.items(questionnaire).stream()
                .filter(i -> i.getLinkId().equals(linkId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item " + linkId + " in " + questionnaire.getUrl()));
    }
}
