package org.safeguardfhir.routes.screening;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the server concludes from one screen: the outcome it trusts, whether adult or child rules apply, the suspected
 * forms of exploitation and the patient's consent answers. It is everything referral planning needs, so that planning
 * never has to read a QuestionnaireResponse itself.
 */
public record ScreeningAssessment(
        ScreeningOutcome outcome, AgeGroup ageGroup, Set<ExploitationType> exploitation, ConsentAnswers consent) {

    public ScreeningAssessment {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(ageGroup, "ageGroup");
        Objects.requireNonNull(consent, "consent");
        // An EnumSet copy keeps the enum order that callers rely on; Set.copyOf would not.
        exploitation = exploitation.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(exploitation));
    }
}
