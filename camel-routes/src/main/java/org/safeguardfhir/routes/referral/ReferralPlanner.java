package org.safeguardfhir.routes.referral;

import static org.safeguardfhir.routes.referral.ReferralPathway.BARNEVERNET;
import static org.safeguardfhir.routes.referral.ReferralPathway.CHILD_PROTECTION;
import static org.safeguardfhir.routes.referral.ReferralPathway.DUTY_TO_AVERT;
import static org.safeguardfhir.routes.referral.ReferralPathway.DUTY_TO_NOTIFY;
import static org.safeguardfhir.routes.referral.ReferralPathway.MODERN_SLAVERY_HELPLINE;
import static org.safeguardfhir.routes.referral.ReferralPathway.NRM_FIRST_RESPONDER;
import static org.safeguardfhir.routes.referral.ReferralPathway.POLICE_EMERGENCY;
import static org.safeguardfhir.routes.referral.ReferralPathway.POLICE_EMERGENCY_NO;
import static org.safeguardfhir.routes.referral.ReferralPathway.POLICE_NO;
import static org.safeguardfhir.routes.referral.ReferralPathway.ROSA;
import static org.safeguardfhir.routes.referral.ReferralPathway.SALVATION_ARMY_REFERRAL_HELPLINE;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safeguardfhir.routes.screening.AgeGroup;
import org.safeguardfhir.routes.screening.ScreeningAssessment;
import org.safeguardfhir.routes.screening.ScreeningFinding;
import org.safeguardfhir.routes.screening.ScreeningOutcome;

/**
 * Decides which referral Tasks a screen calls for. The decision table in docs/pipeline.md states these rules row by
 * row, and {@code DecisionTableTest} holds the two to each other.
 *
 * <p>Every positive screen goes to the safeguarding lead, who needs no consent to be told, with what the lead must do
 * first: establish the patient's age when nothing showed it, review the same day when immediate danger was not ruled
 * out. A child's concern goes to the child protection lead (England and Wales) or to barnevernet (Norway) whatever the
 * outcome, because a single sign in a child is reason enough to share it and the duty needs no consent. An adult's
 * identifiable details leave the organisation only with their agreement, and only an answer given safely counts (see
 * {@link ConsentState}): the main route to support (NRM, ROSA) is held until the patient has been asked safely, or
 * cancelled when they refused, and the optional routes are planned only when agreed. For the NRM a yes means the
 * patient is willing to be referred: the First Responder takes the NRM consent itself. In England and Wales an adult
 * not willing to be referred leaves the lead to consider a Duty to Notify through a First Responder authority, unless
 * the clinician answered that none should be made. In Norway the lead considers the duty to avert (straffeloven
 * § 196) for a child's positive screen and for a high-risk adult. Immediate danger overrides consent, as the law
 * allows to prevent serious harm, and calls the police's emergency line of the jurisdiction. No pathway of the other
 * jurisdiction is ever planned.
 */
public final class ReferralPlanner {

    public ReferralPlan plan(ScreeningAssessment assessment, Jurisdiction jurisdiction, ConsentState consent) {
        ScreeningOutcome outcome = assessment.outcome();
        boolean child = assessment.ageGroup() == AgeGroup.CHILD;
        boolean childConcern = child && (outcome.isPositive() || assessment.has(ScreeningFinding.CONCERN_RAISED));
        if (!outcome.isPositive() && !childConcern) {
            return new ReferralPlan(List.of());
        }
        ReferralPriority priority = priorityOf(outcome);
        if (child && priority.compareTo(ReferralPriority.URGENT) < 0) {
            // A child's concern on a negative screen is still shared promptly.
            priority = ReferralPriority.URGENT;
        }
        Draft draft = new Draft(consent, priority);
        if (outcome.isPositive()) {
            draft.add(PlannedReferral.leadReview(priority, reasons(assessment)));
        }
        if (child) {
            draft.ready(jurisdiction == Jurisdiction.ENGLAND_AND_WALES ? CHILD_PROTECTION : BARNEVERNET);
        } else if (jurisdiction == Jurisdiction.ENGLAND_AND_WALES) {
            planAdultEnglandAndWales(draft, consent, assessment.consent().dutyToNotify());
        } else {
            planAdultNorway(draft);
        }
        if (jurisdiction == Jurisdiction.NORWAY && considersDutyToAvert(outcome, child)) {
            draft.ready(DUTY_TO_AVERT);
        }
        if (outcome == ScreeningOutcome.IMMEDIATE_DANGER) {
            draft.ready(jurisdiction == Jurisdiction.ENGLAND_AND_WALES ? POLICE_EMERGENCY : POLICE_EMERGENCY_NO);
        }
        return draft.toPlan();
    }

