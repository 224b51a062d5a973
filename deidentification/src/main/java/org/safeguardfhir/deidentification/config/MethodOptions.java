package org.safeguardfhir.deidentification.config;

import java.math.BigDecimal;
import java.util.List;

/** The method-specific options of a rule, checked when the configuration is loaded. */
public sealed interface MethodOptions {

    /** keep, redact, dateShift, cryptoHash and encrypt take no options. */
    record None() implements MethodOptions {}

    /** @param value the replacement, written as the FHIR string form of the replaced element's type */
    record Substitute(String value) implements MethodOptions {}

    /**
     * @param bands ascending lower bounds in years, for {@link Generalization#AGE_BAND}
     * @param cases tried in order, for {@link Generalization#CASES}
     * @param otherwiseKeep for cases: keep a value no case matches instead of removing it
     */
    record Generalize(Generalization to, List<Integer> bands, List<Case> cases, boolean otherwiseKeep)
            implements MethodOptions {}

    /** @param when a FHIRPath condition on the value ($this); @param then a FHIRPath expression giving the new value */
    record Case(CompiledExpression when, CompiledExpression then) {}

    /**
     * @param span the noise bound: absolute, or a fraction of the value when proportional
     * @param roundTo decimal places of the result; {@code null} keeps the places the value had
     */
    record Perturb(BigDecimal span, boolean proportional, Integer roundTo) implements MethodOptions {}
}
