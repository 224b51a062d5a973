package org.safeguardfhir.profiles.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemOperator;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguardfhir.profiles.ConformancePackage;

/** Both screening Questionnaires (and, where it says so, each language variant) are well-formed FHIR R4 and SDC: coded, bound, ordered and translated. */
class QuestionnaireStructureTest {

    private static final String SDC_LAUNCH_CONTEXT = "http://hl7.org/fhir/uv/sdc/CodeSystem/launchContext";
    private static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?\\d(?:[ -]?\\d){2,}");
    private static final Pattern CONTACT_ADDRESS = Pattern.compile("@|www\\.|https?://");

    static Stream<Named<Questionnaire>> questionnaires() {
        return ScreeningArtefacts.namedQuestionnaires();
    }

    static Stream<Named<Questionnaire>> variants() {
        return ScreeningArtefacts.namedVariants();
    }

    @ParameterizedTest
    @MethodSource("questionnaires")
    void declaresCanonicalMetadata(Questionnaire questionnaire) {
        assertThat(questionnaire.getUrl()).isEqualTo(ConformancePackage.questionnaire(questionnaire.getIdPart()));
        assertThat(questionnaire.getVersion()).isEqualTo(ConformancePackage.VERSION);
        assertThat(questionnaire.getStatus()).isEqualTo(PublicationStatus.ACTIVE);
        assertThat(questionnaire.getDateElement().getValueAsString()).isEqualTo("2026-11-22");
        assertThat(questionnaire.getPublisher()).isEqualTo("Safeguard FHIR");
        assertThat(questionnaire.getSubjectType()).extracting(t -> t.getValue()).containsExactly("Patient");
        assertThat(questionnaire.getDescription()).isNotBlank();
        assertThat(questionnaire.getPurpose()).isNotBlank();
        assertThat(norwegian(questionnaire.getTitleElement())).as("nb title").isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void validatesWithoutErrorsAgainstBaseFhir(Questionnaire questionnaire) {
        // The offline chain has no SDC package, whose launchContext code system names the launch context.
        List<SingleValidationMessage> errors = ScreeningValidation.errors(questionnaire).stream()
                .filter(m -> !m.getMessage().contains("'" + SDC_LAUNCH_CONTEXT + "'"))
                .toList();

        assertThat(errors).as(ScreeningValidation.describe(errors)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("questionnaires")
    void everyQuestionAndGroupHasACodeThatExistsInItsCodeSystem(Questionnaire questionnaire) {
        assertThat(ScreeningArtefacts.items(questionnaire)).allSatisfy(item -> {
            if (item.getType() == QuestionnaireItemType.DISPLAY) {
                assertThat(item.getCode())
                        .as("code of display item %s (que-3)", item.getLinkId())
                        .isEmpty();
                return;
            }
            assertThat(item.getCode()).as("code of %s", item.getLinkId()).isNotEmpty();
            for (Coding coding : item.getCode()) {
                assertThat(ScreeningArtefacts.concept(coding.getSystem(), coding.getCode()))
                        .as("%s|%s on %s", coding.getSystem(), coding.getCode(), item.getLinkId())
                        .hasValueSatisfying(c -> assertThat(coding.getDisplay()).isEqualTo(c.getDisplay()));
            }
        });
    }

    @ParameterizedTest
    @MethodSource("questionnaires")
    void everyChoiceItemTakesItsAnswersFromAValueSetThatExpands(Questionnaire questionnaire) {
        assertThat(ScreeningArtefacts.items(questionnaire))
                .filteredOn(QuestionnaireStructureTest::isCoded)
                .isNotEmpty()
                .allSatisfy(item -> {
                    assertThat(item.getAnswerOption())
                            .as("answerOption of %s", item.getLinkId())
                            .isEmpty();
                    assertThat(item.getAnswerValueSet()).startsWith(ConformancePackage.CANONICAL + "/ValueSet/");
                    assertThat(ScreeningValidation.expand(item.getAnswerValueSet()))
                            .as("expansion of %s", item.getAnswerValueSet())
                            .isNotEmpty();
                });
    }

    @ParameterizedTest
    @MethodSource("questionnaires")
    void everyEnableWhenPointsToAnEarlierQuestionWithAnAnswerOfItsType(Questionnaire questionnaire) {
        Map<String, QuestionnaireItemComponent> earlier = new HashMap<>();
        for (QuestionnaireItemComponent item : ScreeningArtefacts.items(questionnaire)) {
            for (QuestionnaireItemEnableWhenComponent condition : item.getEnableWhen()) {
                QuestionnaireItemComponent question = earlier.get(condition.getQuestion());
                assertThat(question)
                        .as("%s depends on %s, which must come earlier", item.getLinkId(), condition.getQuestion())
                        .isNotNull();
                assertAnswerFits(condition, question);
            }
            assertThat(item.getEnableWhen().size() < 2 || item.hasEnableBehavior())
                    .as("enableBehavior of %s", item.getLinkId())
                    .isTrue();
            assertThat(earlier.put(item.getLinkId(), item))
                    .as("duplicate linkId %s", item.getLinkId())
                    .isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("questionnaires")
    void nestedLinkIdsStartWithTheirGroupsLinkId(Questionnaire questionnaire) {
        assertThat(ScreeningArtefacts.items(questionnaire)).allSatisfy(parent -> assertThat(parent.getItem())
                .allSatisfy(child -> assertThat(child.getLinkId()).startsWith(parent.getLinkId() + ".")));
    }

    @ParameterizedTest
    @MethodSource("questionnaires")
    void everyTextHasANorwegianBokmalTranslation(Questionnaire questionnaire) {
        assertThat(ScreeningArtefacts.items(questionnaire)).allSatisfy(item -> {
            assertThat(item.getText()).as("text of %s", item.getLinkId()).isNotBlank();
            assertThat(norwegian(item.getTextElement()))
                    .as("nb text of %s", item.getLinkId())
                    .isNotBlank()
                    .isNotEqualTo(item.getText());
        });
    }

    @ParameterizedTest
    @MethodSource("variants")
    void containsNoPhoneNumberOrContactAddress(Questionnaire questionnaire) {
        // Expressions are never shown, and name code systems by URL.
        Questionnaire shown = questionnaire.copy();
        ScreeningArtefacts.FHIR
                .newTerser()
                .getAllPopulatedChildElementsOfType(shown, Extension.class)
                .forEach(e -> {
                    if (e.getValue() instanceof org.hl7.fhir.r4.model.Expression) {
                        e.setValue(null);
                    }
                });
        List<String> texts =
                ScreeningArtefacts.FHIR.newTerser().getAllPopulatedChildElementsOfType(shown, StringType.class).stream()
                        .map(StringType::getValue)
                        .toList();

        assertThat(texts).isNotEmpty().allSatisfy(text -> {
            assertThat(PHONE_NUMBER.matcher(text).find())
                    .as("phone-number-like string in: %s", text)
                    .isFalse();
            assertThat(CONTACT_ADDRESS.matcher(text).find())
                    .as("contact address in: %s", text)
                    .isFalse();
        });
    }

    private static void assertAnswerFits(
            QuestionnaireItemEnableWhenComponent condition, QuestionnaireItemComponent question) {
        Type answer = condition.getAnswer();
        if (condition.getOperator() == QuestionnaireItemOperator.EXISTS) {
            assertThat(answer.fhirType()).isEqualTo("boolean");
            return;
        }
        String expected =
                switch (question.getType()) {
                    case BOOLEAN -> "boolean";
                    case CHOICE, OPENCHOICE -> "Coding";
                    case STRING, TEXT -> "string";
                    default -> throw new AssertionError("enableWhen on a " + question.getType() + " question");
                };
        assertThat(answer.fhirType())
                .as("answer type for %s", question.getLinkId())
                .isEqualTo(expected);
        if (answer instanceof Coding coding) {
            assertThat(ScreeningValidation.expand(question.getAnswerValueSet()))
                    .as("answer %s of %s", coding.getCode(), question.getLinkId())
                    .anyMatch(c -> c.getSystem().equals(coding.getSystem())
                            && c.getCode().equals(coding.getCode()));
        }
    }

    private static boolean isCoded(QuestionnaireItemComponent item) {
        return item.getType() == QuestionnaireItemType.CHOICE || item.getType() == QuestionnaireItemType.OPENCHOICE;
    }

    /** The content of the core translation extension for Norwegian Bokmål on a string element, or null. */
    static String norwegian(StringType text) {
        return text.getExtensionsByUrl(TRANSLATION).stream()
                .filter(t -> "nb".equals(part(t, "lang")))
                .map(t -> part(t, "content"))
                .findFirst()
                .orElse(null);
    }

    private static String part(Extension translation, String url) {
        Extension part = translation.getExtensionByUrl(url);
        return part == null ? null : part.getValue().primitiveValue();
    }
}
