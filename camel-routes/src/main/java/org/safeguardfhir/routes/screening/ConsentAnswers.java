package org.safeguardfhir.routes.screening;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The patient's answers, in the screen, about consent to each referral pathway that needs it: referral-pathway code
 * to {@code true} (yes) or {@code false} (no). A pathway is absent when the question was not answered or was answered
 * "not sure", because only a clear yes is consent and only a clear no is a refusal.
 *
 * <p>Keyed by code rather than by a referral type, so that this package, which reads screens, does not depend on the
 * package that plans referrals.
 */
public record ConsentAnswers(Map<String, Boolean> byPathway) {

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
        PATHWAY_BY_LINK_ID.forEach((linkId, pathway) -> {
            if (answers.answered(linkId, LinkIds.YES)) {
                byPathway.put(pathway, true);
            } else if (answers.answered(linkId, LinkIds.NO)) {
                byPathway.put(pathway, false);
            }
        });
        return new ConsentAnswers(byPathway);
    }

    /** The patient's answer for the pathway; empty when unknown, unsure or declined. */
    public Optional<Boolean> forPathway(String code) {
        return Optional.ofNullable(byPathway.get(code));
    }
}
