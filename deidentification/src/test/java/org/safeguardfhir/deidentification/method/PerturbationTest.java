package org.safeguardfhir.deidentification.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.random.RandomGenerator;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.junit.jupiter.api.Test;

class PerturbationTest {

    private static final RandomGenerator LOWEST = () -> 0L;
    private static final RandomGenerator HIGHEST = () -> -1L;

    @Test
    void addsUpToTheSpanEitherWay() {
        Perturbation down = new Perturbation(new BigDecimal("5"), false, 1, LOWEST);
        Perturbation up = new Perturbation(new BigDecimal("5"), false, 1, HIGHEST);

        assertThat(((DecimalType) down.perturb(new DecimalType("10.0")).get()).getValue())
                .isEqualByComparingTo("5.0");
        assertThat(((DecimalType) up.perturb(new DecimalType("10.0")).get()).getValue())
                .isEqualByComparingTo("15.0");
    }

    @Test
    void keepsTheValuesDecimalPlacesByDefault() {
        Perturbation perturbation = new Perturbation(new BigDecimal("0.333"), false, null, LOWEST);

        assertThat(((DecimalType) perturbation.perturb(new DecimalType("1.50")).get()).getValue())
                .isEqualTo(new BigDecimal("1.17"));
    }

    @Test
    void keepsIntegerTypesAndTheirLimits() {
        Perturbation perturbation = new Perturbation(new BigDecimal("10"), false, null, LOWEST);

        assertThat(perturbation.perturb(new IntegerType(3)).get()).isInstanceOf(IntegerType.class);
        assertThat(((IntegerType) perturbation.perturb(new IntegerType(-3)).get()).getValue())
                .isEqualTo(-13);
        assertThat(perturbation.perturb(new PositiveIntType(3)).get())
                .isInstanceOf(PositiveIntType.class)
                .extracting(v -> ((PositiveIntType) v).getValue())
                .isEqualTo(1);
        assertThat(perturbation.perturb(new UnsignedIntType(3)).get())
                .isInstanceOf(UnsignedIntType.class)
                .extracting(v -> ((UnsignedIntType) v).getValue())
                .isEqualTo(0);
    }

    @Test
    void leavesNonNumbersAlone() {
        assertThat(new Perturbation(BigDecimal.ONE, false, null, LOWEST).perturb(new BooleanType(true)))
                .isEmpty();
    }
}
