package org.safeguardfhir.routes.screening;

import static org.safeguardfhir.routes.screening.LinkIds.DUTY_TO_NOTIFY;
import static org.safeguardfhir.routes.screening.LinkIds.FAMILY_FRIEND_INTERPRETER;
import static org.safeguardfhir.routes.screening.LinkIds.INTERPRETER;
import static org.safeguardfhir.routes.screening.LinkIds.NO;
import static org.safeguardfhir.routes.screening.LinkIds.OPTIONS_EXPLAINED;
import static org.safeguardfhir.routes.screening.LinkIds.SEEN_ALONE;
import static org.safeguardfhir.routes.screening.LinkIds.YES;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The patient's answers, in the screen, about each referral pathway that needs consent, and whether they could count.
 *
 * <p>{@code byPathway} maps a referral-pathway code to {@code true} (yes) or {@code false} (no); a pathway is absent
 * when the question was not answered or was answered "not sure", because only a clear yes can be agreement and only a
 * clear no a refusal. {@code obtainedSafely} says whether those answers may count at all: consent is freely given
 * only when the patient was seen alone (or with a professional interpreter only), no companion interpreted, and
 * the options were explained in a language they understand. A companion who spoke for the patient earlier in the
 * encounter does not spoil answers given once the patient is alone. An answer given in front of the companion may be the
 * companion's, so it counts neither as agreement nor as refusal. {@code dutyToNotify} is the clinician's answer to
 * the England and Wales question whether the lead should consider a Duty to Notify: a judgement, not consent.
 *
 * <p>Keyed by code rather than by a referral type, so that this package, which reads screens, does not depend on the
 * package that plans referrals.
 */
public record ConsentAnswers(Map<String, Boolean> byPathway, boolean obtainedSafely, Optional<Boolean> dutyToNotify) {

    /** Consent item linkId to the referral-pathway code it asks about. */
    static final Map<String, String> PATHWAY_BY_LINK_ID = Map.of(
            "consent.uk.nrm", "nrm-first-responder",
            "consent.uk.helpline", "modern-slavery-helpline",
            "consent.uk.salvation-army", "salvation-army-referral-helpline",
            "consent.no.rosa", "rosa",
            "consent.no.police", "police-no");

    public ConsentAnswers {
        byPathway = Map.copyOf(byPathway);
    }

    public static ConsentAnswers from(ScreeningAnswers answers) {
        Map<String, Boolean> byPathway = new HashMap<>();
        PATHWAY_BY_LINK_ID.forEach(
                (linkId, pathway) -> yesOrNo(answers, linkId).ifPresent(a -> byPathway.put(pathway, a)));
        return new ConsentAnswers(byPathway, obtainedSafely(answers), yesOrNo(answers, DUTY_TO_NOTIFY));
    }

    /** The patient's answer for the pathway; empty when unanswered or unsure. Read it with {@link #obtainedSafely}. */
    public Optional<Boolean> forPathway(String code) {
        return Optional.ofNullable(byPathway.get(code));
    }

    static boolean obtainedSafely(ScreeningAnswers answers) {
        return answers.answeredTrue(SEEN_ALONE)
                && answers.answeredTrue(OPTIONS_EXPLAINED)
                && !answers.answered(INTERPRETER, FAMILY_FRIEND_INTERPRETER);
    }

    private static Optional<Boolean> yesOrNo(ScreeningAnswers answers, String linkId) {
        if (answers.answered(linkId, YES)) {
            return Optional.of(true);
        }
        return answers.answered(linkId, NO) ? Optional.of(false) : Optional.empty();
    }
}
