package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardfhir.routes.referral.ReferralPathway.CHILD_PROTECTION;
import static org.safeguardfhir.routes.referral.ReferralPathway.DESIGNATED_SAFEGUARDING_LEAD;
import static org.safeguardfhir.routes.referral.ReferralPathway.DUTY_TO_NOTIFY;
import static org.safeguardfhir.routes.referral.ReferralPathway.MODERN_SLAVERY_HELPLINE;
import static org.safeguardfhir.routes.referral.ReferralPathway.NRM_FIRST_RESPONDER;
import static org.safeguardfhir.routes.referral.ReferralPathway.POLICE_EMERGENCY;
import static org.safeguardfhir.routes.referral.ReferralPathway.ROSA;
import static org.safeguardfhir.routes.referral.ReferralPlannerTest.anonymous;
import static org.safeguardfhir.routes.referral.ReferralPlannerTest.awaitingConsent;
import static org.safeguardfhir.routes.referral.ReferralPlannerTest.ready;
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
        assertThat(planInUk("adult-screening-negative")).isEmpty();
    }

    @Test
    void adultScreeningPositiveGoesToTheNrmAndTheHelplineWithConsent() {
        assertThat(planInUk("adult-screening-positive"))
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT),
                        ready(NRM_FIRST_RESPONDER, URGENT),
                        ready(MODERN_SLAVERY_HELPLINE, URGENT));
    }

    @Test
    void adultScreeningPositiveDutyToNotifyHoldsTheNrmAndNotifiesAnonymously() {
        assertThat(planInUk("adult-screening-positive-duty-to-notify"))
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT),
                        awaitingConsent(NRM_FIRST_RESPONDER, URGENT),
                        anonymous(DUTY_TO_NOTIFY, URGENT));
    }

    @Test
    void adultScreeningAmendedIsHighRiskWithNoUkConsentAnswers() {
        assertThat(planInUk("adult-screening-amended"))
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, ASAP),
                        awaitingConsent(NRM_FIRST_RESPONDER, ASAP),
                        anonymous(DUTY_TO_NOTIFY, ASAP));
    }

    @Test
    void adultScreeningAmendedInNorwayGoesToRosaWithConsent() {
        assertThat(plan("adult-screening-amended", Jurisdiction.NO))
                .containsExactly(ready(DESIGNATED_SAFEGUARDING_LEAD, ASAP), ready(ROSA, ASAP));
    }

    @Test
    void adultScreeningImmediateDangerCallsThePolice() {
        assertThat(planInUk("adult-screening-immediate-danger"))
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, STAT),
                        awaitingConsent(NRM_FIRST_RESPONDER, STAT),
                        anonymous(DUTY_TO_NOTIFY, STAT),
                        ready(POLICE_EMERGENCY, STAT));
    }

    @Test
    void childScreeningPositiveGoesToChildProtection() {
        assertThat(planInUk("child-screening-positive"))
                .containsExactly(ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT), ready(CHILD_PROTECTION, URGENT));
    }

    @Test
    void childScreeningHighRiskGoesToChildProtectionAsSoonAsPossible() {
        assertThat(planInUk("child-screening-high-risk"))
                .containsExactly(ready(DESIGNATED_SAFEGUARDING_LEAD, ASAP), ready(CHILD_PROTECTION, ASAP));
    }

    private List<PlannedReferral> planInUk(String example) {
        return plan(example, Jurisdiction.UK);
    }

    private List<PlannedReferral> plan(String example, Jurisdiction jurisdiction) {
        QuestionnaireResponse response = Examples.response(example);
        ScreeningAssessment assessment = assessor.assess(response, Examples.subjectBirthDate(response));
        return planner.plan(assessment, jurisdiction, ConsentState.of(assessment.consent(), List.of()))
                .referrals();
    }
}
