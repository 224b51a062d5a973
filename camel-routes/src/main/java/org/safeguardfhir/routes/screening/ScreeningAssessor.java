package org.safeguardfhir.routes.screening;

import static org.safeguardfhir.routes.screening.LinkIds.FAMILY_FRIEND_INTERPRETER;
import static org.safeguardfhir.routes.screening.LinkIds.IMMEDIATE_DANGER;
import static org.safeguardfhir.routes.screening.LinkIds.INTERPRETER;
import static org.safeguardfhir.routes.screening.LinkIds.INTERPRETER_LANGUAGE;
import static org.safeguardfhir.routes.screening.LinkIds.INTERPRETER_MODE;
import static org.safeguardfhir.routes.screening.LinkIds.NO;
import static org.safeguardfhir.routes.screening.LinkIds.PROFESSIONAL_INTERPRETER;
import static org.safeguardfhir.routes.screening.LinkIds.SAFE_TO_CALL;
import static org.safeguardfhir.routes.screening.LinkIds.SAFE_TO_WRITE;
import static org.safeguardfhir.routes.screening.LinkIds.UNSURE;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
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
        AgeFinding age = ageAssessment.assess(answers, patientBirthDate, authoredOn);
        return new ScreeningAssessment(
                outcomeRule.decide(answers),
                age,
                suspectedExploitation.from(answers),
                ConsentAnswers.from(answers),
                findings(answers, age),
                interpreter(answers));
    }

    static Set<ScreeningFinding> findings(ScreeningAnswers answers, AgeFinding age) {
        Set<ScreeningFinding> findings = EnumSet.noneOf(ScreeningFinding.class);
        if (!age.established()) {
            findings.add(ScreeningFinding.AGE_TO_ESTABLISH);
        }
        if (!ScreeningOutcomeRule.signsAnsweredYes(answers).isEmpty()
                || !ScreeningOutcomeRule.indicators(answers).isEmpty()) {
            findings.add(ScreeningFinding.CONCERN_RAISED);
        }
        if (answers.answered(IMMEDIATE_DANGER, UNSURE)) {
            findings.add(ScreeningFinding.DANGER_UNCERTAIN);
        }
        if (notSafe(answers, SAFE_TO_CALL) || notSafe(answers, SAFE_TO_WRITE)) {
            findings.add(ScreeningFinding.SAFE_CONTACT_RESTRICTED);
        }
        if (answers.answered(INTERPRETER, FAMILY_FRIEND_INTERPRETER)) {
            findings.add(ScreeningFinding.COMPANION_INTERPRETED);
        }
        return findings;
    }

    /** "Not sure" restricts as "no" does: a letter the wrong person opens cannot be unsent. */
    private static boolean notSafe(ScreeningAnswers answers, String linkId) {
        return answers.answered(linkId, NO) || answers.answered(linkId, UNSURE);
    }

    static Optional<InterpreterNeed> interpreter(ScreeningAnswers answers) {
        if (!answers.answered(INTERPRETER, PROFESSIONAL_INTERPRETER)) {
            return Optional.empty();
        }
        Optional<Coding> language = answers.coding(INTERPRETER_LANGUAGE);
        return Optional.of(new InterpreterNeed(
                language.map(Coding::getCode),
                language.map(Coding::getDisplay).or(() -> answers.text(INTERPRETER_LANGUAGE)),
                answers.code(INTERPRETER_MODE)));
    }
}
