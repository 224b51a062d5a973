package org.safeguardfhir.routes.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
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
    void anAdultScreenWithoutAgeEvidenceIsAssessedAsAnAdultWhoseAgeIsToBeEstablished() {
        QuestionnaireResponse response = Examples.response("adult-screening-immediate-danger");

        ScreeningAssessment withoutBirthDate = assessor.assess(response, Optional.empty());
        assertThat(withoutBirthDate.ageGroup()).isEqualTo(AgeGroup.ADULT);
        assertThat(withoutBirthDate.has(ScreeningFinding.AGE_TO_ESTABLISH)).isTrue();
        assertThat(assessor.assess(response, Examples.subjectBirthDate(response))
                        .ageGroup())
                .isEqualTo(AgeGroup.ADULT);
    }

    @Test
    void findingsComeFromTheAnswersWhateverTheOutcome() {
        ScreeningAssessment assessment = assessor.assess(
                ScreeningResponse.adult()
                        .answer("private.age", "no")
                        .answer("danger.immediate", "unsure")
                        .answer("contact.safe-to-call", "yes")
                        .answer("contact.safe-to-write", "unsure")
                        .answer("context.interpreter", "family-friend-accompanying")
                        .build(),
                Optional.empty());

        assertThat(assessment.findings())
                .containsExactly(
                        ScreeningFinding.CONCERN_RAISED,
                        ScreeningFinding.DANGER_UNCERTAIN,
                        ScreeningFinding.SAFE_CONTACT_RESTRICTED,
                        ScreeningFinding.COMPANION_INTERPRETED);
        assertThat(assessor.assess(
                                ScreeningResponse.adult()
                                        .answer("private.age", "yes")
                                        .answer("contact.safe-to-call", "yes")
                                        .build(),
                                Optional.empty())
                        .findings())
                .as("the adult form's age question is no sign of exploitation")
                .isEmpty();
    }

    @Test
    void aProfessionalInterpretersLanguageAndModeAreRecorded() {
        QuestionnaireResponse response = ScreeningResponse.adult()
                .answer("context.interpreter", "professional")
                .answerWith("context.interpreter-language", new Coding("urn:ietf:bcp:47", "ti", "Tigrinya"))
                .answer("context.interpreter-mode", "telephone")
                .build();

        assertThat(assessor.assess(response, Optional.empty()).interpreter())
                .contains(new InterpreterNeed(Optional.of("ti"), Optional.of("Tigrinya"), Optional.of("telephone")));
        assertThat(assessor.assess(
                                ScreeningResponse.adult()
                                        .answer("context.interpreter", "professional")
                                        .answerWith("context.interpreter-language", new StringType("Wolof"))
                                        .build(),
                                Optional.empty())
                        .interpreter())
                .contains(new InterpreterNeed(Optional.empty(), Optional.of("Wolof"), Optional.empty()));
        assertThat(assessor.assess(ScreeningResponse.adult().build(), Optional.empty())
                        .interpreter())
                .isEmpty();
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
