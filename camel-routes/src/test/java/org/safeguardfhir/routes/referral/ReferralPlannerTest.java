package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
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
import static org.safeguardfhir.routes.referral.ReferralPriority.ASAP;
import static org.safeguardfhir.routes.referral.ReferralPriority.STAT;
import static org.safeguardfhir.routes.referral.ReferralPriority.URGENT;
import static org.safeguardfhir.routes.screening.ScreeningOutcome.HIGH_RISK;
import static org.safeguardfhir.routes.screening.ScreeningOutcome.IMMEDIATE_DANGER;
import static org.safeguardfhir.routes.screening.ScreeningOutcome.NEGATIVE;
import static org.safeguardfhir.routes.screening.ScreeningOutcome.POSITIVE;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.safeguardfhir.routes.screening.AgeGroup;
import org.safeguardfhir.routes.screening.ConsentAnswers;
import org.safeguardfhir.routes.screening.ExploitationType;
import org.safeguardfhir.routes.screening.ScreeningAssessment;
import org.safeguardfhir.routes.screening.ScreeningOutcome;
import org.safeguardfhir.terminology.Canonicals;

class ReferralPlannerTest {

    private static final Map<String, Boolean> NOTHING_KNOWN = Map.of();
    private static final Map<String, Boolean> ALL_PERMITTED = Map.of(
            "nrm-first-responder", true,
            "modern-slavery-helpline", true,
            "salvation-army-referral-helpline", true,
            "rosa", true,
            "police-no", true);
    private static final Map<String, Boolean> ALL_REFUSED = Map.of(
            "nrm-first-responder", false,
            "modern-slavery-helpline", false,
            "salvation-army-referral-helpline", false,
            "rosa", false,
            "police-no", false);

    private final ReferralPlanner planner = new ReferralPlanner();

