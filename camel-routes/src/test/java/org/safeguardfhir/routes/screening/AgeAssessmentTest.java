package org.safeguardfhir.routes.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgeAssessmentTest {

    private static final LocalDate AUTHORED = LocalDate.of(2026, 11, 20);
    private static final Optional<LocalDate> ADULT_BIRTH_DATE = Optional.of(LocalDate.of(1990, 5, 1));

    private final AgeAssessment assessment = new AgeAssessment();

    @Test
    void adultWhenBirthDateShowsEighteenOrOverAndNothingSuggestsOtherwise() {
        ScreeningAnswers answers = ScreeningResponse.adult().answers();

        assertThat(groupOf(answers, ADULT_BIRTH_DATE, AUTHORED)).isEqualTo(AgeGroup.ADULT);
    }

    @Test
    void childWhenTheChildQuestionnaireWasUsed() {
        ScreeningAnswers answers =
                ScreeningResponse.child().answer("private.age", "no").answers();

        assertThat(groupOf(answers, ADULT_BIRTH_DATE, AUTHORED)).isEqualTo(AgeGroup.CHILD);
    }

    @Test
    void childWhenBirthDateUnder18AtAuthored() {
        ScreeningAnswers answers =
                ScreeningResponse.adult().answer("private.age", "no").answers();

        assertThat(groupOf(answers, Optional.of(LocalDate.of(2010, 1, 1)), AUTHORED))
                .isEqualTo(AgeGroup.CHILD);
    }

    @Test
    void adultOnTheEighteenthBirthday() {
        ScreeningAnswers answers = ScreeningResponse.adult().answers();

        assertThat(groupOf(answers, Optional.of(AUTHORED.minusYears(18)), AUTHORED))
                .isEqualTo(AgeGroup.ADULT);
    }

    @Test
    void childOneDayBeforeTheEighteenthBirthday() {
        ScreeningAnswers answers = ScreeningResponse.adult().answers();

        assertThat(groupOf(answers, Optional.of(AUTHORED.minusYears(18).plusDays(1)), AUTHORED))
                .isEqualTo(AgeGroup.CHILD);
    }

    @Test
    void bornOnTwentyNinthFebruaryIsAChildUntilFirstMarchInACommonYear() {
        ScreeningAnswers answers = ScreeningResponse.adult().answers();
        Optional<LocalDate> leapDay = Optional.of(LocalDate.of(2008, 2, 29));

        assertThat(groupOf(answers, leapDay, LocalDate.of(2026, 2, 28))).isEqualTo(AgeGroup.CHILD);
        assertThat(groupOf(answers, leapDay, LocalDate.of(2026, 3, 1))).isEqualTo(AgeGroup.ADULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "unsure"})
    void childWhenThePatientSaysTheyAreUnder18OrNotSure(String answer) {
        ScreeningAnswers answers =
                ScreeningResponse.adult().answer("private.age", answer).answers();

        assertThat(groupOf(answers, ADULT_BIRTH_DATE, AUTHORED)).isEqualTo(AgeGroup.CHILD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"age-uncertain", "age-inconsistent-with-appearance"})
    void childWhenTheClinicianDoubtsTheAge(String indicator) {
        ScreeningAnswers answers = ScreeningResponse.adult()
                .answer("private.age", "no")
                .answer("observed.indicators", "fearful-or-withdrawn", indicator)
                .answers();

        assertThat(groupOf(answers, ADULT_BIRTH_DATE, AUTHORED)).isEqualTo(AgeGroup.CHILD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"declined", "prefer-not-to-say"})
    void anAdultWithNoBirthDateAndNoAgeAnswerIsAnAdultWhoseAgeIsStillToBeEstablished(String answer) {
        ScreeningAnswers unanswered = ScreeningResponse.adult().answers();
        ScreeningAnswers notAnswered =
                ScreeningResponse.adult().answer("private.age", answer).answers();

        assertThat(assessment.assess(unanswered, Optional.empty(), AUTHORED))
                .isEqualTo(new AgeFinding(AgeGroup.ADULT, false));
        assertThat(assessment.assess(notAnswered, Optional.empty(), AUTHORED))
                .isEqualTo(new AgeFinding(AgeGroup.ADULT, false));
    }

    @Test
    void aChildIsAlwaysFoundOnEvidence() {
        assertThat(assessment.assess(ScreeningResponse.child().answers(), Optional.empty(), AUTHORED))
                .isEqualTo(new AgeFinding(AgeGroup.CHILD, true));
        assertThatThrownBy(() -> new AgeFinding(AgeGroup.CHILD, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBirthDateOrTheAgeQuestionAnsweredNoEstablishesAnAdultsAge() {
        assertThat(assessment.assess(ScreeningResponse.adult().answers(), ADULT_BIRTH_DATE, AUTHORED))
                .isEqualTo(new AgeFinding(AgeGroup.ADULT, true));
        assertThat(assessment.assess(
                        ScreeningResponse.adult().answer("private.age", "no").answers(), Optional.empty(), AUTHORED))
                .isEqualTo(new AgeFinding(AgeGroup.ADULT, true));
    }

    @Test
    void adultWhenNoBirthDateButThePatientSaysTheyAreNotUnder18() {
        ScreeningAnswers answers =
                ScreeningResponse.adult().answer("private.age", "no").answers();

        assertThat(groupOf(answers, Optional.empty(), AUTHORED)).isEqualTo(AgeGroup.ADULT);
    }

    @Test
    void adultWhenAnAdultBirthDateAndTheAgeQuestionWasDeclined() {
        ScreeningAnswers answers =
                ScreeningResponse.adult().answer("private.age", "declined").answers();

        assertThat(groupOf(answers, ADULT_BIRTH_DATE, AUTHORED)).isEqualTo(AgeGroup.ADULT);
    }

    private AgeGroup groupOf(ScreeningAnswers answers, Optional<LocalDate> birthDate, LocalDate authoredOn) {
        return assessment.assess(answers, birthDate, authoredOn).group();
    }
}
