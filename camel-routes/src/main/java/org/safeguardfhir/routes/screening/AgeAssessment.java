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
 * <p>Statutory guidance in England and Wales says that where age is in doubt a person is treated as a child until it
 * is established, and in Norway barnevernet acts when a person is plausibly under 18. So any one sign of being a
 * child, or no evidence of age at all, makes the person a {@link AgeGroup#CHILD}; only a positive reason to believe
 * they are 18 or over, with nothing against it, makes them an {@link AgeGroup#ADULT}. Wrongly treating an adult as a
 * child costs a review; wrongly treating a child as an adult can send a child's details nowhere for want of consent.
 */
public final class AgeAssessment {

    static final Set<String> AGE_DOUBT_INDICATORS = Set.of("age-uncertain", "age-inconsistent-with-appearance");
    static final int AGE_OF_MAJORITY = 18;

    public AgeGroup assess(ScreeningAnswers answers, Optional<LocalDate> birthDate, LocalDate authoredOn) {
        boolean child = answers.isChildQuestionnaire()
                || birthDate.filter(born -> isUnder18(born, authoredOn)).isPresent()
                || saysUnder18OrUnsure(answers)
                || answers.codes(INDICATORS).stream().anyMatch(AGE_DOUBT_INDICATORS::contains)
                || (birthDate.isEmpty() && !answers.answered(AGE, NO));
        return child ? AgeGroup.CHILD : AgeGroup.ADULT;
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
        return answers.answered(AGE, YES) || answers.answered(AGE, UNSURE);
    }
}
