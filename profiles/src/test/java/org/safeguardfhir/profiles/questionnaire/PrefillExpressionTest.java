package org.safeguardfhir.profiles.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.safeguardfhir.profiles.ScreeningInstrument;
import org.safeguardfhir.profiles.sdc.QuestionnairePopulator;
import org.safeguardfhir.profiles.sdc.SdcExpressions;

/** What the record pre-fills: the under-18 answer from the birth date, a professional interpreter from languages. */
class PrefillExpressionTest {

    private static final QuestionnairePopulator POPULATOR =
            new QuestionnairePopulator(new SdcExpressions(ScreeningArtefacts.FHIR));

    @Test
    void birthDateUnder18AnswersTheAgeQuestionYes() {
        var response = populate(
                ScreeningInstrument.ADULT, "en", patient(LocalDate.now().minusYears(15), null));

        assertThat(answer(response, "private.age")).hasValueSatisfying(coding -> {
            assertThat(coding.getSystem()).isEqualTo("https://safeguardfhir.org/fhir/CodeSystem/screening-answer");
            assertThat(coding.getCode()).isEqualTo("yes");
        });
    }

    @Test
    void adultOrUnknownBirthDateLeavesTheAgeQuestionToThePatient() {
        assertThat(answer(
                        populate(ScreeningInstrument.ADULT, "en", patient(LocalDate.of(1990, 5, 1), null)),
                        "private.age"))
                .isEmpty();
        assertThat(answer(populate(ScreeningInstrument.ADULT, "en", patient(null, null)), "private.age"))
                .isEmpty();
    }

    @Test
    void languageOtherThanTheFormsPreFillsAProfessionalInterpreter() {
        for (ScreeningInstrument instrument : ScreeningInstrument.values()) {
            for (String language : ScreeningInstrument.LANGUAGES) {
                var response = populate(instrument, language, patient(null, "ro"));

                assertThat(answer(response, "context.interpreter"))
                        .as("%s %s", instrument, language)
                        .hasValueSatisfying(
                                coding -> assertThat(coding.getCode()).isEqualTo("professional"));
            }
        }
    }

    @Test
    void theFormsOwnLanguageOrNoRecordedLanguagePreFillsNoInterpreter() {
        assertThat(answer(populate(ScreeningInstrument.CHILD, "en", patient(null, "en-GB")), "context.interpreter"))
                .isEmpty();
        assertThat(answer(populate(ScreeningInstrument.CHILD, "nb", patient(null, "nn")), "context.interpreter"))
                .isEmpty();
        assertThat(answer(populate(ScreeningInstrument.CHILD, "nb", patient(null, "en")), "context.interpreter"))
                .hasValueSatisfying(coding -> assertThat(coding.getCode()).isEqualTo("professional"));
        assertThat(answer(populate(ScreeningInstrument.ADULT, "en", patient(null, null)), "context.interpreter"))
                .isEmpty();
    }

    @Test
    void populatedResponseIsInProgressForTheVariantAndSubject() {
        var response = populate(ScreeningInstrument.ADULT, "nb", patient(null, "ro"));

        assertThat(response.getStatus()).isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
        assertThat(response.getQuestionnaire()).startsWith(ScreeningInstrument.ADULT.variantCanonical("nb") + "|");
        assertThat(response.getSubject().getReference()).isEqualTo("Patient/p1");
        assertThat(response.getLanguage()).isEqualTo("nb");
    }

    private static QuestionnaireResponse populate(ScreeningInstrument instrument, String language, Patient patient) {
        return POPULATOR.populate(
                ScreeningArtefacts.questionnaire(instrument.variantCanonical(language)),
                patient,
                new Reference("Patient/p1"));
    }

    private static Patient patient(LocalDate birthDate, String language) {
        var patient = new Patient();
        if (birthDate != null) {
            patient.setBirthDateElement(new DateType(birthDate.toString()));
        }
        if (language != null) {
            patient.addCommunication()
                    .setLanguage(new CodeableConcept(new Coding("urn:ietf:bcp:47", language, null)))
                    .setPreferred(true);
        }
        return patient;
    }

    private static Optional<Coding> answer(QuestionnaireResponse response, String linkId) {
        return find(response.getItem(), linkId)
                .filter(QuestionnaireResponseItemComponent::hasAnswer)
                .map(item -> item.getAnswerFirstRep().getValueCoding());
    }

    private static Optional<QuestionnaireResponseItemComponent> find(
            List<QuestionnaireResponseItemComponent> items, String linkId) {
        for (var item : items) {
            if (item.getLinkId().equals(linkId)) {
                return Optional.of(item);
            }
            var nested = find(item.getItem(), linkId);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }
}
