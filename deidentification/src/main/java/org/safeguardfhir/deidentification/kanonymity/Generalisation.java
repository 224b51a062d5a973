package org.safeguardfhir.deidentification.kanonymity;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One step of a generalisation hierarchy: a coarser copy of a record's quasi-identifiers. Steps apply in order, each
 * to the result of the one before.
 *
 * @param name what the step does, as reported in an export's manifest (e.g. {@code nationality-removed})
 * @param step returns a coarser copy; never changes its argument
 */
public record Generalisation<T>(String name, UnaryOperator<T> step) {

    public Generalisation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(step, "step");
    }
}