    @ParameterizedTest
    @CsvSource({"ADULT,UK", "ADULT,NO", "CHILD,UK", "CHILD,NO"})
    void negativeScreenPlansNothing(AgeGroup ageGroup, Jurisdiction jurisdiction) {
        assertThat(plan(NEGATIVE, ageGroup, jurisdiction, ALL_PERMITTED).referrals())
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"POSITIVE,URGENT", "HIGH_RISK,ASAP", "IMMEDIATE_DANGER,STAT"})
    void everyReferralOfAScreenHasThePriorityOfItsOutcome(ScreeningOutcome outcome, ReferralPriority priority) {
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            for (AgeGroup ageGroup : AgeGroup.values()) {
                assertThat(plan(outcome, ageGroup, jurisdiction, NOTHING_KNOWN).referrals())
                        .isNotEmpty()
                        .allSatisfy(referral -> assertThat(referral.priority()).isEqualTo(priority));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"ADULT,UK", "ADULT,NO", "CHILD,UK", "CHILD,NO"})
    void designatedSafeguardingLeadIsAlwaysReadyFirst(AgeGroup ageGroup, Jurisdiction jurisdiction) {
        for (Map<String, Boolean> consent : List.of(NOTHING_KNOWN, ALL_PERMITTED, ALL_REFUSED)) {
            assertThat(plan(POSITIVE, ageGroup, jurisdiction, consent).referrals())
                    .first()
                    .isEqualTo(ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT));
        }
    }

    @Test
    void childInTheUkGoesToChildProtectionWhateverTheConsentAnswers() {
        for (Map<String, Boolean> consent : List.of(NOTHING_KNOWN, ALL_PERMITTED, ALL_REFUSED)) {
            assertThat(plan(POSITIVE, AgeGroup.CHILD, Jurisdiction.UK, consent).referrals())
                    .containsExactly(ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT), ready(CHILD_PROTECTION, URGENT));
        }
    }

    @Test
    void childInNorwayGoesToBarnevernetWhateverTheConsentAnswers() {
        for (Map<String, Boolean> consent : List.of(NOTHING_KNOWN, ALL_PERMITTED, ALL_REFUSED)) {
            assertThat(plan(HIGH_RISK, AgeGroup.CHILD, Jurisdiction.NO, consent).referrals())
                    .containsExactly(ready(DESIGNATED_SAFEGUARDING_LEAD, ASAP), ready(BARNEVERNET, ASAP));
        }
    }

    @Test
    void adultInTheUkWithNrmConsentIsReferredToTheNrmWithoutDutyToNotify() {
        assertThat(plan(POSITIVE, AgeGroup.ADULT, Jurisdiction.UK, Map.of("nrm-first-responder", true))
                        .referrals())
                .containsExactly(ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT), ready(NRM_FIRST_RESPONDER, URGENT));
    }

    @ParameterizedTest
    @EnumSource(Consentless.class)
    void adultInTheUkWithoutNrmConsentIsHeldForConsentAndNotifiedAnonymously(Consentless consent) {
        assertThat(plan(POSITIVE, AgeGroup.ADULT, Jurisdiction.UK, consent.answers)
                        .referrals())
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT),
                        awaitingConsent(NRM_FIRST_RESPONDER, URGENT),
                        anonymous(DUTY_TO_NOTIFY, URGENT));
    }

    @Test
    void adultInTheUkIsReferredToHelplinesOnlyWithConsent() {
        assertThat(plan(HIGH_RISK, AgeGroup.ADULT, Jurisdiction.UK, ALL_PERMITTED)
                        .referrals())
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, ASAP),
                        ready(NRM_FIRST_RESPONDER, ASAP),
                        ready(MODERN_SLAVERY_HELPLINE, ASAP),
                        ready(SALVATION_ARMY_REFERRAL_HELPLINE, ASAP));
        assertThat(plan(HIGH_RISK, AgeGroup.ADULT, Jurisdiction.UK, ALL_REFUSED).pathways())
                .doesNotContain(MODERN_SLAVERY_HELPLINE, SALVATION_ARMY_REFERRAL_HELPLINE);
    }

    @Test
    void adultInNorwayWithConsentIsReferredToRosaAndThePolice() {
        assertThat(plan(POSITIVE, AgeGroup.ADULT, Jurisdiction.NO, ALL_PERMITTED)
                        .referrals())
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT), ready(ROSA, URGENT), ready(POLICE_NO, URGENT));
    }

    @ParameterizedTest
    @EnumSource(Consentless.class)
    void adultInNorwayWithoutConsentIsHeldForRosaAndNotReferredToThePolice(Consentless consent) {
        assertThat(plan(POSITIVE, AgeGroup.ADULT, Jurisdiction.NO, consent.answers)
                        .referrals())
                .containsExactly(ready(DESIGNATED_SAFEGUARDING_LEAD, URGENT), awaitingConsent(ROSA, URGENT));
    }

    @Test
    void adultInNorwayIsNeverNotifiedThroughUkPathways() {
        assertThat(plan(HIGH_RISK, AgeGroup.ADULT, Jurisdiction.NO, ALL_PERMITTED)
                        .pathways())
                .containsExactly(DESIGNATED_SAFEGUARDING_LEAD, ROSA, POLICE_NO);
        assertThat(plan(HIGH_RISK, AgeGroup.ADULT, Jurisdiction.NO, ALL_REFUSED).pathways())
                .containsExactly(DESIGNATED_SAFEGUARDING_LEAD, ROSA);
    }

    @Test
    void immediateDangerCallsTheUkPoliceWithoutConsent() {
        assertThat(plan(IMMEDIATE_DANGER, AgeGroup.ADULT, Jurisdiction.UK, ALL_REFUSED)
                        .referrals())
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, STAT),
                        awaitingConsent(NRM_FIRST_RESPONDER, STAT),
                        anonymous(DUTY_TO_NOTIFY, STAT),
                        ready(POLICE_EMERGENCY, STAT));
    }

    @Test
    void immediateDangerCallsTheNorwegianPoliceOnceWhateverTheConsent() {
        for (Map<String, Boolean> consent : List.of(NOTHING_KNOWN, ALL_PERMITTED, ALL_REFUSED)) {
            assertThat(plan(IMMEDIATE_DANGER, AgeGroup.ADULT, Jurisdiction.NO, consent)
                            .find(POLICE_NO))
                    .contains(ready(POLICE_NO, STAT));
        }
    }

    @Test
    void immediateDangerToAChildAddsThePoliceOfTheJurisdiction() {
        assertThat(plan(IMMEDIATE_DANGER, AgeGroup.CHILD, Jurisdiction.UK, NOTHING_KNOWN)
                        .referrals())
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, STAT),
                        ready(CHILD_PROTECTION, STAT),
                        ready(POLICE_EMERGENCY, STAT));
        assertThat(plan(IMMEDIATE_DANGER, AgeGroup.CHILD, Jurisdiction.NO, NOTHING_KNOWN)
                        .referrals())
                .containsExactly(
                        ready(DESIGNATED_SAFEGUARDING_LEAD, STAT), ready(BARNEVERNET, STAT), ready(POLICE_NO, STAT));
    }

    @Test
    void onlyDutyToNotifyIsAnonymous() {
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            for (AgeGroup ageGroup : AgeGroup.values()) {
                for (Map<String, Boolean> consent : List.of(NOTHING_KNOWN, ALL_PERMITTED, ALL_REFUSED)) {
                    assertThat(plan(IMMEDIATE_DANGER, ageGroup, jurisdiction, consent)
                                    .referrals())
                            .allSatisfy(referral ->
                                    assertThat(referral.anonymous()).isEqualTo(referral.pathway() == DUTY_TO_NOTIFY));
                }
            }
        }
    }

    @Test
    void aRecordedRefusalOutranksConsentGivenInTheScreen() {
        Consent refusal = new Consent().setStatus(Consent.ConsentState.ACTIVE);
        refusal.addCategory()
                .addCoding(new Coding(
                        Canonicals.codeSystem(Canonicals.REFERRAL_PATHWAY), NRM_FIRST_RESPONDER.code(), null));
        refusal.getProvision().setType(Consent.ConsentProvisionType.DENY);
        refusal.setDateTime(Date.from(Instant.parse("2026-11-21T09:00:00Z")));
        ConsentAnswers screenSaidYes = new ConsentAnswers(Map.of("nrm-first-responder", true));

        ReferralPlan plan = planner.plan(
                assessment(POSITIVE, AgeGroup.ADULT, screenSaidYes),
                Jurisdiction.UK,
                ConsentState.of(screenSaidYes, List.of(refusal)));

        assertThat(plan.find(NRM_FIRST_RESPONDER)).contains(awaitingConsent(NRM_FIRST_RESPONDER, URGENT));
        assertThat(plan.find(DUTY_TO_NOTIFY)).contains(anonymous(DUTY_TO_NOTIFY, URGENT));
    }

    /** Consent answers under which an adult has not agreed to any pathway. */
    enum Consentless {
        UNKNOWN(NOTHING_KNOWN),
        REFUSED(ALL_REFUSED);

        final Map<String, Boolean> answers;

        Consentless(Map<String, Boolean> answers) {
            this.answers = answers;
        }
    }

    private ReferralPlan plan(
            ScreeningOutcome outcome, AgeGroup ageGroup, Jurisdiction jurisdiction, Map<String, Boolean> answers) {
        ConsentAnswers consent = new ConsentAnswers(answers);
        return planner.plan(assessment(outcome, ageGroup, consent), jurisdiction, ConsentState.of(consent, List.of()));
    }

    private static ScreeningAssessment assessment(ScreeningOutcome outcome, AgeGroup ageGroup, ConsentAnswers consent) {
        return new ScreeningAssessment(outcome, ageGroup, Set.of(ExploitationType.UNKNOWN), consent);
    }

    static PlannedReferral ready(ReferralPathway pathway, ReferralPriority priority) {
        return new PlannedReferral(pathway, "requested", "awaiting-review", priority, false);
    }

    static PlannedReferral awaitingConsent(ReferralPathway pathway, ReferralPriority priority) {
        return new PlannedReferral(pathway, "on-hold", "awaiting-consent", priority, false);
    }

    static PlannedReferral anonymous(ReferralPathway pathway, ReferralPriority priority) {
        return new PlannedReferral(pathway, "requested", "awaiting-review", priority, true);
    }
}
