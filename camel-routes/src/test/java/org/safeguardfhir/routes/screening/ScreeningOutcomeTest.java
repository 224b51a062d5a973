package org.safeguardfhir.routes.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safeguardfhir.terminology.Canonicals;

class ScreeningOutcomeTest {

    @ParameterizedTest
    @EnumSource(ScreeningOutcome.class)
    void fromCodeFindsEveryOutcomeByItsCode(ScreeningOutcome outcome) {
        assertThat(ScreeningOutcome.fromCode(outcome.code())).contains(outcome);
    }

    @Test
    void fromCodeOfAnUnknownCodeIsEmpty() {
        assertThat(ScreeningOutcome.fromCode("HIGH_RISK")).isEmpty();
        assertThat(ScreeningOutcome.fromCode(null)).isEmpty();
    }

    @Test
    void onlyNegativeIsNotPositive() {
        assertThat(ScreeningOutcome.NEGATIVE.isPositive()).isFalse();
        assertThat(ScreeningOutcome.POSITIVE.isPositive()).isTrue();
        assertThat(ScreeningOutcome.HIGH_RISK.isPositive()).isTrue();
        assertThat(ScreeningOutcome.IMMEDIATE_DANGER.isPositive()).isTrue();
    }

    @Test
    void atLeastIsTheMoreSevereEitherWayRound() {
        assertThat(ScreeningOutcome.POSITIVE.atLeast(ScreeningOutcome.HIGH_RISK))
                .isEqualTo(ScreeningOutcome.HIGH_RISK);
        assertThat(ScreeningOutcome.HIGH_RISK.atLeast(ScreeningOutcome.POSITIVE))
                .isEqualTo(ScreeningOutcome.HIGH_RISK);
        assertThat(ScreeningOutcome.NEGATIVE.atLeast(ScreeningOutcome.NEGATIVE)).isEqualTo(ScreeningOutcome.NEGATIVE);
    }

    @Test
    void codesAreThoseOfTheCodeSystemInIncreasingSeverity() {
        assertThat(Arrays.stream(ScreeningOutcome.values()).map(ScreeningOutcome::code))
                .containsExactlyElementsOf(
                        CodeSystemFile.displays(Canonicals.SCREENING_OUTCOME).keySet());
    }
}
