package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
        assertThat(PlannedReferral.CANCELLED).isEqualTo(TaskStatus.CANCELLED.toCode());
    }

    @Test
    void everyFactoryPairsItsBusinessStatusWithTheTaskStatusItsCodeSystemNames() {
        CodeSystem businessStatus = CodeSystemFile.read(Canonicals.REFERRAL_BUSINESS_STATUS);
        var priority = ReferralPriority.URGENT;

        assertThat(List.of(
                        PlannedReferral.ready(ReferralPathway.ROSA, priority),
                        PlannedReferral.leadReview(priority, Set.of(LeadReviewReason.ESTABLISH_AGE)),
                        PlannedReferral.willing(ReferralPathway.NRM_FIRST_RESPONDER, priority),
                        PlannedReferral.awaitingConsent(ReferralPathway.ROSA, priority),
                        PlannedReferral.consentNotObtainedSafely(ReferralPathway.ROSA, priority),
                        PlannedReferral.declined(ReferralPathway.ROSA, priority)))
                .allSatisfy(referral -> assertThat(taskStatusOf(businessStatus, referral.businessStatus()))
                        .as(referral.businessStatus())
                        .isEqualTo(referral.status()))
                .extracting(PlannedReferral::businessStatus)
                .containsExactly(
                        "awaiting-review",
                        "awaiting-review",
                        "willing-to-be-referred",
                        "awaiting-consent",
                        "consent-not-obtained-safely",
                        "declined-by-patient");
    }

    @Test
    void everyComponentIsRequired() {
        assertThatThrownBy(() ->
                        new PlannedReferral(null, "requested", "awaiting-review", ReferralPriority.STAT, Set.of()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(
                        () -> new PlannedReferral(ReferralPathway.ROSA, "requested", "awaiting-review", null, Set.of()))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void leadReviewReasonsMatchTheirCodeSystem() {
        CodeSystem reasons = CodeSystemFile.read(Canonicals.LEAD_REVIEW_REASON);

        assertThat(reasons.getConcept())
                .extracting(ConceptDefinitionComponent::getCode, ConceptDefinitionComponent::getDisplay)
                .containsExactlyElementsOf(Arrays.stream(LeadReviewReason.values())
                        .map(reason -> tuple(reason.code(), reason.display()))
                        .toList());
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
