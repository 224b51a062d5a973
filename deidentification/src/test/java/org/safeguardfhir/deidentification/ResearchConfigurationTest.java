package org.safeguardfhir.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardfhir.deidentification.Engines.CLOCK;
import static org.safeguardfhir.deidentification.Engines.key;
import static org.safeguardfhir.deidentification.Fixtures.PATIENT_REFERENCE;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.safeguardfhir.deidentification.config.DeidentificationConfig;

class ResearchConfigurationTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "SAFEGUARD_DEID_RESEARCH_HASH_KEY", key("research hash"),
            "SAFEGUARD_DEID_DATE_SHIFT_KEY", key("research dates"));

    private final Deidentifier research = new Deidentifier(Fixtures.shipped("research"), ENVIRONMENT::get, CLOCK);

    @Test
    void loads() {
        DeidentificationConfig config = Fixtures.shipped("research");

        assertThat(config.name()).isEqualTo("research");
        assertThat(config.parameters().dateShiftRangeDays()).isEqualTo(50);
        assertThat(research.resourceTypes())
                .containsExactly("Patient", "QuestionnaireResponse", "Observation", "Condition", "Task");
    }

    @ParameterizedTest
    @FieldSource("org.safeguardfhir.deidentification.Fixtures#FILES")
    void leavesNoDirectIdentifierAnywhereInTheOutput(String file) {
        Fixtures.assertNoIdentifyingValueSurvives(research, file);
    }

    @Test
    void keepsCodesAndShiftsClinicalDatesByThePatientsOffset() {
        Observation observation =
                (Observation) research.deidentify(Fixtures.resource("Observation-score.json"), PATIENT_REFERENCE);
        Condition condition =
                (Condition) research.deidentify(Fixtures.resource("Condition-concern.json"), PATIENT_REFERENCE);

        assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("raft-score");
        assertThat(observation.getValueIntegerType().getValue()).isEqualTo(4);
        assertThat(condition.getCode().getCodingFirstRep().getCode()).isEqualTo("T74.51XA");
        assertThat(condition.getCode().hasText()).isFalse();
        assertThat(condition.getRecordedDateElement().getValueAsString()).isEqualTo("2026-05");

        long observationShift =
                days("2026-05-14", observation.getEffectiveDateTimeType().getValueAsString());
        long conditionShift =
                days("2025-12-01", condition.getOnsetDateTimeType().getValueAsString());
        assertThat(observationShift).isNotZero().isEqualTo(conditionShift);
        assertThat(observation.getSubject().getReference())
                .isEqualTo(condition.getSubject().getReference())
                .matches("Patient/[0-9a-f]{64}");
    }

    @Test
    void keepsNationalityAsACodedCountryOnly() {
        Patient patient = Engines.parse(
                Patient.class,
                """
                {"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1994-03-17",
                 "address": [{"line": ["9 Oldham Road"], "postalCode": "M4 5JD"}],
                 "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/patient-nationality",
                   "extension": [
                     {"url": "code", "valueCodeableConcept": {"text": "Albanian national",
                       "coding": [{"system": "urn:iso:std:iso:3166", "code": "AL"}]}},
                     {"url": "period", "valuePeriod": {"start": "2019-02-01"}}]}]}
                """);

        Patient out = (Patient) research.deidentify(patient, null);

        var nationality = out.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/patient-nationality");
        assertThat(nationality).isNotNull();
        assertThat(nationality.getExtension()).hasSize(1);
        var code = (CodeableConcept) nationality.getExtensionByUrl("code").getValue();
        assertThat(code.getCodingFirstRep().getCode()).isEqualTo("AL");
        assertThat(code.hasText()).isFalse();
        assertThat(out.getAddressFirstRep().getPostalCode()).isEqualTo("M4");
        assertThat(out.getAddressFirstRep().hasLine()).isFalse();
        assertThat(Engines.json(out)).doesNotContain("Albanian national", "2019-02-01", "Oldham");
    }

    @Test
    void keepsCodedScreeningAnswersAndDropsFreeText() {
        QuestionnaireResponse response = Engines.parse(
                QuestionnaireResponse.class,
                """
                {"resourceType": "QuestionnaireResponse", "id": "qr1", "status": "completed",
                 "meta": {"security": [
                   {"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "R"},
                   {"system": "https://safeguardfhir.org/fhir/CodeSystem/safeguarding-security-policy", "code": "HT"}],
                   "tag": [{"system": "https://safeguardfhir.org/fhir/CodeSystem/tag", "code": "owner-7"}]},
                 "questionnaire": "https://safeguardfhir.org/fhir/Questionnaire/trafficking-screening-adult|0.1.0",
                 "subject": {"reference": "Patient/pat-amira-7731"}, "authored": "2026-05-14T08:55:00Z",
                 "author": {"reference": "Practitioner/prac-quinn-55"},
                 "item": [
                   {"linkId": "private", "text": "In private", "item": [
                     {"linkId": "private.documents", "text": "Who holds your documents?",
                      "answer": [{"valueCoding": {"system": "https://safeguardfhir.org/fhir/CodeSystem/answer",
                                                  "code": "yes"},
                                  "item": [{"linkId": "private.documents.who", "answer": [{"valueBoolean": true}]}]}]}]},
                   {"linkId": "context.seen-alone", "answer": [{"valueBoolean": false}]},
                   {"linkId": "contact.phone", "answer": [{"valueString": "07700 900123"}]}]}
                """);

        var out = (QuestionnaireResponse) research.deidentify(response, PATIENT_REFERENCE);

        assertThat(out.getItem()).hasSize(3);
        var documents = out.getItemFirstRep().getItemFirstRep();
        assertThat(documents.getLinkId()).isEqualTo("private.documents");
        assertThat(documents.getAnswerFirstRep().getValueCoding().getCode()).isEqualTo("yes");
        assertThat(documents.getAnswerFirstRep().hasItem())
                .as("items under an answer are not named by the rules, so they go")
                .isFalse();
        assertThat(out.getItem()
                        .get(1)
                        .getAnswerFirstRep()
                        .getValueBooleanType()
                        .booleanValue())
                .isFalse();
        assertThat(out.getItem().get(2).hasAnswer()).isFalse();
        assertThat(out.getSubject().getReference()).matches("Patient/[0-9a-f]{64}");
        assertThat(out.getQuestionnaire()).endsWith("trafficking-screening-adult|0.1.0");
        assertThat(Engines.json(out))
                .doesNotContain("07700", "Who holds", "prac-quinn", "qr1", "2026-05-14")
                .as("labels and tags say what the record is about")
                .doesNotContain("v3-Confidentiality", "safeguarding-security-policy", "owner-7");
    }

    @Test
    void referralTasksKeepTheirPathwayAndLinkToTheirScreeningByPseudonym() {
        Task task = (Task) research.deidentify(Fixtures.resource("Task-referral.json"), PATIENT_REFERENCE);
        QuestionnaireResponse response = (QuestionnaireResponse)
                research.deidentify(Fixtures.resource("QuestionnaireResponse-raft.json"), PATIENT_REFERENCE);
        Task linkedOut = (Task) research.deidentify(withFocus("QuestionnaireResponse/qr-raft-8812"), PATIENT_REFERENCE);

        assertThat(task.getCode().getCodingFirstRep().getCode()).isEqualTo("nrm-first-responder");
        assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.URGENT);
        assertThat(task.getFor().getReference()).isEqualTo(response.getSubject().getReference());
        assertThat(linkedOut.getFocus().getReference()).isEqualTo("QuestionnaireResponse/" + response.getIdPart());
        assertThat(task.getBusinessStatus().hasText()).isFalse();
        assertThat(task.hasOwner()).isFalse();
    }

    private static Task withFocus(String focus) {
        Task task = Fixtures.resource("Task-referral.json", Task.class);
        task.setFocus(new Reference(focus));
        return task;
    }

    private static long days(String original, String shifted) {
        return ChronoUnit.DAYS.between(LocalDate.parse(original), LocalDate.parse(shifted.substring(0, 10)));
    }
}
