package org.safeguardfhir.routes.screening;

import static org.safeguardfhir.routes.screening.LinkIds.AGE;
import static org.safeguardfhir.routes.screening.LinkIds.COMPANION_SPEAKS;
import static org.safeguardfhir.routes.screening.LinkIds.DOCUMENTS;
import static org.safeguardfhir.routes.screening.LinkIds.FAMILY_FRIEND_INTERPRETER;
import static org.safeguardfhir.routes.screening.LinkIds.FORCED_SEX;
import static org.safeguardfhir.routes.screening.LinkIds.FORCED_WORK;
import static org.safeguardfhir.routes.screening.LinkIds.IMMEDIATE_DANGER;
import static org.safeguardfhir.routes.screening.LinkIds.INDICATORS;
import static org.safeguardfhir.routes.screening.LinkIds.INTERPRETER;
import static org.safeguardfhir.routes.screening.LinkIds.MOVEMENT;
import static org.safeguardfhir.routes.screening.LinkIds.OUTCOME;
import static org.safeguardfhir.routes.screening.LinkIds.PRIVATE_PREFIX;
import static org.safeguardfhir.routes.screening.LinkIds.THREATS;
import static org.safeguardfhir.routes.screening.LinkIds.UNSURE;
import static org.safeguardfhir.routes.screening.LinkIds.YES;

import java.util.HashSet;
import java.util.Set;

/**
 * The screening outcome as the server decides it. {@link #recompute} is the {@code calculatedExpression} of the
 * questionnaires' {@code outcome} item, with its variables, written in Java: the outcome a client submits is only what
 * its form filler calculated, and a faulty or hostile client must not be able to screen a patient out.
 *
 * <p>The two questionnaires count differently. Adults (the any-yes rule of RAFT): positive on any private yes or any
 * indicator; the adult form's age question is not a sign of exploitation (it decides which rules apply) and does not
 * count. Children (a count, as in SSCST): positive on any coercion yes, or when private yes answers and indicators
 * together number two or more; there the age question ("told to say you are older") is a sign and counts. Both: high
 * risk on two coercion yes answers or when the clinician is not sure whether someone is in immediate danger (an
 * uncertainty that must be resolved the same day, not lowered to a routine review), immediate danger above
 * everything.
 */
public final class ScreeningOutcomeRule {

    static final Set<String> COERCION = Set.of(DOCUMENTS, MOVEMENT, THREATS, FORCED_WORK, FORCED_SEX);
    static final String COMPANION_SPEAKS_INDICATOR = "companion-speaks-for-patient";
    static final String COMPANION_INTERPRETS_INDICATOR = "companion-offers-to-interpret";

    /** The outcome the questionnaire's own expression calculates from the answers. */
    public ScreeningOutcome recompute(ScreeningAnswers answers) {
        if (answers.answered(IMMEDIATE_DANGER, YES)) {
            return ScreeningOutcome.IMMEDIATE_DANGER;
        }
        Set<String> yesAnswers = signsAnsweredYes(answers);
        long coercionYes = yesAnswers.stream().filter(COERCION::contains).count();
        if (coercionYes >= 2 || answers.answered(IMMEDIATE_DANGER, UNSURE)) {
            return ScreeningOutcome.HIGH_RISK;
        }
        int indicators = indicators(answers).size();
        boolean positive = answers.isChildQuestionnaire()
                ? coercionYes > 0 || yesAnswers.size() + indicators >= 2
                : !yesAnswers.isEmpty() || indicators > 0;
        return positive ? ScreeningOutcome.POSITIVE : ScreeningOutcome.NEGATIVE;
    }

    /**
     * The recomputed outcome, raised to the submitted {@code outcome} answer when that is more severe. A clinician may
     * escalate on judgement the questions do not capture; a submitted value can never lower the outcome.
     */
    public ScreeningOutcome decide(ScreeningAnswers answers) {
        ScreeningOutcome recomputed = recompute(answers);
        return answers.code(OUTCOME)
                .flatMap(ScreeningOutcome::fromCode)
                .map(recomputed::atLeast)
                .orElse(recomputed);
    }

    /** The private questions answered yes that are signs of exploitation: on the adult form, all but the age question. */
    static Set<String> signsAnsweredYes(ScreeningAnswers answers) {
        Set<String> yes = new HashSet<>(answers.linkIdsAnswered(PRIVATE_PREFIX, YES));
        if (!answers.isChildQuestionnaire()) {
            yes.remove(AGE);
        }
        return yes;
    }

    /**
     * The distinct indicators, a companion who answered for the patient or interpreted counting as the matching
     * indicator. A set, because FHIRPath's union removes duplicates: a companion both observed and recorded as an
     * indicator is one finding, which matters to the child count.
     */
    static Set<String> indicators(ScreeningAnswers answers) {
        Set<String> indicators = new HashSet<>(answers.codes(INDICATORS));
        if (answers.answeredTrue(COMPANION_SPEAKS)) {
            indicators.add(COMPANION_SPEAKS_INDICATOR);
        }
        if (answers.answered(INTERPRETER, FAMILY_FRIEND_INTERPRETER)) {
            indicators.add(COMPANION_INTERPRETS_INDICATOR);
        }
        return indicators;
    }
}
