package org.safeguardfhir.routes.referral;

import static org.safeguardfhir.routes.referral.ReferralPathway.BARNEVERNET;
import static org.safeguardfhir.routes.referral.ReferralPathway.CHILD_PROTECTION;
import static org.safeguardfhir.routes.referral.ReferralPathway.DESIGNATED_SAFEGUARDING_LEAD;
import static org.safeguardfhir.routes.referral.ReferralPathway.DUTY_TO_NOTIFY;
import static org.safeguardfhir.routes.referral.ReferralPathway.MODERN_SLAVERY_HELPLINE;
import static org.safeguardfhir.routes.referral.ReferralPathway.NRM_FIRST_RESPONDER;
import static org.safeguardfhir.routes.referral.ReferralPathway.POLICE_EMERGENCY;
import static org.safeguardfhir.routes.referral.ReferralPathway.POLICE_NO;
import static org.safeguardfhir.routes.referral.ReferralPathway.ROSA;
import static org.safeguardfhir.routes.referral.ReferralPathway.SALVATION_ARMY_REFERRAL_HELPLINE;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.safeguardfhir.routes.screening.AgeGroup;
import org.safeguardfhir.routes.screening.ScreeningAssessment;
import org.safeguardfhir.routes.screening.ScreeningOutcome;

/**
 * Decides which referral Tasks a screen calls for.
 *
 * <p>Every positive screen goes to the designated safeguarding lead, who needs no consent to be told. A child's case
 * goes to child protection (barnevernet in Norway), which is a duty and needs no consent either. An adult's
 * identifiable details leave the organisation only with consent: a pathway the patient has not agreed to is held
 * ({@code on-hold}) when it is the main route to support (NRM, ROSA), so the lead can return to it, and is not planned
 * at all when it is optional. In England and Wales an adult who has not consented to the NRM is still passed to the
 * safeguarding lead for an anonymous Duty to Notify through a First Responder public authority: it names no one and
 * needs no consent, and it means the case is still known. Immediate danger overrides consent, as the law allows to
 * prevent serious harm, and calls the police of the jurisdiction.
 */
public final class ReferralPlanner {

    public ReferralPlan plan(ScreeningAssessment assessment, Jurisdiction jurisdiction, ConsentState consent) {
        if (!assessment.outcome().isPositive()) {
            return new ReferralPlan(List.of());
        }
        Draft draft = new Draft(consent, priorityOf(assessment.outcome()));
        draft.ready(DESIGNATED_SAFEGUARDING_LEAD);
        if (assessment.ageGroup() == AgeGroup.CHILD) {
            draft.ready(jurisdiction == Jurisdiction.UK ? CHILD_PROTECTION : BARNEVERNET);
        } else if (jurisdiction == Jurisdiction.UK) {
            planAdultUk(draft, consent);
        } else {
            planAdultNorway(draft);
        }
        if (assessment.outcome() == ScreeningOutcome.IMMEDIATE_DANGER) {
            // Replaces a held police referral: danger, not consent, decides now.
            draft.ready(jurisdiction == Jurisdiction.UK ? POLICE_EMERGENCY : POLICE_NO);
        }
        return draft.toPlan();
    }

    static ReferralPriority priorityOf(ScreeningOutcome outcome) {
        return switch (outcome) {
            case NEGATIVE -> ReferralPriority.ROUTINE;
            case POSITIVE -> ReferralPriority.URGENT;
            case HIGH_RISK -> ReferralPriority.ASAP;
            case IMMEDIATE_DANGER -> ReferralPriority.STAT;
        };
    }

    private static void planAdultUk(Draft draft, ConsentState consent) {
        draft.heldUnlessPermitted(NRM_FIRST_RESPONDER);
        if (!consent.permits(NRM_FIRST_RESPONDER)) {
            draft.anonymous(DUTY_TO_NOTIFY);
        }
        draft.ifPermitted(MODERN_SLAVERY_HELPLINE);
        draft.ifPermitted(SALVATION_ARMY_REFERRAL_HELPLINE);
    }

    private static void planAdultNorway(Draft draft) {
        draft.heldUnlessPermitted(ROSA);
        draft.ifPermitted(POLICE_NO);
    }

    /** The referrals planned so far, one per pathway, a later one for a pathway replacing the earlier. */
    private static final class Draft {

        private final Map<ReferralPathway, PlannedReferral> planned = new EnumMap<>(ReferralPathway.class);
        private final ConsentState consent;
        private final ReferralPriority priority;

        Draft(ConsentState consent, ReferralPriority priority) {
            this.consent = consent;
            this.priority = priority;
        }

        void ready(ReferralPathway pathway) {
            add(PlannedReferral.ready(pathway, priority));
        }

        void anonymous(ReferralPathway pathway) {
            add(PlannedReferral.anonymous(pathway, priority));
        }

        void heldUnlessPermitted(ReferralPathway pathway) {
            add(
                    consent.permits(pathway)
                            ? PlannedReferral.ready(pathway, priority)
                            : PlannedReferral.awaitingConsent(pathway, priority));
        }

        void ifPermitted(ReferralPathway pathway) {
            if (consent.permits(pathway)) {
                ready(pathway);
            }
        }

        private void add(PlannedReferral referral) {
            planned.put(referral.pathway(), referral);
        }

        ReferralPlan toPlan() {
            // EnumMap iterates in enum order, which is the plan's documented order.
            return new ReferralPlan(List.copyOf(planned.values()));
        }
    }
}
