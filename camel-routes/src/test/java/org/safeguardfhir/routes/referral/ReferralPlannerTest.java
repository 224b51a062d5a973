package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardfhir.routes.referral.Jurisdiction.ENGLAND_AND_WALES;
import static org.safeguardfhir.routes.referral.Jurisdiction.NORWAY;
import static org.safeguardfhir.routes.referral.ReferralPathway.BARNEVERNET;
import static org.safeguardfhir.routes.referral.ReferralPathway.CHILD_PROTECTION;
import static org.safeguardfhir.routes.referral.ReferralPathway.DESIGNATED_SAFEGUARDING_LEAD;
import static org.safeguardfhir.routes.referral.ReferralPathway.DUTY_TO_AVERT;
import static org.safeguardfhir.routes.referral.ReferralPathway.DUTY_TO_NOTIFY;
import static org.safeguardfhir.routes.referral.ReferralPathway.MODERN_SLAVERY_HELPLINE;
import static org.safeguardfhir.routes.referral.ReferralPathway.NRM_FIRST_RESPONDER;
import static org.safeguardfhir.routes.referral.ReferralPathway.POLICE_EMERGENCY;
import static org.safeguardfhir.routes.referral.ReferralPathway.POLICE_EMERGENCY_NO;
import static org.safeguardfhir.routes.referral.ReferralPathway.POLICE_NO;
import static org.safeguardfhir.routes.referral.ReferralPathway.ROSA;
import static org.safeguardfhir.routes.referral.ReferralPathway.SALVATION_ARMY_REFERRAL_HELPLINE;
import static org.safeguardfhir.routes.referral.ReferralPriority.ASAP;
import static org.safeguardfhir.routes.referral.ReferralPriority.STAT;
import static org.safeguardfhir.routes.referral.ReferralPriority.URGENT;
import static org.safeguardfhir.routes.screening.ScreeningOutcome.HIGH_RISK;
import static org.safeguardfhir.routes.screening.ScreeningOutcome.IMMEDIATE_DANGER;
import static org.safeguardfhir.routes.screening.ScreeningOutcome.NEGATIVE;
import static org.safeguardfhir.routes.screening.ScreeningOutcome.POSITIVE;

import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.safeguardfhir.routes.screening.AgeFinding;
import org.safeguardfhir.routes.screening.AgeGroup;
import org.safeguardfhir.routes.screening.ConsentAnswers;
import org.safeguardfhir.routes.screening.ExploitationType;
import org.safeguardfhir.routes.screening.ScreeningAssessment;
import org.safeguardfhir.routes.screening.ScreeningFinding;
import org.safeguardfhir.routes.screening.ScreeningOutcome;
import org.safeguardfhir.terminology.Canonicals;

class ReferralPlannerTest {

    static final AgeFinding ADULT = new AgeFinding(AgeGroup.ADULT, true);
    static final AgeFinding AGE_UNKNOWN = new AgeFinding(AgeGroup.ADULT, false);
    static final AgeFinding CHILD = new AgeFinding(AgeGroup.CHILD, true);

    private static final Map<String, Boolean> ALL_YES = Map.of(
            "nrm-first-responder", true,
            "modern-slavery-helpline", true,
            "salvation-army-referral-helpline", true,
            "rosa", true,
            "police-no", true);
    private static final Map<String, Boolean> ALL_NO = Map.of(
            "nrm-first-responder", false,
            "modern-slavery-helpline", false,
            "salvation-army-referral-helpline", false,
            "rosa", false,
            "police-no", false);

    private final ReferralPlanner planner = new ReferralPlanner();

    @ParameterizedTest
    @EnumSource(Jurisdiction.class)
    void negativeAdultScreenPlansNothing(Jurisdiction jurisdiction) {
        assertThat(plan(NEGATIVE, ADULT, jurisdiction, safely(ALL_YES), ScreeningFinding.CONCERN_RAISED)
                        .referrals())
                .isEmpty();
    }

