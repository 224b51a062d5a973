package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardfhir.routes.referral.ReferralPathway.MODERN_SLAVERY_HELPLINE;
import static org.safeguardfhir.routes.referral.ReferralPathway.NRM_FIRST_RESPONDER;
import static org.safeguardfhir.routes.referral.ReferralPathway.ROSA;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safeguardfhir.routes.referral.ConsentState.Wish;
import org.safeguardfhir.routes.screening.ConsentAnswers;
import org.safeguardfhir.terminology.Canonicals;

class ConsentStateTest {

    private static final ConsentAnswers NO_ANSWERS = safely(Map.of());
    private static final String MORNING = "2026-11-20T09:00:00Z";
    private static final String AFTERNOON = "2026-11-20T15:00:00Z";

    @Test
    void screeningAnswersDecideWhenNoConsentIsRecorded() {
        ConsentState state = ConsentState.of(
                safely(Map.of("nrm-first-responder", true, "modern-slavery-helpline", false)), List.of());

        assertThat(state.permits(NRM_FIRST_RESPONDER)).isTrue();
        assertThat(state.wish(NRM_FIRST_RESPONDER) == Wish.REFUSED).isFalse();
        assertThat(state.wish(MODERN_SLAVERY_HELPLINE) == Wish.REFUSED).isTrue();
        assertThat(state.permits(MODERN_SLAVERY_HELPLINE)).isFalse();
    }

    @Test
    void anAnswerGivenWhereItMayNotHaveBeenThePatientsIsNeitherAgreementNorRefusal() {
        ConsentState state = ConsentState.of(
                new ConsentAnswers(Map.of("nrm-first-responder", true, "rosa", false), false, Optional.empty()),
                List.of());

        assertThat(state.wish(NRM_FIRST_RESPONDER)).isEqualTo(Wish.NOT_OBTAINED_SAFELY);
        assertThat(state.wish(ROSA)).isEqualTo(Wish.NOT_OBTAINED_SAFELY);
        assertThat(state.permits(NRM_FIRST_RESPONDER)).isFalse();
    }

    @Test
    void aWithdrawnAgreementIsARefusalThatOutranksTheScreensYes() {
        Consent withdrawn = consent("nrm-first-responder", ConsentProvisionType.PERMIT, MORNING)
                .setStatus(Consent.ConsentState.INACTIVE);
        withdrawn.getMeta().setLastUpdated(Date.from(Instant.parse(AFTERNOON)));

        assertThat(ConsentState.of(safely(Map.of("nrm-first-responder", true)), List.of(withdrawn))
                        .wish(NRM_FIRST_RESPONDER))
                .isEqualTo(Wish.REFUSED);
    }

    @Test
    void aNewAgreementAfterAWithdrawalCounts() {
        Consent withdrawn = consent("nrm-first-responder", ConsentProvisionType.PERMIT, MORNING)
                .setStatus(Consent.ConsentState.INACTIVE);
        withdrawn.getMeta().setLastUpdated(Date.from(Instant.parse(MORNING)));
        Consent again = consent("nrm-first-responder", ConsentProvisionType.PERMIT, AFTERNOON);

        assertThat(ConsentState.of(NO_ANSWERS, List.of(withdrawn, again)).wish(NRM_FIRST_RESPONDER))
                .isEqualTo(Wish.AGREED);
    }

    @Test
    void nothingIsPermittedOrRefusedWhenNothingIsKnown() {
        ConsentState state = ConsentState.of(NO_ANSWERS, List.of());

        assertThat(state.permits(ROSA)).isFalse();
        assertThat(state.wish(ROSA) == Wish.REFUSED).isFalse();
    }

    @Test
    void aRecordedConsentOutranksTheScreeningAnswer() {
        ConsentAnswers saidNo = safely(Map.of("rosa", false));
        ConsentAnswers saidYes = safely(Map.of("rosa", true));

        assertThat(ConsentState.of(saidNo, List.of(consent("rosa", ConsentProvisionType.PERMIT, MORNING)))
                        .permits(ROSA))
                .isTrue();
        assertThat(ConsentState.of(saidYes, List.of(consent("rosa", ConsentProvisionType.DENY, MORNING)))
                                .wish(ROSA)
                        == Wish.REFUSED)
                .isTrue();
    }

