package org.safeguardfhir.server.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RiskMatrixTest {

    @Test
    void theCornersAndCentreAreThoseOfTheDcb0129Matrix() {
        assertThat(RiskMatrix.risk(Severity.MINOR, Likelihood.VERY_LOW)).isEqualTo(1);
        assertThat(RiskMatrix.risk(Severity.CATASTROPHIC, Likelihood.VERY_LOW)).isEqualTo(3);
        assertThat(RiskMatrix.risk(Severity.MINOR, Likelihood.VERY_HIGH)).isEqualTo(3);
        assertThat(RiskMatrix.risk(Severity.CATASTROPHIC, Likelihood.VERY_HIGH)).isEqualTo(5);
        assertThat(RiskMatrix.risk(Severity.CONSIDERABLE, Likelihood.MEDIUM)).isEqualTo(3);
        assertThat(RiskMatrix.risk(Severity.MAJOR, Likelihood.HIGH)).isEqualTo(4);
    }

    @Test
    void riskNeverFallsAsSeverityOrLikelihoodRises() {
        for (Severity severity : Severity.values()) {
            for (Likelihood likelihood : Likelihood.values()) {
                int risk = RiskMatrix.risk(severity, likelihood);
                assertThat(risk).isBetween(1, 5);
                if (severity.ordinal() > 0) {
                    assertThat(risk)
                            .isGreaterThanOrEqualTo(
                                    RiskMatrix.risk(Severity.values()[severity.ordinal() - 1], likelihood));
                }
                if (likelihood.ordinal() > 0) {
                    assertThat(risk)
                            .isGreaterThanOrEqualTo(
                                    RiskMatrix.risk(severity, Likelihood.values()[likelihood.ordinal() - 1]));
                }
            }
        }
    }

    @Test
    void theLogsCodesNameTheScales() {
        assertThat(Severity.codes()).isEqualTo("minor, significant, considerable, major, catastrophic");
        assertThat(Likelihood.codes()).isEqualTo("very-low, low, medium, high, very-high");
    }
}
