package org.safeguardfhir.routes.screening;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * Turns a submitted screen into a {@link ScreeningAssessment}. Age is judged on the day the screen was authored, not
 * the day it is processed, so that a delayed or re-run submission reaches the decision the clinician's screen called
 * for. The day is taken in UTC so that the result does not depend on the server's time zone.
 */
public final class ScreeningAssessor {

    private final ScreeningOutcomeRule outcomeRule = new ScreeningOutcomeRule();
    private final AgeAssessment ageAssessment = new AgeAssessment();
    private final SuspectedExploitation suspectedExploitation = new SuspectedExploitation();

    /**
     * @throws IllegalArgumentException if the response has no {@code authored} date, which the screening profile
     *     requires and without which age cannot be judged
     */
    public ScreeningAssessment assess(QuestionnaireResponse response, Optional<LocalDate> patientBirthDate) {
        if (!response.hasAuthored()) {
            throw new IllegalArgumentException("QuestionnaireResponse has no authored date");
        }
        LocalDate authoredOn =
                response.getAuthored().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        ScreeningAnswers answers = ScreeningAnswers.of(response);
        return new ScreeningAssessment(
                outcomeRule.decide(answers),
                ageAssessment.assess(answers, patientBirthDate, authoredOn),
                suspectedExploitation.from(answers),
                ConsentAnswers.from(answers));
    }
}
