package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.routes.screening.CodeSystemFile;
import org.safeguardfhir.terminology.Canonicals;

class PlannedReferralTest {

    @Test
    void statusesAreFhirTaskStatusCodes() {
        assertThat(PlannedReferral.REQUESTED).isEqualTo(TaskStatus.REQUESTED.toCode());
        assertThat(PlannedReferral.ON_HOLD).isEqualTo(TaskStatus.ONHOLD.toCode());
    }

    @Test
    void businessStatusesPairWithTheTaskStatusTheirCodeSystemNames() {
        CodeSystem businessStatus = CodeSystemFile.read(Canonicals.REFERRAL_BUSINESS_STATUS);

        assertThat(taskStatusOf(businessStatus, PlannedReferral.AWAITING_REVIEW))
                .isEqualTo(PlannedReferral.REQUESTED);
        assertThat(taskStatusOf(businessStatus, PlannedReferral.AWAITING_CONSENT))
                .isEqualTo(PlannedReferral.ON_HOLD);
    }

    @Test
    void factoriesPairStatusesAndMarkOnlyAnonymousReferralsAnonymous() {
        assertThat(PlannedReferral.ready(ReferralPathway.ROSA, ReferralPriority.URGENT))
                .isEqualTo(new PlannedReferral(
                        ReferralPathway.ROSA, "requested", "awaiting-review", ReferralPriority.URGENT, false));
        assertThat(PlannedReferral.awaitingConsent(ReferralPathway.ROSA, ReferralPriority.URGENT))
                .isEqualTo(new PlannedReferral(
                        ReferralPathway.ROSA, "on-hold", "awaiting-consent", ReferralPriority.URGENT, false));
        assertThat(PlannedReferral.anonymous(ReferralPathway.DUTY_TO_NOTIFY, ReferralPriority.ASAP))
                .isEqualTo(new PlannedReferral(
                        ReferralPathway.DUTY_TO_NOTIFY, "requested", "awaiting-review", ReferralPriority.ASAP, true));
    }

    @Test
    void everyComponentButAnonymousIsRequired() {
        assertThatThrownBy(
                        () -> new PlannedReferral(null, "requested", "awaiting-review", ReferralPriority.STAT, false))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PlannedReferral(ReferralPathway.ROSA, "requested", "awaiting-review", null, false))
                .isInstanceOf(NullPointerException.class);
    }

    private static String taskStatusOf(CodeSystem codeSystem, String code) {
        ConceptDefinitionComponent concept = codeSystem.getConcept().stream()
                .filter(c -> c.getCode().equals(code))
                .findFirst()
                .orElseThrow();
        return concept.getProperty().stream()
                .filter(p -> p.getCode().equals("taskStatus"))
                .findFirst()
                .orElseThrow()
                .getValueCoding()
                .getCode();
    }
}
