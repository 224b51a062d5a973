package org.safeguardfhir.routes.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScreeningOutcomeRuleTest {

    private final ScreeningOutcomeRule rule = new ScreeningOutcomeRule();

    @ParameterizedTest
    @FieldSource("org.safeguardfhir.routes.screening.Examples#RESPONSES")
    void recomputeReproducesTheOutcomeEachExampleRecords(String example) {
        ScreeningAnswers answers = ScreeningAnswers.of(Examples.response(example));

        assertThat(rule.recompute(answers).code())
                .isEqualTo(answers.code("outcome").orElseThrow());
    }

    @Test
    void everyShippedExampleResponseIsChecked() throws IOException {
        Path examples = Path.of("../profiles/src/main/resources/fhir/examples");
        try (Stream<Path> files = Files.list(examples)) {
            assertThat(files.map(f -> f.getFileName().toString())
                            .filter(f -> f.startsWith("QuestionnaireResponse-"))
                            .map(f -> f.substring("QuestionnaireResponse-".length(), f.length() - ".json".length())))
                    .containsExactlyInAnyOrderElementsOf(Examples.RESPONSES);
        }
    }

    @Test
    void adultWithNothingFoundIsNegative() {
        assertThat(rule.recompute(ScreeningResponse.adult()
                        .answer("private.debt", "no")
                        .answer("danger.immediate", "no")
                        .answers()))
                .isEqualTo(ScreeningOutcome.NEGATIVE);
    }

    @Test
    void adultWithOneYesIsPositive() {
        assertThat(rule.recompute(
                        ScreeningResponse.adult().answer("private.debt", "yes").answers()))
                .isEqualTo(ScreeningOutcome.POSITIVE);
    }

    @Test
    void adultWithOneObservedIndicatorIsPositive() {
        assertThat(rule.recompute(ScreeningResponse.adult()
                        .answer("observed.indicators", "untreated-injuries")
                        .answers()))
                .isEqualTo(ScreeningOutcome.POSITIVE);
    }

    @Test
    void adultWithACompanionWhoSpeaksOrInterpretsIsPositive() {
        assertThat(rule.recompute(ScreeningResponse.adult()
                        .answer("context.companion-speaks", true)
                        .answers()))
                .isEqualTo(ScreeningOutcome.POSITIVE);
        assertThat(rule.recompute(ScreeningResponse.adult()
                        .answer("context.interpreter", "family-friend-accompanying")
                        .answers()))
                .isEqualTo(ScreeningOutcome.POSITIVE);
        assertThat(rule.recompute(ScreeningResponse.adult()
                        .answer("context.companion-speaks", false)
                        .answer("context.interpreter", "professional")
                        .answers()))
                .isEqualTo(ScreeningOutcome.NEGATIVE);
    }

    @Test
    void adultWithTwoCoercionYesAnswersIsHighRisk() {
        assertThat(rule.recompute(ScreeningResponse.adult()
                        .answer("private.documents", "yes")
                        .answer("private.forced-sex", "yes")
                        .answers()))
                .isEqualTo(ScreeningOutcome.HIGH_RISK);
    }

    @Test
    void twoYesAnswersOfWhichOneIsNotCoercionAreOnlyPositive() {
        assertThat(rule.recompute(ScreeningResponse.adult()
                        .answer("private.documents", "yes")
                        .answer("private.debt", "yes")
                        .answers()))
                .isEqualTo(ScreeningOutcome.POSITIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "unsure", "declined"})
    void answersOtherThanYesNeverCount(String answer) {
        assertThat(rule.recompute(ScreeningResponse.adult()
                        .answer("private.documents", answer)
                        .answer("private.threats", answer)
                        .answers()))
                .isEqualTo(ScreeningOutcome.NEGATIVE);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void notBeingSureAboutImmediateDangerIsHighRiskOnEitherForm(boolean child) {
        ScreeningResponse response = child ? ScreeningResponse.child() : ScreeningResponse.adult();

        assertThat(rule.recompute(response.answer("danger.immediate", "unsure").answers()))
                .isEqualTo(ScreeningOutcome.HIGH_RISK);
    }

    @Test
    void theAdultFormsAgeQuestionIsNoSignOfExploitation() {
        assertThat(rule.recompute(
                        ScreeningResponse.adult().answer("private.age", "yes").answers()))
                .isEqualTo(ScreeningOutcome.NEGATIVE);
        assertThat(rule.recompute(ScreeningResponse.child()
                        .answer("private.age", "yes")
                        .answer("private.money", "yes")
                        .answers()))
                .as("on the child form, being told to say you are older is a sign")
                .isEqualTo(ScreeningOutcome.POSITIVE);
    }

    @Test
    void childWithASingleNonCoercionYesIsNegative() {
        assertThat(rule.recompute(
                        ScreeningResponse.child().answer("private.money", "yes").answers()))
                .isEqualTo(ScreeningOutcome.NEGATIVE);
    }

    @Test
    void childWithTwoFindingsIsPositive() {
        assertThat(rule.recompute(ScreeningResponse.child()
                        .answer("private.money", "yes")
                        .answer("private.living", "yes")
                        .answers()))
                .isEqualTo(ScreeningOutcome.POSITIVE);
        assertThat(rule.recompute(ScreeningResponse.child()
                        .answer("private.money", "yes")
                        .answer("observed.indicators", "untreated-injuries")
                        .answers()))
                .isEqualTo(ScreeningOutcome.POSITIVE);
    }

    @Test
    void childWithASingleCoercionYesIsPositive() {
        assertThat(rule.recompute(ScreeningResponse.child()
                        .answer("private.threats", "yes")
                        .answers()))
                .isEqualTo(ScreeningOutcome.POSITIVE);
    }

    @Test
    void childCompanionWhoSpeaksCountsOnceWhenAlsoRecordedAsAnIndicator() {
        ScreeningResponse response = ScreeningResponse.child()
                .answer("context.companion-speaks", true)
                .answer("observed.indicators", "companion-speaks-for-patient");

        assertThat(rule.recompute(response.answers())).isEqualTo(ScreeningOutcome.NEGATIVE);
        assertThat(rule.recompute(response.answer("private.money", "yes").answers()))
                .isEqualTo(ScreeningOutcome.POSITIVE);
    }

    @Test
    void childWithTwoCoercionYesAnswersIsHighRisk() {
        assertThat(rule.recompute(ScreeningResponse.child()
                        .answer("private.forced-work", "yes")
                        .answer("private.movement", "yes")
                        .answers()))
                .isEqualTo(ScreeningOutcome.HIGH_RISK);
    }

    @Test
    void immediateDangerWinsOverEverythingElse() {
        assertThat(rule.recompute(ScreeningResponse.adult()
                        .answer("danger.immediate", "yes")
                        .answers()))
                .isEqualTo(ScreeningOutcome.IMMEDIATE_DANGER);
        assertThat(rule.recompute(ScreeningResponse.child()
                        .answer("private.documents", "yes")
                        .answer("private.threats", "yes")
                        .answer("danger.immediate", "yes")
                        .answers()))
                .isEqualTo(ScreeningOutcome.IMMEDIATE_DANGER);
    }

    @Test
    void decideRaisesAClientNegativeToTheHighRiskTheAnswersShow() {
        ScreeningAnswers answers = ScreeningResponse.adult()
                .answer("private.documents", "yes")
                .answer("private.movement", "yes")
                .answer("outcome", "negative")
                .answers();

        assertThat(rule.decide(answers)).isEqualTo(ScreeningOutcome.HIGH_RISK);
    }

    @Test
    void decideKeepsAClinicianEscalationToImmediateDanger() {
        ScreeningAnswers answers = ScreeningResponse.adult()
                .answer("private.debt", "no")
                .answer("outcome", "immediate-danger")
                .answers();

        assertThat(rule.recompute(answers)).isEqualTo(ScreeningOutcome.NEGATIVE);
        assertThat(rule.decide(answers)).isEqualTo(ScreeningOutcome.IMMEDIATE_DANGER);
    }

    @Test
    void decideIgnoresAMissingOrUnknownClientOutcome() {
        ScreeningResponse response = ScreeningResponse.adult().answer("private.debt", "yes");

        assertThat(rule.decide(response.answers())).isEqualTo(ScreeningOutcome.POSITIVE);
        assertThat(rule.decide(response.answer("outcome", "catastrophic").answers()))
                .isEqualTo(ScreeningOutcome.POSITIVE);
    }
}
