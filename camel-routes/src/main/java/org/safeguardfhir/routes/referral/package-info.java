/**
 * Referral planning: which safeguarding referral Tasks a screen calls for, in which jurisdiction, with which priority,
 * and whether each may go ahead or must wait for the patient's consent. It owns the referral pathways of CodeSystem
 * referral-pathway, the merging of screening consent answers with recorded Consent resources, and the rules that turn
 * a {@link org.safeguardfhir.routes.screening.ScreeningAssessment} into a {@link ReferralPlan}. It plans only; creating
 * the Tasks is the job of the routes.
 */
package org.safeguardfhir.routes.referral;
