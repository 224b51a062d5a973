package org.safeguardfhir.profiles.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safeguardfhir.profiles.questionnaire.Responses.withAnswer;
import static org.safeguardfhir.profiles.questionnaire.Responses.withoutAnswers;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguardfhir.profiles.sdc.SdcExpressions;
import org.safeguardfhir.terminology.Canonicals;

/**
 * The calculated outcome: its FHIRPath parses, it reproduces the outcome each example records, and it follows the
 * documented rule (any yes for adults; a count of two for children; coercion and danger first).
 */
class OutcomeExpressionTest {

    private static final OutcomeExpression ADULT =
            OutcomeExpression.of(ScreeningArtefacts.questionnaire(ScreeningArtefacts.ADULT));
    private static final OutcomeExpression CHILD =
            OutcomeExpression.of(ScreeningArtefacts.questionnaire(ScreeningArtefacts.CHILD));

    static Stream<Named<Questionnaire>> questionnaires() {
        return ScreeningArtefacts.namedQuestionnaires();
    }

    static Stream<Named<Path>> responses() {
        return ScreeningArtefacts.namedResponseFiles();
    }

    @ParameterizedTest
    @MethodSource("questionnaires")
    void everyExpressionIsValidFhirPath(Questionnaire questionnaire) throws Exception {
        SdcExpressions fhirPath = OutcomeExpression.EXPRESSIONS;

        for (Expression expression : OutcomeExpression.of(questionnaire).all()) {
            assertThat(fhirPath.parse(expression.getExpression()))
                    .as(expression.getExpression())
                    .isNotNull();
        }
        assertThatThrownBy(() -> fhirPath.parse("iif(%immediateDanger, 'immediate-danger'"))
                .as("the parser rejects a broken expression")
                .isInstanceOf(Exception.class);
    }

    @ParameterizedTest
    @MethodSource("responses")
    void exampleRecordsTheOutcomeItsQuestionnaireCalculates(Path file) {
        QuestionnaireResponse response = (QuestionnaireResponse) ScreeningArtefacts.parse(file);
        Coding recorded = Responses.item(response, OutcomeExpression.OUTCOME_LINK_ID)
                .getAnswerFirstRep()
                .getValueCoding();

        Coding calculated = OutcomeExpression.of(ScreeningArtefacts.questionnaireOf(response))
                .evaluateCoding(response);

        assertThat(recorded.getSystem()).isEqualTo(Canonicals.codeSystem(Canonicals.SCREENING_OUTCOME));
        assertThat(calculated.getSystem())
                .as("a renderer selects the calculated Coding among the value set's")
                .isEqualTo(recorded.getSystem());
        assertThat(calculated.getCode()).isEqualTo(recorded.getCode());
    }

    @Test
    void adultScreenIsPositiveOnAnySingleYes() {
        QuestionnaireResponse negative = ScreeningArtefacts.response("adult-screening-negative");

        assertThat(ADULT.evaluate(negative)).isEqualTo("negative");
        assertThat(ADULT.evaluate(withAnswer(negative, "private.debt", "yes"))).isEqualTo("positive");
        assertThat(ADULT.evaluate(withAnswer(negative, "context.interpreter", "family-friend-accompanying")))
                .as("a companion who interprets is an indicator")
                .isEqualTo("positive");
    }

    @Test
    void notSureAndPrefersNotToAnswerNeverCount() {
        QuestionnaireResponse negative = ScreeningArtefacts.response("adult-screening-negative");
        QuestionnaireResponse undecided =
                withAnswer(withAnswer(negative, "private.threats", "unsure"), "private.forced-sex", "declined");

        assertThat(ADULT.evaluate(undecided)).isEqualTo("negative");
    }

    @Test
    void twoCoercionAnswersMakeHighRiskAndImmediateDangerOverridesAll() {
        QuestionnaireResponse coerced = withAnswer(
                withAnswer(ScreeningArtefacts.response("adult-screening-negative"), "private.documents", "yes"),
                "private.movement",
                "yes");

        assertThat(ADULT.evaluate(coerced)).isEqualTo("high-risk");
        assertThat(ADULT.evaluate(withAnswer(coerced, "danger.immediate", "yes")))
                .isEqualTo("immediate-danger");
        assertThat(ADULT.evaluate(withAnswer(coerced, "danger.immediate", "unsure")))
                .isEqualTo("high-risk");
    }

    @Test
    void childScreenNeedsTwoFindingsUnlessOneIsACoercionAnswer() {
        QuestionnaireResponse nothing = childWithNoFindings();

        assertThat(CHILD.evaluate(nothing)).isEqualTo("negative");
        assertThat(CHILD.evaluate(withAnswer(nothing, "private.money", "yes"))).isEqualTo("negative");
        assertThat(CHILD.evaluate(withAnswer(withAnswer(nothing, "private.money", "yes"), "private.living", "yes")))
                .isEqualTo("positive");
        assertThat(CHILD.evaluate(withAnswer(nothing, "private.threats", "yes")))
                .isEqualTo("positive");
        assertThat(CHILD.evaluate(
                        withAnswer(withAnswer(nothing, "private.threats", "yes"), "private.forced-sex", "yes")))
                .isEqualTo("high-risk");
    }

    @Test
    void companionWhoSpeaksForTheChildCountsOnceEvenWhenAlsoSelectedAsAnIndicator() {
        QuestionnaireResponse speaksForChild = withAnswer(
                withAnswer(
                        withAnswer(ScreeningArtefacts.response("child-screening-positive"), "private.living", "no"),
                        "private.money",
                        "no"),
                "observed.indicators",
                "companion-speaks-for-patient");

        assertThat(Responses.item(speaksForChild, "context.companion-speaks")
                        .getAnswerFirstRep()
                        .getValueBooleanType()
                        .booleanValue())
                .isTrue();
        assertThat(CHILD.evaluate(speaksForChild)).isEqualTo("negative");
        assertThat(CHILD.evaluate(withAnswer(speaksForChild, "observed.indicators", "untreated-injuries")))
                .isEqualTo("positive");
    }

    /** The high-risk child example with every yes answer turned to no and no observed indicator. */
    private static QuestionnaireResponse childWithNoFindings() {
        QuestionnaireResponse response = ScreeningArtefacts.response("child-screening-high-risk");
        for (String linkId : new String[] {"private.money", "private.threats", "private.forced-sex"}) {
            response = withAnswer(response, linkId, "no");
        }
        return withoutAnswers(response, "observed.indicators");
    }
}
