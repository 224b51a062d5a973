/**
 * From a screening to its referrals. Planning: which safeguarding referral Tasks a screen calls for, in which
 * jurisdiction, with which priority, and whether each may go ahead or must wait for the patient's consent (the
 * pathways of CodeSystem referral-pathway, consent merged from answers and Consent resources, {@link ReferralPlanner}).
 * Writing: {@link ScreeningCaseLoader} reads a screening and what it already produced, {@link ReferralBundleMapper}
 * turns the plan into one transaction Bundle of only what changed, under deterministic identifiers, and
 * {@link ScreeningToReferralRoute} runs these steps for each outbox row in one transaction, with
 * {@link ReferralFailures} deciding between retry and dead letter.
 */
package org.safeguardfhir.routes.referral;
