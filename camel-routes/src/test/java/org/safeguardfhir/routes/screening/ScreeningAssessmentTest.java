package org.safeguardfhir.routes.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScreeningAssessmentTest {

    private static final ConsentAnswers NO_ANSWERS = new ConsentAnswers(Map.of());

    @Test
    void exploitationIsKeptInEnumOrderWhateverOrderItArrivesIn() {
        Set<ExploitationType> reversed = new LinkedHashSet<>(List.of(ExploitationType.LABOUR, ExploitationType.SEXUAL));

        ScreeningAssessment assessment =
                new ScreeningAssessment(ScreeningOutcome.POSITIVE, AgeGroup.ADULT, reversed, NO_ANSWERS);

        assertThat(assessment.exploitation()).containsExactly(ExploitationType.SEXUAL, ExploitationType.LABOUR);
    }

    @Test
    void exploitationCannotBeChangedAfterwards() {
        ScreeningAssessment assessment = new ScreeningAssessment(
                ScreeningOutcome.POSITIVE, AgeGroup.ADULT, Set.of(ExploitationType.UNKNOWN), NO_ANSWERS);

        assertThatThrownBy(() -> assessment.exploitation().add(ExploitationType.SEXUAL))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anOutcomeIsRequired() {
        assertThatThrownBy(() -> new ScreeningAssessment(null, AgeGroup.ADULT, Set.of(), NO_ANSWERS))
                .isInstanceOf(NullPointerException.class);
    }
}
