package org.safeguardfhir.deidentification.method;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.UnsignedIntType;

/**
 * Adds uniform noise to a number: within [-span, span], or [-span*|v|, span*|v|] when proportional. Decimals are
 * rounded to {@code roundTo} places (by default the places the value had); integers stay integers. Noise never turns
 * a value that was 0 or more negative, nor a positiveInt below 1, so the result stays valid FHIR.
 */
public final class Perturbation {

    private final BigDecimal span;
    private final boolean proportional;
    private final Integer roundTo;
    private final RandomGenerator random;

    /** @param random a thread-safe source (SecureRandom) when the engine is shared between threads */
    public Perturbation(BigDecimal span, boolean proportional, Integer roundTo, RandomGenerator random) {
        this.span = span;
        this.proportional = proportional;
        this.roundTo = roundTo;
        this.random = random;
    }

    /** The noisy copy of an integer, decimal, positiveInt or unsignedInt; empty for other or empty values. */
    public Optional<PrimitiveType<?>> perturb(PrimitiveType<?> value) {
        if (value.getValue() == null) {
            return Optional.empty();
        }
        if (value instanceof DecimalType decimal) {
            BigDecimal original = decimal.getValue();
            int places = roundTo != null ? roundTo : Math.max(original.scale(), 0);
            BigDecimal noisy = floor(original, noisy(original), BigDecimal.ZERO);
            return Optional.of(new DecimalType(noisy.setScale(places, RoundingMode.HALF_UP)));
        }
        if (value instanceof IntegerType integer) {
            BigDecimal original = BigDecimal.valueOf(integer.getValue());
            BigDecimal minimum = value instanceof PositiveIntType ? BigDecimal.ONE : BigDecimal.ZERO;
            BigDecimal noisy = floor(original, noisy(original), minimum).setScale(0, RoundingMode.HALF_UP);
            int result = noisy.max(BigDecimal.valueOf(Integer.MIN_VALUE))
                    .min(BigDecimal.valueOf(Integer.MAX_VALUE))
                    .intValueExact();
            return Optional.of(sameType(integer, result));
        }
        return Optional.empty();
    }

    private BigDecimal noisy(BigDecimal original) {
        BigDecimal bound = proportional ? span.multiply(original.abs()) : span;
        double unit = random.nextDouble() * 2 - 1;
        return original.add(bound.multiply(BigDecimal.valueOf(unit)));
    }

    private static BigDecimal floor(BigDecimal original, BigDecimal noisy, BigDecimal minimum) {
        return original.compareTo(minimum) >= 0 && noisy.compareTo(minimum) < 0 ? minimum : noisy;
    }

    private static IntegerType sameType(IntegerType original, int value) {
        if (original instanceof PositiveIntType) {
            return new PositiveIntType(value);
        }
        if (original instanceof UnsignedIntType) {
            return new UnsignedIntType(value);
        }
        return new IntegerType(value);
    }
}
