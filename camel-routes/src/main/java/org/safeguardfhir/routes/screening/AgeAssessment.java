package org.safeguardfhir.routes.screening;

import static org.safeguardfhir.routes.screening.LinkIds.AGE;
import static org.safeguardfhir.routes.screening.LinkIds.INDICATORS;
import static org.safeguardfhir.routes.screening.LinkIds.NO;
import static org.safeguardfhir.routes.screening.LinkIds.UNSURE;
import static org.safeguardfhir.routes.screening.LinkIds.YES;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether adult or child rules apply to a screened person.
 *
 * <p>The Modern Slavery Act 2015 (s.51) presumes a child where there are reasonable grounds to believe the person may
 * be under 18, and barnevernet acts when a person is plausibly under 18. Reasonable grounds are evidence: the child
 * questionnaire, a birth date under 18, the patient saying they are under 18 or not sure, or an observed sign of age
 * doubt. Any one of them makes the person a {@link AgeGroup#CHILD}. An empty field is not a doubt: with no evidence
 * either way adult rules apply, which share nothing without consent, and the finding says the age is still to be
 * established so the safeguarding lead is asked to establish it. Treating an adult as a child on missing data would
 * send an adult's details to children's services without their consent.
 */
public final class AgeAssessment {

    static final Set<String> AGE_DOUBT_INDICATORS = Set.of("age-uncertain", "age-inconsistent-with-appearance");
    static final int AGE_OF_MAJORITY = 18;

    public AgeFinding assess(ScreeningAnswers answers, Optional<LocalDate> birthDate, LocalDate authoredOn) {
        boolean child = answers.isChildQuestionnaire()
                || birthDate.filter(born -> isUnder18(born, authoredOn)).isPresent()
                || saysUnder18OrUnsure(answers)
                || answers.codes(INDICATORS).stream().anyMatch(AGE_DOUBT_INDICATORS::contains);
        if (child) {
            return new AgeFinding(AgeGroup.CHILD, true);
        }
        return new AgeFinding(AgeGroup.ADULT, birthDate.isPresent() || answers.answered(AGE, NO));
    }

    /**
     * Whether the person has not reached their 18th birthday on that date. Subtracting the years from the date, rather
     * than adding them to the birth date, makes someone born on 29 February an adult on 1 March in common years, the
     * later of the two candidate days.
     */
    static boolean isUnder18(LocalDate birthDate, LocalDate on) {
        return birthDate.isAfter(on.minusYears(AGE_OF_MAJORITY));
    }

    /** The adult questionnaire's "are you under 18, or not sure how old you are?". */
    private static boolean saysUnder18OrUnsure(ScreeningAnswers answers) {
        return !answers.isChildQuestionnaire() && (answers.answered(AGE, YES) || answers.answered(AGE, UNSURE));
    }
}
