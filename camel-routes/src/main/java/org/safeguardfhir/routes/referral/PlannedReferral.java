package org.safeguardfhir.routes.referral;

import java.util.Objects;

/**
 * One referral Task a screen calls for, before it exists. {@code status} is a FHIR Task status code and
 * {@code businessStatus} a code of CodeSystem referral-business-status; the pairs used are those the CodeSystem's
 * {@code taskStatus} property names: {@code requested} with {@code awaiting-review} for work the safeguarding lead
 * can take up now, {@code on-hold} with {@code awaiting-consent} for a referral held until the patient agrees.
 * {@code anonymous} means the Task must not identify the patient to the receiving agency.
 */
public record PlannedReferral(
        ReferralPathway pathway, String status, String businessStatus, ReferralPriority priority, boolean anonymous) {

    public static final String REQUESTED = "requested";
    public static final String ON_HOLD = "on-hold";
    public static final String AWAITING_REVIEW = "awaiting-review";
    public static final String AWAITING_CONSENT = "awaiting-consent";

    public PlannedReferral {
        Objects.requireNonNull(pathway, "pathway");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(businessStatus, "businessStatus");
        Objects.requireNonNull(priority, "priority");
    }

    /** A referral the safeguarding lead can review now. */
    static PlannedReferral ready(ReferralPathway pathway, ReferralPriority priority) {
        return new PlannedReferral(pathway, REQUESTED, AWAITING_REVIEW, priority, false);
    }

    /** A referral that identifies no one, ready for review. */
    static PlannedReferral anonymous(ReferralPathway pathway, ReferralPriority priority) {
        return new PlannedReferral(pathway, REQUESTED, AWAITING_REVIEW, priority, true);
    }

    /** A referral held until the patient consents. */
    static PlannedReferral awaitingConsent(ReferralPathway pathway, ReferralPriority priority) {
        return new PlannedReferral(pathway, ON_HOLD, AWAITING_CONSENT, priority, false);
    }
}
