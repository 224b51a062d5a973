package org.safeguardfhir.routes.referral;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One referral Task a screen calls for, before it exists. {@code status} is a FHIR Task status code and
 * {@code businessStatus} a code of CodeSystem referral-business-status; the pairs used are those the CodeSystem's
 * {@code taskStatus} property names. {@code reasons} tell the lead what to do first (lead Tasks only).
 */
public record PlannedReferral(
        ReferralPathway pathway,
        String status,
        String businessStatus,
        ReferralPriority priority,
        Set<LeadReviewReason> reasons) {

    public static final String REQUESTED = "requested";
    public static final String ON_HOLD = "on-hold";
    public static final String CANCELLED = "cancelled";
    public static final String AWAITING_REVIEW = "awaiting-review";
    public static final String AWAITING_CONSENT = "awaiting-consent";
    public static final String CONSENT_NOT_OBTAINED_SAFELY = "consent-not-obtained-safely";
    public static final String WILLING_TO_BE_REFERRED = "willing-to-be-referred";
    public static final String DECLINED_BY_PATIENT = "declined-by-patient";

    public PlannedReferral {
        Objects.requireNonNull(pathway, "pathway");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(businessStatus, "businessStatus");
        Objects.requireNonNull(priority, "priority");
        reasons = reasons.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(reasons));
    }

    /** A referral the safeguarding lead can review now. */
    static PlannedReferral ready(ReferralPathway pathway, ReferralPriority priority) {
        return new PlannedReferral(pathway, REQUESTED, AWAITING_REVIEW, priority, Set.of());
    }

    /** The lead's own review, with what it must do first. */
    static PlannedReferral leadReview(ReferralPriority priority, Set<LeadReviewReason> reasons) {
        return new PlannedReferral(
                ReferralPathway.DESIGNATED_SAFEGUARDING_LEAD, REQUESTED, AWAITING_REVIEW, priority, reasons);
    }

    /** The patient, seen safely, is willing to be referred; the First Responder takes the NRM consent itself. */
    static PlannedReferral willing(ReferralPathway pathway, ReferralPriority priority) {
        return new PlannedReferral(pathway, REQUESTED, WILLING_TO_BE_REFERRED, priority, Set.of());
    }

    /** A referral held until the patient has been asked. */
    static PlannedReferral awaitingConsent(ReferralPathway pathway, ReferralPriority priority) {
        return new PlannedReferral(pathway, ON_HOLD, AWAITING_CONSENT, priority, Set.of());
    }

    /** A referral held because the patient's answer was given where it may not have been theirs. */
    static PlannedReferral consentNotObtainedSafely(ReferralPathway pathway, ReferralPriority priority) {
        return new PlannedReferral(pathway, ON_HOLD, CONSENT_NOT_OBTAINED_SAFELY, priority, Set.of());
    }

    /** A referral the patient refused: not made, and reopened only by a later recorded Consent. */
    static PlannedReferral declined(ReferralPathway pathway, ReferralPriority priority) {
        return new PlannedReferral(pathway, CANCELLED, DECLINED_BY_PATIENT, priority, Set.of());
    }
}
