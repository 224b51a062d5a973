package org.safeguardfhir.routes.screening;

import java.util.Objects;

/**
 * Which rules apply to the screened person and whether anything showed their age.
 *
 * @param group the rules that apply
 * @param established false when nothing showed the age: adult rules apply, and the lead is asked to establish it
 */
public record AgeFinding(AgeGroup group, boolean established) {

    public AgeFinding {
        Objects.requireNonNull(group, "group");
        if (group == AgeGroup.CHILD && !established) {
            throw new IllegalArgumentException("a child is found on evidence only");
        }
    }
}
