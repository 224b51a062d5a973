package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardfhir.routes.referral.ReferralPathway.CHILD_PROTECTION;
import static org.safeguardfhir.routes.referral.ReferralPathway.DESIGNATED_SAFEGUARDING_LEAD;
import static org.safeguardfhir.routes.referral.ReferralPathway.DUTY_TO_AVERT;
import static org.safeguardfhir.routes.referral.ReferralPathway.DUTY_TO_NOTIFY;
import static org.safeguardfhir.routes.referral.ReferralPathway.MODERN_SLAVERY_HELPLINE;
import static org.safeguardfhir.routes.referral.ReferralPathway.NRM_FIRST_RESPONDER;
import static org.safeguardfhir.routes.referral.ReferralPathway.POLICE_EMERGENCY;
import static org.safeguardfhir.routes.referral.ReferralPathway.ROSA;
import static org.safeguardfhir.routes.referral.ReferralPlannerTest.awaitingConsent;
import static org.safeguardfhir.routes.referral.ReferralPlannerTest.declined;
import static org.safeguardfhir.routes.referral.ReferralPlannerTest.ready;
import static org.safeguardfhir.routes.referral.ReferralPlannerTest.willing;
import static org.safeguardfhir.routes.referral.ReferralPriority.ASAP;
import static org.safeguardfhir.routes.referral.ReferralPriority.STAT;
import static org.safeguardfhir.routes.referral.ReferralPriority.URGENT;

import java.util.List;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.routes.screening.Examples;
import org.safeguardfhir.routes.screening.ScreeningAssessment;
import org.safeguardfhir.routes.screening.ScreeningAssessor;

/**
 * The ReferralPlanner end to end on each shipped example response: assessed as the server would, with the birth date
 * of the example Patient it is about when one is shipped, and no recorded Consent.
 */
class ReferralPlannerExamplesTest {

    private final ScreeningAssessor assessor = new ScreeningAssessor();
    private final ReferralPlanner planner = new ReferralPlanner();

    @Test
    void adultScreeningNegativePlansNothing() {
        assertThat(planInEnglandAndWales("adult-screening-negative")).isEmpty();
    }

    @Test
    void adultScreeningPositiveIsWillingToBeReferredToTheNrmAndAgreesToTheHelpline() {
        assertThat(planInEnglandAndWales("adult-screening-positive"))
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT),
                        willing(NRM_FIRST_RESPONDER, URGENT),
                        ready(MODERN_SLAVERY_HELPLINE, URGENT));
    }

    @Test
    void adultScreeningPositiveDutyToNotifyRecordsTheRefusalAndAsksTheLeadToConsiderANotification() {
        assertThat(planInEnglandAndWales("adult-screening-positive-duty-to-notify"))
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT),
                        declined(NRM_FIRST_RESPONDER, URGENT),
                        ready(DUTY_TO_NOTIFY, URGENT));
    }

    @Test
    void adultScreeningAmendedIsHighRiskWithNoUkConsentAnswers() {
        assertThat(planInEnglandAndWales("adult-screening-amended"))
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, ASAP),
                        awaitingConsent(NRM_FIRST_RESPONDER, ASAP),
                        ready(DUTY_TO_NOTIFY, ASAP));
    }

    @Test
    void adultScreeningAmendedInNorwayGoesToRosaWithConsentAndTheLeadConsidersTheDutyToAvert() {
        assertThat(plan("adult-screening-amended", Jurisdiction.NORWAY))
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, ASAP), ready(ROSA, ASAP), ready(DUTY_TO_AVERT, ASAP));
    }

    @Test
    void adultScreeningImmediateDangerCallsThePolice() {
        assertThat(planInEnglandAndWales("adult-screening-immediate-danger"))
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, STAT),
                        awaitingConsent(NRM_FIRST_RESPONDER, STAT),
                        ready(DUTY_TO_NOTIFY, STAT),
                        ready(POLICE_EMERGENCY, STAT));
    }

    @Test
    void childScreeningPositiveGoesToChildProtection() {
        assertThat(planInEnglandAndWales("child-screening-positive"))
                .containsExactly(ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT), ready(CHILD_PROTECTION, URGENT));
    }

    @Test
    void childScreeningHighRiskGoesToChildProtectionAsSoonAsPossible() {
        assertThat(planInEnglandAndWales("child-screening-high-risk"))
                .containsExactly(ready(DESIGNATED_SAFEGUARDING_LEAD, ASAP), ready(CHILD_PROTECTION, ASAP));
    }

    private List<PlannedReferral> planInEnglandAndWales(String example) {
        return plan(example, Jurisdiction.ENGLAND_AND_WALES);
    }

    private List<PlannedReferral> plan(String example, Jurisdiction jurisdiction) {
        QuestionnaireResponse response = Examples.response(example);
        ScreeningAssessment assessment = assessor.assess(response, Examples.subjectBirthDate(response));
        return planner.plan(assessment, jurisdiction, ConsentState.of(assessment.consent(), List.of()))
                .referrals();
    }
}
