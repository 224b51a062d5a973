package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardfhir.deidentification.Engines.CLOCK;
import static org.safeguardfhir.deidentification.Engines.ENVIRONMENT;
import static org.safeguardfhir.deidentification.Engines.config;
import static org.safeguardfhir.deidentification.Engines.labels;
import static org.safeguardfhir.deidentification.Engines.run;

import java.math.BigDecimal;
import java.util.random.RandomGenerator;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;

class PerturbRuleTest {

    /** nextDouble() == 0: the noise is the lowest the span allows. */
    private static final RandomGenerator LOWEST = () -> 0L;

    @Test
    void subtractsAtMostTheSpanWhenFixed() {
        Observation result = run(perturb("span: 5, rangeType: fixed", LOWEST), weight("72.4"));

        assertThat(result.getValueQuantity().getValue()).isEqualByComparingTo("67.4");
        assertThat(labels(result)).containsExactly("ABSTRED");
    }

    @Test
    void scalesTheSpanWithTheValueWhenProportional() {
        Observation result = run(perturb("span: 0.1, rangeType: proportional", LOWEST), weight("200"));

        assertThat(result.getValueQuantity().getValue()).isEqualByComparingTo("180");
    }

    @Test
    void roundsToTheGivenPlaces() {
        Observation result = run(perturb("span: 5, roundTo: 0", LOWEST), weight("72.4"));

        assertThat(result.getValueQuantity().getValue()).isEqualTo(new BigDecimal("67"));
    }

    @Test
    void keepsTheUnitOfAPerturbedQuantity() {
        Observation result = run(perturb("span: 5", LOWEST), weight("72.4"));

        assertThat(result.getValueQuantity().getUnit()).isEqualTo("kg");
        assertThat(result.getValueQuantity().getCode()).isEqualTo("kg");
    }

    @Test
    void keepsIntegersWhole() {
        Deidentifier engine = new Deidentifier(
                config("{path: Observation.valueInteger, method: perturb, span: 2.5}"),
                ENVIRONMENT::get,
                CLOCK,
                LOWEST);

        Observation result = run(engine, new Observation().setValue(new IntegerType(10)));

        assertThat(result.getValueIntegerType().getValue()).isEqualTo(8);
    }

    @Test
    void neverTurnsANonNegativeValueNegative() {
        Observation result = run(perturb("span: 5", LOWEST), weight("2"));

        assertThat(result.getValueQuantity().getValue()).isEqualByComparingTo("0");
    }

    @Test
    void staysWithinTheSpanWithRealRandomness() {
        Deidentifier engine = new Deidentifier(
                config("{path: Observation.valueQuantity, method: perturb, span: 5, roundTo: 2}"),
                ENVIRONMENT::get,
                CLOCK);

        for (int i = 0; i < 200; i++) {
            assertThat(run(engine, weight("72.4")).getValueQuantity().getValue())
                    .isBetween(new BigDecimal("67.4"), new BigDecimal("77.4"));
        }
    }

    private static Deidentifier perturb(String options, RandomGenerator random) {
        return new Deidentifier(
                config("{path: Observation.valueQuantity, method: perturb, " + options + "}"),
                ENVIRONMENT::get,
                CLOCK,
                random);
    }

    private static Observation weight(String kilograms) {
        return new Observation()
                .setValue(new Quantity()
                        .setValue(new BigDecimal(kilograms))
                        .setUnit("kg")
                        .setSystem("http://unitsofmeasure.org")
                        .setCode("kg"));
    }
}