    /** Every pathway the planner can choose in a jurisdiction, for the directory to hold a receiver for each. */
    public static Set<ReferralPathway> plannable(Jurisdiction jurisdiction) {
        return Collections.unmodifiableSet(
                switch (jurisdiction) {
                    case ENGLAND_AND_WALES ->
                        EnumSet.of(
                                ReferralPathway.DESIGNATED_SAFEGUARDING_LEAD,
                                CHILD_PROTECTION,
                                NRM_FIRST_RESPONDER,
                                DUTY_TO_NOTIFY,
                                MODERN_SLAVERY_HELPLINE,
                                SALVATION_ARMY_REFERRAL_HELPLINE,
                                POLICE_EMERGENCY);
                    case NORWAY ->
                        EnumSet.of(
                                ReferralPathway.DESIGNATED_SAFEGUARDING_LEAD,
                                ROSA,
                                BARNEVERNET,
                                POLICE_NO,
                                POLICE_EMERGENCY_NO,
                                DUTY_TO_AVERT);
                });
    }

    static ReferralPriority priorityOf(ScreeningOutcome outcome) {
        return switch (outcome) {
            case NEGATIVE -> ReferralPriority.ROUTINE;
            case POSITIVE -> ReferralPriority.URGENT;
            case HIGH_RISK -> ReferralPriority.ASAP;
            case IMMEDIATE_DANGER -> ReferralPriority.STAT;
        };
    }

    private static Set<LeadReviewReason> reasons(ScreeningAssessment assessment) {
        Set<LeadReviewReason> reasons = EnumSet.noneOf(LeadReviewReason.class);
        if (assessment.has(ScreeningFinding.AGE_TO_ESTABLISH)) {
            reasons.add(LeadReviewReason.ESTABLISH_AGE);
        }
        if (assessment.has(ScreeningFinding.DANGER_UNCERTAIN)) {
            reasons.add(LeadReviewReason.SAME_DAY_REVIEW);
        }
        return reasons;
    }

    private static boolean considersDutyToAvert(ScreeningOutcome outcome, boolean child) {
        return child ? outcome.isPositive() : outcome.compareTo(ScreeningOutcome.HIGH_RISK) >= 0;
    }

    private static void planAdultEnglandAndWales(
            Draft draft, ConsentState consent, Optional<Boolean> dutyToNotifyAnswer) {
        draft.mainRoute(NRM_FIRST_RESPONDER, true);
        if (!consent.permits(NRM_FIRST_RESPONDER) && !dutyToNotifyAnswer.equals(Optional.of(false))) {
            draft.ready(DUTY_TO_NOTIFY);
        }
        draft.ifPermitted(MODERN_SLAVERY_HELPLINE);
        draft.ifPermitted(SALVATION_ARMY_REFERRAL_HELPLINE);
    }

    private static void planAdultNorway(Draft draft) {
        draft.mainRoute(ROSA, false);
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

        /**
         * The main route to support, planned whatever the patient said, in the state their wish puts it in.
         *
         * @param willingOnly whether a yes only makes the patient willing to be referred (the NRM's own consent is
         *     taken by the First Responder)
         */
        void mainRoute(ReferralPathway pathway, boolean willingOnly) {
            add(
                    switch (consent.wish(pathway)) {
                        case AGREED ->
                            willingOnly
                                    ? PlannedReferral.willing(pathway, priority)
                                    : PlannedReferral.ready(pathway, priority);
                        case REFUSED -> PlannedReferral.declined(pathway, priority);
                        case NOT_OBTAINED_SAFELY -> PlannedReferral.consentNotObtainedSafely(pathway, priority);
                        case NOT_ASKED -> PlannedReferral.awaitingConsent(pathway, priority);
                    });
        }

        void ifPermitted(ReferralPathway pathway) {
            if (consent.permits(pathway)) {
                ready(pathway);
            }
        }

        void add(PlannedReferral referral) {
            planned.put(referral.pathway(), referral);
        }

        ReferralPlan toPlan() {
            // EnumMap iterates in enum order, which is the plan's documented order.
            return new ReferralPlan(List.copyOf(planned.values()));
        }
    }
}