    @Test
    void negativeChildScreenWithOneSignGoesToTheChildProtectionLeadUrgently() {
        assertThat(plan(NEGATIVE, CHILD, ENGLAND_AND_WALES, none(), ScreeningFinding.CONCERN_RAISED)
                        .referrals())
                .containsExactly(ready(CHILD_PROTECTION, URGENT));
        assertThat(plan(NEGATIVE, CHILD, NORWAY, none(), ScreeningFinding.CONCERN_RAISED)
                        .referrals())
                .containsExactly(ready(BARNEVERNET, URGENT));
    }

    @ParameterizedTest
    @EnumSource(Jurisdiction.class)
    void negativeChildScreenWithNoSignPlansNothing(Jurisdiction jurisdiction) {
        assertThat(plan(NEGATIVE, CHILD, jurisdiction, none()).referrals()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"POSITIVE,URGENT", "HIGH_RISK,ASAP", "IMMEDIATE_DANGER,STAT"})
    void everyReferralOfAScreenHasThePriorityOfItsOutcome(ScreeningOutcome outcome, ReferralPriority priority) {
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            for (AgeFinding age : List.of(ADULT, AGE_UNKNOWN, CHILD)) {
                assertThat(plan(outcome, age, jurisdiction, none()).referrals())
                        .isNotEmpty()
                        .allSatisfy(referral -> assertThat(referral.priority()).isEqualTo(priority));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Jurisdiction.class)
    void theLeadReviewsEveryPositiveScreenFirstWhateverThePatientSaid(Jurisdiction jurisdiction) {
        for (AgeFinding age : List.of(ADULT, CHILD)) {
            for (ConsentAnswers consent : List.of(none(), safely(ALL_YES), safely(ALL_NO), unsafely(ALL_YES))) {
                assertThat(plan(POSITIVE, age, jurisdiction, consent).referrals())
                        .first()
                        .isEqualTo(ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Jurisdiction.class)
    void anAdultWhoseAgeNothingShowsIsReviewedByTheLeadToEstablishItNotReferredAsAChild(Jurisdiction jurisdiction) {
        ReferralPlan plan = plan(POSITIVE, AGE_UNKNOWN, jurisdiction, none());

        assertThat(plan.find(DESIGNATED_SAFEGUARDING_LEAD))
                .contains(leadReview(URGENT, LeadReviewReason.ESTABLISH_AGE));
        assertThat(plan.pathways()).doesNotContain(CHILD_PROTECTION, BARNEVERNET);
    }

    @Test
    void aChildGoesToTheChildProtectionLeadWhateverTheConsentAnswers() {
        for (ConsentAnswers consent : List.of(none(), safely(ALL_YES), safely(ALL_NO))) {
            assertThat(plan(POSITIVE, CHILD, ENGLAND_AND_WALES, consent).referrals())
                    .containsExactly(ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT), ready(CHILD_PROTECTION, URGENT));
        }
    }

    @Test
    void aChildInNorwayGoesToBarnevernetAndTheLeadConsidersTheDutyToAvert() {
        for (ConsentAnswers consent : List.of(none(), safely(ALL_YES), safely(ALL_NO))) {
            assertThat(plan(POSITIVE, CHILD, NORWAY, consent).referrals())
                    .containsExactly(
                            ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT),
                            ready(BARNEVERNET, URGENT),
                            ready(DUTY_TO_AVERT, URGENT));
        }
    }

    @Test
    void anAdultWillingToBeReferredIsPassedToTheNrmFirstResponderWithoutDutyToNotify() {
        assertThat(plan(POSITIVE, ADULT, ENGLAND_AND_WALES, safely(Map.of("nrm-first-responder", true)))
                        .referrals())
                .containsExactly(ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT), willing(NRM_FIRST_RESPONDER, URGENT));
    }

    @Test
    void anAdultsYesGivenInFrontOfTheCompanionIsHeldAsConsentNotObtainedSafely() {
        assertThat(plan(POSITIVE, ADULT, ENGLAND_AND_WALES, unsafely(ALL_YES)).referrals())
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT),
                        notSafely(NRM_FIRST_RESPONDER, URGENT),
                        ready(DUTY_TO_NOTIFY, URGENT));
        assertThat(plan(POSITIVE, ADULT, NORWAY, unsafely(ALL_YES)).referrals())
                .containsExactly(ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT), notSafely(ROSA, URGENT));
    }

    @Test
    void anAdultsNoGivenInFrontOfTheCompanionIsNotARefusal() {
        assertThat(plan(POSITIVE, ADULT, ENGLAND_AND_WALES, unsafely(ALL_NO)).find(NRM_FIRST_RESPONDER))
                .contains(notSafely(NRM_FIRST_RESPONDER, URGENT));
    }

    @Test
    void anAdultsFreeRefusalIsRecordedAsDeclinedAndTheLeadConsidersADutyToNotify() {
        assertThat(plan(POSITIVE, ADULT, ENGLAND_AND_WALES, safely(ALL_NO)).referrals())
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT),
                        declined(NRM_FIRST_RESPONDER, URGENT),
                        ready(DUTY_TO_NOTIFY, URGENT));
        assertThat(plan(POSITIVE, ADULT, NORWAY, safely(ALL_NO)).referrals())
                .containsExactly(ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT), declined(ROSA, URGENT));
    }

    @Test
    void anAdultNotAskedIsHeldAwaitingConsent() {
        assertThat(plan(POSITIVE, ADULT, ENGLAND_AND_WALES, none()).find(NRM_FIRST_RESPONDER))
                .contains(awaitingConsent(NRM_FIRST_RESPONDER, URGENT));
    }

    @Test
    void theClinicianAnsweringNoToADutyToNotifyIsHonoured() {
        var saidNo = new ConsentAnswers(ALL_NO, true, Optional.of(false));
        var saidYes = new ConsentAnswers(ALL_NO, true, Optional.of(true));

        assertThat(plan(POSITIVE, ADULT, ENGLAND_AND_WALES, saidNo).pathways()).doesNotContain(DUTY_TO_NOTIFY);
        assertThat(plan(POSITIVE, ADULT, ENGLAND_AND_WALES, saidYes).find(DUTY_TO_NOTIFY))
                .contains(ready(DUTY_TO_NOTIFY, URGENT));
    }

    @Test
    void theDutyToNotifyIsAConsiderationForTheLeadAndNamesThePatientToTheLead() {
        assertThat(DUTY_TO_NOTIFY.receiver()).isEqualTo(DESIGNATED_SAFEGUARDING_LEAD);
        assertThat(DUTY_TO_AVERT.receiver()).isEqualTo(DESIGNATED_SAFEGUARDING_LEAD);
        assertThat(ReferralIdentifiers.directoryOrganization(DUTY_TO_NOTIFY)).endsWith("|designated-safeguarding-lead");
    }

    @Test
    void anAdultIsReferredToHelplinesOnlyWithAgreementGivenSafely() {
        assertThat(plan(POSITIVE, ADULT, ENGLAND_AND_WALES, safely(ALL_YES)).pathways())
                .contains(MODERN_SLAVERY_HELPLINE, SALVATION_ARMY_REFERRAL_HELPLINE);
        for (ConsentAnswers consent : List.of(none(), safely(ALL_NO), unsafely(ALL_YES))) {
            assertThat(plan(POSITIVE, ADULT, ENGLAND_AND_WALES, consent).pathways())
                    .doesNotContain(MODERN_SLAVERY_HELPLINE, SALVATION_ARMY_REFERRAL_HELPLINE);
        }
    }

    @Test
    void anAdultInNorwayAgreeingSafelyIsReferredToRosaAndThePolice() {
        assertThat(plan(POSITIVE, ADULT, NORWAY, safely(ALL_YES)).referrals())
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT), ready(ROSA, URGENT), ready(POLICE_NO, URGENT));
    }

    @Test
    void aHighRiskAdultInNorwayLeavesTheLeadToConsiderTheDutyToAvert() {
        assertThat(plan(HIGH_RISK, ADULT, NORWAY, none()).find(DUTY_TO_AVERT)).contains(ready(DUTY_TO_AVERT, ASAP));
        assertThat(plan(POSITIVE, ADULT, NORWAY, none()).pathways()).doesNotContain(DUTY_TO_AVERT);
    }

    @Test
    void dangerNotRuledOutAsksTheLeadToReviewTheSameDay() {
        ReferralPlan plan = plan(HIGH_RISK, ADULT, ENGLAND_AND_WALES, none(), ScreeningFinding.DANGER_UNCERTAIN);

        assertThat(plan.find(DESIGNATED_SAFEGUARDING_LEAD))
                .contains(leadReview(ASAP, LeadReviewReason.SAME_DAY_REVIEW));
    }

    @Test
    void immediateDangerCallsThePoliceEmergencyLineOfTheJurisdictionWhateverTheConsent() {
        for (ConsentAnswers consent : List.of(none(), safely(ALL_YES), safely(ALL_NO))) {
            assertThat(plan(IMMEDIATE_DANGER, ADULT, ENGLAND_AND_WALES, consent).find(POLICE_EMERGENCY))
                    .contains(ready(POLICE_EMERGENCY, STAT));
            assertThat(plan(IMMEDIATE_DANGER, ADULT, NORWAY, consent).find(POLICE_EMERGENCY_NO))
                    .contains(ready(POLICE_EMERGENCY_NO, STAT));
            assertThat(plan(IMMEDIATE_DANGER, CHILD, NORWAY, consent).find(POLICE_EMERGENCY_NO))
                    .contains(ready(POLICE_EMERGENCY_NO, STAT));
        }
    }

    @ParameterizedTest
    @EnumSource(Jurisdiction.class)
    void noPathwayOfTheOtherJurisdictionIsEverPlanned(Jurisdiction jurisdiction) {
        Set<ReferralPathway> plannable = ReferralPlanner.plannable(jurisdiction);
        for (ScreeningOutcome outcome : ScreeningOutcome.values()) {
            for (AgeFinding age : List.of(ADULT, AGE_UNKNOWN, CHILD)) {
                for (ConsentAnswers consent :
                        List.of(none(), safely(ALL_YES), safely(ALL_NO), unsafely(ALL_YES), unsafely(ALL_NO))) {
                    assertThat(plan(
                                            outcome,
                                            age,
                                            jurisdiction,
                                            consent,
                                            ScreeningFinding.CONCERN_RAISED,
                                            ScreeningFinding.DANGER_UNCERTAIN)
                                    .pathways())
                            .isSubsetOf(plannable);
                }
            }
        }
        assertThat(ReferralPlanner.plannable(ENGLAND_AND_WALES))
                .doesNotContainAnyElementsOf(
                        EnumSet.of(ROSA, BARNEVERNET, POLICE_NO, POLICE_EMERGENCY_NO, DUTY_TO_AVERT));
        assertThat(ReferralPlanner.plannable(NORWAY))
                .doesNotContainAnyElementsOf(EnumSet.of(
                        CHILD_PROTECTION,
                        NRM_FIRST_RESPONDER,
                        DUTY_TO_NOTIFY,
                        MODERN_SLAVERY_HELPLINE,
                        POLICE_EMERGENCY));
    }

    @Test
    void aRecordedRefusalOutranksAgreementGivenInTheScreen() {
        ConsentAnswers screenSaidYes = safely(Map.of("nrm-first-responder", true));

        ReferralPlan plan = planner.plan(
                assessment(POSITIVE, ADULT, screenSaidYes),
                ENGLAND_AND_WALES,
                ConsentState.of(
                        screenSaidYes, List.of(recorded(NRM_FIRST_RESPONDER, Consent.ConsentProvisionType.DENY))));

        assertThat(plan.find(NRM_FIRST_RESPONDER)).contains(declined(NRM_FIRST_RESPONDER, URGENT));
        assertThat(plan.find(DUTY_TO_NOTIFY)).contains(ready(DUTY_TO_NOTIFY, URGENT));
    }

    @Test
    void aRecordedAgreementCountsEvenWhenTheScreenWasNotDoneSafely() {
        ConsentAnswers unsafe = unsafely(Map.of("nrm-first-responder", true));

        ReferralPlan plan = planner.plan(
                assessment(POSITIVE, ADULT, unsafe),
                ENGLAND_AND_WALES,
                ConsentState.of(unsafe, List.of(recorded(NRM_FIRST_RESPONDER, Consent.ConsentProvisionType.PERMIT))));

        assertThat(plan.find(NRM_FIRST_RESPONDER)).contains(willing(NRM_FIRST_RESPONDER, URGENT));
        assertThat(plan.pathways()).doesNotContain(DUTY_TO_NOTIFY);
    }

    static Consent recorded(ReferralPathway pathway, Consent.ConsentProvisionType type) {
        Consent consent = new Consent().setStatus(Consent.ConsentState.ACTIVE);
        consent.addCategory()
                .addCoding(new Coding(Canonicals.codeSystem(Canonicals.REFERRAL_PATHWAY), pathway.code(), null));
        consent.getProvision().setType(type);
        consent.setDateTime(Date.from(Instant.parse("2026-11-21T09:00:00Z")));
        return consent;
    }

    private ReferralPlan plan(
            ScreeningOutcome outcome,
            AgeFinding age,
            Jurisdiction jurisdiction,
            ConsentAnswers consent,
            ScreeningFinding... findings) {
        return planner.plan(
                assessment(outcome, age, consent, findings), jurisdiction, ConsentState.of(consent, List.of()));
    }

    static ScreeningAssessment assessment(
            ScreeningOutcome outcome, AgeFinding age, ConsentAnswers consent, ScreeningFinding... findings) {
        Set<ScreeningFinding> all = EnumSet.noneOf(ScreeningFinding.class);
        all.addAll(List.of(findings));
        if (!age.established()) {
            all.add(ScreeningFinding.AGE_TO_ESTABLISH);
        }
        return new ScreeningAssessment(outcome, age, Set.of(ExploitationType.UNKNOWN), consent, all, Optional.empty());
    }

    static ConsentAnswers none() {
        return new ConsentAnswers(Map.of(), true, Optional.empty());
    }

    static ConsentAnswers safely(Map<String, Boolean> answers) {
        return new ConsentAnswers(answers, true, Optional.empty());
    }

    static ConsentAnswers unsafely(Map<String, Boolean> answers) {
        return new ConsentAnswers(answers, false, Optional.empty());
    }

    static PlannedReferral ready(ReferralPathway pathway, ReferralPriority priority) {
        return new PlannedReferral(pathway, "requested", "awaiting-review", priority, Set.of());
    }

    static PlannedReferral leadReview(ReferralPriority priority, LeadReviewReason... reasons) {
        return new PlannedReferral(
                DESIGNATED_SAFEGUARDING_LEAD, "requested", "awaiting-review", priority, Set.of(reasons));
    }

    static PlannedReferral willing(ReferralPathway pathway, ReferralPriority priority) {
        return new PlannedReferral(pathway, "requested", "willing-to-be-referred", priority, Set.of());
    }

    static PlannedReferral awaitingConsent(ReferralPathway pathway, ReferralPriority priority) {
        return new PlannedReferral(pathway, "on-hold", "awaiting-consent", priority, Set.of());
    }

    static PlannedReferral notSafely(ReferralPathway pathway, ReferralPriority priority) {
        return new PlannedReferral(pathway, "on-hold", "consent-not-obtained-safely", priority, Set.of());
    }

    static PlannedReferral declined(ReferralPathway pathway, ReferralPriority priority) {
        return new PlannedReferral(pathway, "cancelled", "declined-by-patient", priority, Set.of());
    }
}
