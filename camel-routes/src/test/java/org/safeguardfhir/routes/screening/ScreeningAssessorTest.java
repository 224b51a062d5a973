package org.safeguardfhir.routes.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

class ScreeningAssessorTest {

    private final ScreeningAssessor assessor = new ScreeningAssessor();

    @Test
    void combinesOutcomeAgeExploitationAndConsentOfAnExample() {
        QuestionnaireResponse response = Examples.response("adult-screening-positive");

        ScreeningAssessment assessment = assessor.assess(response, Examples.subjectBirthDate(response));

        assertThat(assessment.outcome()).isEqualTo(ScreeningOutcome.POSITIVE);
        assertThat(assessment.ageGroup()).isEqualTo(AgeGroup.ADULT);
        assertThat(assessment.exploitation()).containsExactly(ExploitationType.LABOUR);
        assertThat(assessment.consent().byPathway())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "nrm-first-responder", true,
                        "modern-slavery-helpline", true,
                        "salvation-army-referral-helpline", false));
    }

    @Test
    void anAdultScreenWithoutAgeEvidenceIsAssessedAsAChild() {
        QuestionnaireResponse response = Examples.response("adult-screening-immediate-danger");

        assertThat(assessor.assess(response, Optional.empty()).ageGroup()).isEqualTo(AgeGroup.CHILD);
        assertThat(assessor.assess(response, Examples.subjectBirthDate(response))
                        .ageGroup())
                .isEqualTo(AgeGroup.ADULT);
    }

    @Test
    void ageIsJudgedOnTheUtcDayTheScreenWasAuthored() {
        QuestionnaireResponse response = ScreeningResponse.adult().build();
        // 00:30 in Oslo on 21 November is still 20 November in UTC.
        response.setAuthored(Date.from(Instant.parse("2026-11-20T23:30:00Z")));
        LocalDate eighteenOn21November = LocalDate.of(2008, 11, 21);

        assertThat(assessor.assess(response, Optional.of(eighteenOn21November)).ageGroup())
                .isEqualTo(AgeGroup.CHILD);
        response.setAuthored(Date.from(Instant.parse("2026-11-21T00:00:00Z")));
        assertThat(assessor.assess(response, Optional.of(eighteenOn21November)).ageGroup())
                .isEqualTo(AgeGroup.ADULT);
    }

    @Test
    void aResponseWithoutAnAuthoredDateIsRejected() {
        QuestionnaireResponse response = ScreeningResponse.adult().build();
        response.setAuthored(null);

        assertThatThrownBy(() -> assessor.assess(response, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
