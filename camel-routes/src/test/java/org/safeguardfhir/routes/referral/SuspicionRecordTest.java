package org.safeguardfhir.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.routes.screening.AgeGroup;
import org.safeguardfhir.routes.screening.ExploitationType;

class SuspicionRecordTest {

    private static final Reference LEAD = new Reference()
            .setIdentifier(new Identifier().setValue("Practitioner/lead-1"))
            .setType("Practitioner");

    @Test
    void theLeadIsRecorderAndAsserterOfAProvisionalSuspicionWithoutAUsCodeByDefault() {
        var condition = new SuspicionRecord(Optional.empty())
                .condition(response(), ExploitationType.LABOUR, AgeGroup.ADULT, LEAD, "Reviewed with the patient");

        assertThat(condition.getVerificationStatus().getCodingFirstRep().getCode())
                .isEqualTo("provisional");
        assertThat(condition.getCode().getCoding()).extracting(Coding::getCode).containsExactly("labour");
        assertThat(condition.getRecorder().getIdentifier().getValue()).isEqualTo("Practitioner/lead-1");
        assertThat(condition.getAsserter().getIdentifier().getValue()).isEqualTo("Practitioner/lead-1");
        assertThat(condition.getIdentifierFirstRep().getValue()).isEqualTo("42.labour");
        assertThat(condition.getEvidenceFirstRep().getDetailFirstRep().getReference())
                .isEqualTo("QuestionnaireResponse/42");
        assertThat(condition.getNoteFirstRep().getText()).isEqualTo("Reviewed with the patient");
        assertThat(condition.getMeta().getSecurity())
                .extracting(Coding::getCode)
                .containsExactlyInAnyOrder("R", "HT");
    }

    @Test
    void icd10cmIsCodedOnlyWhereTheDeploymentAsksForIt() {
        var condition = new SuspicionRecord(Optional.of(Icd10cmMap.load()))
                .condition(response(), ExploitationType.SEXUAL, AgeGroup.CHILD, LEAD, null);

        assertThat(condition.getCode().getCoding()).extracting(Coding::getCode).containsExactly("sexual", "T76.52");
        assertThat(condition.getMeta().getSecurity())
                .extracting(Coding::getCode)
                .contains("SDV");
        assertThat(condition.hasNote()).isFalse();
    }

    private static QuestionnaireResponse response() {
        var response = new QuestionnaireResponse();
        response.setId("QuestionnaireResponse/42/_history/3");
        response.setSubject(new Reference("Patient/7"));
        return response;
    }
}