    @Test
    void theLatestConsentDecidesEitherWay() {
        Consent permitted = consent("rosa", ConsentProvisionType.PERMIT, MORNING);
        Consent withdrawn = consent("rosa", ConsentProvisionType.DENY, AFTERNOON);
        Consent refused = consent("rosa", ConsentProvisionType.DENY, MORNING);
        Consent changedMind = consent("rosa", ConsentProvisionType.PERMIT, AFTERNOON);

        assertThat(ConsentState.of(NO_ANSWERS, List.of(permitted, withdrawn)).wish(ROSA) == Wish.REFUSED)
                .isTrue();
        assertThat(ConsentState.of(NO_ANSWERS, List.of(changedMind, refused)).permits(ROSA))
                .isTrue();
    }

    @Test
    void denyBeatsPermitWhenEquallyRecent() {
        Consent permit = consent("rosa", ConsentProvisionType.PERMIT, MORNING);
        Consent deny = consent("rosa", ConsentProvisionType.DENY, MORNING);

        assertThat(ConsentState.of(NO_ANSWERS, List.of(permit, deny)).wish(ROSA) == Wish.REFUSED)
                .isTrue();
        assertThat(ConsentState.of(NO_ANSWERS, List.of(deny, permit)).wish(ROSA) == Wish.REFUSED)
                .isTrue();
    }

    @Test
    void denyBeatsPermitWhenNeitherIsDatedAndADatedConsentBeatsAnUndatedOne() {
        List<Consent> undated = List.of(
                consent("rosa", ConsentProvisionType.PERMIT, null), consent("rosa", ConsentProvisionType.DENY, null));
        List<Consent> datedPermit = List.of(
                consent("rosa", ConsentProvisionType.DENY, null),
                consent("rosa", ConsentProvisionType.PERMIT, MORNING));

        assertThat(ConsentState.of(NO_ANSWERS, undated).wish(ROSA) == Wish.REFUSED)
                .isTrue();
        assertThat(ConsentState.of(NO_ANSWERS, datedPermit).permits(ROSA)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = Consent.ConsentState.class,
            names = {"ACTIVE"},
            mode = EnumSource.Mode.EXCLUDE)
    void onlyActiveConsentsCount(Consent.ConsentState status) {
        Consent inactive = consent("rosa", ConsentProvisionType.PERMIT, MORNING).setStatus(status);

        assertThat(ConsentState.of(safely(Map.of("rosa", false)), List.of(inactive))
                                .wish(ROSA)
                        == Wish.REFUSED)
                .isTrue();
    }

    @Test
    void consentsWithoutADecisionOrAPathwayAreIgnored() {
        Consent noType = consent("rosa", null, AFTERNOON);
        Consent otherSystem = consent("rosa", ConsentProvisionType.DENY, AFTERNOON);
        otherSystem.getCategoryFirstRep().getCodingFirstRep().setSystem("http://loinc.org");
        Consent unknownCode = consent("rosa-no", ConsentProvisionType.DENY, AFTERNOON);

        ConsentState state = ConsentState.of(safely(Map.of("rosa", true)), List.of(noType, otherSystem, unknownCode));

        assertThat(state.permits(ROSA)).isTrue();
    }

    @Test
    void aConsentDecidesOnlyForItsOwnPathway() {
        ConsentState state = ConsentState.of(
                safely(Map.of("modern-slavery-helpline", true)),
                List.of(consent("nrm-first-responder", ConsentProvisionType.DENY, MORNING)));

        assertThat(state.wish(NRM_FIRST_RESPONDER) == Wish.REFUSED).isTrue();
        assertThat(state.permits(MODERN_SLAVERY_HELPLINE)).isTrue();
    }

    @Test
    void theShippedExampleConsentPermitsTheNrmReferral() throws IOException {
        Consent example;
        try (InputStream json =
                getClass().getClassLoader().getResourceAsStream("fhir/examples/Consent-nrm-referral-permit.json")) {
            example = FhirContext.forR4Cached().newJsonParser().parseResource(Consent.class, json);
        }

        assertThat(ConsentState.of(safely(Map.of("nrm-first-responder", false)), List.of(example))
                        .permits(NRM_FIRST_RESPONDER))
                .isTrue();
    }

    private static ConsentAnswers safely(Map<String, Boolean> answers) {
        return new ConsentAnswers(answers, true, Optional.empty());
    }

    private static Consent consent(String pathway, ConsentProvisionType type, String dateTime) {
        Consent consent = new Consent().setStatus(Consent.ConsentState.ACTIVE);
        consent.addCategory().addCoding(new Coding(Canonicals.codeSystem(Canonicals.REFERRAL_PATHWAY), pathway, null));
        consent.getProvision().setType(type);
        if (dateTime != null) {
            consent.setDateTime(Date.from(Instant.parse(dateTime)));
        }
        return consent;
    }
}
