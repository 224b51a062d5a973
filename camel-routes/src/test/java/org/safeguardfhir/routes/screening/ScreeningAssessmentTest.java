package org.safeguardfhir.routes.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScreeningAssessmentTest {

    private static final AgeFinding ADULT = new AgeFinding(AgeGroup.ADULT, true);
    private static final ConsentAnswers NO_ANSWERS = new ConsentAnswers(Map.of(), true, Optional.empty());

    @Test
    void exploitationIsKeptInEnumOrderWhateverOrderItArrivesIn() {
        Set<ExploitationType> reversed = new LinkedHashSet<>(List.of(ExploitationType.LABOUR, ExploitationType.SEXUAL));

        ScreeningAssessment assessment = new ScreeningAssessment(
                ScreeningOutcome.POSITIVE, ADULT, reversed, NO_ANSWERS, Set.of(), Optional.empty());

        assertThat(assessment.exploitation()).containsExactly(ExploitationType.SEXUAL, ExploitationType.LABOUR);
    }

    @Test
    void exploitationCannotBeChangedAfterwards() {
        ScreeningAssessment assessment = new ScreeningAssessment(
                ScreeningOutcome.POSITIVE,
                ADULT,
                Set.of(ExploitationType.UNKNOWN),
                NO_ANSWERS,
                Set.of(),
                Optional.empty());

        assertThatThrownBy(() -> assessment.exploitation().add(ExploitationType.SEXUAL))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anOutcomeIsRequired() {
        assertThatThrownBy(() -> new ScreeningAssessment(null, ADULT, Set.of(), NO_ANSWERS, Set.of(), Optional.empty()))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theAgeToEstablishFindingGoesWithAnAgeNotEstablished() {
        var unknown = new AgeFinding(AgeGroup.ADULT, false);

        assertThatThrownBy(() -> new ScreeningAssessment(
                        ScreeningOutcome.POSITIVE, unknown, Set.of(), NO_ANSWERS, Set.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScreeningAssessment(
                        ScreeningOutcome.POSITIVE,
                        ADULT,
                        Set.of(),
                        NO_ANSWERS,
                        Set.of(ScreeningFinding.AGE_TO_ESTABLISH),
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
