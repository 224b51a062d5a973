package org.safeguardfhir.deidentification;

import java.util.List;

/**
 * One rule: the nodes its FHIRPath {@code path} selects in resources of {@code resourceType}, and everything inside
 * them, are handled by {@code method}, unless an earlier rule covers them.
 *
 * @param index position in the configuration, from 0: earlier rules win
 * @param generalizeTo for {@link Method#GENERALIZE}: ageBand, year, month or postcodeDistrict
 * @param bands for ageBand: ascending lower bounds in years
 * @param value for {@link Method#SUBSTITUTE}: the replacement
 * @param span for {@link Method#PERTURB}: the largest change, absolute or as a fraction of the value
 * @param proportional for perturb: whether span is a fraction of the value
 * @param roundTo for perturb: decimal places kept
 */
public record Rule(
        int index,
        String resourceType,
        String path,
        Method method,
        String generalizeTo,
        List<Integer> bands,
        String value,
        double span,
        boolean proportional,
        int roundTo) {

    /** How the rule is named in error messages. */
    public String describe() {
        return "rule " + (index + 1) + " (" + path + ")";
    }
}
